"""Results and shares said in other words: "the winning time" is the winner's, "runners in
the top 10" a place the rows had (never ten answers), and "readings in GH-B triggered an
alarm" takes its share of GH-B's readings. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

RACES = [
    ("results.csv", "Pos", "Athlete", "Team", "Time"),
    ("race_results.csv", "finish_pos", "runner", "team", "finish_time"),
    ("Entries.csv", "Position", "Runner name", "Club", "Race time"),
]


@pytest.mark.parametrize("file, place, runner, team, time", RACES, ids=[r[0] for r in RACES])
def test_the_winning_time_is_the_winners(
    agent: Agent, tmp_path: Path, file: str, place: str, runner: str, team: str, time: str
) -> None:
    frame = pd.DataFrame(
        {
            place: ["1st", "2nd", "3rd", "4th", "DNF"],
            runner: ["Ann", "Bo", "Cy", "Di", "Ed"],
            team: ["Salomon", "Hoka", "Salomon", "Hoka", "Hoka"],
            time: ["12:41:07", "12:58:44", "13:02:10", "13:40:00", "DNF (km 87)"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert list(ask_ok(agent, "What was the winning time?").value) == ["12:41:07"]
    # "in the top 3" is where the runners placed (1st to 3rd), never the three teams with
    # the most runners
    team_word = "club" if team == "Club" else "team"
    result = ask_ok(agent, f"Which {team_word} had the most runners in the top 3?")
    assert result.value == "Salomon", result.interpretation


SHARES = [
    ("readings.csv", "greenhouse", "alarm_triggered"),
    ("sensorReadings.csv", "greenhouseCode", "alarmTriggered"),
    ("Readings.csv", "Greenhouse", "Alarm Triggered (Y/N)"),
]


@pytest.mark.parametrize("file, house, alarm", SHARES, ids=[s[0] for s in SHARES])
def test_the_share_is_of_the_rows_named_before_the_verb(
    agent: Agent, tmp_path: Path, file: str, house: str, alarm: str
) -> None:
    flags = ["Y", "N", "N", "Y", "N", "N", "N", "Y"]
    frame = pd.DataFrame(
        {
            house: ["GH-A", "GH-A", "GH-B", "GH-B", "GH-B", "GH-B", "GH-A", "GH-A"],
            alarm: flags if "Y/N" in alarm else [f == "Y" for f in flags],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # one of GH-B's four readings, never one of all eight
    result = ask_ok(agent, "What percentage of readings in GH-B triggered an alarm?")
    assert result.value == pytest.approx(25.0)


HEATS = [
    ("relay.csv", "Heat", "Nation", "Notes"),
    ("heats.csv", "heat_no", "nation", "qualifier"),
    ("RelayHeats.csv", "heatNumber", "country", "note"),
]


@pytest.mark.parametrize("file, heat, nation, notes", HEATS, ids=[h[0] for h in HEATS])
def test_a_result_verb_ending_a_count_is_never_dropped(
    agent: Agent, tmp_path: Path, file: str, heat: str, nation: str, notes: str
) -> None:
    frame = pd.DataFrame(
        {
            heat: [3, 3, 3, 3, 2, 2],
            nation: ["USA", "France", "Japan", "Italy", "Brazil", "Spain"],
            notes: ["Q", "", "Q", "", "Q", ""],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # two of heat 3's four qualified: four is no answer to either question
    ask_declines(agent, "How many teams in heat 3 qualified?")
    ask_declines(agent, "How many teams in heat 3 were disqualified?")
    assert ask_ok(agent, "how many teams were in heat 3?").value == 4


def test_a_side_no_row_matched_is_never_a_zero_to_calculate_with(
    agent: Agent, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "region": ["North", "South", "East"],
            "since": [2002, 2012, 2023],
            "production": [500, 240, 300],
        }
    )
    load_frame(agent, tmp_path, "regions.csv", frame)
    # South's row says 2012: no row is South in 2022 or in 2023, so no change of 0
    result = agent.ask("By how much did production in South change between 2022 and 2023?")
    assert result.kind == "error"
    assert "No row matched" in result.summary


EDITIONS = [
    ("career.csv", "Year", "Tournament", "Country", "Games"),
    ("chess_history.csv", "year", "tournament", "country", "games_played"),
    ("Record.csv", "Season", "Tournament name", "Host country", "Games"),
]


@pytest.mark.parametrize("file, year, name, country, games", EDITIONS, ids=[e[0] for e in EDITIONS])
def test_editions_of_a_recurring_event_are_rows_or_names(
    agent: Agent, tmp_path: Path, file: str, year: str, name: str, country: str, games: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [1961, 1962, 1963, 1964, 1965, 1966, 1967, 1968],
            name: ["Hungarian Ch.", "Hastings", "Hungarian Ch.", "Capablanca Mem.",
                   "Hungarian Ch.", "Hastings", "Sarajevo", "Wijk aan Zee"],
            country: ["Hungary", "England", "Hungary", "Cuba", "Hungary", "England",
                      "Bosnia", "Netherlands"],
            games: [17, 9, 15, 21, 17, 9, 11, 13],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    # three editions in Hungary, one name: editions or names? asked, never 1 by itself
    ask_declines(agent, "How many tournaments did she play in Hungary?")
    ask_declines(agent, "In which country did she play the most tournaments?")
    # one edition's 21 games, or all 49 of the Hungarian championship's? asked
    ask_declines(agent, "Which tournament had the most games?")
    # said in so many words, the names are counted
    assert ask_ok(agent, "how many different tournaments did she play?").value == 5


@pytest.mark.parametrize(
    ("file", "ident", "flag"),
    [("bp_screens.csv", "scr_id", "ref"), ("screens.csv", "scrId", "refFlg"),
     ("SCREENS.csv", "SCR_ID", "REF")],
)  # fmt: skip
def test_a_verb_a_short_header_abbreviates_is_never_dropped(
    agent: Agent, tmp_path: Path, file: str, ident: str, flag: str
) -> None:
    frame = pd.DataFrame(
        {ident: [f"B{i:03d}" for i in range(6)], flag: ["Y", "N", "N", "Y", "N", "N"]}
    )
    load_frame(agent, tmp_path, file, frame)
    # "referred" is ref written short: two referrals, never the six screenings
    result = agent.ask("How many people were referred?")
    assert result.kind == "error" or result.value == 2, result.interpretation


def test_a_year_column_kept_as_text_rivals_the_numeric_one(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Name": ["Lady Blunt", "Messiah", "Alard", "Hammer", "Vieuxtemps"],
            "Year": ["1721", "1716", "1715", "c. 1658", "1741"],
            "Sale year": [2011, None, 2002, 2006, 2012],
        }
    )
    load_frame(agent, tmp_path, "violins.csv", frame)
    # "made in the 1710s" is the Year's, never the Sale year's (none sold then: 0)
    result = agent.ask("How many violins were made in the 1710s?")
    assert result.kind == "error" or result.value == 3, result.interpretation
    assert ask_ok(agent, "how many violins were sold in 2011?").value == 1


def test_a_first_that_every_row_ties_on_is_no_answer(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Ship": ["Ariel", "Taeping", "Serica", "Fiery Cross"],
            "Departed": ["28 May 1866", "30 May 1866", "1866", "29 May 1866"],
        }
    )
    load_frame(agent, tmp_path, "tea_race.csv", frame)
    # every date cut to its year is 1866: no ship is first by it
    result = agent.ask("Which ship departed first?")
    assert result.kind == "error" or result.value == "Ariel", result.value


@pytest.mark.parametrize(
    ("file", "town", "hours"),
    [("bouncy_castle_hires.csv", "TOWN", "HIRE_HOURS"), ("hires.csv", "town", "hire_hours"),
     ("castleHires.csv", "town", "hireHours")],
)  # fmt: skip
def test_the_fewest_of_the_rows_noun_counts_rows(
    agent: Agent, tmp_path: Path, file: str, town: str, hours: str
) -> None:
    # Frome has the fewest hires (1) but not the fewest hire hours
    frame = pd.DataFrame(
        {
            town: ["Frome", "Epsom", "Epsom", "Didcot", "Didcot", "Ashby", "Ashby", "Ashby"],
            hours: [24, 2, 2, 3, 3, 2, 1, 1],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    fewest = ask_ok(agent, "Which 2 towns had the fewest hires?")
    assert set(fewest.value) == {"Frome", "Epsom"} or set(fewest.value) == {"Frome", "Didcot"}
    assert "rows" in fewest.interpretation


@pytest.mark.parametrize(
    ("file", "record", "holder"),
    [("hills.csv", "Hill record", "Record holder"), ("hills.csv", "hill_record", "holder"),
     ("Hills.csv", "hillRecord", "recordHolder")],
)  # fmt: skip
def test_how_many_of_a_measured_column_is_never_its_sum(
    agent: Agent, tmp_path: Path, file: str, record: str, holder: str
) -> None:
    frame = pd.DataFrame(
        {
            "Hill": ["Vikersund", "Planica", "Oberstdorf", "Whistler"],
            record: ["253.5 m", "252.0 m", "238.5 m", "149.0 m"],
            holder: ["Stefan Kraft", "Simon Ammann", "Peter Prevc", "Simon Ammann"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # two records, never 401 (metres added up)
    result = agent.ask("How many hill records does Simon Ammann hold?")
    assert result.kind == "error" or result.value == 2, result.interpretation
