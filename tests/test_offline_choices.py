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
