"""Summary rows at the foot of a table ("Total", "NHL totals", "Majority"/"Turnout") are left
out of the rows questions run on, the load says so, and the code shown re-reads the same rows."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.loading.summary_rows import summary_label, summary_rows

from .test_analysis import check_generated_code
from .test_ask import ask_ok

MEDALS = [("Norway", 11, 8), ("Germany", 9, 10), ("Canada", 7, 12), ("Austria", 5, 3)]


@pytest.mark.parametrize(
    ("label_column", "gold", "total_label"),
    [
        ("Nation", "Gold", "Total"),
        ("team_name", "golds", "Totals"),
        ("Country", "Gold medals", "Grand total"),
    ],
)
def test_a_total_row_never_wins_and_never_doubles_a_total(
    agent: Agent, tmp_path: Path, label_column: str, gold: str, total_label: str
) -> None:
    rows = [{label_column: n, gold: g, "Silver": s} for n, g, s in MEDALS]
    rows.append({label_column: total_label, gold: 32, "Silver": 33})
    path = tmp_path / "medals.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    info = agent.load(path)
    assert len(agent.frame()) == 4
    assert any(total_label in note and "left out" in note for note in info.profile.notes)
    assert (
        ask_ok(
            agent, f"which {label_column.split('_')[0].lower()} won the most {gold.lower()}?"
        ).value
        == "Norway"
    )
    assert ask_ok(agent, f"what is the total of {gold.lower()}?").value == 32


def test_several_summary_rows_with_blank_labels_elsewhere(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "election.csv"
    path.write_text(
        "Party,Candidate,Votes,%\n"
        'Blue,Ann Lee,"21,408",42.6\n'
        'Red,Bo Kim,"15,972",31.8\n'
        'Green,Cy Dun,"9,100",18.1\n'
        'Grey,Di Ek,"3,759",7.5\n'
        'Majority,,"5,436",10.8\n'
        'Turnout,,"50,239",68.4\n'
    )
    agent.load(path)
    assert len(agent.frame()) == 4
    assert ask_ok(agent, "what is the total number of votes?").value == 50239
    assert ask_ok(agent, "which candidate got the most votes?").value == "Ann Lee"


def test_a_career_totals_row_in_a_season_column(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "career.csv"
    path.write_text(
        "Season,Team,GP,Points\n"
        "2010–11,Kingston,60,41\n2011–12,Kingston,66,70\n2012–13,Calgary,48,22\n"
        "2013–14,Calgary,80,73\nNHL totals[a],,128,95\n"
    )
    agent.load(path)
    assert len(agent.frame()) == 4
    assert ask_ok(agent, "which season had the most points?").value == "2013–14"


def test_data_rows_that_look_like_totals_are_kept(agent: Agent, tmp_path: Path) -> None:
    # "Total" on many rows of its column is data (a kind of payment), not a summary
    kind = pd.DataFrame(
        {"payment": ["Partial", "Total", "Total", "Partial", "Total"], "amount": [1, 2, 3, 4, 5]}
    )
    assert summary_rows(kind) == []
    # a label in the middle of the table is not at its foot
    middle = pd.DataFrame({"team": ["A", "Total", "B", "C", "D"], "wins": [1, 3, 2, 1, 1]})
    assert summary_rows(middle) == []
    # three data rows at least: a two-row table with a total is too small to tell
    assert summary_rows(pd.DataFrame({"team": ["A", "B", "Total"], "wins": [1, 2, 3]})) == []
    path = tmp_path / "payments.csv"
    kind.to_csv(path, index=False)
    agent.load(path)
    assert len(agent.frame()) == 5


def test_summary_labels() -> None:
    for label in (
        "Total",
        "TOTALS",
        "Grand Total",
        "NHL totals[a]",
        "Career total",
        "Total (5 seasons)",
        "Turnout",
        "Valid votes",
    ):
        assert summary_label(label) is not None, label
    for cell in (
        "Totally Spies",
        "Total Recall",
        "Subtotal Inc",
        "Sum 41 tour",
        "Norway",
        None,
        12,
    ):
        assert summary_label(cell) is None, cell


def test_the_code_shown_reads_the_same_rows(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "medals.csv"
    rows = [{"Nation": n, "Gold": g} for n, g, _ in MEDALS] + [{"Nation": "Total", "Gold": 32}]
    pd.DataFrame(rows).to_csv(path, index=False)
    agent.load(path)
    result = ask_ok(agent, "what is the average of gold?")  # ask_ok runs the code shown
    assert result.value == pytest.approx(8.0)
    assert "nrows=4" in result.code


def test_columns_take_the_types_of_their_data_rows(agent: Agent, tmp_path: Path) -> None:
    # the Total row's blank Season made the column floats; without it the years are whole
    path = tmp_path / "plots.csv"
    path.write_text(
        "Field,Season,Production\nA,2019,24.2\nB,2020,30.1\nC,2020,12.0\nD,2021,8.5\nTotal,,74.8\n"
    )
    agent.load(path)
    frame = agent.frame()
    assert len(frame) == 4 and pd.api.types.is_integer_dtype(frame["Season"])
    assert ask_ok(agent, "total production in 2020").value == pytest.approx(42.1)


@pytest.mark.parametrize("heading", ["Representing Kenya", "Men's events", "Season 2 (2004)"])
def test_section_headings_are_left_out_and_the_code_reads_the_same_rows(
    agent: Agent, tmp_path: Path, heading: str
) -> None:
    """A heading copied across every cell ("Representing Kenya") is no result: the Year column
    is whole numbers again, the first competition is the first real one, and the code shown
    with an answer skips the same lines. A quoted line break above a heading is read right."""
    cells = ",".join([f'"{heading}"'] * 4)
    path = tmp_path / "results.csv"
    path.write_text(
        "Year,Competition,Venue,Position\n"
        f"{cells}\n"
        '2005,World Youth Championships,"Marrakesh,\nMorocco",2nd\n'
        "2006,World Junior Championships,Beijing,1st\n"
        f"{cells}\n"
        "2007,World Championships,Osaka,4th\n"
        "2009,World Championships,Berlin,1st\n"
    )
    info = agent.load(path)
    frame = agent.frame()
    assert len(frame) == 4
    assert pd.api.types.is_integer_dtype(frame["Year"])
    assert any(heading in note and "section heading" in note for note in info.profile.notes)
    first = ask_ok(agent, "what was the first competition?")
    assert first.value == "World Youth Championships"
    result = ask_ok(agent, "how many rows have Year above 2006?")
    assert result.value == 2
    check_generated_code(result)


def test_a_column_of_one_repeated_value_is_no_heading(agent: Agent, tmp_path: Path) -> None:
    # every cell of a row the same only because the row is a real one of repeated codes
    path = tmp_path / "codes.csv"
    pd.DataFrame({"a": ["x", "y", "z"], "b": ["x", "q", "r"], "c": [1, 2, 3]}).to_csv(
        path, index=False
    )
    agent.load(path)
    assert len(agent.frame()) == 3


def test_a_year_after_is_any_later_year_and_the_year_after_is_one(
    agent: Agent, tmp_path: Path
) -> None:
    path = tmp_path / "seasons.csv"
    pd.DataFrame({"Year": [2005, 2006, 2007, 2009], "Place": ["2nd", "1st", "4th", "1st"]}).to_csv(
        path, index=False
    )
    agent.load(path)
    assert ask_ok(agent, "how many rows have a year after 2006?").value == 2
    assert ask_ok(agent, "what was the place the year after 2006?").value in ("4th", ["4th"])
