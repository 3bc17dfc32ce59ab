"""Plan language v2: having, offset, then, calc, derived filters and date differences.

Every answer is checked against hand-written pandas, and (through ``run``) the
generated code is executed and must leave the same value.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import (
    Aggregate,
    Condition,
    Derive,
    FilterGroup,
    GroupKey,
    Plan,
    SortKey,
    Statistic,
)
from csvagent_jupyter.analysis.run import run_plan
from csvagent_jupyter.errors import PlanError, UnknownColumnError

from .test_analysis import check_generated_code, load_sales, run


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    yield from load_sales(tmp_path_factory.mktemp("analysis_v2"))


def mean_by(column: str, **kwargs) -> Plan:
    return Plan(
        operation="aggregate",
        group_by=[GroupKey(column=column)],
        aggregates=[Aggregate(func="mean", column="revenue")],
        **kwargs,
    )


def count(**kwargs) -> Plan:
    return Plan(operation="aggregate", aggregates=[Aggregate(func="count")], **kwargs)


def total(**kwargs) -> Plan:
    return Plan(
        operation="aggregate", aggregates=[Aggregate(func="sum", column="revenue")], **kwargs
    )


# -- having ----------------------------------------------------------------------------------------
def test_having_keeps_groups_by_their_aggregate(loaded) -> None:
    df = loaded[2]
    means = df.groupby("product", observed=True)["revenue"].mean()
    threshold = float(means.median())
    plan = mean_by("product", having=Condition(column="mean revenue", op="gt", value=threshold))
    result = run(loaded, plan)
    assert sorted(result.value["product"]) == sorted(means[means > threshold].index)
    assert "groups with mean revenue is above" in result.summary


def test_having_on_the_source_column_means_its_aggregate(loaded) -> None:
    df = loaded[2]
    sums = df.groupby("region", observed=True)["revenue"].sum()
    cut = float(sums.min())
    plan = Plan(
        operation="aggregate",
        group_by=[GroupKey(column="region")],
        aggregates=[Aggregate(func="sum", column="revenue")],
        having=Condition(column="revenue", op="gt", value=cut),
        sort=[SortKey(column="revenue", descending=True)],
    )
    result = run(loaded, plan)
    expected = sums[sums > cut].sort_values(ascending=False)
    assert result.value["region"].tolist() == expected.index.tolist()
    assert result.value["sum revenue"].tolist() == pytest.approx(expected.tolist())


def test_having_count_exactly_one_and_or_groups(loaded) -> None:
    """'ids that appear exactly once': group, count, having count = 1."""
    df = loaded[2]
    plan = Plan(
        operation="aggregate",
        group_by=[GroupKey(column="product"), GroupKey(column="channel")],
        aggregates=[Aggregate(func="count"), Aggregate(func="max", column="units")],
        having=FilterGroup(
            combine="or",
            items=[
                Condition(column="count", op="lt", value=10),
                Condition(column="product", op="eq", value="laptop"),
            ],
        ),
    )
    result = run(loaded, plan)
    sizes = df.groupby(["product", "channel"], observed=True).size()
    expected = sizes[(sizes < 10) | (sizes.index.get_level_values(0) == "Laptop")]
    assert len(result.value) == len(expected)


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (count(having=Condition(column="count", op="gt", value=1)), "needs operation 'aggregate'"),
        (mean_by("region", having=Condition(column="units", op="gt", value=1)), "use `filters`"),
        (
            Plan(
                operation="aggregate",
                group_by=[GroupKey(column="region")],
                aggregates=[
                    Aggregate(func="mean", column="units"),
                    Aggregate(func="max", column="units"),
                ],
                having=Condition(column="units", op="gt", value=1),
            ),
            "could mean any of 'mean units', 'max units'",
        ),
        (
            mean_by("region", having=Condition(column="region", op="gt", value="x")),
            "by size",
        ),
    ],
)
def test_having_errors_name_the_fix(loaded, plan: Plan, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        run(loaded, plan)


# -- offset ------------------------------------------------------------------------------------------
def test_second_highest_value_with_offset(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="rows",
        sort=[SortKey(column="revenue", descending=True)],
        offset=1,
        limit=1,
        answer_column="revenue",
    )
    result = run(loaded, plan)
    assert result.value == df["revenue"].sort_values(ascending=False).iloc[1]
    assert result.summary.endswith("(the 2nd largest revenue).")


def test_offset_on_groups_and_distinct(loaded) -> None:
    df = loaded[2]
    plan = mean_by("product", sort=[SortKey(column="revenue", descending=True)], offset=2, limit=2)
    result = run(loaded, plan)
    expected = df.groupby("product", observed=True)["revenue"].mean().sort_values(ascending=False)
    assert result.value["product"].tolist() == expected.index[2:4].tolist()
    distinct = run(
        loaded,
        Plan(operation="distinct", select=["product"], sort=[SortKey(column="product")], offset=3),
    )
    assert distinct.value == sorted(df["product"].unique())[3:]


def test_offset_past_the_end_is_empty_and_one_value_plans_refuse_it(loaded) -> None:
    result = run(loaded, Plan(operation="rows", offset=10_000, select=["order_id"]))
    assert len(result.value) == 0
    with pytest.raises(PlanError, match="offset"):
        run(loaded, count(offset=1))
    with pytest.raises(ValueError):
        Plan(operation="rows", offset=-1)


# -- then ---------------------------------------------------------------------------------------------
def test_then_counts_the_groups_that_pass_having(loaded) -> None:
    df = loaded[2]
    means = df.groupby("product", observed=True)["revenue"].mean()
    threshold = float(means.mean())
    plan = mean_by(
        "product",
        having=Condition(column="mean revenue", op="gt", value=threshold),
        then=[Aggregate(func="count")],
    )
    result = run(loaded, plan)
    assert result.value == int((means > threshold).sum())
    assert result.kind == "scalar"
    assert result.summary.startswith("The number of product groups with mean revenue is above")


def test_then_median_of_per_group_totals(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="aggregate",
        group_by=[GroupKey(column="region")],
        aggregates=[Aggregate(func="sum", column="revenue")],
        then=[Aggregate(func="median", column="sum revenue")],
    )
    result = run(loaded, plan)
    assert result.value == pytest.approx(df.groupby("region")["revenue"].sum().median())
    # the source column name means the one aggregate over it, as in sort
    same = run(
        loaded, plan.model_copy(update={"then": [Aggregate(func="median", column="revenue")]})
    )
    assert same.value == result.value


def test_then_over_rows_distinct_and_several_aggregates(loaded) -> None:
    df = loaded[2]
    top = Plan(
        operation="rows",
        sort=[SortKey(column="revenue", descending=True)],
        limit=10,
        then=[Aggregate(func="mean", column="units"), Aggregate(func="count")],
    )
    result = run(loaded, top)
    expected = df.sort_values("revenue", ascending=False, kind="stable").head(10)
    assert result.value["mean units"].iloc[0] == pytest.approx(expected["units"].mean())
    assert result.value["count"].iloc[0] == 10
    distinct = run(
        loaded,
        Plan(
            operation="distinct",
            select=["product"],
            filters=Condition(column="region", op="eq", value="North"),
            then=[Aggregate(func="count")],
        ),
    )
    assert distinct.value == df.loc[df["region"] == "North", "product"].nunique()


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (count(then=[Aggregate(func="count")]), "needs operation 'rows'"),
        (
            mean_by("region", then=[Aggregate(func="sum", column="units")]),
            "not a column of the result",
        ),
        (mean_by("region", then=[Aggregate(func="sum", column="region")]), "holds text"),
        (
            mean_by("region", then=[Aggregate(func="count")], answer_column="region"),
            "answer_column",
        ),
        (mean_by("region", then=[Aggregate(func="share")]), "share"),
        (mean_by("region", then=[Aggregate(func="percentile", column="mean revenue")]), "0 to 100"),
    ],
)
def test_then_errors_name_the_fix(loaded, plan: Plan, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        run(loaded, plan)


# -- calc ----------------------------------------------------------------------------------------------
def test_percent_of_rows(loaded) -> None:
    df = loaded[2]
    returned = count(filters=Condition(column="returned", op="eq", value=True))
    plan = Plan(operation="calc", calc="percent", left=returned, right=count())
    result = run(loaded, plan)
    assert result.value == pytest.approx(100 * df["returned"].sum() / len(df))
    assert result.kind == "scalar"
    assert "% of the number of rows" in result.summary


@pytest.mark.parametrize(
    ("calc", "expected"),
    [
        ("difference", lambda a, b: a - b),
        ("absolute_difference", lambda a, b: abs(a - b)),
        ("ratio", lambda a, b: a / b),
        ("percent", lambda a, b: 100 * a / b),
        ("percent_change", lambda a, b: 100 * (b - a) / a),
        ("sum", lambda a, b: a + b),
        ("product", lambda a, b: a * b),
    ],
)
def test_each_calc_between_two_years(loaded, calc: str, expected) -> None:
    df = loaded[2]
    year = df["order_date"].dt.year
    before = total(filters=Condition(column="order_date", op="eq", value=2023, part="year"))
    after = total(filters=Condition(column="order_date", op="eq", value=2024, part="year"))
    result = run(loaded, Plan(operation="calc", calc=calc, left=before, right=after))
    a, b = df.loc[year == 2023, "revenue"].sum(), df.loc[year == 2024, "revenue"].sum()
    assert result.value == pytest.approx(expected(a, b))
    assert isinstance(result.value, float | int)


def test_calc_with_a_constant_and_nested_calc(loaded) -> None:
    df = loaded[2]
    north = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="mean", column="revenue")],
        filters=Condition(column="region", op="eq", value="North"),
    )
    south = north.model_copy(update={"filters": Condition(column="region", op="eq", value="South")})
    gap = Plan(operation="calc", calc="difference", left=north, right=south)
    means = df.groupby("region", observed=True)["revenue"].mean()
    assert run(loaded, gap).value == pytest.approx(means["North"] - means["South"])
    # a calculation on both sides of a calculation: the code keeps each side's values apart
    both = Plan(
        operation="calc", calc="ratio", left=gap, right=gap.model_copy(update={"calc": "sum"})
    )
    expected = (means["North"] - means["South"]) / (means["North"] + means["South"])
    assert run(loaded, both).value == pytest.approx(expected)
    halved = Plan(operation="calc", calc="product", left=north, right="0.5")
    assert run(loaded, halved).value == pytest.approx(means["North"] * 0.5)


def test_calc_errors_are_explained(loaded) -> None:
    nobody = count(filters=Condition(column="units", op="gt", value=10_000))
    with pytest.raises(PlanError, match="the right side is 0"):
        run(loaded, Plan(operation="calc", calc="ratio", left=count(), right=nobody))
    with pytest.raises(PlanError, match="the left side is 0"):
        run(loaded, Plan(operation="calc", calc="percent_change", left=nobody, right=count()))
    per_region = mean_by("region")
    with pytest.raises(PlanError, match="table of 4 rows"):
        run(loaded, Plan(operation="calc", calc="difference", left=per_region, right=1))
    product = Plan(
        operation="rows", sort=[SortKey(column="revenue")], limit=1, answer_column="product"
    )
    with pytest.raises(PlanError, match="not a number"):
        run(loaded, Plan(operation="calc", calc="difference", left=product, right=1))
    with pytest.raises(PlanError, match="needs `left`"):
        run(loaded, Plan(operation="calc", left=count(), right=1))
    with pytest.raises(PlanError, match="must be a number"):
        run(loaded, Plan(operation="calc", calc="sum", left=count(), right="many"))
    empty_mean = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="mean", column="units")],
        filters=Condition(column="units", op="gt", value=10_000),
    )
    with pytest.raises(PlanError, match="has no value"):
        run(loaded, Plan(operation="calc", calc="sum", left=empty_mean, right=1))


def test_compare_of_a_table_or_a_statistic_is_explained(loaded) -> None:
    """These leaked 'truth value of a DataFrame is ambiguous' and categorical errors."""
    two = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="mean", column="units"), Aggregate(func="max", column="units")],
    )
    with pytest.raises(PlanError, match="table of 1 row × 2 columns"):
        run(loaded, Plan(operation="compare", left=two, compare_op="gt", right=1))
    stats = Plan(operation="statistic", statistic=Statistic(kind="describe", columns=["units"]))
    with pytest.raises(PlanError, match="not one value"):
        run(loaded, Plan(operation="compare", left=stats, compare_op="gt", right=1))


# -- derived columns in filters, date differences -------------------------------------------------
def test_filter_on_a_derived_column(loaded) -> None:
    df = loaded[2]
    plan = count(
        derive=[
            Derive(name="z", kind="arithmetic", left="units", operator="*", right="unit_price")
        ],
        filters=FilterGroup(
            combine="and",
            items=[
                Condition(column="z", op="gt", value=5000),
                Condition(column="region", op="eq", value="North"),
            ],
        ),
    )
    result = run(loaded, plan)
    expected = ((df["units"] * df["unit_price"] > 5000) & (df["region"] == "North")).sum()
    assert result.value == int(expected)
    assert "Did you mean" not in result.summary


@pytest.fixture(scope="module")
def trips(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("trips")
    path = folder / "trips.csv"
    path.write_text(
        "trip,start,end,city\n"
        "1,2024-01-01 08:00,2024-01-01 09:30,Oslo\n"
        "2,2024-01-02 22:15,2024-01-04 06:00,Oslo\n"
        "3,2024-02-01 10:00,2024-02-01 10:05,Rome\n"
        "4,2024-02-03 12:00,2024-02-10 12:00,Rome\n",
        encoding="utf-8",
    )
    agent = Agent(data_dir=folder / "agent")
    info = agent.load(path)
    yield agent, info, agent.frame()
    agent.close()


@pytest.mark.parametrize(
    ("unit", "seconds"), [("days", 86400), ("hours", 3600), ("minutes", 60), ("seconds", 1)]
)
def test_date_difference_in_each_unit(trips, unit: str, seconds: int) -> None:
    df = trips[2]
    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="sum", column="took")],
        derive=[Derive(name="took", kind="date_diff", left="end", right="start", unit=unit)],
    )
    result = run(trips, plan)
    assert result.value == pytest.approx(
        (df["end"] - df["start"]).dt.total_seconds().sum() / seconds
    )


def test_date_difference_filters_and_groups(trips) -> None:
    df = trips[2]
    hours = (df["end"] - df["start"]).dt.total_seconds() / 3600
    plan = Plan(
        operation="rows",
        derive=[Derive(name="hours", kind="date_diff", left="end", right="start", unit="hours")],
        filters=Condition(column="hours", op="gt", value=1),
        select=["trip"],
        answer="list",
    )
    assert run(trips, plan).value == df.loc[hours > 1, "trip"].tolist()
    with pytest.raises(PlanError, match="dates"):
        run(
            trips,
            Plan(
                operation="rows",
                derive=[Derive(name="d", kind="date_diff", left="end", right="trip")],
            ),
        )
    with pytest.raises(PlanError, match="two date columns"):
        run(trips, Plan(operation="rows", derive=[Derive(name="d", kind="date_diff", left="end")]))


def test_sort_on_a_column_that_select_drops(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="rows",
        select=["region"],
        sort=[SortKey(column="revenue", descending=True)],
        limit=3,
    )
    result = run(loaded, plan)
    expected = df.sort_values("revenue", ascending=False, kind="stable").head(3)[["region"]]
    pd.testing.assert_frame_equal(result.value, expected)
    with pytest.raises(UnknownColumnError, match="to sort by"):
        run(loaded, Plan(operation="rows", sort=[SortKey(column="revenu")]))


def test_v2_plans_round_trip_through_json(tmp_path: Path) -> None:
    plan = Plan(
        operation="calc",
        calc="percent_change",
        left=mean_by(
            "region",
            having=Condition(column="mean revenue", op="gt", value=1),
            then=[Aggregate(func="count")],
        ),
        right=Plan(
            operation="rows",
            sort=[SortKey(column="units")],
            offset=1,
            limit=1,
            answer_column="units",
        ),
    )
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_generated_code_is_checked_for_a_plain_run(trips) -> None:
    """The shared helper really executes the code: a broken line would fail here."""
    _, info, frame = trips
    result = run_plan(
        Plan(operation="rows", sort=[SortKey(column="start")], offset=1, limit=2),
        frame,
        info.profile,
        info.path,
    )
    check_generated_code(result)
    assert result.value["trip"].tolist() == [2, 3]


# -- values as models write them --------------------------------------------------------------------
@pytest.mark.parametrize("value", [True, "True", "true", "yes", "Y", 1, "1"])
def test_yes_no_filters_accept_every_spelling(loaded, value) -> None:
    df = loaded[2]
    result = run(loaded, count(filters=Condition(column="returned", op="eq", value=value)))
    assert result.value == int(df["returned"].sum()) > 0


@pytest.mark.parametrize("value", [False, "False", "no", 0])
def test_yes_no_filters_accept_every_spelling_of_no(loaded, value) -> None:
    df = loaded[2]
    result = run(loaded, count(filters=Condition(column="returned", op="ne", value=value)))
    assert result.value == int(df["returned"].sum())


def test_a_yes_no_filter_with_another_word_is_explained(loaded) -> None:
    with pytest.raises(PlanError, match="holds yes/no values, and 'maybe' is neither"):
        run(loaded, count(filters=Condition(column="returned", op="eq", value="maybe")))


def test_a_value_no_row_has_warns_with_the_closest(loaded) -> None:
    plan = count(filters=Condition(column="region", op="eq", value="nort"))
    result = run(loaded, plan)
    assert result.value == 0
    assert result.notes == ["No row has region 'nort'; closest: 'North'."]
    assert result.summary.endswith("Note: No row has region 'nort'; closest: 'North'.")
    numbers = run(loaded, count(filters=Condition(column="units", op="in", value=[5, 500])))
    assert numbers.notes == ["No row has units 500; nearest: 19."]
    present = run(loaded, count(filters=Condition(column="region", op="eq", value="north ")))
    assert present.notes == [] and "Note" not in present.summary


def test_list_results_have_kind_list(loaded) -> None:
    distinct = run(loaded, Plan(operation="distinct", select=["region"]))
    assert distinct.kind == "list" and isinstance(distinct.value, list)
    listed = run(loaded, Plan(operation="rows", select=["order_id"], limit=3, answer="list"))
    assert listed.kind == "list" and len(listed.value) == 3
    assert run(loaded, count()).kind == "scalar"
    assert repr(listed).splitlines()[-1] == repr(listed.value)


# -- summaries ------------------------------------------------------------------------------------------
def test_summary_lists_format_numbers_alike_and_years_plainly(loaded) -> None:
    from csvagent_jupyter.analysis.summary import describe_filter, fmt_list

    assert fmt_list([46.5, 36.7, 19.0]) == "46.50, 36.70, 19.00"
    assert fmt_list([3, 19.0]) == "3, 19"
    by_year = run(
        loaded,
        Plan(
            operation="aggregate",
            derive=[Derive(name="year", kind="date_part", column="order_date", part="year")],
            group_by=[GroupKey(column="year")],
            aggregates=[Aggregate(func="sum", column="units")],
        ),
    )
    assert "highest for 202" in by_year.summary and "2,02" not in by_year.summary
    ids = run(loaded, Plan(operation="distinct", select=["order_id"], limit=2))
    assert ids.summary.endswith(f": {ids.value[0]}, {ids.value[1]}.") and ids.value[0] > 1000
    condition = Condition(column="region", op="in", value=["North", "South", "East"])
    assert describe_filter(condition) == "region is one of North, South or East"


def test_summary_of_a_limited_ranking_claims_nothing_about_the_rest(loaded) -> None:
    df = loaded[2]
    plan = mean_by("product", sort=[SortKey(column="mean revenue", descending=True)], limit=2)
    result = run(loaded, plan)
    top = df.groupby("product")["revenue"].mean().sort_values(ascending=False).index[:2]
    assert "lowest" not in result.summary
    assert f"shown in order: {top[0]} (" in result.summary and f"{top[1]} (" in result.summary


def test_empty_list_results_say_so(loaded) -> None:
    none = Condition(column="units", op="gt", value=1000)
    distinct = run(loaded, Plan(operation="distinct", select=["region"], filters=none))
    assert (
        distinct.value == []
        and distinct.summary == "No values of region where units is above 1,000."
    )
    listed = run(
        loaded,
        Plan(operation="rows", select=["order_id"], filters=none, answer="list"),
    )
    assert listed.value == [] and listed.summary.startswith("No values")


def test_which_columns_have_missing_values(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="statistic",
        statistic=Statistic(kind="missing"),
        having=Condition(column="missing", op="gt", value=0),
        answer_column="column",
        answer="list",
    )
    result = run(loaded, plan)
    assert result.value == [c for c in df.columns if df[c].isna().any()] == ["unit_price"]
    assert result.kind == "list"
    most = Plan(
        operation="statistic",
        statistic=Statistic(kind="missing"),
        sort=[SortKey(column="missing", descending=True)],
        limit=1,
        answer_column="column",
    )
    assert run(loaded, most).value == "unit_price"
    with pytest.raises(PlanError, match="tests 'missing'"):
        run(loaded, plan.model_copy(update={"having": Condition(column="x", op="gt", value=0)}))


def test_numbers_written_as_text_compare_by_size_only_when_they_are_numbers() -> None:
    from csvagent_jupyter.analysis.executor import execute
    from csvagent_jupyter.loading.profile import profile_frame

    frame = pd.DataFrame(
        {
            "amount": pd.Series(["1,200", "15", "300", None], dtype="str"),
            "code": pd.Series(["A1", "7", "B2", "C3"], dtype="str"),
        }
    )
    profile = profile_frame(frame, bytes=0, encoding="utf-8", delimiter=",")
    profile.column_profiles[0] = profile.column_profiles[0].model_copy(update={"type": "text"})
    big = count(filters=Condition(column="amount", op="gt", value=100))
    assert execute(big, frame, profile).value == 2
    mixed = count(filters=Condition(column="code", op="gt", value=5))
    with pytest.raises(PlanError, match="only 1 of its 4 values read as numbers"):
        execute(mixed, frame, profile)


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("0:05:38.62", "5:38.62"),
        ("1:02:05", "1:02:05"),
        ("0:00:07.5", "0:07.5"),
        ("0:00:59.999", "1:00"),
        ("-0:00:30", "-0:30"),
        ("3 days 04:00:00", "3 days 04:00:00"),
    ],
)
def test_durations_read_as_a_clock(written: str, shown: str) -> None:
    from csvagent_jupyter.analysis.summary import fmt

    assert fmt(pd.Timedelta(written)) == shown
