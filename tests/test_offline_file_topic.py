""" "Who won the Ryder Cup in 2004" in ryder_cup_results.csv: the file's own name for what its
rows are of, said again, picks no rows; a capitalised name the file does not give still
does, and is asked about. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

FINALS = [
    ("ryder_cup_results.csv", "Year", "Winner", "Venue"),
    ("ryderCupResults.csv", "year", "winner", "venue"),
    ("Ryder Cup Results.csv", "Edition year", "Winning team", "Host venue"),
]


@pytest.mark.parametrize("file, year, winner, venue", FINALS, ids=[f[0] for f in FINALS])
def test_the_files_topic_said_again_picks_no_rows(
    agent: Agent, tmp_path: Path, file: str, year: str, winner: str, venue: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [2002, 2004, 2006, 2008],
            winner: ["Europe", "Europe", "Europe", "United States"],
            venue: ["The Belfry", "Oakland Hills", "K Club", "Valhalla"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    if winner.lower() == "winner":
        assert ask_ok(agent, "Who won the Ryder Cup in 2008?").value == "United States"
    # a name the file does not give is a condition this table cannot test
    ask_declines(agent, "Who won the Solheim Cup in 2008?")
