"""Round 69's wrong answers, on generated tables in three naming styles: a verb in the past
is never the cell its stem writes ("shows played at the Majestic" beside a Type of "Play");
counts written "10,500+[a]" are amounts to rank; every losing result ("Runner-up",
"Eliminated") is a loss; and "which month" over an uneven span of months is one month of
one year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

SHOWS = [
    ("broadway.csv", "Show", "Type", "Theatre(s)", "Performances"),
    ("long_runs.csv", "show", "show_type", "theatres", "performances"),
    ("broadwayShows.csv", "showTitle", "showType", "theatreList", "totalPerformances"),
]


@pytest.mark.parametrize("file, show, kind, theatre, runs", SHOWS, ids=[s[0] for s in SHOWS])
def test_a_past_verb_is_no_cell_and_plus_counts_are_amounts(
    agent: Agent, tmp_path: Path, file: str, show: str, kind: str, theatre: str, runs: str
) -> None:
    frame = pd.DataFrame(
        {
            show: ["Cats", "Wicked", "Rent", "Tobacco Road", "Life with Father"],
            kind: ["Musical", "Musical", "Musical", "Play", "Play"],
            theatre: ["Winter Garden", "Gershwin, Majestic", "Nederlander", "Majestic",
                      "Empire, Bijou"],
            runs: ["7,485", "10,500+[a]", "5,123", "3,182", "3,224"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    # Wicked (a musical) and Tobacco Road (a play) played the Majestic
    assert ask_ok(agent, "How many shows played at the Majestic?").value == 2
    # "10,500+[a]" is an amount, the largest (never a text cell left out of the ranking)
    result = agent.ask("Which show had the most performances?")
    assert result.kind == "error" or result.value == "Wicked"
    if show == "Show":
        assert result.value == "Wicked"


def test_every_losing_result_is_a_loss(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Season": ["1987–88", "1991–92", "1998–99", "2003–04"],
            "Opponent": ["Mechelen", "Arsenal", "Arsenal", "Porto"],
            "Outcome": ["Runner-up", "Eliminated", "Advanced", "Winner"],
        }
    )
    load_frame(agent, tmp_path, "club_europe.csv", frame)
    result = ask_ok(agent, "Did the club ever lose to Arsenal?")
    assert result.value is True or result.value == "yes"
    result = ask_ok(agent, "Did the club ever lose to Porto?")
    assert result.value is False or result.value == "no"


def test_which_month_over_an_uneven_span_is_one_month_of_one_year(
    agent: Agent, tmp_path: Path
) -> None:
    # July 2023 to November 2024: two Julys, one May; May 2024 had the most parcels (3),
    # the two Julys together 4
    dates = ["2023-07-03", "2023-07-20", "2024-07-09", "2024-07-10", "2024-05-01",
             "2024-05-02", "2024-05-03", "2024-11-11"]  # fmt: skip
    frame = pd.DataFrame({"pcl_id": [f"P{i}" for i in range(8)], "dt": dates})
    load_frame(agent, tmp_path, "food_parcels.csv", frame)
    assert ask_ok(agent, "which month had the most parcels?").value == "2024-05"
    # the calendar month when asked for by name: July, over both years
    result = ask_ok(agent, "which month had the most parcels? month name please")
    assert result.value == "July"
