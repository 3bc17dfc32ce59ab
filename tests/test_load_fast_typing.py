"""The fast paths of typing give what the pandas lines of the generated code give.

Categories are encoded by Arrow and integer columns are checked by their cast rather than
by a pass of their own; each must produce the frame that ``astype`` produces, and a column
that only looked like whole numbers in the sample stays float without a word.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.loading.conversion import _to_category

from .test_load_realworld import load_checked


@pytest.mark.parametrize(
    "values",
    [
        ["b", "a", None, "a", ""],
        [None, None, None],
        [],
        ["é", "z", "Z", "a", "ä", "😀", "e\u0301"],
        [f"v{i}" for i in range(300)] + [None],  # more than an int8 of categories
    ],
)
def test_arrow_categories_equal_pandas_categories(values: list[str | None]) -> None:
    series = pd.Series(values, dtype="str", name="c")
    pd.testing.assert_series_equal(_to_category(series), series.astype("category"))


def test_arrow_categories_of_a_parallel_read_equal_pandas_categories(tmp_path: Path) -> None:
    """A large file is read in chunks: its text columns are chunked Arrow arrays."""
    rng = np.random.default_rng(3)
    levels = np.array(["North", "South", "East", "West", "Zürich", ""], dtype=object)
    column = levels[rng.integers(0, len(levels), 400_000)]
    column[rng.random(400_000) < 0.05] = None
    path = tmp_path / "chunks.csv"
    pd.DataFrame({"region": column, "n": np.arange(400_000)}).to_csv(path, index=False)
    series = pd.read_csv(path)["region"]
    assert series.array.__arrow_array__().num_chunks > 1  # the case this test is for
    pd.testing.assert_series_equal(_to_category(series), series.astype("category"))


def _float_column_with(value: float, rows: int = 30_000) -> pd.DataFrame:
    """Whole numbers with gaps, and ``value`` on row 501: between two sampled rows."""
    numbers = np.arange(rows, dtype="float64")
    numbers[::7] = np.nan
    numbers[501] = value
    return pd.DataFrame({"amount": numbers, "label": np.where(np.arange(rows) % 2, "a", "b")})


def test_a_fraction_the_sample_missed_keeps_the_column_float(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "fraction.csv"
    _float_column_with(12.5).to_csv(path, index=False)
    frame = load_checked(agent, path)
    assert frame["amount"].dtype == "float64" and frame["amount"].iloc[501] == 12.5
    assert not [note for note in agent.file().ready_profile.notes if "amount" in note]


def test_whole_numbers_beyond_float_precision_keep_the_column_float(
    agent: Agent, tmp_path: Path
) -> None:
    path = tmp_path / "huge.csv"
    _float_column_with(2.0**60).to_csv(path, index=False)
    assert load_checked(agent, path)["amount"].dtype == "float64"


def test_whole_numbers_with_gaps_become_integers(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "whole.csv"
    _float_column_with(7.0).to_csv(path, index=False)
    frame = load_checked(agent, path)
    assert frame["amount"].dtype == "Int64" and frame["amount"].iloc[501] == 7
    assert frame["label"].dtype == "category"


@pytest.mark.parametrize("rows", [5_000, 120_000])  # pandas' hash table, then Arrow's count
def test_exact_distinct_counts_agree_with_pandas_on_both_paths(rows: int) -> None:
    from csvagent_jupyter.loading.profile import ARROW_DISTINCT_ROWS, profile_column

    assert (rows < ARROW_DISTINCT_ROWS) == (rows == 5_000)
    rng = np.random.default_rng(rows)
    wide = pd.Series(rng.integers(-(10**15), 10**15, rows))
    floats = pd.Series(np.round(rng.normal(size=rows), 2))
    floats[:3] = [0.0, -0.0, np.nan]  # equal values with different bits; a gap
    dates = pd.Series(
        pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 10**9, rows), unit="s")
    )
    dates[5] = pd.NaT
    for series in (wide, floats, dates):
        assert profile_column("x", series).distinct == series.nunique()
