"""Property tests: filters and aggregations agree with plain pandas on generated frames.

Frames have nulls, may be empty, and have unicode column names and text.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csvagent_jupyter.analysis.executor import execute
from csvagent_jupyter.analysis.plan import Aggregate, Condition, GroupKey, Plan
from csvagent_jupyter.loading.profile import profile_frame

NUMBER = "größe 📏"
GROUP = "catégorie"
TEXT = "名前"

numbers = st.one_of(st.none(), st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False))
groups = st.one_of(st.none(), st.sampled_from(["a", "b", "Ç", "ß"]))
texts = st.one_of(st.none(), st.text(alphabet="abcXYZ é😀", max_size=6))


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    rows = draw(st.integers(0, 30))
    return pd.DataFrame(
        {
            NUMBER: pd.Series([draw(numbers) for _ in range(rows)], dtype="float64"),
            GROUP: pd.Series([draw(groups) for _ in range(rows)], dtype="str"),
            TEXT: pd.Series([draw(texts) for _ in range(rows)], dtype="str"),
        }
    )


def _profile(frame: pd.DataFrame):
    return profile_frame(frame, bytes=0, encoding="utf-8", delimiter=",")


def _equal(actual, expected) -> bool:
    if expected is None or (isinstance(expected, float) and math.isnan(expected)):
        return actual is None
    return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9)


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(
    frame=frames(),
    op=st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]),
    threshold=st.floats(-1e6, 1e6),
)
def test_numeric_filters_count_like_pandas(frame: pd.DataFrame, op: str, threshold: float) -> None:
    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="count")],
        filters=Condition(column=NUMBER, op=op, value=threshold),
    )
    column = frame[NUMBER]
    expected = {
        "eq": column == threshold,
        "ne": column != threshold,
        "lt": column < threshold,
        "le": column <= threshold,
        "gt": column > threshold,
        "ge": column >= threshold,
    }[op]
    assert execute(plan, frame, _profile(frame)).value == int(expected.sum())


@FAST
@given(
    frame=frames(),
    needle=st.text(alphabet="abcXYZ é😀", min_size=1, max_size=2),
    op=st.sampled_from(["contains", "startswith", "endswith", "eq"]),
)
def test_text_filters_ignore_case_and_nulls(frame: pd.DataFrame, needle: str, op: str) -> None:
    if frame[TEXT].isna().all():
        frame[TEXT] = frame[TEXT].astype("str")
    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="count")],
        filters=Condition(column=TEXT, op=op, value=needle),
    )
    folded = [
        None if v is None or (isinstance(v, float) and np.isnan(v)) else v.strip().casefold()
        for v in frame[TEXT].tolist()
    ]
    probe = needle.strip().casefold()
    test = {
        "contains": lambda v: probe in v,
        "startswith": lambda v: v.startswith(probe),
        "endswith": lambda v: v.endswith(probe),
        "eq": lambda v: v == probe,
    }[op]
    expected = sum(1 for v in folded if v is not None and test(v))
    assert execute(plan, frame, _profile(frame)).value == expected


@FAST
@given(
    frame=frames(),
    func=st.sampled_from(["count", "count_distinct", "sum", "mean", "median", "min", "max", "std"]),
)
def test_grouped_aggregates_match_pandas(frame: pd.DataFrame, func: str) -> None:
    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func=func, column=NUMBER)],
        group_by=[GroupKey(column=GROUP)],
    )
    result = execute(plan, frame, _profile(frame)).value
    pandas_func = "nunique" if func == "count_distinct" else func
    grouped = frame.groupby(GROUP, observed=True, sort=True)[NUMBER]
    # a group with no values has no total (not 0, which would win every "lowest total")
    expected = grouped.sum(min_count=1) if func == "sum" else grouped.agg(pandas_func)
    assert result[GROUP].tolist() == expected.index.tolist()
    for actual, wanted in zip(result.iloc[:, 1].tolist(), expected.tolist(), strict=True):
        assert (pd.isna(actual) and pd.isna(wanted)) or math.isclose(
            actual, wanted, rel_tol=1e-9, abs_tol=1e-6
        )


@FAST
@given(frame=frames(), func=st.sampled_from(["count", "sum", "mean", "min", "max", "median"]))
def test_scalar_aggregates_match_pandas(frame: pd.DataFrame, func: str) -> None:
    plan = Plan(operation="aggregate", aggregates=[Aggregate(func=func, column=NUMBER)])
    value = execute(plan, frame, _profile(frame)).value
    expected = getattr(frame[NUMBER], func)()
    assert _equal(value, float(expected)) or value == expected


@pytest.mark.parametrize("func", ["count", "sum", "mean", "count_distinct"])
def test_empty_frame(func: str) -> None:
    frame = pd.DataFrame(
        {NUMBER: pd.Series([], dtype="float64"), GROUP: pd.Series([], dtype="str")}
    )
    grouped = execute(
        Plan(
            operation="aggregate",
            aggregates=[Aggregate(func=func, column=NUMBER)],
            group_by=[GroupKey(column=GROUP)],
        ),
        frame,
        _profile(frame),
    )
    assert len(grouped.value) == 0
    scalar = execute(
        Plan(operation="aggregate", aggregates=[Aggregate(func=func, column=NUMBER)]),
        frame,
        _profile(frame),
    )
    assert scalar.value in (0, None)
