"""The one-sentence interpretation covers every v2 operation and field."""

from __future__ import annotations

import pytest

from csvagent_jupyter.analysis.interpretation import describe
from csvagent_jupyter.analysis.plan import (
    Aggregate,
    Condition,
    Derive,
    GroupKey,
    Plan,
    SortKey,
    Statistic,
)

MEAN_BY_DEPT = {
    "operation": "aggregate",
    "group_by": [GroupKey(column="department")],
    "aggregates": [Aggregate(func="mean", column="salary")],
}
COUNT = Plan(operation="aggregate", aggregates=[Aggregate(func="count")])


@pytest.mark.parametrize(
    ("plan", "sentence"),
    [
        (
            Plan(
                **MEAN_BY_DEPT,
                having=Condition(column="mean salary", op="gt", value=80000),
                then=[Aggregate(func="count")],
            ),
            "Number of department groups with mean salary is above 80000.",
        ),
        (
            Plan(**MEAN_BY_DEPT, having=Condition(column="salary", op="gt", value=80000)),
            "Average salary per department, groups with salary is above 80000.",
        ),
        (
            Plan(
                **MEAN_BY_DEPT,
                sort=[SortKey(column="mean salary", descending=True)],
                offset=1,
                limit=1,
                answer_column="department",
            ),
            "The department with the 2nd highest average salary.",
        ),
        (
            Plan(
                operation="aggregate",
                group_by=[GroupKey(column="store")],
                aggregates=[Aggregate(func="sum", column="sales")],
                then=[Aggregate(func="median", column="sum sales")],
            ),
            "Median sum sales of store groups.",
        ),
        (
            Plan(
                operation="calc",
                calc="percent",
                left=COUNT.model_copy(
                    update={"filters": Condition(column="returned", op="eq", value=True)}
                ),
                right=COUNT,
            ),
            "The number of rows where returned is true as a percentage of the number of rows.",
        ),
        (
            Plan(
                operation="aggregate",
                aggregates=[Aggregate(func="mean", column="stay")],
                derive=[
                    Derive(name="stay", kind="date_diff", left="out", right="in", unit="hours")
                ],
            ),
            "Average stay, with stay = out minus in in hours.",
        ),
        (
            Plan(
                operation="rows",
                derive=[
                    Derive(
                        name="r",
                        kind="window",
                        func="rank",
                        column="salary",
                        partition_by=["department"],
                        descending=True,
                    )
                ],
                filters=Condition(column="r", op="eq", value=1),
            ),
            "Rows of the rows where r is 1, with r = the rank of salary (1 = largest) per department.",
        ),
        (
            Plan(
                operation="statistic",
                statistic=Statistic(kind="regression", columns=["x", "y"], at=3),
            ),
            "Linear regression of y on x, predicted at x = 3.",
        ),
        (
            Plan(operation="statistic", statistic=Statistic(kind="normality", columns=["x"])),
            "Shapiro–Wilk normality test p-value of x.",
        ),
        (
            Plan(
                operation="aggregate",
                aggregates=[Aggregate(func="outliers_zscore", column="x")],
            ),
            "Number of z-score outliers in x.",
        ),
    ],
)
def test_sentences_for_v2_plans(plan: Plan, sentence: str) -> None:
    assert describe(plan) == sentence


def test_sentences_for_text_kinds_and_column_answers() -> None:
    lowered = Plan(
        operation="aggregate",
        derive=[Derive(name="p", kind="lower", column="product")],
        filters=Condition(column="p", op="eq", value="laptop"),
        aggregates=[Aggregate(func="count")],
    )
    assert describe(lowered) == (
        "Number of rows where p is laptop, with p = product in lower case."
    )
    gaps = Plan(
        operation="statistic",
        statistic=Statistic(kind="missing"),
        having=Condition(column="missing", op="gt", value=0),
        answer_column="column",
        answer="list",
    )
    assert (
        describe(gaps)
        == "The columns with missing is above 0 in the missing values of every column."
    )
