"""The fast paths of typing give what the pandas lines of the generated code give.

Categories are encoded by Arrow and integer columns are checked by their cast rather than
by a pass of their own; each must produce the frame that ``astype`` produces, and a column
that only looked like whole numbers in the sample stays float without a word.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.loading.conversion import _to_category
from csvagent_jupyter.sample_data import mixed_frame

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


@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # the std of 1e300
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
    # a long float column is counted as whole numbers of the scale its first values show,
    # when every value has it: more decimals after those rows, or a value too large to scale
    late = pd.Series(np.r_[np.round(rng.normal(size=rows), 1)[:70], rng.normal(size=rows)][:rows])
    large = pd.Series(np.r_[1e300, np.round(rng.normal(size=rows), 1)][:rows])
    whole = pd.Series(rng.integers(-50, 50, rows), dtype="Int64")
    whole[::9] = pd.NA
    for series in (wide, floats, dates, late, large, whole):
        assert profile_column("x", series).distinct == series.nunique()


def _columns_for_batch(rows: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    gaps = rng.random(rows) < 0.1
    whole = pd.Series(rng.integers(-50, 50, rows), dtype="Int64")
    whole[gaps] = pd.NA
    floats = np.round(rng.normal(size=rows), 2)
    floats[:3] = [0.0, -0.0, np.nan][:rows]
    spiky = rng.normal(size=rows)
    spiky[rows // 2] = np.inf
    stamps = pd.Series(
        np.datetime64("2020-01-01") + rng.integers(0, 900, rows).astype("timedelta64[D]")
    ).astype("datetime64[us]")
    stamps[gaps] = pd.NaT
    return pd.DataFrame(
        {
            "ints": rng.integers(0, 100_000, rows),
            "wide": rng.integers(-(10**15), 10**15, rows),
            "huge": np.full(rows, 2**60) + np.arange(rows),  # beyond 2**53: as int64
            "whole": whole,
            "floats": floats,
            "spiky": spiky,
            "empty": np.full(rows, np.nan),
            # counted as whole numbers of a decimal scale, or not: more decimals after the rows
            # that choose the scale, a value too large to scale, cents around zero
            "late decimals": np.r_[np.round(rng.normal(size=rows), 1)[:70], rng.normal(size=rows)][
                :rows
            ],
            "too large": np.r_[1e300, np.round(rng.normal(size=rows), 1)][:rows],
            "cents": np.round(rng.normal(scale=50, size=rows), 2) * np.where(gaps, np.nan, 1.0),
            "int32": rng.integers(0, 9, rows).astype(np.int32),
            "stamps": stamps,
            "ns": stamps.astype("datetime64[ns]"),
            "before 1970": stamps - pd.Timedelta(days=20_000),
            "times": stamps + pd.to_timedelta(rng.integers(0, 86_400, rows), unit="s"),
            "no dates": pd.Series([pd.NaT] * rows, dtype="datetime64[us]"),
            "text": rng.choice(["a", "b", None], rows),
            "levels": pd.Series(rng.choice(["b", "a", None, "é", "c", "d", "e"], rows)).astype(
                "category"
            ),
            "unused levels": pd.Categorical(rng.choice(["x", None], rows), categories=["y", "x"]),
        }
    )


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")  # the reference, on inf
@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # and on 1e300
@pytest.mark.parametrize("rows,seed", [(1, 0), (2, 1), (50, 2), (5000, 3)])
@pytest.mark.parametrize("group", [None, 3])  # all numeric columns in one block; three a block
def test_batched_profiles_equal_the_per_column_profiles(
    rows: int, seed: int, group: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short table's numbers and dates are profiled together (``profile_batch``): the same
    facts as one column at a time, means and standard deviations to rounding."""
    from csvagent_jupyter.loading import profile_batch
    from csvagent_jupyter.loading.profile import profile_column
    from csvagent_jupyter.loading.profile_batch import batch_profiles

    if group is not None:
        monkeypatch.setattr(profile_batch, "GROUP_BYTES", 8 * rows * group)

    frame = _columns_for_batch(rows, seed)
    items = [(str(name), series) for name, series in frame.items()]
    batched = batch_profiles(items)
    assert sorted(batched) == [i for i, (name, _) in enumerate(items) if name != "text"]
    for position, profile in batched.items():
        expected = profile_column(*items[position]).model_dump()
        got = profile.model_dump()
        for key in ("mean", "std"):
            value, wanted = got.pop(key), expected.pop(key)
            assert value == (wanted if wanted is None else pytest.approx(wanted, rel=1e-12))
        assert got == expected, items[position][0]


@pytest.mark.filterwarnings("ignore:invalid value:RuntimeWarning")
@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")
def test_a_short_tables_profile_is_batched_and_exact() -> None:
    from csvagent_jupyter.loading.profile import profile_column, profile_frame

    frame = _columns_for_batch(300, 5)
    profile = profile_frame(frame, exact=False, bytes=0, encoding="utf-8", delimiter=",")
    assert profile.exact
    for column, (name, series) in zip(profile.column_profiles, frame.items(), strict=True):
        expected = profile_column(str(name), series)
        assert (column.name, column.type, column.nulls, column.distinct) == (
            expected.name,
            expected.type,
            expected.nulls,
            expected.distinct,
        )


ISO_COLUMNS = {
    "dates": ["2021-03-01", "2020-12-31", None, "2021-01-15"],
    "stamps": ["2021-03-01 10:00:00", "2021-03-01T11:30:00", "2021-03-02 00:00:00", None],
    "first empty": [None, "2021-03-01", "2021-03-02", "2021-03-03"],
    "all empty": [None, None, None, None],
    "one odd": ["2021-03-01", "2021-03-02", "soon", "2021-03-04"],
    "offsets": ["2021-03-01T10:00:00+01:00", "2021-03-01T11:00:00+01:00", None, None],
    "codes": ["123-456", "123-457", "123-458", "123-459"],
    "no dash": ["20210301", "20210302", "20210303", "20210304"],
    "placeholder": ["2021-03-01", "n/a", "2021-03-03", "2021-03-04"],
    "text": ["a", "b", "c", "d"],
}


@pytest.mark.parametrize("rows", [4, 3000])  # all of it sampled; a sample of it
def test_iso_dates_converted_at_inference_type_as_before(rows: int) -> None:
    """A short column of ISO dates is cast whole by its inference (``prepared``): the same
    conversions, the same columns and the same notes as inference and conversion apart."""
    repeat = rows // 4
    source = pd.DataFrame(
        {name: pd.Series(values * repeat, dtype="str") for name, values in ISO_COLUMNS.items()}
    )
    fused, prepared = _converted_fused_and_apart(source)
    # (the columns of repeated text become categories as inference reads them: encoded.py)
    dates = sorted(name for name, column in prepared.items() if column.dtype != "category")
    assert dates == ["dates", "first empty", "stamps"]
    assert fused["dates"].dtype == "datetime64[us]"


def test_iso_dates_of_a_short_file_reload_and_reproduce(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "iso.csv"
    pd.DataFrame(ISO_COLUMNS).to_csv(path, index=False)
    frame = load_checked(agent, path)
    assert frame["dates"].dtype == "datetime64[us]" and frame["dates"].isna().sum() == 1
    frame.loc[0, "dates"] = pd.Timestamp("2022-01-01")  # a column the agent may write to


@pytest.mark.parametrize("sizes", [[5, 0, 7, 1, 0, 20], [1] * 33, [33], [0, 33, 0]])
def test_a_sample_of_a_chunked_column_is_the_same_values_as_of_one_chunk(
    sizes: list[int],
) -> None:
    """The inference samples a chunked column (a parallel read's) chunk by chunk: the same
    values, in the same order, as Arrow's take on the column joined into one, with
    positions on chunk boundaries, in empty chunks' places and at both ends."""
    import pyarrow as pa

    from csvagent_jupyter.loading.typing import _take_sorted

    values = [None if i % 7 == 3 else f"v{i}" for i in range(sum(sizes))]
    starts = np.cumsum([0, *sizes])
    chunked = pa.chunked_array(
        [pa.array(values[a:b], pa.large_string()) for a, b in itertools.pairwise(starts)],
        type=pa.large_string(),
    )
    for positions in (np.arange(33), np.array([0, 4, 5, 11, 12, 13, 32]), np.array([32])):
        taken = _take_sorted(chunked, positions)
        assert taken.to_pylist() == [values[p] for p in positions]


TEXT_COLUMNS = {
    "levels": ["b", "a", None, "c"],
    "spaced": [" b", "a ", "a", "c"],
    "flags": ["yes", "no", "no", "yes"],
    "amounts": ["$1,200", "$3", "n/a", "$40"],
    "dashes": ["x", "—", "y", "x"],
    "notes": ["70[a]", "80", "90[b]", "75"],
    "names": ["ann", "bob", "cy", "dee"],  # every value new: text
    "mixed dates": ["15-May-2017", "16-May-2017", "", "17-May-2017"],
}


@pytest.mark.parametrize("rows", [4, 400, 12_000])  # all sampled; a sample; a category
def test_text_columns_encoded_once_type_as_before(rows: int) -> None:
    """A short table's text column is dictionary-encoded once for its inference's sample and
    its categories (``encoded.py``): the same conversions, columns and notes as inference
    and conversion apart, and the plain categories converted by inference."""
    repeat = rows // 4
    data = {
        name: [
            v if v is None or name != "names" else f"{v}{i}" for i in range(repeat) for v in vals
        ]
        for name, vals in TEXT_COLUMNS.items()
    }
    source = pd.DataFrame({name: pd.Series(values, dtype="str") for name, values in data.items()})
    fused, prepared = _converted_fused_and_apart(source)
    if rows >= 400:
        assert "levels" in prepared and fused["levels"].dtype == "category"
        assert "spaced" not in prepared  # stripped first: converted the usual way


@pytest.mark.parametrize("rows", [33, 4_000, 12_000])  # all of it sampled; a sample of it
def test_an_encoded_columns_sample_is_the_sample_taken_from_its_values(rows: int) -> None:
    """The sample read off a column's encoding (``encoded.py``) is the one taken from its
    values: the same distinct values, in the order they first occur, gaps left out."""
    from csvagent_jupyter.loading.encoded import encode_text
    from csvagent_jupyter.loading.typing import _arrow_sample, _positions

    values = [None if i % 7 == 3 else f"v{(i * 37) % 9_001}" for i in range(rows)]
    series = pd.Series(values, dtype="str")
    encoded = encode_text(series)
    assert encoded is not None
    sample = encoded.sample(_positions(len(series))).to_pylist()
    assert sample == _arrow_sample(series).to_pylist() and None not in sample


@pytest.mark.parametrize(
    "late",
    [None, 499, 500, 3_001, 3_002],  # every level in the head; one first seen at that row
)
def test_a_sample_of_a_few_levels_is_the_dictionary_only_when_the_head_holds_them_all(
    late: int | None,
) -> None:
    """A column of a few levels, all of them in the rows every sample starts with, has its
    dictionary as its sample without a look at its codes; a level first seen past those
    rows, sampled or not, gives the sample its codes give (nulls in the head too)."""
    from csvagent_jupyter.loading.encoded import HEAD, encode_text
    from csvagent_jupyter.loading.typing import _arrow_sample, _positions

    rows = 10_000
    values: list[str | None] = [
        None if i % 11 == 0 else f"level_{(i * 7) % 5}" for i in range(rows)
    ]
    if late is not None:
        values[late] = "late"
    series = pd.Series(values, dtype="str")
    encoded = encode_text(series)
    assert encoded is not None
    positions = _positions(rows)
    assert positions is not None and positions[HEAD - 1] == HEAD - 1
    sample = encoded.sample(positions).to_pylist()
    assert sample == _arrow_sample(series).to_pylist() and None not in sample
    assert ("late" in sample) == (late is not None and late in set(positions.tolist()))
    whole = encoded.sample(None).to_pylist()
    assert whole == pd.unique(series.dropna()).tolist()


@pytest.mark.parametrize("rows", [300, 60_000])  # a bitmap of the range; Arrow's hash count
def test_whole_numbers_are_profiled_as_integers_with_the_facts_pandas_gives(rows: int) -> None:
    """Integer columns (Int64 with gaps, int64, int32, and values from 2**53 up, which keep
    the float path) are profiled without a round trip through floats: the same facts."""
    from csvagent_jupyter.loading.profile import profile_column

    rng = np.random.default_rng(rows)
    gappy = pd.Series(rng.integers(-500, 10**6, rows), dtype="Int64")
    gappy[::7] = pd.NA
    columns = {
        "gappy": gappy,
        "plain": pd.Series(rng.integers(0, 10**12, rows)),
        "int32": pd.Series(rng.integers(-9, 9, rows).astype(np.int32)),
        "huge": pd.Series(np.full(rows, 2**60) + np.arange(rows)),
        "one gap": pd.Series([pd.NA] + [7] * (rows - 1), dtype="Int64"),
    }
    for name, series in columns.items():
        profile = profile_column(name, series)
        present = series.dropna()
        assert (profile.type, profile.nulls, profile.distinct) == (
            "integer",
            int(series.isna().sum()),
            present.nunique(),
        ), name
        assert (profile.min, profile.max) == (float(present.min()), float(present.max())), name
        assert profile.mean == pytest.approx(float(present.astype("float64").mean()), rel=1e-12)
        assert profile.std == pytest.approx(float(present.astype("float64").std()), rel=1e-9)
        if name != "huge":  # (the float path's examples are those values as floats)
            assert profile.examples == [str(int(v)) for v in present.iloc[:3]], name


@pytest.mark.parametrize("rows", [300, 60_000])  # profiled together; one by one
def test_profiling_counts_in_its_own_copies_never_in_the_column(rows: int) -> None:
    """The distinct counts make offsets in place in their own temporaries (a pass and a
    column's memory less on long columns): the profiled columns keep every value, and the
    counts and deviations are the ones pandas gives."""
    from csvagent_jupyter.loading.profile import column_profiles

    rng = np.random.default_rng(rows)
    gappy = pd.Series(rng.integers(-500, 10**5, rows), dtype="Int64")
    gappy[::7] = pd.NA
    frame = pd.DataFrame(
        {
            "gappy": gappy,
            "plain": rng.integers(-5, 10**5, rows),  # no gap: the column's own values
            "decimals": np.round(rng.normal(100, 25, rows), 3),  # counted at their scale
            "whole floats": rng.integers(0, 999, rows).astype("float64"),
        }
    )
    before = frame.copy(deep=True)
    profiles = column_profiles(frame)
    pd.testing.assert_frame_equal(frame, before)
    for profile, (name, series) in zip(profiles, frame.items(), strict=True):
        present = series.dropna().astype("float64")
        assert profile.distinct == series.nunique(), name
        assert profile.std == pytest.approx(float(present.std()), rel=1e-9), name


def test_a_long_date_or_category_columns_exact_profile_has_the_facts_pandas_gives() -> None:
    """A long date column is counted with its gaps and less the one value they all are (no
    copy of its dates), a long category column from its codes: the facts pandas gives."""
    from csvagent_jupyter.loading.profile import SAMPLE_ROWS, profile_column

    rows = SAMPLE_ROWS * 3
    rng = np.random.default_rng(7)
    stamps = pd.Series(
        np.datetime64("2001-01-01") + rng.integers(0, 5000, rows).astype("timedelta64[D]")
    ).astype("datetime64[us]")
    gappy = stamps.copy()
    gappy[:2] = pd.NaT
    gappy[rng.random(rows) < 0.05] = pd.NaT
    sparse = pd.Series([pd.NaT] * (rows - 1) + [pd.Timestamp("2020-02-02")]).astype(
        "datetime64[us]"
    )
    for series in (stamps, gappy, sparse):
        profile = profile_column("d", series)
        present = series.dropna()
        assert (profile.nulls, profile.distinct) == (int(series.isna().sum()), present.nunique())
        assert (profile.min, profile.max) == (str(present.min()), str(present.max()))
        assert profile.examples == [str(v) for v in present.iloc[:3]]
        assert not profile.approximate
    levels = pd.Series(rng.choice(["b", "a", None, "c"], rows)).astype("category")
    levels = levels.cat.add_categories(["unused"])
    profile = profile_column("c", levels)
    counts = levels.value_counts()
    assert (profile.nulls, profile.distinct) == (int(levels.isna().sum()), 3)
    assert profile.top_values == [(str(k), int(v)) for k, v in counts.items() if v]


def _converted_fused_and_apart(source: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, pd.Series]]:
    """``source`` converted with inference's prepared columns handed on, checked equal to the
    same conversion done apart (the same conversions, notes and columns); the fused frame
    and what inference prepared."""
    from csvagent_jupyter.loading.typing import apply_conversions, infer_conversions

    fused, apart = source.copy(), source.copy()
    prepared: dict[str, pd.Series] = {}
    fused_notes: list[str] = []
    apart_notes: list[str] = []
    held = apply_conversions(
        fused, infer_conversions(fused, map, fused_notes, prepared), map, fused_notes, prepared
    )
    expected = apply_conversions(
        apart, infer_conversions(apart, map, apart_notes), map, apart_notes
    )
    assert held == expected and fused_notes == apart_notes
    pd.testing.assert_frame_equal(fused, apart)
    return fused, prepared


def test_a_settled_frame_is_the_frame_settled_column_by_column() -> None:
    """The load builds its typed table at once from the converted columns
    (``deferred.settled_frame``): the same table, conversions and notes by column as
    writing them into the parsed one column by column, which stays as it was."""
    from csvagent_jupyter.loading.conversion import convert_columns
    from csvagent_jupyter.loading.deferred import Typing, settle_by_column, settled_frame
    from csvagent_jupyter.loading.typing import infer_conversions

    source = mixed_frame(3_000, 12, seed=5)
    source["odd"] = pd.Series(["1", "2", "x"] * 1_000, dtype="str")  # not all numbers
    for name in ("int_000", "cat_002"):
        source[name] = source[name].astype("str")
    prepared: dict[str, pd.Series] = {}
    outcomes = convert_columns(source, infer_conversions(source, map, [], prepared), map, prepared)
    before = source.copy()
    apart, together = Typing([], list(source.columns)), Typing([], list(source.columns))
    built, held = settled_frame(source, outcomes, together)
    pd.testing.assert_frame_equal(source, before)
    expected = source.copy()
    assert held == settle_by_column(expected, outcomes, apart)
    assert together.notes_by_column == apart.notes_by_column
    pd.testing.assert_frame_equal(built, expected)
