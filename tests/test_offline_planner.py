"""The rebuilt offline planner on generated tables with three naming styles.

Each behaviour is checked on snake_case, camelCase and "Title Case With Spaces" tables
with different column names for the same roles, against hand-written pandas, so that a
rule cannot fit one table's names by accident.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.interpretation import describe
from csvagent_jupyter.sample_data import write_csv

from .test_ask import ask_declines, ask_ok


@dataclass(frozen=True)
class Roles:
    """Column names for the same roles in one naming style, and the words a person uses."""

    entity_id: str
    group: str
    measure: str
    date: str
    flag: str
    group_words: str  # plural noun for the group column ("departments")
    entity_words: str  # plural noun for the rows' entity ("employees")
    measure_words: str


STYLES = [
    Roles("employee_id", "department", "salary", "hire_date", "remote", "departments", "employees", "salary"),
    Roles("storeId", "region", "weeklySales", "openedOn", "isFranchise", "regions", "stores", "weekly sales"),
    Roles("Ticket ID", "Channel", "Wait Minutes", "Opened At", "Escalated", "channels", "tickets", "wait minutes"),
]  # fmt: skip
GROUP_VALUES = ["Alpha", "Bravo", "Charlie", "Delta"]


def make_table(roles: Roles, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 400
    frame = pd.DataFrame(
        {
            roles.entity_id: np.arange(5000, 5000 + n),
            roles.group: rng.choice(GROUP_VALUES, n, p=[0.4, 0.3, 0.2, 0.1]),
            roles.measure: rng.integers(100, 1000, n),
            roles.date: pd.Timestamp("2022-01-01")
            + pd.to_timedelta(rng.integers(0, 730, n), unit="D"),
            roles.flag: rng.choice(["yes", "no"], n),
        }
    )
    return frame


@pytest.fixture(params=range(len(STYLES)), ids=["snake", "camel", "title"])
def table(
    request: pytest.FixtureRequest, agent: Agent, tmp_path: Path
) -> tuple[Roles, pd.DataFrame]:
    roles = STYLES[request.param]
    frame = make_table(roles, seed=request.param)
    agent.load(write_csv(frame, tmp_path / f"table{request.param}.csv"))
    return roles, agent.frame()


def test_counts_rows_and_distinct_groups(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    assert (
        ask_ok(agent, f"how many {roles.group_words} are there?").value == df[roles.group].nunique()
    )
    assert ask_ok(agent, f"how many {roles.entity_words} are there?").value == len(df)
    listed = ask_ok(agent, f"list the unique {roles.group_words}")
    assert sorted(listed.value) == sorted(df[roles.group].unique())


def test_aggregates_filters_and_groups(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    mean = ask_ok(agent, f"average {roles.measure_words}")
    assert mean.value == pytest.approx(df[roles.measure].mean())
    bravo = ask_ok(agent, f"total {roles.measure_words} for Bravo")
    assert bravo.value == df.loc[df[roles.group] == "Bravo", roles.measure].sum()
    above = ask_ok(agent, f"how many {roles.entity_words} have {roles.measure_words} above 500?")
    assert above.value == int((df[roles.measure] > 500).sum())
    year = ask_ok(agent, f"total {roles.measure_words} in 2023")
    assert year.value == df.loc[df[roles.date].dt.year == 2023, roles.measure].sum()
    best = ask_ok(agent, f"which {roles.group} has the highest average {roles.measure_words}?")
    assert best.value == df.groupby(roles.group)[roles.measure].mean().idxmax()
    flagged = ask_ok(agent, f"how many {roles.flag} {roles.entity_words}")
    assert flagged.value == int(df[roles.flag].astype(bool).sum())


def test_superlatives_top_n_and_dates(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    top = ask_ok(agent, f"top 2 {roles.group_words} by total {roles.measure_words}")
    assert top.value == df.groupby(roles.group)[roles.measure].sum().nlargest(2).index.tolist()
    common = ask_ok(agent, f"most common {roles.group}")
    assert common.value == df[roles.group].value_counts().idxmax()
    month = ask_ok(agent, "which month had the most rows?")
    assert month.value == df[roles.date].dt.month_name().value_counts().idxmax()
    values = ask_ok(agent, f"the 3 highest {roles.measure_words} values")
    assert values.value == df[roles.measure].nlargest(3).tolist()


def test_yes_no_questions(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    compare = ask_ok(agent, f"is the average {roles.measure_words} above 500?")
    assert compare.value == bool(df[roles.measure].mean() > 500)
    anything = ask_ok(
        agent, f"are there any {roles.entity_words} in Delta with {roles.measure_words} above 990?"
    )
    expected = bool(((df[roles.group] == "Delta") & (df[roles.measure] > 990)).any())
    assert anything.value == expected


def _top_group(frame: pd.DataFrame, roles: Roles, how: str) -> str:
    return str(frame.groupby(roles.group)[roles.measure].agg(how).idxmax())


def test_ambiguous_questions_ask_back_with_answerable_readings(
    agent: Agent, table: tuple[Roles, pd.DataFrame], tmp_path: Path
) -> None:
    roles, frame = table
    # "highest X" per group: one row's maximum, or the group's average? Not guessed when the
    # two readings give different groups: the largest value goes to the lowest-average group.
    frame = frame.copy()
    lowest = str(frame.groupby(roles.group)[roles.measure].mean().idxmin())
    first = frame.index[frame[roles.group] == lowest][0]
    frame.loc[first, roles.measure] = frame[roles.measure].max() + 1
    assert _top_group(frame, roles, "max") != _top_group(frame, roles, "mean")
    agent.load(write_csv(frame, tmp_path / "split.csv"))
    question = f"which {roles.group} has the highest {roles.measure_words}?"
    declined = ask_declines(agent, question)
    assert len(declined.suggestions) >= 2
    # Words that name nothing here are not dropped silently.
    ask_declines(agent, f"{roles.measure_words} frobnicated by zorgs")


def test_readings_that_give_the_same_answer_are_answered(
    agent: Agent, table: tuple[Roles, pd.DataFrame], tmp_path: Path
) -> None:
    roles, frame = table
    # One group holds both the largest value and the highest average: either reading of
    # "highest" gives that group, so the planner answers, and says which reading it ran.
    frame = frame.copy()
    frame.loc[frame[roles.group] == "Bravo", roles.measure] += 2000
    assert _top_group(frame, roles, "max") == _top_group(frame, roles, "mean") == "Bravo"
    agent.load(write_csv(frame, tmp_path / "agree.csv"))
    result = ask_ok(agent, f"which {roles.group} has the highest {roles.measure_words}?")
    assert result.value == "Bravo"
    assert result.interpretation is not None and roles.measure in result.interpretation


def test_never_substitutes_a_column_that_does_not_exist(
    agent: Agent, table: tuple[Roles, pd.DataFrame]
) -> None:
    roles, _ = table
    misspelt = roles.measure.replace(" ", "_") + "_total"
    declined = ask_declines(agent, f"average {misspelt} by {roles.group}")
    assert f"There is no column {misspelt!r}" in declined.summary
    assert repr(roles.measure) in declined.summary  # the close name is offered, not used


def test_every_answer_says_what_was_computed(
    agent: Agent, table: tuple[Roles, pd.DataFrame]
) -> None:
    roles, _ = table
    result = ask_ok(agent, f"average {roles.measure_words} by {roles.group}")
    assert result.interpretation == f"Average {roles.measure} per {roles.group}."
    assert result.interpretation in result._repr_mimebundle_()[0]["text/html"]
    logged = agent.history()[0]
    assert logged.summary is not None
    count = ask_ok(agent, f"how many {roles.entity_words} are {roles.flag}?")
    assert count.interpretation is not None and roles.flag in count.interpretation


def test_a_complete_question_is_not_merged_into_the_previous_one(
    agent: Agent, table: tuple[Roles, pd.DataFrame]
) -> None:
    roles, df = table
    ask_ok(agent, f"total {roles.measure_words} by {roles.group}")
    top = ask_ok(agent, f"top 2 {roles.group_words} by average {roles.measure_words}")
    assert top.value == df.groupby(roles.group)[roles.measure].mean().nlargest(2).index.tolist()
    only = ask_ok(agent, "only for Bravo")
    assert only.plan is not None and only.plan.filters is not None


def test_interpretation_of_plans_from_any_planner() -> None:
    from csvagent_jupyter.analysis.plan import Aggregate, Condition, GroupKey, Plan, SortKey

    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="mean", column="salary")],
        group_by=[GroupKey(column="department")],
        sort=[SortKey(column="mean salary", descending=True)],
    )
    assert describe(plan) == "Average salary per department, highest first."
    counted = Plan(
        operation="aggregate",
        filters=Condition(column="returned", op="eq", value=True),
        aggregates=[Aggregate(func="count")],
    )
    assert describe(counted) == "Number of rows where returned is true."


def test_chart_follow_up_drops_a_single_answer_limit(
    agent: Agent, table: tuple[Roles, pd.DataFrame]
) -> None:
    roles, df = table
    best = ask_ok(agent, f"which {roles.group} has the highest average {roles.measure_words}?")
    assert best.kind == "scalar"
    chart = ask_ok(agent, "as a bar chart")
    assert chart.kind == "chart" and len(chart.table) == df[roles.group].nunique()


def test_follow_up_goes_to_the_file_of_the_previous_question(agent: Agent, tmp_path: Path) -> None:
    first = make_table(STYLES[0], seed=1)
    second = make_table(STYLES[1], seed=2)
    one = agent.load(write_csv(first, tmp_path / "one.csv"))
    session = agent.session(file=one.id).id
    ask_ok(agent, "average salary by department", session=session)
    agent.load(write_csv(second, tmp_path / "two.csv"))  # now the file in use
    only = ask_ok(agent, "only for Bravo", session=session)
    assert only.file_id == one.id
    assert set(only.value["department"]) == {"Bravo"}


def test_percentages_and_shares(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    share = ask_ok(agent, f"what share of {roles.entity_words} are in Bravo?")
    assert share.value == pytest.approx(100 * (df[roles.group] == "Bravo").mean())
    flagged = ask_ok(agent, f"what percent of {roles.entity_words} are {roles.flag}")
    assert flagged.value == pytest.approx(100 * df[roles.flag].astype(bool).mean())


def test_groups_kept_by_their_aggregate(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    means = df.groupby(roles.group)[roles.measure].mean()
    threshold = float(means.median())
    having = ask_ok(
        agent,
        f"how many {roles.group_words} have an average {roles.measure_words} above {threshold}",
    )
    assert having.value == int((means > threshold).sum())
    sizes = df[roles.group].value_counts()
    listed = ask_ok(agent, f"list the {roles.group_words} with more than 100 {roles.entity_words}")
    assert sorted(listed.value) == sorted(sizes[sizes > 100].index)


def test_nth_place(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    means = df.groupby(roles.group)[roles.measure].mean().sort_values(ascending=False)
    second = ask_ok(
        agent, f"which {roles.group} has the second highest average {roles.measure_words}"
    )
    assert second.value == means.index[1]
    value = ask_ok(agent, f"the 3rd highest {roles.measure_words}")
    assert value.value == df[roles.measure].sort_values(ascending=False).iloc[2]


def test_differences_ratios_and_growth(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    mean = df.groupby(roles.group)[roles.measure].mean()
    total = df.groupby(roles.group)[roles.measure].sum()
    gap = ask_ok(
        agent,
        f"difference in average {roles.measure_words} between Alpha and Delta (Alpha minus Delta)",
    )
    assert gap.value == pytest.approx(mean["Alpha"] - mean["Delta"])
    compared = ask_ok(
        agent, f"how much more total {roles.measure_words} did Bravo have compared to Charlie?"
    )
    assert compared.value == pytest.approx(total["Bravo"] - total["Charlie"])
    ratio = ask_ok(agent, f"ratio of total {roles.measure_words} of Bravo to Charlie")
    assert ratio.value == pytest.approx(total["Bravo"] / total["Charlie"])
    by_year = df.groupby(df[roles.date].dt.year)[roles.measure].sum()
    growth = ask_ok(agent, f"growth of total {roles.measure_words} from 2022 to 2023 in percent")
    assert growth.value == pytest.approx(100 * (by_year[2023] - by_year[2022]) / by_year[2022])


def test_nested_counts_and_yes_no_between_two_values(
    agent: Agent, table: tuple[Roles, pd.DataFrame]
) -> None:
    roles, df = table
    median = ask_ok(agent, f"median number of rows per {roles.group}")
    assert median.value == df[roles.group].value_counts().median()
    mean = df.groupby(roles.group)[roles.measure].mean()
    more = ask_ok(agent, f"is the average {roles.measure_words} of Alpha higher than Delta?")
    assert more.value == bool(mean["Alpha"] > mean["Delta"])
    # "difference between A and B" does not say which way round: how far apart they are, and
    # the summary says which is higher.
    gap = ask_ok(agent, f"difference in average {roles.measure_words} between Alpha and Delta")
    assert gap.value == pytest.approx(abs(mean["Alpha"] - mean["Delta"]))
    assert "gap between" in str(gap.interpretation).lower()
    higher, lower = ("Alpha", "Delta") if mean["Alpha"] >= mean["Delta"] else ("Delta", "Alpha")
    assert gap.summary.index(higher) < gap.summary.index("more than") < gap.summary.index(lower)


def test_formulas_over_two_columns(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Units Sold": [3, 5, 2, 8],
            "Unit Price": [10.0, 4.0, 7.5, 2.0],
            "Store": ["North", "South", "North", "South"],
        }
    )
    agent.load(write_csv(frame, tmp_path / "orders.csv"))
    revenue = ask_ok(agent, "total revenue (units sold x unit price) for the North store")
    expected = (frame["Units Sold"] * frame["Unit Price"])[frame["Store"] == "North"].sum()
    assert revenue.value == pytest.approx(expected)
    assert revenue.plan is not None and revenue.plan.derive
    gap = ask_ok(agent, "average unit price minus units sold")
    assert gap.value == pytest.approx((frame["Unit Price"] - frame["Units Sold"]).mean())


@pytest.mark.parametrize(
    ("column", "won", "lost"), [("Result", "W", "L"), ("outcome", "Won", "Lost")]
)
def test_result_words_read_the_results_column(
    agent: Agent, tmp_path: Path, column: str, won: str, lost: str
) -> None:
    frame = pd.DataFrame(
        {
            "Opponent": ["Ajax", "Benfica", "Celtic", "Dundee", "Everton"],
            column: [won, lost, won, won, lost],
            "Attendance": [1200, 3400, 2100, 900, 5000],
        }
    )
    agent.load(write_csv(frame, tmp_path / "games.csv"))
    assert ask_ok(agent, "how many games did they win?").value == 3
    assert ask_ok(agent, "how many games were lost?").value == 2
    assert ask_ok(agent, "how many games did they not win?").value == 2


def test_shares_of_a_total_and_of_a_scope(agent: Agent, table: tuple[Roles, pd.DataFrame]) -> None:
    roles, df = table
    share = ask_ok(agent, f"what share of the total {roles.measure_words} is in Bravo, in percent?")
    expected = (
        100 * df.loc[df[roles.group] == "Bravo", roles.measure].sum() / df[roles.measure].sum()
    )
    assert share.value == pytest.approx(expected)
    flagged = df[df[roles.flag].astype(bool)]
    scoped = ask_ok(agent, f"what share of all {roles.flag} {roles.entity_words} are in Delta?")
    assert scoped.value == pytest.approx(100 * (flagged[roles.group] == "Delta").mean())
