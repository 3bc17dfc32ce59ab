""" "The slowest record" on a table of speeds is the lowest speed, though "fastest" is the
least time on a table of times; "the deepest" reads a depth; and "deeper than 400 m" beside
a cell "400 m" is a threshold, never that one cell. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

SPEEDS = [
    ("land_speed.csv", "Vehicle", "Speed"),
    ("speed_records.csv", "vehicle", "top_speed_kmh"),
    ("SpeedRecords.csv", "vehicleName", "speedKmh"),
]


@pytest.mark.parametrize("file, vehicle, speed", SPEEDS, ids=[s[0] for s in SPEEDS])
def test_pace_superlatives_turn_on_a_column_of_speeds(
    agent: Agent, tmp_path: Path, file: str, vehicle: str, speed: str
) -> None:
    cells = ["39.24 km/h", "105.88 km/h", "205.44 km/h", "1,227.99 km/h"]
    frame = pd.DataFrame(
        {
            vehicle: ["Jeantaud", "Jamais Contente", "Blitzen", "ThrustSSC"],
            speed: cells if speed == "Speed" else [39.24, 105.88, 205.44, 1227.99],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which vehicle set the slowest record?").value == "Jeantaud"
    assert ask_ok(agent, "Which vehicle set the fastest record?").value == "ThrustSSC"


def test_the_fastest_is_still_the_least_time(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame({"Runner": ["Ann", "Bo", "Cy"], "Time": ["2:10:01", "2:08:45", "2:12:30"]})
    load_frame(agent, tmp_path, "marathon.csv", frame)
    assert ask_ok(agent, "Who had the fastest time?").value == "Bo"
    assert ask_ok(agent, "Which runner had the quickest time?").value == "Bo"


def test_an_amount_after_a_comparison_is_never_a_cell(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Mine": ["Wieliczka", "Bochnia", "Khewra", "Turda", "Hallein"],
            "Max depth": ["327 m", "468 m", "400 m", "112 m", "520 m"],
        }
    )
    load_frame(agent, tmp_path, "salt_mines.csv", frame)
    # two mines are deeper than 400 m; the one cell "400 m" is never the answer
    result = agent.ask("How many mines are deeper than 400 m?")
    assert result.kind == "error" or result.value == 2
    ask_declines(agent, "How many mines are deeper than 400 m and older than 1500?")
    widths = pd.DataFrame({"river": ["Aa", "Bb", "Cc"], "width_m": [120, 45, 300]})
    load_frame(agent, tmp_path, "rivers.csv", widths)
    assert ask_ok(agent, "Which river is the widest?").value == "Cc"
    assert ask_ok(agent, "How many rivers are wider than 100 m?").value == 2
