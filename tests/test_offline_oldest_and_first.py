""" "Which bridge is the oldest" beside an Opened column of years (and no Age) is the bridge
opened first: "oldest" and "newest" are read by the one column that dates when each thing
began (opened, founded, built, born, first lit …), in dates or in whole-number years. Two such
columns (Built and Opened), or only an end (Closed), are asked back. "Which was the first park
to be established" is the first row by Established, the answer its name."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

NAMES = ["Alder", "Birch", "Cedar", "Damson", "Elm"]


@pytest.mark.parametrize(
    "file, name, began, values, thing",
    [
        ("bridges.csv", "Name", "Opened", [1998, 1937, 2009, 1964, 1787], "bridge"),
        ("football_clubs.csv", "club_name", "founded_on",
         ["1998-03-01", "1937-05-02", "2009-01-09", "1964-07-30", "1787-11-11"], "club"),
        ("lighthouses.csv", "Light", "First lit", [1998, 1937, 2009, 1964, 1787], "lighthouse"),
        ("staffList.csv", "employeeName", "dateOfBirth",
         ["1998-03-01", "1937-05-02", "2009-01-09", "1964-07-30", "1787-11-11"], "employee"),
    ],
)  # fmt: skip
def test_the_oldest_is_the_first_to_begin(
    agent: Agent, tmp_path: Path, file: str, name: str, began: str, values: list, thing: str
) -> None:
    frame = pd.DataFrame(
        {name: [f"{n} {thing}" for n in NAMES], began: values, "Length (m)": [5, 9, 1, 7, 3]}
    )
    load_frame(agent, tmp_path, file, frame)
    for question in (f"which {thing} is the oldest", f"what is the oldest {thing}"):
        result = ask_ok(agent, question)
        assert result.value == f"Elm {thing}", (question, result.interpretation)
        assert began in (result.interpretation or "")
    assert ask_ok(agent, f"which is the newest {thing}").value == f"Cedar {thing}"


@pytest.mark.parametrize(
    "columns",
    [
        {"Built": [1990, 1930, 2005, 1960, 1780], "Opened": [1998, 1937, 2009, 1964, 1787]},
        {"Closed": [1998, 1937, 2009, 1964, 1787]},
    ],
)
def test_two_beginnings_or_only_an_end_are_asked(
    agent: Agent, tmp_path: Path, columns: dict[str, list[int]]
) -> None:
    frame = pd.DataFrame({"Name": [f"{n} Mill" for n in NAMES], **columns})
    load_frame(agent, tmp_path, "windmills.csv", frame)
    ask_declines(agent, "which mill is the oldest")


def test_an_age_column_still_says_who_is_oldest(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"Name": NAMES, "Age": [31, 64, 22, 40, 58], "Joined": [2001, 1999, 2020, 2010, 1990]}
    )
    load_frame(agent, tmp_path, "members.csv", frame)
    assert ask_ok(agent, "who is the oldest member").value == "Birch"


@pytest.mark.parametrize(
    "file, name, when",
    [
        ("national_parks.csv", "Name", "Established"),
        ("national_parks_list.csv", "park_name", "year_established"),
        ("NATIONAL_PARKS.csv", "PARK", "ESTABLISHED"),
    ],
)
def test_the_first_thing_to_be_done_is_named(
    agent: Agent, tmp_path: Path, file: str, name: str, when: str
) -> None:
    frame = pd.DataFrame({name: [f"{n} Park" for n in NAMES], when: [1970, 1962, 2004, 1986, 2018]})
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "Which was the first national park to be established?")
    assert result.value == "Birch Park", result.interpretation
    assert ask_ok(agent, "which was the last park to be established").value == "Elm Park"
