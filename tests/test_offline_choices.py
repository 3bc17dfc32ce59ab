"""Questions that choose between two named values ("which year had more laps, 1988 or 1985?",
"which depot had fewer returns, North or South?"), on generated tables in three naming styles.
The answer is one of the two named values, of the column the question asks for; the measure
right before the first value is never filtered by it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("races.csv", "Year", "Laps", "laps"),
    ("seasons.csv", "season_year", "goals_scored", "goals"),
    ("harvests.csv", "Harvest Year", "Yield (t)", "yield"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def yearly(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, year, measure, word = request.param
    frame = pd.DataFrame(
        {
            year: [1981, 1983, 1985, 1988, 1990, 1985, 1992],
            "Team": ["Ash", "Birch", "Cedar", "Ash", "Birch", "Cedar", "Ash"],
            measure: [152, 160, 148, 171, 155, 20, 150],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    return frame, year, measure, word


def test_which_year_chooses_between_two_named_years(agent: Agent, yearly: tuple) -> None:
    frame, year, measure, word = yearly
    totals = frame.groupby(year)[measure].sum()
    more = ask_ok(agent, f"which year had more {word}, 1988 or 1985?")
    assert more.value == (1988 if totals[1988] > totals[1985] else 1985)
    fewer = ask_ok(agent, f"which year had fewer {word}, 1981 or 1983?")
    assert fewer.value == (1981 if totals[1981] < totals[1983] else 1983)
    # the two years filter the year column, never the measure named right before them
    assert "one of 1988 or 1985" in (more.interpretation or "")
    assert f"highest total {measure}" in (more.interpretation or "")


MEASURED = [
    ("falls.csv", "Name", "Height", ["979 m (3,212 ft)", "896 m", "948 m", "771 m"], "taller"),
    ("dams.csv", "dam_name", "height_m", [305, 272, 300, 262], "taller"),
    ("Parcels.csv", "Parcel", "Weight (kg)", [12.5, 3.0, 8.25, 20.0], "heavier"),
]


@pytest.mark.parametrize(("file", "name", "measure", "cells", "word"), MEASURED)
def test_a_comparative_names_its_measure_in_a_choice_and_a_difference(
    agent: Agent, tmp_path: Path, file: str, name: str, measure: str, cells: list, word: str
) -> None:
    names = ["Alto Crest", "Birch Rock", "Cove Peak", "Dune Ridge"]
    load_frame(agent, tmp_path, file, pd.DataFrame({name: names, measure: cells}))
    amounts = [float(str(c).split(" ")[0]) for c in cells]
    a, b = names[0], names[1]
    chosen = ask_ok(agent, f"which is {word}, {b} or {a}?")
    assert chosen.value == (a if amounts[0] > amounts[1] else b)
    gap = ask_ok(agent, f"how much {word} is {a} than {b}?")
    assert gap.value == pytest.approx(amounts[0] - amounts[1])
    assert ask_ok(agent, f"is {b} {word} than {a}?").value == (amounts[1] > amounts[0])
