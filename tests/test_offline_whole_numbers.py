"""Whole-number columns with a blank or a dash ("Votes" with "—" for one party, a "Year"
left empty) are read by pandas as floats. They still hold counts and years: "the average
number of votes per party" is the average of the column, never a count of rows per party,
and "in 1994" filters the year column."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

NAMES = ["Ardent", "Bellow", "Cinder", "Dune", "Ember", "Flint", "Grove"]
COUNTS = ["301,833", "181,052", "—", "52,249", "89,875", "12,004", "40,120"]
YEARS = [1994, 1996, None, 1994, 2001, 1996, 1994]

STYLES = [
    ("election.csv", "Party", "Votes", "Year"),
    ("clubs.csv", "club_name", "members", "founded_year"),
    ("ships.csv", "Ship", "Passengers", "Year launched"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def table(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, name, count, year = request.param
    frame = pd.DataFrame(
        {
            name: NAMES,
            count: COUNTS,
            year: pd.array(YEARS, dtype="Int64"),
        }
    )
    load_frame(agent, tmp_path, file, frame)
    counts = pd.to_numeric(frame[count].str.replace(",", ""), errors="coerce")
    return frame, counts, request.param


def test_the_average_number_of_a_count_column_is_its_mean(agent: Agent, table: tuple) -> None:
    _frame, counts, (_file, name, count, _year) = table
    noun = count.split()[0].lower()
    result = ask_ok(agent, f"what is the average number of {noun} per {name.split('_')[0]}?")
    assert result.value == pytest.approx(counts.mean())


def test_a_year_column_with_a_blank_is_filtered_by_a_year(agent: Agent, table: tuple) -> None:
    frame, counts, (_file, _name, count, year) = table
    noun = count.split()[0].lower()
    result = ask_ok(agent, f"total {noun} in 1994")
    assert result.value == pytest.approx(counts[frame[year] == 1994].sum())
