""" "How many stages did he win" beside a Stage wins tally is its total, never the seasons his
Final position was 1st; "how many Tours did he start" asks which he started (a DNS says he did
not), never every row. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

CAREERS = [
    ("tdf_career.csv", "Year", "Final position", "Stage wins"),
    ("rider_career.csv", "year", "final_position", "stage_wins"),
    ("riderCareer.csv", "season", "finalPosition", "stageWins"),
]


@pytest.mark.parametrize("file, year, position, wins", CAREERS, ids=[c[0] for c in CAREERS])
def test_a_win_said_of_a_named_tally_is_its_total(
    agent: Agent, tmp_path: Path, file: str, year: str, position: str, wins: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [2012, 2013, 2014, 2015, 2016],
            position: ["DNF", "1st", "3rd", "DNS", "1st"],
            wins: [2, 3, 2, 0, 4],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # eleven stage wins in all, seven of them in the two years he won
    assert ask_ok(agent, "How many stages did he win in total?").value == 11
    ask_declines(agent, "How many Tours did he start?")
