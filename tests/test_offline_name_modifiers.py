"""Words of a column's name that are not its head: "finals" beside "Opponent in the final"
and "operation" beside "Period of operation" say what the column is of, never its values,
so they count no different opponents and name no rows. A mark written after a value ("Grade
II*") picks the marked cell alone. A noun beside its participle ("recording" and "Recorded
at") names the thing, never where it was done. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

FINALS = [
    ("finals.csv", "Outcome", "Venue", "Opponent in the final"),
    ("snooker_finals.csv", "outcome", "venue", "opponent_in_final"),
    ("titleFinals.csv", "result", "venueCity", "opponentInFinal"),
]


@pytest.mark.parametrize("file, outcome, venue, opponent", FINALS, ids=[f[0] for f in FINALS])
def test_a_word_after_the_names_preposition_counts_rows(
    agent: Agent, tmp_path: Path, file: str, outcome: str, venue: str, opponent: str
) -> None:
    frame = pd.DataFrame(
        {
            outcome: ["Winner", "Runner-up", "Winner", "Winner", "Runner-up", "Winner"],
            venue: ["Newport", "Newport", "Preston", "Newport", "York", "Newport"],
            # Newport's four finals were against three players
            opponent: ["Ken Doherty", "Steve Davis", "Ken Doherty", "Steve Davis", "Ali Carter",
                       "John Higgins"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many finals were played in Newport?").value == 4


MINES = [
    ("mines.csv", "Mine", "Period of operation", "Depth (m)"),
    ("salt_mines.csv", "mine_name", "period_of_operation", "depth_m"),
    ("SaltMines.csv", "mineName", "periodOfOperation", "depthM"),
]


@pytest.mark.parametrize("file, mine, period, depth", MINES, ids=[m[0] for m in MINES])
def test_a_state_said_with_a_names_modifier_is_never_dropped(
    agent: Agent, tmp_path: Path, file: str, mine: str, period: str, depth: str
) -> None:
    frame = pd.DataFrame(
        {
            mine: ["Wieliczka", "Bochnia", "Hallein", "Khewra", "Turda"],
            period: ["13th century–1996", "1248–1990", "1350–present", "1872–present", "1690–1932"],
            depth: [327, 468, 220, 288, 112],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "still in operation" is no count of every mine: asked back
    ask_declines(agent, "How many mines are still in operation?")
    assert ask_ok(agent, "How many mines are there?").value == 5


GRADES = [
    ("pubs.csv", "Name", "Listed grade"),
    ("old_pubs.csv", "pub_name", "listed_grade"),
    ("oldPubs.csv", "pubName", "listedGrade"),
]


@pytest.mark.parametrize("file, name, grade", GRADES, ids=[g[0] for g in GRADES])
def test_a_mark_written_after_a_value_picks_the_marked_cell(
    agent: Agent, tmp_path: Path, file: str, name: str, grade: str
) -> None:
    frame = pd.DataFrame(
        {
            name: ["Trip", "Bingley", "Bell", "Eagle", "Crown", "Swan", "Angel"],
            grade: ["II", "II*", "II", "I", "II*", "II", "II"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "How many pubs are listed Grade II*?")
    assert result.value == 2
    assert "II*" in result.interpretation


RECORDINGS = [
    ("recordings.csv", "Work", "Recorded at", "Duration"),
    ("quartet_recordings.csv", "work", "recorded_at", "duration"),
    ("Sessions.csv", "workTitle", "recordedAt", "runTime"),
]


@pytest.mark.parametrize("file, work, place, duration", RECORDINGS, ids=[r[0] for r in RECORDINGS])
def test_a_noun_beside_its_participle_never_answers_with_that_column(
    agent: Agent, tmp_path: Path, file: str, work: str, place: str, duration: str
) -> None:
    frame = pd.DataFrame(
        {
            work: ["Quartet No. 14", "Quartets 1–6", "Quartet No. 8", "Death and the Maiden"],
            place: ["Berlin", "Vienna", "London", "Berlin"],
            duration: ["0:39:12", "2:31:05", "0:21:40", "0:40:02"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("What was the shortest recording?")
    # the recording (its work, or how long it ran), or asked back; never London, where it
    # was made
    assert result.kind == "error" or "London" not in list(pd.Series(result.value).astype(str))


FLIGHTS = [
    ("balloon_flights.csv", "Country", "Launch site"),
    ("flights.csv", "country", "launch_site"),
    ("BalloonFlights.csv", "countryName", "launchSite"),
]


@pytest.mark.parametrize("file, country, site", FLIGHTS, ids=[f[0] for f in FLIGHTS])
def test_a_noun_missing_the_names_head_counts_rows(
    agent: Agent, tmp_path: Path, file: str, country: str, site: str
) -> None:
    frame = pd.DataFrame(
        {
            # France had three launches from two sites, the US two from two
            country: ["France", "France", "France", "United States", "United States"],
            site: ["Paris", "Paris", "Lyon", "Roswell", "Albuquerque"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which country had the most launches?").value == "France"
    # the sites themselves: both countries used two (a tie, both given)
    result = ask_ok(agent, "Which country had the most launch sites?")
    assert sorted(pd.Series(result.value).astype(str)) == ["France", "United States"]


def test_the_verbs_subject_is_no_part_of_a_cell(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Year": [1991, 1992, 1993, 1994],
            "Host": ["Winnipeg, Canada", "Garmisch, Germany", "Geneva, Switzerland",
                     "Glasgow, Scotland"],
            "Finish": ["1st", "5th", "1st", "=6th"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, "curling.csv", frame)
    # Scotland is whose results these are: never the one Glasgow row (0 wins)
    result = agent.ask("How many times did Scotland finish 1st?")
    assert result.kind == "error" or result.value == 2
    assert ask_ok(agent, "How many championships were held in Canada?").value == 1
