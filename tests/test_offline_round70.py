"""Rounds 70 and 71's wrong answers, on generated tables in three naming styles: a cell that
writes its own column's name (a header repeated in the data) never stands for that word;
"more swaps at PARK" counts swaps, never SWAP_SECONDS; "on rainy rounds" is never dropped;
an acronym that names nothing ("the rate of SARS") is asked about."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

SWAPS = [
    ("ebike_swaps.csv", "SWAP_ID", "STATION", "SWAP_SECONDS", "FEE_USD"),
    ("battery_swaps.csv", "swap_id", "station", "swap_seconds", "fee_usd"),
    ("batterySwaps.csv", "swapId", "station", "swapSeconds", "feeUsd"),
]


@pytest.mark.parametrize("file, ident, station, seconds, fee", SWAPS, ids=[s[0] for s in SWAPS])
def test_a_cell_with_its_columns_name_and_the_rows_noun_of_an_id(
    agent: Agent, tmp_path: Path, file: str, ident: str, station: str, seconds: str, fee: str
) -> None:
    place = "STATION" if station.isupper() else "station"
    frame = pd.DataFrame(
        {
            ident: [101, 102, 103, 104, 105, 106, 107],
            station: ["PARK", "PARK", "PARK", "DOCKS", "DOCKS", place, "DOCKS"],
            seconds: [60, 70, 80, 400, 500, 90, 450],
            fee: [2.0, 3.0, 1.0, 4.0, 5.0, 9.0, 6.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Total fees collected at the DOCKS station").value == pytest.approx(15.0)
    # the stations (or asked: rows or stations?), never the rows whose station is "STATION"
    result = agent.ask("How many stations are there?")
    assert result.kind == "error" or result.value == 3
    # three swaps at PARK, three at DOCKS: not more (DOCKS took far more seconds)
    result = ask_ok(agent, "Were there more swaps at DOCKS than at PARK?")
    assert result.value is False or result.value == "no"
    # "swap" said once, as a modifier of the measure, still names it
    result = ask_ok(agent, "What is the average swap time in seconds?")
    assert result.value == pytest.approx(1650 / 7)


def test_an_unplaced_adjective_before_the_rows_noun_is_never_dropped(
    agent: Agent, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {"loc_cd": ["BCH", "BCH", "PRK"], "amt": [10.0, 30.0, 50.0], "tmp_c": [20, 25, 18]}
    )
    load_frame(agent, tmp_path, "icecream_rounds.csv", frame)
    ask_declines(agent, "What is the average amount on rainy rounds at BCH?")
    assert ask_ok(agent, "What is the average amount at BCH?").value == pytest.approx(20.0)


def test_an_acronym_that_names_nothing_is_asked_about(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Name": ["SARS outbreak", "Spanish flu", "Asian flu"],
            "Case fatality rate": ["9.6%", "2–3%", "0.3%"],
        }
    )
    load_frame(agent, tmp_path, "pandemics.csv", frame)
    ask_declines(agent, "What was the case fatality rate of MERS?")
