"""Dates kept as text because some cells give only the year ("5 April 1998" beside "2019"),
seasons ("2019–20") and events ("1988 Seoul"): a year in the question compares with the year
each cell writes, through a derived column whose code is shown; without a year, "when"
still answers with the cell as written."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.derived import compute
from csvagent_jupyter.analysis.plan import Derive

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

CELLS = ["5 April 1998", "2019", "1931", "12 June 1964", "2019", "1 July 1937", "2004"]
YEARS = pd.Series([1998, 2019, 1931, 1964, 2019, 1937, 2004])
STYLES = [
    ("bridges.csv", "Bridge", "Opened", "opened", "bridges"),
    ("governors.csv", "Name", "Took office", "took office", "governors"),
    ("stadiums.csv", "stadium_name", "year_built", "were built", "stadiums"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def table(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, name, dated, _verb, _noun = request.param
    names = [f"{name.split('_')[0]} {letter}" for letter in "ABCDEFG"]
    frame = pd.DataFrame(
        {name: names, dated: CELLS, "Length": [1991, 1700, 1280, 1298, 1688, 1410, 1624]}
    )
    load_frame(agent, tmp_path, file, frame)
    return frame, request.param


def test_a_year_compares_with_the_year_each_cell_writes(agent: Agent, table: tuple) -> None:
    frame, (_file, name, _dated, verb, noun) = table
    assert ask_ok(agent, f"how many {noun} {verb} before 1950?").value == (YEARS < 1950).sum()
    assert ask_ok(agent, f"how many {noun} {verb} after 2000?").value == (YEARS > 2000).sum()
    listed = ask_ok(agent, f"which {noun} {verb} in 2019?")
    assert set(listed.value) == set(frame.loc[YEARS == 2019, name])
    assert "the year written in" in (listed.interpretation or "")
    assert ask_ok(agent, f"how many {noun} {verb} in the 1930s?").value == 2


def test_the_code_shown_reproduces_the_years() -> None:
    frame = pd.DataFrame({"Opened": [*CELLS, "2019–20", "1988 Seoul", "—", "12,000"]})
    values, code = compute(frame, Derive(name="y", kind="year", column="Opened"))
    expected = [*YEARS.astype(float), 2019.0, 1988.0, None, None]
    assert values.tolist()[:-2] == expected[:-2]
    assert values.iloc[-2:].isna().all()
    assert eval(code, {"df": frame, "pd": pd}).equals(values)


@pytest.mark.parametrize(
    ("file", "name", "dated", "question"),
    [
        ("falls.csv", "Name", "First recorded", "which waterfall was recorded {word}?"),
        ("lines.csv", "line_name", "opening_date", "which line opened {word}?"),
        ("ships.csv", "Ship", "Date of launch", "which ship was launched {word}?"),
    ],
)
def test_first_and_last_of_an_event_follow_the_years_its_cells_write(
    agent: Agent, tmp_path: Path, file: str, name: str, dated: str, question: str
) -> None:
    # file order (1998 first) and the order of the text ("1 July 1937" < "12 June 1964" <
    # "1931") would both give other rows: only the year each cell writes is right
    cells = ["5 April 1998", "1 July 1937", "12 June 1964", "1931", "2004", "—"]
    names = [f"{name.split('_')[0]} {letter}" for letter in "ABCDEF"]
    load_frame(agent, tmp_path, file, pd.DataFrame({name: names, dated: cells}))
    first = ask_ok(agent, question.format(word="first"))
    assert first.value == names[3]
    assert "the year written in" in (first.interpretation or "")
    assert ask_ok(agent, question.format(word="last")).value == names[4]


@pytest.mark.parametrize(
    ("file", "name", "dated"),
    [("peaks.csv", "Peak", "First ascent"), ("caves.csv", "cave_name", "explored"),
     ("Wrecks.csv", "Ship", "Date lost")],
)  # fmt: skip
def test_first_by_a_verb_no_column_names_is_asked_when_file_and_dates_disagree(
    agent: Agent, tmp_path: Path, file: str, name: str, dated: str
) -> None:
    # listed by height, not by date: "climbed first" may mean either order, and they differ
    cells = ["14 January 1897", "1937", "2 September 1932", "28 November 1872", "1880"]
    names = ["Alto", "Brun", "Cima", "Dent", "Eiger"]
    load_frame(agent, tmp_path, file, pd.DataFrame({name: names, dated: cells}))
    noun = file.split(".")[0].lower()[:-1]
    ask_declines(agent, f"which {noun} was reached first?")
    assert ask_ok(agent, f"which {noun} is listed first?").value == "Alto"


@pytest.mark.parametrize(
    ("file", "name", "period", "state"),
    [("monarchs.csv", "Monarch", "Reign", "State"), ("governors.csv", "governor", "term", "party"),
     ("Coaches.csv", "Coach", "Tenure", "Club")],
)  # fmt: skip
def test_a_period_is_never_compared_by_one_end_nor_grouped_with_footnotes(
    agent: Agent, tmp_path: Path, file: str, name: str, period: str, state: str
) -> None:
    frame = pd.DataFrame(
        {
            name: ["A. One", "B. Two", "C. Three", "D. Four", "E. Five", "F. Six"],
            period: ["1643–1715", "1858–1929", "1952–2022", "1946–2016", "1926–1989", "1837–1901"],
            state: ["France", "Kent[a]", "Kent[a]", "Thule", "Thule", "Kent"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "after 1950" of a period: its start (1 row) or its end (3 rows)? asked, never one end
    ask_declines(agent, f"how many were in office after 1950 by {period.lower()}?")
    # "Kent[a]" and "Kent" are one place: counting them apart names the wrong most common
    common = agent.ask(f"which {state.lower()} appears most often?")
    assert common.kind == "error" or common.value == "Kent", common.interpretation
    # ordering by the period's first year still works
    assert (
        ask_ok(agent, f"which {name.lower()} had the earliest {period.lower()}?").value == "A. One"
    )


@pytest.mark.parametrize(
    ("file", "name", "start", "end"),
    [("tramways.csv", "City", "Opened", "Closed"), ("managers.csv", "manager", "from", "to"),
     ("Reigns.csv", "Monarch", "Start of reign", "End of reign")],
)  # fmt: skip
def test_how_many_years_is_a_span_never_the_rows_of_one(
    agent: Agent, tmp_path: Path, file: str, name: str, start: str, end: str
) -> None:
    frame = pd.DataFrame(
        {
            name: ["Brighton", "Glasgow", "Lisbon", "Bergen"],
            start: ["1901", "17 November 1873", "1873", "1897"],
            end: ["1939", "4 September 1962", "—", "1965"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # one row each: "how many years" counted as rows would always say 1
    span = agent.ask("how many years did Brighton last?")
    assert span.kind == "error" or span.value == 38, span.interpretation
    span = agent.ask("how many years did Brighton operate?")
    assert span.kind == "error" or span.value == 38, span.interpretation


@pytest.mark.parametrize(
    ("file", "dated", "verb"),
    [("clock_towers.csv", "Completed", "completed"), ("chapels.csv", "consecrated", "consecrated"),
     ("Mills.csv", "Built", "built")],
)  # fmt: skip
def test_which_rows_noun_was_dated_first_answers_the_name_not_the_date(
    agent: Agent, tmp_path: Path, file: str, dated: str, verb: str
) -> None:
    frame = pd.DataFrame(
        {
            "Name": ["Abraj", "Zytglogge", "Elizabeth", "Rajabai"],
            dated: ["2012", "1218–1220", "1859", "4 May 1878"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    noun = file.split(".")[0].lower().split("_")[-1][:-1]
    first = ask_ok(agent, f"which {noun} was {verb} first?")
    assert first.value == "Zytglogge", first.interpretation


def test_a_decade_is_read_as_its_first_year(agent: Agent, table: tuple, tmp_path: Path) -> None:
    frame, (file, name, dated, verb, noun) = table
    frame = frame.assign(**{dated: ["1420s", *CELLS[1:]]})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, f"how many {noun} {verb} before 1950?").value == 3
    assert ask_ok(agent, f"which of the {noun} {verb} first?").value == frame[name][0]


def test_a_cell_that_writes_no_year_is_never_dropped_silently(
    agent: Agent, table: tuple, tmp_path: Path
) -> None:
    frame, (file, _name, dated, verb, noun) = table
    # "15th century" would drop out of "before 1950" (6, not 7) and of "the first"
    frame = frame.assign(**{dated: ["15th century", *CELLS[1:]]})
    load_frame(agent, tmp_path, file, frame)
    ask_declines(agent, f"how many {noun} {verb} before 1950?")
    # a mark for "no value" is no such cell: the row has no year to compare
    frame = frame.assign(**{dated: ["—", *CELLS[1:]]})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, f"how many {noun} {verb} before 1950?").value == 2


def test_when_answers_the_cell_of_a_column_of_years_named_by_its_verb(
    agent: Agent, table: tuple
) -> None:
    frame, (file, _name, dated, _verb, _noun) = table
    asked = {
        "bridges.csv": "when was Bridge C opened?",
        "governors.csv": "when did Name C take office?",
        "stadiums.csv": "when was stadium C built?",
    }[file]
    # the cell as written ("5 April 1998"), never another column or row
    assert ask_ok(agent, asked).value == frame[dated][2]
