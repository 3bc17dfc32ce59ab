""" "The 1970 500cc season" on a Class column of "350cc" and "500cc" (typed as numbers in cc):
the word written as the cells were is that class, never dropped. A word with a digit that
names nothing is asked about. A count is never the total of the column one value fixes
("points in the 1975 season" is no sum of Season). "Which eclipse" in eclipses.csv never
answers with "Greatest eclipse", a column its name only qualifies. Generated tables in three
naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

SEASONS = [
    ("seasons.csv", "Season", "Class", "Wins", "Points"),
    ("rider_seasons.csv", "season", "engine_class", "wins", "points"),
    ("RiderSeasons.csv", "seasonYear", "engineClass", "raceWins", "seasonPoints"),
]


@pytest.mark.parametrize("file, season, klass, wins, points", SEASONS, ids=[s[0] for s in SEASONS])
def test_a_value_written_with_its_unit_filters_the_converted_column(
    agent: Agent, tmp_path: Path, file: str, season: str, klass: str, wins: str, points: str
) -> None:
    frame = pd.DataFrame(
        {
            season: [1968, 1968, 1969, 1969, 1970, 1970],
            klass: ["350cc", "500cc", "350cc", "500cc", "350cc", "500cc"],
            wins: [7, 10, 8, 10, 9, 10],
            points: [32, 48, 90, 105, 94, 98],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    question = f"How many {wins.lower().replace('race', '')} did he have in the 1970 500cc season?"
    if wins == "raceWins":
        question = "How many race wins did he have in the 1970 500cc season?"
    assert ask_ok(agent, question).value == 10
    assert ask_ok(agent, "How many 500cc seasons are listed?").value == 3
    # a class no cell writes has none; a word with a digit that names nothing is asked
    # about, never dropped (all 6 rows)
    assert ask_ok(agent, "How many 125cc seasons are listed?").value == 0
    ask_declines(agent, "How many u21 seasons are listed?")
    # 1975 is no season here: the points are asked back or none, never 1975 itself
    result = agent.ask(f"How many points did he score in the 1975 {season.split('Y')[0]}?")
    assert result.kind == "error" or result.value in (0, None)


def test_the_rows_noun_never_answers_with_a_column_it_qualifies(
    agent: Agent, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "Date": ["8 June 1937", "1 October 1940", "20 June 1955", "11 July 1991"],
            "Magnitude": [1.0751, 1.0744, 1.0799, 1.0800],
            "Greatest eclipse": ["Pacific Ocean", "Atlantic Ocean", "Pacific Ocean", "Mexico"],
        }
    )
    load_frame(agent, tmp_path, "total_solar_eclipses.csv", frame)
    result = agent.ask("Which eclipse had the highest magnitude?")
    assert result.kind == "error" or "Mexico" not in str(result.value)
