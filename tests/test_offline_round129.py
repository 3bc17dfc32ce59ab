"""Wrong answers of review round 129 that general rules now get right, on generated tables in
three naming styles:

- a spelled amount is read whole: "more than five million dollars" is 5,000,000 (never 5),
  "twenty-five thousand" 25,000 and "fifty" 50;
- "in which years" lists each year once, however many rows a year has;
- "his highest Test score" beside Test (a match number) and Score: a noun compound is headed
  by its last noun, so the score is the measure and the match number only says which score;
- "In which years was the marathon cancelled?" beside 'Cancelled[7]' and 'Cancelled due to
  the pandemic': every cell that opens with the word and goes on with a note, never the one
  cell that is the word alone ('Ghostbusters' and 'Ghostbusters II' stay two titles);
- a year said alone names the one column of a family it tells apart ("attended in 2006"
  beside "1998 attendance" … "2006 attendance").
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, Condition, Plan
from csvagent_jupyter.analysis.run import run_plan

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

EARNINGS = [
    ("golf_majors.csv", "Year", "Tournament", "Earnings (US$)",
     ["$204,180", "$0", "$85,000", "$1,008,000", "$5,204,180", "$0", "$6,100,000"]),
    ("majors.csv", "tour_year", "event_name", "earnings_usd",
     [204180, 0, 85000, 1008000, 5204180, 0, 6100000]),
    ("Majors.csv", "seasonYear", "eventName", "totalEarnings",
     [204180.0, 0.0, 85000.0, 1008000.0, 5204180.0, 0.0, 6100000.0]),
]  # fmt: skip


@pytest.mark.parametrize("file, year, event, money, amounts", EARNINGS)
def test_a_spelled_amount_is_read_whole_and_years_listed_once(
    agent: Agent,
    tmp_path: Path,
    file: str,
    year: str,
    event: str,
    money: str,
    amounts: list[object],
) -> None:
    frame = pd.DataFrame(
        {
            year: [2001, 2001, 2002, 2002, 2002, 2003, 2003],
            event: ["Masters", "US Open", "Masters", "US Open", "The Open", "Masters", "PGA"],
            money: amounts,
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "In which years did he earn more than five million dollars?")
    assert result.value == [2002, 2003], result.interpretation
    result = ask_ok(agent, "In which years did he earn more than twenty-five thousand dollars?")
    assert result.value == [2001, 2002, 2003], result.interpretation
    result = ask_ok(agent, "how many times did he earn more than fifty thousand dollars")
    assert result.value == 5, result.interpretation


TESTS = [
    ("batting.csv", "Test", "Score", "Opponent"),
    ("innings.csv", "test_no", "score", "opponent"),
    ("Innings.csv", "TestNumber", "Score", "Versus"),
]  # fmt: skip


@pytest.mark.parametrize("file, test, score, opponent", TESTS)
def test_the_last_noun_of_a_compound_is_the_measure(
    agent: Agent, tmp_path: Path, file: str, test: str, score: str, opponent: str
) -> None:
    frame = pd.DataFrame(
        {
            test: [12, 15, 22, 31, 40, 44],
            score: [134, 201, 118, 165, 250, 102],
            opponent: ["England", "Australia", "India", "South Africa", "New Zealand", "Pakistan"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "What was his highest Test score?")
    assert result.value == 250, result.interpretation
    result = ask_ok(agent, "what is his lowest test score")
    assert result.value == 102, result.interpretation


RACES = [
    ("berlin_marathon.csv", "Year", "Winner"),
    ("marathon_winners.csv", "race_year", "winner_name"),
    ("MARATHON.csv", "YEAR", "WINNER"),
]  # fmt: skip


@pytest.mark.parametrize("file, year, winner", RACES)
def test_a_word_opening_cells_with_notes_names_them_all(
    agent: Agent, tmp_path: Path, file: str, year: str, winner: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [2015, 2016, 2017, 2018, 2019, 2020, 2021],
            winner: [
                "Eliud Kipchoge",
                "Wilson Kipsang",
                "Cancelled[7]",
                "Eliud Kipchoge",
                "Kenenisa Bekele",
                "Cancelled due to the COVID-19 pandemic",
                "Guye Adola",
            ],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "In which years was the marathon cancelled?")
    assert result.value == [2017, 2020], result.interpretation
    assert ask_ok(agent, "how many times was it cancelled").value == 2


def test_a_title_and_its_sequel_stay_two_titles(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Title": ["Ghostbusters", "Ghostbusters II", "Big", "Heat"],
            "Year": [1984, 1989, 1988, 1995],
            "Gross": [295.2, 215.4, 151.7, 187.4],
        }
    )
    load_frame(agent, tmp_path, "films.csv", frame)
    result = agent.ask("what was the gross of Ghostbusters")
    # (the title, or a question back; never both films' grosses)
    assert result.kind == "error" or result.value in (295.2, [295.2]), result.interpretation
    result = ask_ok(agent, "what was the gross of Ghostbusters II")
    assert result.value in (215.4, [215.4]), result.interpretation


FAMILIES = [
    ("conventions.csv", "Name", "{} attendance"),
    ("anime_cons.csv", "con_name", "attendance_{}"),
    ("Conventions.csv", "CONVENTION", "ATTENDANCE {}"),
]  # fmt: skip


@pytest.mark.parametrize("file, name, attendance", FAMILIES)
def test_a_year_names_the_column_of_a_family_it_tells_apart(
    agent: Agent, tmp_path: Path, file: str, name: str, attendance: str
) -> None:
    frame = pd.DataFrame(
        {
            name: ["Animazement", "Animethon", "Otakon", "Katsucon"],
            attendance.format(2004): [5100, 2800, 20900, 6300],
            attendance.format(2006): [6600, 7100, 22300, 8000],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    question = "which was the higher attended event in 2006, Animazement or Animethon?"
    result = ask_ok(agent, question)
    assert result.value == "Animethon", result.interpretation


CLOCKS = [
    ("berlin_results.csv", "Year", "Women's time", ["2:19:25", "2:20:45", "2:20:23", "2:18:11", "2:20:14"]),
    ("race_results.csv", "race_year", "finish_time", ["02:19:25", "02:20:45", "02:20:23", "02:18:11", "02:20:14"]),
    ("RaceResults.csv", "raceYear", "winningTime", ["2:19:25.0", "2:20:45.0", "2:20:23.0", "2:18:11.0", "2:20:14.0"]),
]  # fmt: skip


@pytest.mark.parametrize("file, year, time, times", CLOCKS)
def test_a_clock_time_is_a_threshold_on_durations(
    agent: Agent, tmp_path: Path, file: str, year: str, time: str, times: list[str]
) -> None:
    frame = pd.DataFrame({year: [2015, 2016, 2017, 2018, 2019], time: times})
    load_frame(agent, tmp_path, file, frame)
    said = "time" if "time" in time.lower() else time
    result = ask_ok(agent, f"in which years was the {said} under 2:20:00")
    assert result.value == [2015, 2018], result.interpretation
    assert "2:20:00" in result.interpretation  # as a clock reads it, never 8400 (seconds)
    result = ask_ok(agent, f"how many times was the {said} below 2:20")
    assert result.value == 2, result.interpretation
    # the planners count a duration's threshold in seconds: a plan written so runs
    seconds = Plan(
        operation="aggregate",
        filters=Condition(column=time, op="lt", value=8400),
        aggregates=[Aggregate(func="count")],
    )
    info = agent.file()
    result = run_plan(seconds, agent.frame(), info.profile, info.path)
    assert result.value == 2
    assert result.interpretation == f"Number of rows where {time} is below 2:20:00."


RESULTS = [
    ("golf_record.csv", "Year", "Result", ["T5", "CUT", "WD", "1", "T12", "WD[3]", "T20"]),
    ("majors_record.csv", "season", "finish", ["t5", "cut", "wd", "1", "t12", "wd", "t20"]),
    ("MajorsRecord.csv", "seasonYear", "FINISH", ["T5", "CUT", "WD", "1", "T12", "WD", "T20"]),
]  # fmt: skip


@pytest.mark.parametrize("file, year, result, finishes", RESULTS)
def test_a_results_code_is_found_by_the_words_it_stands_for(
    agent: Agent, tmp_path: Path, file: str, year: str, result: str, finishes: list[str]
) -> None:
    frame = pd.DataFrame({year: [2001, 2001, 2002, 2002, 2003, 2003, 2004], result: finishes})
    load_frame(agent, tmp_path, file, frame)
    for question in ("How many times did he withdraw from a major?", "how many withdrawals"):
        answer = ask_ok(agent, question)
        assert answer.value == 2, answer.interpretation
    assert "WD" in ask_ok(agent, "how many times did he withdraw").interpretation.upper()


def test_a_round_before_the_quarter_finals_is_no_final(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Season": [2001, 2002, 2003, 2004, 2005, 2006],
            "Round": ["Eighth-finals", "Final", "Quarter-finals", "Final", "Semi-finals", "Eighth-finals"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, "cup_runs.csv", frame)
    result = ask_ok(agent, "how many times did they reach the final")
    assert result.value == 2, result.interpretation
    result = ask_ok(agent, "in which seasons did they reach the eighth-finals")
    assert result.value == [2001, 2006], result.interpretation


def test_the_count_of_every_row_is_never_offered_for_a_question_that_said_more(
    agent: Agent, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "Year": [2001, 2002, 2003, 2004],
            "Tournament": ["Masters", "US Open", "Masters", "PGA"],
            "Earnings": [204180, 0, 85000, 1008000],
        }
    )
    load_frame(agent, tmp_path, "earnings.csv", frame)
    declined = ask_declines(agent, "how many times did he eagle the final hole")
    assert "how many rows are there" not in declined.suggestions


BUILT = [
    ("aircraft.csv", "Maker", "Number built"),
    ("aircraft_types.csv", "manufacturer", "number_built"),
    ("AircraftTypes.csv", "maker", "unitsBuilt"),
]  # fmt: skip


@pytest.mark.parametrize("file, maker, built", BUILT)
def test_how_many_were_built_adds_up_the_count_the_verb_names(
    agent: Agent, tmp_path: Path, file: str, maker: str, built: str
) -> None:
    frame = pd.DataFrame(
        {
            "Model": ["Draken", "Viggen", "Gripen", "Hunter", "Harrier"],
            maker: ["Saab", "Saab", "Saab", "Hawker", "Hawker Siddeley"],
            built: [651, 329, 271, 1972, 278],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "How many Saab aircraft were built?")
    assert result.value == 1251, result.interpretation
    assert ask_ok(agent, "how many aircraft were built in total").value == 3501
    # (two makers begin "Hawker": asked back, never one of them quietly)
    ask_declines(agent, "how many Hawker aircraft were built")


RESORTS = [
    ("ski_resorts.csv", "Resort", "Lifts", "Pistes (km)"),
    ("resorts.csv", "resort_name", "lift_count", "pistes_km"),
    ("SkiResorts.csv", "resortName", "lifts", "pistesKm"),
]  # fmt: skip


@pytest.mark.parametrize("file, resort, lifts, pistes", RESORTS)
def test_hyphenated_names_spelled_thresholds_and_amounts_in_a_unit(
    agent: Agent, tmp_path: Path, file: str, resort: str, lifts: str, pistes: str
) -> None:
    frame = pd.DataFrame(
        {
            resort: ["Saalbach-Hinterglemm", "Ischgl", "Zermatt", "Val d'Isere", "Kitzbuehel"],
            "Country": ["Austria", "Austria", "Switzerland", "France", "Austria"],
            lifts: [70, 45, 52, 79, 57],
            pistes: [270, 239, 360, 300, 233],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "How many lifts does Saalbach-Hinterglemm have?")
    assert result.value == 70, result.interpretation
    result = ask_ok(agent, "which resorts have more than fifty lifts")
    assert sorted(result.value) == ["Kitzbuehel", "Saalbach-Hinterglemm", "Val d'Isere", "Zermatt"]
    result = ask_ok(agent, "how many km of pistes does Zermatt have")
    assert result.value == 360, result.interpretation
    result = ask_ok(agent, "how many km of pistes are there in Austria")
    assert result.value == 742, result.interpretation


WINNERS = [
    ("marathon_winners.csv", "Athlete", "Position", "Defending champ result"),
    ("race_winners.csv", "athlete_name", "pos", "previous_winner_result"),
    ("RaceWinners.csv", "athleteName", "finishPosition", "titleHolderFinish"),
]  # fmt: skip


@pytest.mark.parametrize("file, athlete, position, other", WINNERS)
def test_won_restates_a_list_of_winners_never_another_runners_result(
    agent: Agent, tmp_path: Path, file: str, athlete: str, position: str, other: str
) -> None:
    frame = pd.DataFrame(
        {
            "Year": [2008, 2009, 2010, 2011, 2012, 2013],
            athlete: ["Haile G", "Haile G", "Patrick M", "Patrick M", "Geoffrey M", "Wilson K"],
            "Country": ["Ethiopia", "Ethiopia", "Kenya", "Kenya", "Kenya", "Kenya"],
            position: [1, 1, 1, 1, 1, 1],
            other: ["—", "1st", "WD", "—", "2nd", "DNF"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "How many races were won by Kenyan athletes?")
    assert result.value == 4, result.interpretation
    result = ask_ok(agent, "How many times did Haile G win?")
    assert result.value == 2, result.interpretation
