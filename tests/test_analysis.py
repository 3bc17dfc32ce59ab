"""The analysis core: every operation against independently written pandas, and its generated code."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.executor import _plain
from csvagent_jupyter.analysis.plan import (
    Aggregate,
    ChartSpec,
    Condition,
    Derive,
    FilterGroup,
    GroupKey,
    Pivot,
    Plan,
    SortKey,
    Statistic,
)
from csvagent_jupyter.analysis.result import Result
from csvagent_jupyter.analysis.run import run_plan
from csvagent_jupyter.errors import PlanError, TypeMismatchError, UnknownColumnError
from csvagent_jupyter.loading.loader import FileInfo
from csvagent_jupyter.sample_data import sales_frame, write_csv


def load_sales(folder: Path) -> Iterator[tuple[Agent, FileInfo, pd.DataFrame]]:
    """The sales table with a few gaps, loaded by a real Agent (shared by the analysis tests)."""
    source = sales_frame()
    source.loc[[3, 50, 77], "unit_price"] = np.nan  # some gaps, to test null handling
    path = write_csv(source, folder / "sales.csv")
    agent = Agent(data_dir=folder / "agent")
    info = agent.load(path)
    yield agent, info, agent.frame()
    agent.close()


@pytest.fixture(scope="module")
def loaded(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Agent, FileInfo, pd.DataFrame]]:
    yield from load_sales(tmp_path_factory.mktemp("analysis"))


def run(loaded: tuple[Agent, FileInfo, pd.DataFrame], plan: Plan) -> Result:
    _, info, frame = loaded
    result = run_plan(plan, frame, info.profile, info.path)
    check_generated_code(result)
    return result


def check_generated_code(result: Result) -> None:
    """The code shown with every answer re-reads the CSV and leaves ``result`` equal to the value."""
    import matplotlib.pyplot as plt

    namespace: dict[str, Any] = {}
    try:
        exec(compile(result.code, "<generated>", "exec"), namespace)  # the project's own code
    finally:
        plt.close("all")  # chart code draws through pyplot, as a notebook user would
    assert_same(namespace["result"], result.value)


def assert_same(actual: Any, expected: Any) -> None:
    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(actual, expected)
    elif isinstance(expected, list):
        assert [_plain(v) for v in actual] == expected
    elif isinstance(expected, float):
        assert math.isclose(_plain(actual), expected, rel_tol=1e-12)
    else:
        assert _plain(actual) == expected


def agg_plan(*aggregates: Aggregate, **kwargs: Any) -> Plan:
    return Plan(operation="aggregate", aggregates=list(aggregates), **kwargs)


# -- aggregates ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("func", "column", "expected"),
    [
        ("count", None, lambda df: len(df)),
        ("count", "unit_price", lambda df: df["unit_price"].count()),
        ("count_distinct", "product", lambda df: df["product"].nunique()),
        ("sum", "revenue", lambda df: df["revenue"].sum()),
        ("mean", "unit_price", lambda df: df["unit_price"].mean()),
        ("median", "revenue", lambda df: df["revenue"].median()),
        ("min", "units", lambda df: df["units"].min()),
        ("max", "revenue", lambda df: df["revenue"].max()),
        ("std", "revenue", lambda df: df["revenue"].std()),
        ("var", "units", lambda df: df["units"].var()),
        ("first", "unit_price", lambda df: df["unit_price"].dropna().iloc[0]),
        ("last", "region", lambda df: df["region"].iloc[-1]),
    ],
)
def test_scalar_aggregates(loaded, func: str, column: str | None, expected) -> None:
    result = run(loaded, agg_plan(Aggregate(func=func, column=column)))
    assert result.kind == "scalar"
    assert_same(expected(loaded[2]), result.value)
    assert not isinstance(result.value, np.generic)


def test_percentile(loaded) -> None:
    result = run(loaded, agg_plan(Aggregate(func="percentile", column="revenue", percentile=90)))
    assert result.value == pytest.approx(loaded[2]["revenue"].quantile(0.9))


def test_group_by_with_several_aggregates(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="mean", column="revenue"),
        Aggregate(func="count"),
        Aggregate(func="share", column="revenue", alias="revenue share"),
        group_by=[GroupKey(column="region")],
    )
    result = run(loaded, plan)
    expected = df.groupby("region", observed=True)["revenue"].mean()
    table = result.value.set_index("region")
    assert table["mean revenue"].to_dict() == pytest.approx(expected.to_dict())
    assert table["count"].to_dict() == df["region"].value_counts().to_dict()
    assert table["revenue share"].sum() == pytest.approx(100)
    assert "highest for" in result.summary and "4 groups" in result.summary


def test_group_by_month_bucket_and_top_n(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="sum", column="revenue"),
        group_by=[GroupKey(column="order_date", bucket="month")],
        sort=[SortKey(column="sum revenue", descending=True)],
        limit=3,
    )
    result = run(loaded, plan)
    expected = df.groupby(df["order_date"].dt.to_period("M"))["revenue"].sum().nlargest(3)
    assert result.value["sum revenue"].tolist() == pytest.approx(expected.tolist())
    assert [str(p) for p in result.value["order_date (month)"]] == [str(p) for p in expected.index]


def test_group_by_two_columns(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="sum", column="units"),
        group_by=[GroupKey(column="region"), GroupKey(column="channel")],
    )
    result = run(loaded, plan)
    expected = df.groupby(["region", "channel"], observed=True)["units"].sum()
    assert len(result.value) == len(expected)
    assert result.value["sum units"].sum() == expected.sum()


# -- filters -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        (Condition(column="region", op="eq", value="north"), lambda df: df["region"] == "North"),
        (Condition(column="region", op="ne", value="North "), lambda df: df["region"] != "North"),
        (Condition(column="units", op="gt", value=15), lambda df: df["units"] > 15),
        (Condition(column="units", op="ge", value="15"), lambda df: df["units"] >= 15),
        (Condition(column="revenue", op="lt", value=1000), lambda df: df["revenue"] < 1000),
        (Condition(column="revenue", op="le", value=1000.5), lambda df: df["revenue"] <= 1000.5),
        (
            Condition(column="product", op="in", value=["Laptop", "phone"]),
            lambda df: df["product"].isin(["Laptop", "Phone"]),
        ),
        (
            Condition(column="product", op="not_in", value=["Laptop"]),
            lambda df: df["product"] != "Laptop",
        ),
        (
            Condition(column="units", op="between", value=[5, 10]),
            lambda df: df["units"].between(5, 10),
        ),
        (
            Condition(column="product", op="contains", value="LAP"),
            lambda df: df["product"].str.contains("Lap"),
        ),
        (
            Condition(column="product", op="startswith", value="p"),
            lambda df: df["product"].str.startswith("P"),
        ),
        (
            Condition(column="product", op="endswith", value="et"),
            lambda df: df["product"].str.endswith("et"),
        ),
        (Condition(column="unit_price", op="is_null"), lambda df: df["unit_price"].isna()),
        (Condition(column="unit_price", op="not_null"), lambda df: df["unit_price"].notna()),
        (
            Condition(column="order_date", op="eq", value=2023, part="year"),
            lambda df: df["order_date"].dt.year == 2023,
        ),
        (
            Condition(column="order_date", op="eq", value=3, part="month"),
            lambda df: df["order_date"].dt.month == 3,
        ),
        (
            Condition(column="order_date", op="between", value=["2023-03-01", "2023-06-30"]),
            lambda df: df["order_date"].between(
                pd.Timestamp("2023-03-01"), pd.Timestamp("2023-06-30")
            ),
        ),
        (
            Condition(column="order_date", op="lt", value="2023-02-01"),
            lambda df: df["order_date"] < pd.Timestamp("2023-02-01"),
        ),
        (Condition(column="returned", op="eq", value=True), lambda df: df["returned"]),
    ],
    ids=lambda c: (
        c.op + (f"-{c.part}" if getattr(c, "part", None) else "")
        if isinstance(c, Condition)
        else ""
    ),
)
def test_each_filter(loaded, condition: Condition, expected) -> None:
    df = loaded[2]
    result = run(loaded, agg_plan(Aggregate(func="count"), filters=condition))
    assert result.value == int(expected(df).sum())
    assert result.value > 0


def test_and_or_not(loaded) -> None:
    df = loaded[2]
    north = Condition(column="region", op="eq", value="North")
    many = Condition(column="units", op="gt", value=10)
    laptop = Condition(column="product", op="eq", value="Laptop")
    plan = Plan(
        operation="rows",
        filters=FilterGroup(
            combine="or",
            items=[
                FilterGroup(combine="and", items=[north, many]),
                FilterGroup(combine="not", items=[laptop]),
            ],
        ),
    )
    result = run(loaded, plan)
    expected = df[((df["region"] == "North") & (df["units"] > 10)) | ~(df["product"] == "Laptop")]
    pd.testing.assert_frame_equal(result.value, expected)


# -- rows, distinct, extremes ------------------------------------------------------------------------
def test_rows_select_sort_limit(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="rows",
        select=["order_id", "revenue"],
        sort=[SortKey(column="revenue", descending=True)],
        limit=5,
    )
    result = run(loaded, plan)
    pd.testing.assert_frame_equal(
        result.value,
        df[["order_id", "revenue"]].sort_values("revenue", ascending=False, kind="stable").head(5),
    )
    assert result.kind == "table" and result.rows_out == 5


def test_value_of_column_where_other_is_largest(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="rows",
        sort=[SortKey(column="revenue", descending=True)],
        limit=1,
        answer_column="product",
    )
    result = run(loaded, plan)
    assert result.value == df.loc[df["revenue"].idxmax(), "product"]
    assert isinstance(result.value, str)


def test_which_group_has_the_highest_mean(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="mean", column="revenue"),
        group_by=[GroupKey(column="product")],
        sort=[SortKey(column="mean revenue", descending=True)],
        limit=1,
        answer_column="product",
    )
    assert (
        run(loaded, plan).value == df.groupby("product", observed=True)["revenue"].mean().idxmax()
    )


def test_distinct_values_as_list(loaded) -> None:
    df = loaded[2]
    result = run(
        loaded, Plan(operation="distinct", select=["channel"], sort=[SortKey(column="channel")])
    )
    assert result.value == sorted(df["channel"].dropna().unique().tolist())
    assert isinstance(result.value, list)


def test_list_answer(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="rows",
        select=["order_id"],
        filters=Condition(column="units", op="ge", value=19),
        answer="list",
    )
    assert run(loaded, plan).value == df.loc[df["units"] >= 19, "order_id"].tolist()


def test_value_counts_shape(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="count"),
        group_by=[GroupKey(column="product")],
        sort=[SortKey(column="count", descending=True)],
    )
    result = run(loaded, plan)
    counts = df["product"].value_counts()
    assert result.value.set_index("product")["count"].to_dict() == counts.to_dict()


# -- derived columns -------------------------------------------------------------------------------
def test_arithmetic_derived_column(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="sum", column="gross"),
        derive=[
            Derive(name="gross", kind="arithmetic", left="units", operator="*", right="unit_price")
        ],
    )
    assert run(loaded, plan).value == pytest.approx((df["units"] * df["unit_price"]).sum())


def test_division_by_zero_gives_missing_not_infinity(loaded) -> None:
    plan = Plan(
        operation="rows",
        derive=[Derive(name="ratio", kind="arithmetic", left="units", operator="/", right=0)],
        select=["ratio"],
        limit=3,
    )
    assert run(loaded, plan).value["ratio"].isna().all()


@pytest.mark.parametrize("part", ["year", "quarter", "month", "weekday"])
def test_date_part_derived_column(loaded, part: str) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="count"),
        derive=[Derive(name="p", kind="date_part", column="order_date", part=part)],
        group_by=[GroupKey(column="p")],
    )
    result = run(loaded, plan)
    attribute = "day_of_week" if part == "weekday" else part
    expected = getattr(df["order_date"].dt, attribute).value_counts().sort_index()
    assert result.value.set_index("p")["count"].to_dict() == expected.to_dict()


def test_length_and_bins(loaded) -> None:
    df = loaded[2]
    plan = agg_plan(
        Aggregate(func="count"),
        derive=[Derive(name="units band", kind="bin", column="units", bins=[0, 5, 10, 20])],
        group_by=[GroupKey(column="units band")],
    )
    result = run(loaded, plan)
    assert result.value["count"].sum() == len(df)
    plan = agg_plan(
        Aggregate(func="max", column="n"),
        derive=[Derive(name="n", kind="length", column="product")],
    )
    assert run(loaded, plan).value == df["product"].astype(str).str.len().max()


# -- pivot and statistics ---------------------------------------------------------------------------
def test_pivot(loaded) -> None:
    df = loaded[2]
    plan = Plan(
        operation="pivot",
        pivot=Pivot(index="region", columns="channel", values="revenue", func="sum"),
    )
    result = run(loaded, plan)
    expected = df.pivot_table(
        index="region", columns="channel", values="revenue", aggfunc="sum", observed=True
    )
    pd.testing.assert_frame_equal(result.value, expected)


def test_describe_missing_outliers(loaded) -> None:
    df = loaded[2]
    described = run(
        loaded,
        Plan(
            operation="statistic",
            statistic=Statistic(kind="describe", columns=["revenue", "units"]),
        ),
    )
    pd.testing.assert_frame_equal(described.value, df[["revenue", "units"]].describe())
    missing = run(loaded, Plan(operation="statistic", statistic=Statistic(kind="missing")))
    assert missing.value.loc["unit_price", "missing"] == 3
    assert "unit_price" in missing.summary
    outliers = run(
        loaded,
        Plan(operation="statistic", statistic=Statistic(kind="outliers", columns=["revenue"])),
    )
    q1, q3 = df["revenue"].quantile([0.25, 0.75])
    iqr = q3 - q1
    expected = df[(df["revenue"] < q1 - 1.5 * iqr) | (df["revenue"] > q3 + 1.5 * iqr)]
    pd.testing.assert_frame_equal(outliers.value, expected)
    z = run(
        loaded,
        Plan(
            operation="statistic",
            statistic=Statistic(kind="outliers", columns=["units"], method="zscore", threshold=1.5),
        ),
    )
    zs = (df["units"] - df["units"].mean()) / df["units"].std()
    assert len(z.value) == int((zs.abs() > 1.5).sum())


def test_correlation_pair_and_matrix(loaded) -> None:
    df = loaded[2]
    pair = run(
        loaded,
        Plan(
            operation="statistic",
            statistic=Statistic(kind="correlation", columns=["units", "revenue"]),
        ),
    )
    assert pair.value == pytest.approx(df["units"].corr(df["revenue"]))
    assert "correlation between units and revenue" in pair.summary
    matrix = run(
        loaded, Plan(operation="statistic", statistic=Statistic(kind="correlation", columns=[]))
    )
    assert matrix.value.loc["units", "revenue"] == pytest.approx(pair.value)


# -- yes/no -------------------------------------------------------------------------------------------
def test_any_and_all(loaded) -> None:
    df = loaded[2]
    big = Condition(column="units", op="gt", value=18)
    assert run(loaded, Plan(operation="any", condition=big)).value is bool((df["units"] > 18).any())
    positive = Condition(column="revenue", op="gt", value=0)
    result = run(loaded, Plan(operation="all", condition=positive))
    assert result.value is True
    assert result.summary.startswith("Yes")
    none = run(
        loaded, Plan(operation="any", condition=Condition(column="units", op="gt", value=1000))
    )
    assert none.value is False and none.summary.startswith("No")


def test_compare_aggregate_with_constant_and_with_aggregate(loaded) -> None:
    df = loaded[2]
    mean_revenue = agg_plan(Aggregate(func="mean", column="revenue"))
    result = run(loaded, Plan(operation="compare", left=mean_revenue, compare_op="gt", right=5000))
    assert result.value is bool(df["revenue"].mean() > 5000)
    north = agg_plan(
        Aggregate(func="sum", column="revenue"),
        filters=Condition(column="region", op="eq", value="North"),
    )
    south = agg_plan(
        Aggregate(func="sum", column="revenue"),
        filters=Condition(column="region", op="eq", value="South"),
    )
    result = run(loaded, Plan(operation="compare", left=north, compare_op="gt", right=south))
    by_region = df.groupby("region", observed=True)["revenue"].sum()
    assert result.value is bool(by_region["North"] > by_region["South"])


def test_compare_looked_up_text(loaded) -> None:
    df = loaded[2]
    top_product = Plan(
        operation="rows",
        sort=[SortKey(column="revenue", descending=True)],
        limit=1,
        answer_column="product",
    )
    expected = df.loc[df["revenue"].idxmax(), "product"]
    result = run(
        loaded, Plan(operation="compare", left=top_product, compare_op="eq", right=expected.upper())
    )
    assert result.value is True


# -- charts --------------------------------------------------------------------------------------------
def test_bar_chart_has_one_bar_per_group_and_labels(loaded) -> None:
    plan = agg_plan(
        Aggregate(func="mean", column="revenue"),
        group_by=[GroupKey(column="region")],
        chart=ChartSpec(kind="bar", title="Average revenue by region"),
    )
    result = run(loaded, plan)
    assert result.kind == "chart"
    ax = result.figure.axes[0]
    assert len(ax.patches) == 4
    assert ax.get_title() == "Average revenue by region"
    assert ax.get_xlabel() == "region" and ax.get_ylabel() == "mean revenue"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["East", "North", "South", "West"]
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx(result.value["mean revenue"].tolist())


def test_line_chart_over_months(loaded) -> None:
    plan = agg_plan(
        Aggregate(func="sum", column="revenue"),
        group_by=[GroupKey(column="order_date", bucket="month")],
        chart=ChartSpec(kind="line"),
    )
    result = run(loaded, plan)
    [line] = result.figure.axes[0].get_lines()
    assert len(line.get_xdata()) == 24


def test_scatter_hist_pie_box(loaded) -> None:
    df = loaded[2]
    scatter = run(
        loaded,
        Plan(
            operation="rows",
            select=["units", "revenue"],
            chart=ChartSpec(kind="scatter", x="units", y="revenue"),
        ),
    )
    assert len(scatter.figure.axes[0].collections[0].get_offsets()) == len(df)
    hist = run(
        loaded,
        Plan(operation="rows", select=["revenue"], chart=ChartSpec(kind="hist", x="revenue")),
    )
    assert len(hist.figure.axes[0].patches) == 20
    assert sum(p.get_height() for p in hist.figure.axes[0].patches) == len(df)
    pie = run(
        loaded,
        agg_plan(
            Aggregate(func="count"),
            group_by=[GroupKey(column="channel")],
            chart=ChartSpec(kind="pie"),
        ),
    )
    assert len(pie.figure.axes[0].patches) == 3
    box = run(
        loaded,
        Plan(
            operation="rows",
            select=["region", "revenue"],
            chart=ChartSpec(kind="box", x="region", y="revenue"),
        ),
    )
    assert [t.get_text() for t in box.figure.axes[0].get_xticklabels()] == [
        "East",
        "North",
        "South",
        "West",
    ]


def test_grouped_bars_with_series(loaded) -> None:
    plan = agg_plan(
        Aggregate(func="sum", column="units"),
        group_by=[GroupKey(column="region"), GroupKey(column="channel")],
        chart=ChartSpec(kind="bar", x="region", y="sum units", series="channel"),
    )
    result = run(loaded, plan)
    assert len(result.figure.axes[0].patches) == 12
    assert result.figure.axes[0].get_legend() is not None


def test_chart_of_a_single_value_is_explained(loaded) -> None:
    with pytest.raises(PlanError, match="single value"):
        run(loaded, agg_plan(Aggregate(func="count"), chart=ChartSpec(kind="bar")))


# -- validation --------------------------------------------------------------------------------------
def test_unknown_column_suggests_the_closest(loaded) -> None:
    with pytest.raises(UnknownColumnError) as caught:
        run(loaded, agg_plan(Aggregate(func="mean", column="revnue")))
    assert caught.value.suggestions[0] == "revenue"
    assert "Did you mean 'revenue'" in str(caught.value)


def test_mean_of_text_is_explained(loaded) -> None:
    with pytest.raises(
        TypeMismatchError, match="Cannot take the average of 'product': it holds text categories"
    ):
        run(loaded, agg_plan(Aggregate(func="mean", column="product")))


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (
            agg_plan(
                Aggregate(func="count"), filters=Condition(column="product", op="gt", value="x")
            ),
            "by size",
        ),
        (
            agg_plan(
                Aggregate(func="count"), filters=Condition(column="units", op="contains", value="1")
            ),
            "holds whole numbers",
        ),
        (
            agg_plan(
                Aggregate(func="count"), filters=Condition(column="units", op="between", value=[1])
            ),
            "two values",
        ),
        (
            agg_plan(Aggregate(func="count"), group_by=[GroupKey(column="region", bucket="month")]),
            "dates",
        ),
        (
            agg_plan(
                Aggregate(func="count"),
                filters=Condition(column="region", op="eq", value=1, part="year"),
            ),
            "dates",
        ),
        (Plan(operation="aggregate"), "at least one aggregate"),
        (Plan(operation="distinct", select=["a", "b"]), "exactly one column"),
        (Plan(operation="any"), "condition"),
        (
            agg_plan(
                Aggregate(func="sum", column="revenue"),
                derive=[Derive(name="revenue", kind="length", column="product")],
            ),
            "hide an existing",
        ),
        (
            Plan(
                operation="statistic",
                statistic=Statistic(kind="outliers", columns=["revenue", "units"]),
            ),
            "one numeric column",
        ),
    ],
)
def test_invalid_plans_are_explained(loaded, plan: Plan, message: str) -> None:
    with pytest.raises(PlanError, match=message):
        run(loaded, plan)


def test_plan_round_trips_through_json_and_has_a_schema() -> None:
    plan = agg_plan(
        Aggregate(func="mean", column="revenue"),
        filters=FilterGroup(
            combine="and", items=[Condition(column="region", op="eq", value="North")]
        ),
        group_by=[GroupKey(column="order_date", bucket="quarter")],
        chart=ChartSpec(kind="line"),
    )
    assert Plan.model_validate_json(plan.model_dump_json()) == plan
    schema = Plan.model_json_schema()
    assert "operation" in schema["$defs"]["Plan"]["properties"]
    with pytest.raises(ValueError, match="extra"):
        Plan.model_validate({"operation": "rows", "python": "os.system('x')"})


# -- display -------------------------------------------------------------------------------------------
def test_result_display_is_bounded_and_escaped(loaded, tmp_path: Path) -> None:
    result = run(loaded, Plan(operation="rows"))
    bundle, metadata = result._repr_mimebundle_()
    assert "20 of 240 rows" in bundle["text/html"]
    assert bundle["text/html"].count("<tr") <= 22
    assert "(20 of 240 rows shown)" in bundle["text/plain"]
    assert "<details><summary>pandas code</summary>" in bundle["text/html"]
    assert "csvagent" in metadata
    chart = run(
        loaded,
        agg_plan(
            Aggregate(func="count"),
            group_by=[GroupKey(column="region")],
            chart=ChartSpec(kind="bar"),
        ),
    )
    bundle, _ = chart._repr_mimebundle_()
    assert bundle["image/png"] and "data:image/png;base64," in bundle["text/html"]


def test_hostile_cells_are_escaped_in_html(tmp_path: Path) -> None:
    from .conftest import DATA

    with Agent(data_dir=tmp_path / "a") as agent:
        info = agent.load(DATA / "hostile_cells.csv")
        result = run_plan(Plan(operation="rows"), agent.frame(), info.profile, info.path)
    html = result._repr_mimebundle_()[0]["text/html"]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_filters_need_no_kind_field() -> None:
    """Models often leave out the discriminator; the fields tell a group from a condition."""
    plan = Plan.model_validate(
        {
            "operation": "rows",
            "filters": {
                "combine": "and",
                "items": [
                    {"column": "a", "op": "eq", "value": 1},
                    {"column": "b", "op": "is_null"},
                ],
            },
        }
    )
    assert isinstance(plan.filters, FilterGroup) and isinstance(plan.filters.items[0], Condition)


def test_previous_and_next_windows_are_the_neighbouring_rows_in_file_order(
    loaded: tuple[Agent, FileInfo, pd.DataFrame],
) -> None:
    """SQL LAG/LEAD: "the order after order 1014" keeps the row whose previous order_id is
    1014; per partition the neighbour is the previous row of the same region."""
    frame = loaded[2]
    before = Derive(name="order before", kind="window", func="previous", column="order_id")
    after = Plan(
        operation="rows",
        derive=[before],
        filters=Condition(column="order before", op="eq", value=1014),
        answer_column="order_id",
    )
    position = frame.index[frame.order_id == 1014][0]
    assert run(loaded, after).value == frame.order_id.iloc[position + 1]
    following = Derive(name="order after", kind="window", func="next", column="order_id")
    previous = after.model_copy(
        update={
            "derive": [following],
            "filters": Condition(column="order after", op="eq", value=1014),
        }
    )
    assert run(loaded, previous).value == frame.order_id.iloc[position - 1]
    in_region = Derive(
        name="region's order before",
        kind="window",
        func="previous",
        column="order_id",
        partition_by=["region"],
    )
    grouped = after.model_copy(
        update={
            "derive": [in_region],
            "filters": Condition(column="region's order before", op="eq", value=1014),
        }
    )
    south = frame[frame.region == frame.region.iloc[position]].reset_index(drop=True)
    expected = south.order_id.iloc[south.index[south.order_id == 1014][0] + 1]
    assert run(loaded, grouped).value == expected
