"""'In the top 10' on results tables: the rows whose place was at most 10, read from the
column of places (numbers or ordinals), on generated tables in three naming styles.
Without a column of places, or with a negation, the question is asked back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

MAKES = ["Honda", "Aprilia", "Honda", "Yamaha", "Honda", "Aprilia", "Honda", "Yamaha", "Honda"]
MAKES += ["Aprilia", "Honda", "Aprilia", "Yamaha", "Honda", "Aprilia", "Honda"]
NAMES = [f"Rider {letter}" for letter in "ABCDEFGHIJKLMNOP"]
PLACES: list[float | None] = [*range(1, 15), None, None]  # two did not finish

STYLES = [
    ("race_results.csv", "Pos", "Rider", "Manufacturer"),
    ("race_results.csv", "finish_position", "rider_name", "bike_make"),
    ("raceResults.csv", "finalPlace", "riderName", "bikeMake"),
]


def _results(place: str, name: str, make: str, places: list[object]) -> pd.DataFrame:
    return pd.DataFrame({place: places, name: NAMES, make: MAKES})


@pytest.mark.parametrize("file, place, name, make", STYLES, ids=["Title", "snake", "camel"])
def test_in_the_top_n_is_the_places_up_to_n(
    agent: Agent, tmp_path: Path, file: str, place: str, name: str, make: str
) -> None:
    frame = _results(place, name, make, PLACES)
    load_frame(agent, tmp_path, file, frame)
    top = pd.to_numeric(frame[place]) <= 10
    expected = int((top & (frame[make] == "Honda")).sum())  # 5; all Hondas: 8
    result = ask_ok(agent, "How many riders in the top 10 were riding a Honda?")
    assert result.value == expected, result.interpretation
    result = ask_ok(agent, "How many Honda riders finished within the top 5?")
    assert result.value == int(
        ((pd.to_numeric(frame[place]) <= 5) & (frame[make] == "Honda")).sum()
    )


def test_in_the_top_n_on_ordinal_cells(agent: Agent, tmp_path: Path) -> None:
    ordinals = ["1st", "2nd", "3rd", *(f"{n}th" for n in range(4, 15)), "DNF", "Ret"]
    frame = _results("Finish", "Rider", "Make", ordinals)
    load_frame(agent, tmp_path, "race.csv", frame)
    expected = int((frame["Make"].iloc[:10] == "Honda").sum())
    result = ask_ok(agent, "how many riders in the top 10 rode a Yamaha or a Honda?")
    assert result.value == int(frame["Make"].iloc[:10].isin(["Yamaha", "Honda"]).sum())
    assert ask_ok(agent, "how many Honda riders were in the top 10?").value == expected


def test_in_the_top_n_without_a_column_of_places_is_asked_back(
    agent: Agent, tmp_path: Path
) -> None:
    # rows in finishing order, but no column says so: the file's order is no ranking
    frame = pd.DataFrame({"rider": NAMES, "make": MAKES, "points": list(range(16, 0, -1))})
    load_frame(agent, tmp_path, "race.csv", frame)
    assert agent.ask("how many riders in the top 10 were riding a Honda?").kind == "error"


def test_not_in_the_top_n_is_asked_back(agent: Agent, tmp_path: Path) -> None:
    # the riders who did not finish are outside the top 10 too: no bound on places says it
    frame = _results("Pos", "Rider", "Manufacturer", PLACES)
    load_frame(agent, tmp_path, "race.csv", frame)
    assert agent.ask("how many Honda riders were not in the top 10?").kind == "error"
