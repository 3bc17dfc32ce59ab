"""Property tests over generated Plans: every plan either answers or raises our own error.

A model writes any combination of fields the schema allows. Whatever it writes, the
answer is a Result or a CSVAgentError whose message is ours: never a raw Python or
pandas exception (``unsupported format string``, ``truth value of a DataFrame is
ambiguous``, ``Unordered Categoricals``…).
"""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csvagent_jupyter.analysis.plan import (
    Aggregate,
    Condition,
    Derive,
    FilterGroup,
    GroupKey,
    Pivot,
    Plan,
    SortKey,
    Statistic,
)
from csvagent_jupyter.analysis.run import run_plan
from csvagent_jupyter.errors import CSVAgentError
from csvagent_jupyter.loading.profile import profile_frame

FRAME = pd.DataFrame(
    {
        "n": pd.Series([1.5, None, 3.0, -2.0, 3.0, 10.0], dtype="float64"),
        "i": pd.Series([1, 2, 2, 3, 4, 5], dtype="int64"),
        "c": pd.Series(["a", "b", "a", None, "c", "b"], dtype="category"),
        "t": pd.Series(["x1", "y 2", "1,200", None, "z", "x1"], dtype="str"),
        "d": pd.to_datetime(
            [
                "2024-01-01 00:00",
                "2024-02-15 08:30",
                None,
                "2023-12-31 23:00",
                "2024-03-01 00:00",
                "2024-01-01 10:00",
            ]
        ),
        "b": pd.Series([True, False, True, False, None, True], dtype="boolean"),
    }
)
PROFILE = profile_frame(FRAME, bytes=0, encoding="utf-8", delimiter=",")
COLUMNS = list(FRAME.columns)
OUTPUTS = ["count", "mean n", "sum i", "c", "n", "z"]

names = st.sampled_from(COLUMNS + OUTPUTS)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 12),
    st.floats(-5, 5, allow_nan=False),
    st.sampled_from(["a", "x1", "2024-01-01", "1,200", "True", "yes", "", "nope"]),
)
values = st.one_of(scalars, st.lists(scalars.filter(lambda v: v is not None), max_size=3))
ops = st.sampled_from(list(Condition.model_fields["op"].annotation.__args__))
parts = st.one_of(st.none(), st.sampled_from(["year", "month", "weekday", "hour"]))
wild_conditions = st.builds(Condition, column=names, op=ops, value=values, part=parts)
# Most generated plans should be valid, so that the steps after validation run too.
typed_conditions = st.one_of(
    st.builds(
        Condition,
        column=st.sampled_from(["n", "i"]),
        op=st.sampled_from(["eq", "ne", "lt", "le", "gt", "ge"]),
        value=st.integers(-3, 6),
    ),
    st.builds(
        Condition,
        column=st.sampled_from(["c", "t"]),
        op=st.sampled_from(["eq", "ne", "contains", "startswith"]),
        value=st.sampled_from(["a", "x", "b", "1,200", "q"]),
    ),
    st.builds(
        Condition,
        column=st.sampled_from(["c", "t"]),
        op=st.sampled_from(["in", "not_in"]),
        value=st.lists(st.sampled_from(["a", "b", "x1", "zz"]), max_size=3),
    ),
    st.builds(
        Condition,
        column=st.just("d"),
        op=st.sampled_from(["lt", "ge"]),
        value=st.sampled_from(["2024-01-01", "2024-02-01"]),
    ),
    st.builds(
        Condition, column=st.just("d"), op=st.just("eq"), value=st.just(2024), part=st.just("year")
    ),
    st.builds(
        Condition,
        column=st.just("b"),
        op=st.just("eq"),
        value=st.sampled_from([True, "yes", "False", 1]),
    ),
    st.builds(
        Condition, column=st.sampled_from(COLUMNS), op=st.sampled_from(["is_null", "not_null"])
    ),
)
conditions = st.one_of(typed_conditions, typed_conditions, typed_conditions, wild_conditions)
filters = st.one_of(
    st.none(),
    st.none(),
    conditions,
    st.builds(
        FilterGroup,
        combine=st.sampled_from(["and", "or", "not"]),
        items=st.lists(conditions, min_size=1, max_size=3),
    ),
)
funcs = st.sampled_from(list(Aggregate.model_fields["func"].annotation.__args__))
wild_aggregates = st.builds(
    Aggregate,
    func=funcs,
    column=st.one_of(st.none(), names),
    percentile=st.one_of(st.none(), st.floats(0, 100)),
)
typed_aggregates = st.one_of(
    st.builds(Aggregate, func=st.just("count")),
    st.builds(
        Aggregate,
        func=st.sampled_from(["sum", "mean", "median", "min", "max", "std", "count_distinct"]),
        column=st.sampled_from(["n", "i"]),
    ),
    st.builds(
        Aggregate, func=st.just("percentile"), column=st.just("n"), percentile=st.floats(0, 100)
    ),
)
aggregates = st.one_of(typed_aggregates, typed_aggregates, wild_aggregates)
then_aggregates = st.one_of(
    st.builds(Aggregate, func=st.just("count")),
    st.builds(
        Aggregate,
        func=st.sampled_from(["sum", "mean", "median", "max"]),
        column=st.sampled_from(["n", "i", "count", "mean n", "sum i"]),
    ),
    wild_aggregates,
)
group_keys = st.one_of(
    st.builds(GroupKey, column=st.sampled_from(["c", "t", "b", "i"])),
    st.builds(GroupKey, column=st.just("d"), bucket=st.sampled_from(["month", "year"])),
    st.builds(
        GroupKey, column=names, bucket=st.one_of(st.none(), st.sampled_from(["month", "year"]))
    ),
)
derives = st.one_of(
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.sampled_from(["column_of_max", "column_of_min"]),
        columns=st.lists(names, max_size=3),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.sampled_from(["lower", "strip", "split", "extract", "duration"]),
        column=st.sampled_from(["t", "c", "n"]),
        delimiter=st.one_of(st.none(), st.just(" ")),
        index=st.one_of(st.none(), st.integers(-2, 2)),
        key=st.one_of(st.none(), st.just("a")),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.just("window"),
        func=st.one_of(
            st.none(),
            st.sampled_from(list(Derive.model_fields["func"].annotation.__args__[0].__args__)),
        ),
        column=st.one_of(st.none(), names),
        partition_by=st.lists(st.sampled_from(["c", "b", "t"]), max_size=1),
        descending=st.booleans(),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.just("arithmetic"),
        left=st.just("n"),
        operator=st.sampled_from(["+", "/"]),
        right=st.sampled_from(["i", 0.0]),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.just("date_diff"),
        left=st.just("d"),
        right=st.just("d"),
        unit=st.sampled_from(["days", "hours"]),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.sampled_from(["arithmetic", "date_diff"]),
        left=st.one_of(names, st.floats(-2, 2)),
        operator=st.sampled_from(["+", "-", "*", "/"]),
        right=st.one_of(names, st.floats(-2, 2)),
        unit=st.sampled_from(["days", "hours"]),
    ),
    st.builds(
        Derive,
        name=st.just("z"),
        kind=st.sampled_from(["date_part", "length", "bin"]),
        column=names,
        part=parts,
        bins=st.one_of(st.none(), st.integers(-1, 4), st.just([0.0, 2.0, 5.0])),
    ),
)
sorts = st.lists(st.builds(SortKey, column=names, descending=st.booleans()), max_size=2)
small = st.one_of(st.none(), st.integers(1, 4))


def base_plans() -> st.SearchStrategy[Plan]:
    common = {
        "filters": filters,
        "derive": st.one_of(st.just([]), st.just([]), st.lists(derives, max_size=1)),
    }
    table_steps = {"sort": sorts, "offset": st.one_of(st.none(), st.integers(0, 3)), "limit": small}
    answer = {
        "answer_column": st.one_of(st.none(), st.none(), names),
        "answer": st.sampled_from(["auto", "auto", "auto", "list", "table"]),
    }
    return st.one_of(
        st.builds(
            Plan,
            operation=st.just("rows"),
            select=st.lists(names, max_size=2),
            then=st.one_of(st.just([]), st.lists(then_aggregates, max_size=2)),
            **common,
            **table_steps,
            **answer,
        ),
        st.builds(
            Plan,
            operation=st.just("aggregate"),
            group_by=st.lists(group_keys, max_size=2),
            aggregates=st.lists(aggregates, min_size=1, max_size=2),
            having=st.one_of(
                st.none(),
                st.builds(
                    Condition,
                    column=st.sampled_from(["count", "mean n", "sum i", "n", "i", "c"]),
                    op=st.sampled_from(["gt", "eq", "le"]),
                    value=st.integers(0, 4),
                ),
                filters,
            ),
            then=st.one_of(st.just([]), st.lists(then_aggregates, max_size=2)),
            **common,
            **table_steps,
            **answer,
        ),
        st.builds(
            Plan,
            operation=st.just("distinct"),
            select=st.one_of(
                st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=1),
                st.lists(names, min_size=1, max_size=2),
            ),
            then=st.one_of(st.just([]), st.lists(then_aggregates, max_size=1)),
            **common,
            **table_steps,
        ),
        st.builds(
            Plan,
            operation=st.just("pivot"),
            pivot=st.builds(
                Pivot, index=names, columns=names, values=st.one_of(st.none(), names), func=funcs
            ),
            **common,
        ),
        st.builds(
            Plan,
            operation=st.just("statistic"),
            statistic=st.builds(
                Statistic,
                kind=st.sampled_from(list(Statistic.model_fields["kind"].annotation.__args__)),
                columns=st.lists(names, max_size=3),
                method=st.one_of(
                    st.none(), st.sampled_from(["iqr", "zscore", "pearson", "spearman"])
                ),
                at=st.one_of(st.none(), st.floats(-3, 3)),
            ),
            **common,
            **table_steps,
            **answer,
        ),
        st.builds(Plan, operation=st.sampled_from(["any", "all"]), condition=filters, **common),
    )


def one_value_plans() -> st.SearchStrategy[Plan]:
    return st.one_of(
        st.builds(
            Plan,
            operation=st.just("aggregate"),
            aggregates=st.lists(typed_aggregates, min_size=1, max_size=1),
            filters=filters,
        ),
        st.builds(
            Plan,
            operation=st.just("rows"),
            sort=st.lists(
                st.builds(
                    SortKey, column=st.sampled_from(["n", "i", "d"]), descending=st.booleans()
                ),
                min_size=1,
                max_size=1,
            ),
            limit=st.just(1),
            offset=st.one_of(st.none(), st.integers(0, 7)),
            answer_column=st.sampled_from(["n", "i", "c", "d"]),
        ),
    )


def plans() -> st.SearchStrategy[Plan]:
    left = st.one_of(one_value_plans(), one_value_plans(), base_plans())
    side = st.one_of(one_value_plans(), base_plans(), scalars)
    return st.one_of(
        base_plans(),
        st.builds(
            Plan,
            operation=st.just("compare"),
            left=left,
            compare_op=st.sampled_from(["eq", "lt", "gt"]),
            right=side,
        ),
        st.builds(
            Plan,
            operation=st.just("calc"),
            left=left,
            calc=st.sampled_from(["difference", "ratio", "percent", "percent_change"]),
            right=side,
        ),
    )


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(plan=plans())
def test_every_generated_plan_answers_or_explains(plan: Plan) -> None:
    try:
        result = run_plan(plan, FRAME, PROFILE, None)
    except CSVAgentError as exc:
        message = str(exc)
        assert message and "Traceback" not in message
        return
    assert isinstance(result.summary, str) and result.summary


def test_the_leaks_named_in_the_issue_are_explained() -> None:
    """Each of these used to surface a raw Python or pandas error."""
    cases = [
        (
            Plan(operation="aggregate", aggregates=[Aggregate(func="percentile", column="n")]),
            "needs `percentile`: a number from 0 to 100",
        ),
        (
            Plan(
                operation="compare",
                left=Plan(
                    operation="aggregate",
                    aggregates=[
                        Aggregate(func="mean", column="n"),
                        Aggregate(func="max", column="n"),
                    ],
                ),
                compare_op="gt",
                right=1,
            ),
            "table of 1 row × 2 columns, not one value",
        ),
        (
            Plan(
                operation="compare",
                left=Plan(operation="statistic", statistic=Statistic(kind="missing")),
                compare_op="gt",
                right=1,
            ),
            "not one value",
        ),
        (
            Plan(
                operation="aggregate",
                aggregates=[Aggregate(func="max", column="c")],
            ),
            "text categories, which have no order",
        ),
    ]
    for plan, message in cases:
        try:
            run_plan(plan, FRAME, PROFILE, None)
        except CSVAgentError as exc:
            assert message in str(exc), str(exc)
        else:
            raise AssertionError(f"no error for {plan}")
