"""agent.ask end to end with the offline planner: the question shapes it supports, on our own tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.events import ProgressEvent
from csvagent_jupyter.sample_data import sales_frame, write_csv

from .test_analysis import check_generated_code


@pytest.fixture
def sales(agent: Agent, tmp_path: Path) -> pd.DataFrame:
    frame = sales_frame()
    agent.load(write_csv(frame, tmp_path / "sales.csv"))
    return agent.frame()


@pytest.fixture
def staff(agent: Agent, tmp_path: Path) -> pd.DataFrame:
    """An HR-like table: camelCase and underscored names, values with underscores."""
    frame = pd.DataFrame(
        {
            "EmployeeName": ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Evans", "Ed Fox", "Flo Gray"],
            "Department": ["Sales", "Research", "Sales", "HR", "Research", "Research"],
            "BusinessTravel": [
                "Travel_Rarely",
                "Travel_Frequently",
                "Non-Travel",
                "Travel_Rarely",
                "Travel_Rarely",
                "Non-Travel",
            ],
            "monthly_income": [5200, 6100, 4300, 3900, 7200, 6800],
            "YearsAtCompany": [3, 10, 1, 5, 12, 7],
            "Attrition": ["Yes", "No", "No", "Yes", "No", "No"],
        }
    )
    agent.load(write_csv(frame, tmp_path / "staff.csv"))
    return agent.frame()


def ask_ok(agent: Agent, question: str, **kwargs):
    result = agent.ask(question, **kwargs)
    assert result.kind != "error", f"{question!r}: {result.summary}"
    check_generated_code(result)
    return result


def ask_declines(agent: Agent, question: str, **kwargs):
    """The planner says it is not sure instead of guessing, and every reading it offers works."""
    result = agent.ask(question, **kwargs)
    assert result.kind == "error", f"{question!r} was answered: {result.value!r}"
    for suggestion in result.suggestions:
        ask_ok(agent, suggestion, **kwargs)
    return result


# -- question shapes ---------------------------------------------------------------------------
def test_count_rows(agent: Agent, sales: pd.DataFrame) -> None:
    assert ask_ok(agent, "how many orders are there?").value == len(sales)
    assert ask_ok(agent, "number of orders in the West region").value == int(
        (sales["region"] == "West").sum()
    )


def test_average_and_total(agent: Agent, sales: pd.DataFrame) -> None:
    assert ask_ok(agent, "what is the average revenue?").value == pytest.approx(
        sales["revenue"].mean()
    )
    assert ask_ok(agent, "total units sold").value == sales["units"].sum()
    assert ask_ok(agent, "mean unit price for laptops").value == pytest.approx(
        sales.loc[sales["product"] == "Laptop", "unit_price"].mean()
    )


def test_group_by(agent: Agent, sales: pd.DataFrame) -> None:
    result = ask_ok(agent, "average revenue by region")
    expected = sales.groupby("region", observed=True)["revenue"].mean()
    assert result.value.set_index("region")["mean revenue"].to_dict() == pytest.approx(
        expected.to_dict()
    )
    per = ask_ok(agent, "total units per channel")
    assert (
        per.value.set_index("channel")["sum units"].to_dict()
        == sales.groupby("channel", observed=True)["units"].sum().to_dict()
    )


def test_which_group_has_the_highest(agent: Agent, sales: pd.DataFrame) -> None:
    result = ask_ok(agent, "which product has the highest total revenue?")
    assert result.value == sales.groupby("product", observed=True)["revenue"].sum().idxmax()
    lowest = ask_ok(agent, "which region has the lowest average revenue?")
    assert lowest.value == sales.groupby("region", observed=True)["revenue"].mean().idxmin()


def test_value_of_the_row_with_the_largest(agent: Agent, sales: pd.DataFrame) -> None:
    # A product repeats over rows: "the largest revenue" may be one order's or the average.
    # On this table both readings name the same product, so it is answered either way (the
    # generated tables in test_offline_planner cover the case where they differ).
    by_product = sales.groupby("product")["revenue"]
    assert by_product.max().idxmax() == by_product.mean().idxmax()
    either = ask_ok(agent, "which product had the largest revenue?")
    assert either.value == by_product.max().idxmax()
    single = ask_ok(agent, "which product had the single largest revenue?")
    assert single.value == sales.loc[sales["revenue"].idxmax(), "product"]


def test_comparatives_and_numbers(agent: Agent, sales: pd.DataFrame) -> None:
    assert ask_ok(agent, "how many orders have more than 15 units?").value == int(
        (sales["units"] > 15).sum()
    )
    assert ask_ok(agent, "how many orders with at least 1,200 revenue").value == int(
        (sales["revenue"] >= 1200).sum()
    )
    assert ask_ok(agent, "how many orders had fewer than 3 units?").value == int(
        (sales["units"] < 3).sum()
    )
    between = ask_ok(agent, "how many orders have between 5 and 10 units?")
    assert between.value == int(sales["units"].between(5, 10).sum())
    assert ask_ok(agent, "how many orders with revenue over 3.5k").value == int(
        (sales["revenue"] > 3500).sum()
    )


def test_years_and_months(agent: Agent, sales: pd.DataFrame) -> None:
    in_2023 = ask_ok(agent, "total revenue in 2023")
    assert in_2023.value == pytest.approx(
        sales.loc[sales["order_date"].dt.year == 2023, "revenue"].sum()
    )
    monthly = ask_ok(agent, "total revenue by month")
    assert len(monthly.value) == sales["order_date"].dt.to_period("M").nunique()


def test_distinct_counts_and_most_common(agent: Agent, sales: pd.DataFrame) -> None:
    assert (
        ask_ok(agent, "how many different products are there?").value == sales["product"].nunique()
    )
    assert (
        ask_ok(agent, "what is the most common region?").value
        == sales["region"].value_counts().idxmax()
    )


def test_yes_no(agent: Agent, sales: pd.DataFrame) -> None:
    result = ask_ok(agent, "are there any orders with more than 18 units?")
    assert result.value is bool((sales["units"] > 18).any())
    above = ask_ok(agent, "is the average revenue above 10000?")  # some orders are, the mean is not
    assert sales["revenue"].max() > 10000 > sales["revenue"].mean()
    assert above.value is False and above.plan.operation == "compare"
    assert above.summary.startswith("No: the average revenue (")
    assert ask_ok(agent, "is the average revenue above 10?").value is True
    assert ask_ok(agent, "are there any orders with more than 1000 units?").summary.startswith(
        "No: no row"
    )


def test_top_n_list(agent: Agent, sales: pd.DataFrame) -> None:
    result = ask_ok(agent, "list the top 3 products with the most orders")
    assert result.value == sales["product"].value_counts().head(3).index.tolist()


def test_charts(agent: Agent, sales: pd.DataFrame) -> None:
    bar = ask_ok(agent, "average revenue by region as a bar chart")
    assert bar.kind == "chart" and len(bar.figure.axes[0].patches) == 4
    line = ask_ok(agent, "plot total revenue by month")
    assert line.kind == "chart" and len(line.figure.axes[0].get_lines()) == 1
    histogram = ask_ok(agent, "histogram of revenue")
    assert histogram.kind == "chart" and len(histogram.figure.axes[0].patches) == 20


def test_loose_column_and_value_matching(agent: Agent, staff: pd.DataFrame) -> None:
    rarely = ask_ok(agent, "how many employees travel rarely?")
    assert rarely.value == 3
    income = ask_ok(agent, "average monthly income by department")
    assert income.value.set_index("Department")["mean monthly_income"]["Research"] == pytest.approx(
        6700
    )
    assert ask_ok(agent, "who has the most years at company?").value == "Ed Fox"
    assert ask_ok(agent, "which employee has the highest monthly income?").value == "Ed Fox"


def test_choice_between_two_values(agent: Agent, staff: pd.DataFrame) -> None:
    assert ask_ok(agent, "which department has more employees, sales or hr?").value == "Sales"
    income = ask_ok(agent, "which department has the higher total monthly income, research or hr?")
    assert income.value == "Research"


# -- follow-ups --------------------------------------------------------------------------------
def test_follow_ups_modify_the_previous_plan(agent: Agent, sales: pd.DataFrame) -> None:
    first = ask_ok(agent, "total revenue by region")
    assert len(first.value) == 4
    only = ask_ok(agent, "only for 2023")
    expected = (
        sales[sales["order_date"].dt.year == 2023].groupby("region", observed=True)["revenue"].sum()
    )
    assert only.value.set_index("region")["sum revenue"].to_dict() == pytest.approx(
        expected.to_dict()
    )
    monthly = ask_ok(agent, "now by month")
    assert "order_date (month)" in monthly.value.columns and len(monthly.value) == 12
    ordered = ask_ok(agent, "sort descending")
    assert ordered.value["sum revenue"].is_monotonic_decreasing
    top = ask_ok(agent, "top 3 instead")
    assert len(top.value) == 3 and top.value["sum revenue"].iloc[0] == pytest.approx(
        expected.max() if False else ordered.value["sum revenue"].iloc[0]
    )
    pie = ask_ok(agent, "as a pie chart")
    assert pie.kind == "chart" and len(pie.figure.axes[0].patches) == 3


# -- errors, limits, records ----------------------------------------------------------------------
def test_unanswerable_question_explains_and_suggests(agent: Agent, sales: pd.DataFrame) -> None:
    result = agent.ask("please summarise the vibes")
    assert result.kind == "error"
    assert "could not tell" in result.summary
    assert len(result.suggestions) >= 3
    assert "Traceback" not in repr(result)
    for suggestion in result.suggestions:  # every suggested question really works on this file
        assert agent.ask(suggestion).kind != "error", suggestion


def test_type_mismatch_is_an_error_result_not_an_exception(
    agent: Agent, sales: pd.DataFrame
) -> None:
    result = agent.ask("average product")
    assert result.kind == "error"


def test_question_limits_and_control_characters(agent: Agent, sales: pd.DataFrame) -> None:
    too_long = agent.ask("how many " + "very " * 600 + "orders?")
    assert too_long.kind == "error" and "limit is 2,000" in too_long.summary
    cleaned = ask_ok(agent, "how many\x00 orders\u202e are there?")
    assert cleaned.value == len(sales)
    assert cleaned.question == "how many orders are there?"
    assert agent.ask("   ").kind == "error"


def test_internal_errors_are_logged_not_shown(
    agent: Agent,
    sales: pd.DataFrame,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import csvagent_jupyter.analysis.run as run_module

    def boom(*args, **kwargs):
        raise ZeroDivisionError("secret internal detail")

    monkeypatch.setattr(run_module, "run_plan", boom)
    result = agent.ask("how many orders are there?")
    assert result.kind == "error"
    assert "secret internal detail" not in result.summary and "log" in result.summary
    assert "secret internal detail" in caplog.text


def test_every_ask_is_logged_with_plan_and_planner(agent: Agent, sales: pd.DataFrame) -> None:
    ok = ask_ok(agent, "average revenue by region")
    bad = agent.ask("please summarise the vibes")
    history = agent.history()
    assert [h.question for h in history] == [
        "average revenue by region",
        "please summarise the vibes",
    ]
    assert history[0].status == "completed" and history[0].planner == "offline"
    assert history[1].status == "error" and history[1].error == bad.summary
    row = agent.store.get_query(ok.query_id)
    assert row.plan["operation"] == "aggregate"
    assert row.result["summary"] == ok.summary
    assert row.execution_time > 0


def test_sessions_keep_separate_conversations(agent: Agent, sales: pd.DataFrame) -> None:
    first = agent.session()
    ask_ok(agent, "total revenue by region", session=first.id)
    second = agent.session()
    ask_ok(agent, "how many orders are there?", session=second.id)
    follow = ask_ok(agent, "only for 2023", session=first.id)
    assert "region" in follow.value.columns
    assert [h.question for h in agent.history(session=first.id)] == [
        "total revenue by region",
        "only for 2023",
    ]
    assert {s.id for s in agent.sessions()} >= {first.id, second.id}
    resumed = agent.session(resume=first.id)
    assert resumed.turns == 2


def test_replay_reruns_the_logged_plan(agent: Agent, sales: pd.DataFrame) -> None:
    original = ask_ok(agent, "average revenue by region")
    replayed = agent.replay(original.query_id)
    pd.testing.assert_frame_equal(replayed.value, original.value)
    assert replayed.planner == "replay"
    assert agent.history()[-1].planner == "replay"


def test_identical_question_is_answered_from_the_cache(agent: Agent, sales: pd.DataFrame) -> None:
    first = ask_ok(agent, "average revenue by region", session=agent.session().id)
    second = agent.ask("Average revenue by region", session=agent.session().id)
    assert second.cached and not first.cached
    pd.testing.assert_frame_equal(second.value, first.value)
    assert agent.history()[-1].cached


def test_cache_survives_a_new_agent_and_can_be_disabled(data_dir: Path, tmp_path: Path) -> None:
    path = write_csv(sales_frame(), tmp_path / "sales.csv")
    with Agent(data_dir=data_dir) as first:
        first.load(path)
        first.ask("average revenue by region")
    with Agent(data_dir=data_dir) as second:
        second.load(path)
        assert second.ask("average revenue by region", session=second.session().id).cached
    from csvagent_jupyter.settings import Settings

    with Agent(settings=Settings.from_env(data_dir=data_dir, answer_cache=False)) as third:
        third.load(path)
        assert not third.ask("average revenue by region", session=third.session().id).cached


def test_query_progress_events(agent: Agent, sales: pd.DataFrame) -> None:
    events: list[ProgressEvent] = []
    result = agent.ask("average revenue by region", on_progress=events.append)
    assert events[-1].event == "query_complete" and events[-1].subject_id == result.query_id
    errors: list[ProgressEvent] = []
    agent.ask("please summarise the vibes", on_progress=errors.append)
    assert errors[-1].event == "query_error"


def test_ask_a_named_file(agent: Agent, sales: pd.DataFrame, staff: pd.DataFrame) -> None:
    assert ask_ok(agent, "how many rows are there?", file="sales.csv").value == len(sales)
    assert ask_ok(agent, "how many rows are there?").value == len(staff)


def test_ask_without_a_file(agent: Agent) -> None:
    from csvagent_jupyter.errors import UnknownFileError

    with pytest.raises(UnknownFileError, match="No file is loaded"):
        agent.ask("how many rows?")


@pytest.fixture
def league(agent: Agent, tmp_path: Path) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "Season": ["2001/02", "2002/03", "2003/04", "2004/05", "2005/06"],
            "Place": ["1st", "3rd", "1st", "2nd", "5th"],
            "Coach": ["Ada Park", "Ben Ito", "Ada Park", "Cy Roe", "Cy Roe"],
            "Points": [71, 60, 75, 66, 48],
        }
    )
    agent.load(write_csv(frame, tmp_path / "league.csv"))
    return agent.frame()


def test_ordinal_places_and_most_common(agent: Agent, league: pd.DataFrame) -> None:
    # A finishing place is a filter on the column that holds places, never a row's position.
    first = ask_ok(agent, "which seasons finished in first place?")
    assert first.value == ["2001/02", "2003/04"]
    # Two coaches tie for most common: both are the answer, and the note says they tie.
    common = ask_ok(agent, "what is the most common coach?")
    assert sorted(common.value) == ["Ada Park", "Cy Roe"]
    assert "tie" in common.summary
    assert ask_ok(agent, "what are the top 3 points?").value == [75, 71, 66]


def test_two_comparatives_on_one_column_and_numbers_that_are_also_cells(
    agent: Agent, tmp_path: Path
) -> None:
    """ "more than 16 points but less than 25", where a text column also holds "16" and "25"."""
    frame = pd.DataFrame(
        {
            "Pos": ["1", "2", "16", "25", "Ret"],
            "Rider": ["Ann", "Bea", "Cid", "Dov", "Eli"],
            "Points": [25, 20, 13, 11, 0],
        }
    )
    agent.load(write_csv(frame, tmp_path / "race.csv"))
    # both bounds hold on Points; the numbers compared are thresholds, not Pos cells
    riders = ask_ok(agent, "which rider scored more than 16 points but less than 25?")
    assert riders.value == ["Bea"]
    assert ask_ok(agent, "how many riders had between 10 and 20 points?").value == 3


def test_results_verbs_and_qualified_values(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Outcome": ["Winner", "Runner-up", "Winner", "Winner", "Runner-up"],
            "Tournament": ["Open A", "Open B", "Cup C", "Open D", "Cup E"],
            "Surface": ["Hard", "Clay", "Hard (i)", "Grass", "Hard"],
            "Year": [2001, 2002, 2003, 2004, 2005],
        }
    )
    agent.load(write_csv(frame, tmp_path / "career.csv"))
    # Result verbs read the one column that records results ("Winner", "Runner-up").
    assert ask_ok(agent, "how many tournaments did she win?").value == 3
    assert ask_ok(agent, "how many finals were lost?").value == 2
    assert ask_ok(agent, "how many hard surface finals are there?").value == 3


def test_columns_named_by_numbers_and_short_names(agent: Agent, tmp_path: Path) -> None:
    """A pivoted table (a column per year) and a short column name ("lang" for language)."""
    frame = pd.DataFrame(
        {
            "Nation": ["Aland", "Borea", "Cyrene"],
            "2019": ["2nd", "1st", "3rd"],
            "2021": ["1st", "3rd", "2nd"],
            "lang": ["sv", "fi", "en"],
            "players": [12, 30, 7],
        }
    )
    agent.load(write_csv(frame, tmp_path / "pivot.csv"))
    ask_declines(agent, "who placed first in 2021?")
    assert ask_ok(agent, "what is the language of the nation with the most players?").value == "fi"


def test_year_named_columns_and_camel_case_values(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Name": ["NorthStar", "SouthGate", "EastEnd"],
            "2019 visitors": [120, 300, 80],
            "2020 visitors": [150, 280, 95],
        }
    )
    agent.load(write_csv(frame, tmp_path / "venues.csv"))
    # "in 2020" names the "2020 visitors" column; without a year the two columns are asked
    assert ask_ok(agent, "how many visitors did northstar have in 2020?").value == 150
    assert ask_ok(agent, "how many visitors did northstar have in 2019?").value == 120
    ask_declines(agent, "how many visitors did northstar have?")
