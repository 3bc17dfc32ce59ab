"""Rounds 78 and 79's wrong answers, on generated tables in three naming styles: "what was the
longest test in minutes" asks minutes, never a Test ID; "more than 8 people" is never
feePerPerson above 8; "whose only official language is German" is the cell "German", never
every list holding it; "the Pacific cable" is the cell "Pacific cable[4]", never also
"Commercial Pacific cable"; "where is the theatre with the widest orchestra" is never its
width; and "early exit rate" is a rate of a 0/1 column, whatever its name's grammar."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

TESTS = [
    ("eye_tests.csv", "Test ID", "Duration (min)"),
    ("eye_tests.csv", "test_id", "duration_min"),
    ("eyeTests.csv", "testId", "durationMin"),
]


@pytest.mark.parametrize("file, test, minutes", TESTS, ids=["Title", "snake", "camel"])
def test_a_unit_asked_is_never_answered_with_an_id(
    agent: Agent, tmp_path: Path, file: str, test: str, minutes: str
) -> None:
    frame = pd.DataFrame({test: ["ET-1", "ET-2", "ET-3", "ET-4"], minutes: [30, 60, 45, 60]})
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("What was the longest test in minutes?")
    assert result.kind == "error" or result.value == 60, result.interpretation
    # "which test" asks the test itself
    assert set(ask_ok(agent, "Which test was the longest?").value) == {"ET-2", "ET-4"}


LESSONS = [
    ("paddleboard_lessons.csv", "lesson_type", "group_size", "fee_per_person"),
    ("paddleboardLessons.csv", "lessonType", "groupSize", "feePerPerson"),
    ("Paddleboard Lessons.csv", "Lesson Type", "Group Size", "Fee per Person (EUR)"),
]


@pytest.mark.parametrize("file, kind, size, fee", LESSONS, ids=[x[0] for x in LESSONS])
def test_a_head_count_is_never_what_a_rate_is_per(
    agent: Agent, tmp_path: Path, file: str, kind: str, size: str, fee: str
) -> None:
    frame = pd.DataFrame(
        {
            kind: ["Kids Club", "Kids Club", "Kids Club", "Yoga SUP", "Yoga SUP"],
            size: [10, 6, 9, 4, 12],
            fee: [35.0, 40.0, 30.0, 45.0, 25.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # two Kids Club lessons had more than 8 people; every one's fee is above 8
    result = agent.ask("How many Kids Club lessons had more than 8 people?")
    assert result.kind == "error" or result.value == 2, result.interpretation
    assert ask_ok(agent, "How many lessons had a fee per person above 32?").value == 3


CANTONS = [
    ("cantons.csv", "Canton", "Area (km²)", "Official languages"),
    ("cantons.csv", "canton", "area_km2", "official_languages"),
    ("cantonList.csv", "cantonName", "areaKm2", "officialLanguages"),
]


@pytest.mark.parametrize("file, canton, area, languages", CANTONS, ids=["Title", "snake", "camel"])
def test_an_item_said_alone_is_the_whole_cell(
    agent: Agent, tmp_path: Path, file: str, canton: str, area: str, languages: str
) -> None:
    frame = pd.DataFrame(
        {
            canton: ["Zurich", "Bern", "Lucerne", "Fribourg", "Geneva", "Uri"],
            area: [1729.0, 5959.0, 1493.0, 1671.0, 282.0, 1077.0],
            languages: ["German", "German, French", "German", "French, German", "French",
                        "German"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    question = "What is the average area of the cantons whose only official language is German?"
    result = ask_ok(agent, question)
    assert result.value == pytest.approx((1729 + 1493 + 1077) / 3)


CABLES = [
    ("telegraph_cables.csv", "Cable", "Cable ship"),
    ("telegraph_cables.csv", "cable", "cable_ship"),
    ("telegraphCables.csv", "cableName", "cableShip"),
]


@pytest.mark.parametrize("file, cable, ship", CABLES, ids=["Title", "snake", "camel"])
def test_a_name_with_a_footnote_mark_is_named_whole(
    agent: Agent, tmp_path: Path, file: str, cable: str, ship: str
) -> None:
    frame = pd.DataFrame(
        {
            cable: ["Red Sea cable", "Pacific cable[4]", "Commercial Pacific cable",
                    "Trans-Tasman cable"],
            ship: ["Imperador", "Colonia", "Silvertown", "Hibernia"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Which ship laid the Pacific cable?")
    assert result.kind == "error" or result.value in ("Colonia", ["Colonia"]), result.value


THEATRES = [
    ("greek_theatres.csv", "Theatre", "Location", "Orchestra diameter"),
    ("greek_theatres.csv", "theatre", "location", "orchestra_diameter"),
    ("greekTheatres.csv", "theatreName", "location", "orchestraDiameter"),
]


@pytest.mark.parametrize("file, theatre, place, width", THEATRES, ids=["Title", "snake", "camel"])
def test_where_is_never_answered_with_an_amount(
    agent: Agent, tmp_path: Path, file: str, theatre: str, place: str, width: str
) -> None:
    frame = pd.DataFrame(
        {
            theatre: ["Ephesus", "Megalopolis", "Taormina", "Epidaurus"],
            place: ["Selcuk", "Megalopoli", "Taormina", "Lygourio"],
            width: ["25 m (82 ft)", "30 m (98 ft)", "35 m (115 ft)", "20 m (66 ft)"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Where is the theatre with the widest orchestra?")
    assert result.kind == "error" or result.value == "Taormina", result.value
    assert ask_ok(
        agent, f"What is the {place} of the theatre with the widest orchestra?"
    ).value == ("Taormina")


LOANS = [
    ("cycle_loans.csv", "REGION", "EARLY_EXIT"),
    ("cycle_loans.csv", "region", "early_exit"),
    ("cycleLoans.csv", "region", "earlyExit"),
]


@pytest.mark.parametrize("file, region, flag", LOANS, ids=["UPPER", "snake", "camel"])
def test_a_rate_of_a_zero_one_column_named_whole(
    agent: Agent, tmp_path: Path, file: str, region: str, flag: str
) -> None:
    frame = pd.DataFrame(
        {
            region: ["NORTH", "NORTH", "NORTH", "NORTH", "SOUTH", "SOUTH", "EAST", "EAST"],
            flag: [0, 0, 0, 1, 1, 1, 0, 1],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which region has the highest early exit rate?").value == "SOUTH"
    assert ask_ok(agent, "What is the early exit rate?").value == pytest.approx(50.0)


MEMBERS = [
    ("gym_members.csv", "MEMBER_ID", "VISITS_LAST_90D"),
    ("gym_members.csv", "member_id", "visits_last_90d"),
    ("gymMembers.csv", "memberId", "visitsLast90d"),
]


@pytest.mark.parametrize("file, member, visits", MEMBERS, ids=["UPPER", "snake", "camel"])
def test_no_figure_of_a_count_is_a_blank_not_a_zero(
    agent: Agent, tmp_path: Path, file: str, member: str, visits: str
) -> None:
    frame = pd.DataFrame({member: [1, 2, 3, 4, 5, 6], visits: [0.0, None, 12.0, None, None, 3.0]})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many members have no visits figure?").value == 3
    assert ask_ok(agent, "How many members have no visits logged?").value == 3
    assert ask_ok(agent, "How many members have no visits?").value == 1


SPEEDS = [
    ("race_results.csv", "Driver", "Average speed"),
    ("race_results.csv", "driver", "average_speed"),
    ("raceResults.csv", "driverName", "averageSpeed"),
]


@pytest.mark.parametrize("file, driver, speed", SPEEDS, ids=["Title", "snake", "camel"])
def test_an_average_in_a_measure_name_is_its_name(
    agent: Agent, tmp_path: Path, file: str, driver: str, speed: str
) -> None:
    # Varzi drove the single fastest race (80); Nuvolari's races average highest (70)
    frame = pd.DataFrame(
        {
            driver: ["Varzi", "Varzi", "Varzi", "Nuvolari", "Nuvolari", "Campari"],
            speed: [80.0, 40.0, 45.0, 70.0, 70.0, 60.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Which driver had the highest average speed?")
    assert result.kind == "error" or result.value == "Varzi", result.interpretation


WALKERS = [
    ("race_walk.csv", "Pos.", "Athlete", "Nation"),
    ("race_walk.csv", "pos", "athlete", "nation"),
    ("raceWalk.csv", "finishPosition", "athleteName", "nation"),
]


@pytest.mark.parametrize("file, pos, athlete, nation", WALKERS, ids=["Title", "snake", "camel"])
def test_which_country_is_the_nation_never_the_first_column_of_places(
    agent: Agent, tmp_path: Path, file: str, pos: str, athlete: str, nation: str
) -> None:
    frame = pd.DataFrame(
        {
            pos: ["1st", "2nd", "3rd", "4th", "5th", "—", "—"],
            athlete: ["Diniz", "Arai", "Kobayashi", "Tallent", "Katsuki", "Bird-Smith", "Toth"],
            nation: ["France", "Japan", "Japan", "Australia", "Japan", "Australia", "Hungary"],
            "Time": ["3:33:12", "3:41:17", "3:41:19", "3:41:36", "3:43:03", "DNF", "DNF"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Which country had the most athletes in the race?")
    assert result.kind == "error" or result.value == "Japan", result.interpretation


CONSOLES = [
    ("game_consoles.csv", "Console", "Discontinued"),
    ("game_consoles.csv", "console", "discontinued"),
    ("gameConsoles.csv", "consoleName", "discontinuedYear"),
]


@pytest.mark.parametrize("file, console, ended", CONSOLES, ids=["Title", "snake", "camel"])
def test_still_in_a_state_is_never_dropped(
    agent: Agent, tmp_path: Path, file: str, console: str, ended: str
) -> None:
    frame = pd.DataFrame(
        {console: ["PS2", "Wii", "Switch", "PS4"], ended: ["2013", "2013", "—", "TBA"]}
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("How many consoles are still in production?")
    assert result.kind == "error" or result.value == 2, result.interpretation


POPES = [
    ("popes.csv", "Pope", "Born", "Age at election"),
    ("popes.csv", "pope", "born", "age_at_election"),
    ("popeList.csv", "popeName", "birthDate", "electionAge"),
]


@pytest.mark.parametrize("file, pope, born, age", POPES, ids=["Title", "snake", "camel"])
def test_a_year_of_one_event_is_never_read_from_another_events_date(
    agent: Agent, tmp_path: Path, file: str, pope: str, born: str, age: str
) -> None:
    frame = pd.DataFrame(
        {
            pope: ["Pius XII", "John XXIII", "Paul VI", "John Paul II", "Francis"],
            born: ["1876-03-02", "1881-11-25", "1897-09-26", "1920-05-18", "1936-12-17"],
            age: [63, 76, 65, 58, 76],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # elected after 1950: four (the year of birth after 1950 gives none; an age never 1950)
    result = agent.ask("How many popes were elected after 1950?")
    assert result.kind == "error" or result.value == 4, result.interpretation
    assert ask_ok(agent, "How many popes were born after 1900?").value == 2
