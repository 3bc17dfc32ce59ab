"""Columns whose cells hold lists ("Canada, United States", "Drama, Comedy"): a value named
is every row whose list holds it, never only the rows whose whole cell equals it; two values
joined by "and" hold together when the sentence says so ("shared by", "both"), and are asked
back otherwise; a column with one comma in one name is not a list column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.planning.list_cells import list_items, split_items
from csvagent_jupyter.planning.schema_index import normalize

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

# (name, size, list of holders): three tables of different subjects and naming styles
ROWS = [
    ("Alpha", 120, "Red, Blue"),
    ("Bravo", 90, "Blue"),
    ("Charlie", 75, "Red, Blue, Green"),
    ("Delta", 60, "Green"),
    ("Echo", 40, "Red"),
    ("Foxtrot", 30, "Blue, Green"),
    ("Golf", 20, "Red"),
]
STYLES = [
    # (file, name column, measure column, list column, the three holders)
    ("lakes.csv", "Lake", "Area (km²)", "Countries", ("Canada", "United States", "Mexico")),
    ("films.csv", "title", "box_office", "genres", ("Drama", "Science Fiction", "Comedy")),
    ("observatories.csv", "Name", "Aperture", "Location", ("Hawaii", "Chile", "Canary Islands")),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def table(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, name, measure, holders, (a, b, c) = request.param
    spelled = {"Red": a, "Blue": b, "Green": c}
    cells = [", ".join(spelled[x] for x in split_items(r[2])) for r in ROWS]
    frame = pd.DataFrame(
        {name: [r[0] for r in ROWS], measure: [r[1] for r in ROWS], holders: cells}
    )
    load_frame(agent, tmp_path, file, frame)
    return frame, name, measure, holders, (a, b, c)


def holding(frame: pd.DataFrame, column: str, *items: str) -> pd.Series:
    """Rows whose list holds every one of ``items`` (the gold answers, by hand)."""
    lists = frame[column].map(lambda cell: set(split_items(cell)))
    return lists.map(lambda held: all(item in held for item in items))


def test_a_value_of_a_list_column_is_every_row_whose_list_holds_it(
    agent: Agent, table: tuple
) -> None:
    frame, _name, measure, holders, (a, b, _c) = table
    assert ask_ok(agent, f"how many rows are in {a}?").value == holding(frame, holders, a).sum()
    expected = frame.loc[holding(frame, holders, b), measure].sum()
    assert ask_ok(agent, f"total {measure} for {b}").value == expected


def test_shared_by_two_values_means_lists_holding_both(agent: Agent, table: tuple) -> None:
    frame, name, measure, holders, (a, b, _c) = table
    both = holding(frame, holders, a, b)
    result = ask_ok(agent, f"what is the total {measure} of the rows shared by {a} and {b}?")
    assert result.value == frame.loc[both, measure].sum()
    result = ask_ok(agent, f"which {name} has both {a} and {b}?")
    assert set(result.value) == set(frame.loc[both, name])


def test_either_of_two_values_is_any_list_holding_one(agent: Agent, table: tuple) -> None:
    frame, _name, _measure, holders, (a, _b, c) = table
    either = holding(frame, holders, a) | holding(frame, holders, c)
    assert ask_ok(agent, f"how many rows are in {a} or {c}?").value == either.sum()


def test_two_values_joined_by_and_alone_are_asked_back(agent: Agent, table: tuple) -> None:
    """ "rows in A and B" may mean the rows holding both or those holding either."""
    _frame, _name, _measure, _holders, (a, b, _c) = table
    ask_declines(agent, f"how many rows are in {a} and {b}?")


def test_not_in_a_value_leaves_out_every_list_holding_it(agent: Agent, table: tuple) -> None:
    frame, _name, _measure, holders, (a, _b, _c) = table
    assert (
        ask_ok(agent, f"how many rows are not in {a}?").value == (~holding(frame, holders, a)).sum()
    )


def test_list_items_needs_pieces_that_recur() -> None:
    """A name written "Smith, John" once is no list; lists whose pieces recur are."""
    assert list_items(["Smith, John", "Ann Lee", "Bo Kim"], normalize) is None
    assert list_items(["1,000", "2,500", "1,000"], normalize) is None  # numbers, no space
    held = list_items(["Red, Blue", "Blue", "Green; Red"], normalize)
    assert held is not None
    assert held[normalize("Red")] == ("Red", ["Red, Blue", "Green; Red"])
    assert held[normalize("Blue")][1] == ["Red, Blue", "Blue"]
    long = "a sentence of many words that is prose, not an item of any list at all"
    assert list_items([long, long + " again", "x, y"], normalize) is None
