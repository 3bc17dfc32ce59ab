"""A noun that columns share may serve two values at once ("lorry tests at Barking", where
"tests" is part of testType and testCentre), and a participle of doing ("taken", "found")
says how, never which rows. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("tests.csv", "test_id", "test_type", "test_centre", "wait_days"),
    ("bookings.csv", "bookingId", "testType", "testCentre", "waitDays"),
    ("Exams.csv", "Exam ID", "Exam Type", "Exam Centre", "Wait (days)"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def exams(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, ident, kind, centre, wait = request.param
    frame = pd.DataFrame(
        {
            ident: [f"T{i:03d}" for i in range(8)],
            kind: ["lorry", "car", "lorry", "car", "lorry", "car", "lorry", "bus"],
            centre: ["Erith", "Erith", "Barking", "Barking", "Barking", "Erith", "Erith", "Ilford"],
            wait: [10, 20, 30, 40, 50, 60, 70, 80],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    noun = "tests" if "test" in kind.lower() else "exams"
    return frame, kind, centre, wait, noun, file.split(".")[0].lower()


def test_a_shared_noun_serves_both_values(agent: Agent, exams: tuple) -> None:
    frame, kind, centre, wait, noun, _rows = exams
    both = (frame[kind] == "lorry") & (frame[centre] == "Barking")
    result = ask_ok(agent, f"What is the average wait in days for lorry {noun} at Barking?")
    assert result.value == pytest.approx(frame.loc[both, wait].mean())
    assert "lorry" in result.interpretation and "Barking" in result.interpretation


def test_a_participle_of_doing_picks_no_rows(agent: Agent, exams: tuple) -> None:
    frame, _kind, centre, _wait, noun, _rows = exams
    erith = int((frame[centre] == "Erith").sum())
    assert ask_ok(agent, f"How many {noun} were taken at Erith?").value == erith


def test_list_the_n_groups_with_the_most(agent: Agent, exams: tuple) -> None:
    frame, kind, _centre, wait, noun, rows = exams
    word = noun.rstrip("s")  # "test centres", "exam types"
    fewest = ask_ok(agent, f"List the 2 {word} centres with the fewest {rows}")
    assert list(fewest.value) == ["Ilford", "Barking"]
    most = ask_ok(agent, f"show the 2 {word} types with the most {rows}")
    assert list(most.value) == ["lorry", "car"]
    highest = ask_ok(agent, f"what are the 2 {word} types with the highest average wait?")
    means = frame.groupby(kind)[wait].mean().sort_values(ascending=False)
    assert list(highest.value) == list(means.index[:2])


@pytest.mark.parametrize(
    ("file", "ident", "nights"),
    [("stays.csv", "stay_id", "nights"), ("bookings.csv", "stayId", "nights"),
     ("Stays.csv", "Stay ID", "Nights")],
)  # fmt: skip
def test_what_is_the_longest_row_in_a_unit_asks_for_the_measure(
    agent: Agent, tmp_path: Path, file: str, ident: str, nights: str
) -> None:
    frame = pd.DataFrame({ident: [f"S{i}" for i in range(6)], nights: [3, 14, 5, 14, 2, 7]})
    load_frame(agent, tmp_path, file, frame)
    # the longest stay in nights is 14, never the ids of the stays that lasted it
    result = agent.ask("What is the longest stay in nights?")
    assert result.kind == "error" or result.value == 14, result.interpretation
    assert set(ask_ok(agent, "which stay was the longest in nights?").value) == {"S1", "S3"}


@pytest.mark.parametrize(
    ("file", "name", "ended", "outcome", "noun"),
    [("sieges.csv", "Siege", "End", "Outcome", "sieges"),
     ("strikes.csv", "strike_name", "ended", "result", "strikes"),
     ("campaigns.csv", "campaignName", "endYear", "outcome", "campaigns")],
)  # fmt: skip
def test_a_verb_after_the_counted_noun_is_never_its_head(
    agent: Agent, tmp_path: Path, file: str, name: str, ended: str, outcome: str, noun: str
) -> None:
    frame = pd.DataFrame(
        {
            name: [f"{noun[:-1]} {c}" for c in "BCDEF"],
            # two wins end the same day; a date column that a verb names
            ended: ["27 January 1944", "27 January 1944", "29 February 1996", "1871",
                    "3 May 1945"],
            outcome: ["Attacker victory", "Attacker victory", "Defender victory",
                      "Attacker victory", "Defender victory"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    # three rows, though only two distinct ends among them
    assert ask_ok(agent, f"How many {noun} ended in an attacker victory?").value == 3


@pytest.mark.parametrize(
    ("file", "place", "number", "car"),
    [("rally.csv", "Pos.", "No.", "Car"), ("entries.csv", "finish_pos", "car_no", "car"),
     ("Results.csv", "Position", "Number", "Car model")],
)  # fmt: skip
def test_the_last_noun_of_a_compound_is_asked(
    agent: Agent, tmp_path: Path, file: str, place: str, number: str, car: str
) -> None:
    frame = pd.DataFrame(
        {
            place: ["1st", "2nd", "3rd", "DNF"],
            number: [3, 1, 7, 5],
            car: ["Citroen C4", "Ford Focus", "Subaru Impreza", "Ford Focus"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "car number": the number (3), never the car the winner drove
    result = agent.ask("What car number did the winner have?")
    assert result.kind == "error" or list(result.value) == [3], result.interpretation
    assert list(ask_ok(agent, "what car did the winner drive?").value) == ["Citroen C4"]


@pytest.mark.parametrize(
    ("file", "breed", "weight"),
    [("stays.csv", "dog_breed", "dog_weight_kg"), ("visits.csv", "dogBreed", "dogWeightKg"),
     ("Stays.csv", "Dog Breed", "Dog Weight (kg)")],
)  # fmt: skip
def test_a_word_two_names_share_leaves_the_others_words_to_it(
    agent: Agent, tmp_path: Path, file: str, breed: str, weight: str
) -> None:
    frame = pd.DataFrame(
        {
            breed: ["Beagle", "Poodle", "Beagle", "Poodle", "Boxer"],
            weight: [12.0, 8.0, 14.0, 9.0, 11.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "dog" of "dog breed" is the breed column's; "weight" still names the weight column
    result = ask_ok(agent, "which dog breed has the highest average weight?")
    assert result.value == "Beagle"


@pytest.mark.parametrize(
    ("file", "season", "place", "league"),
    [("seasons.csv", "Season", "Pos", "League"), ("club_seasons.csv", "season", "finish", "tier"),
     ("History.csv", "Year", "Final position", "Division")],
)  # fmt: skip
def test_a_cell_with_a_mark_is_still_the_value(
    agent: Agent, tmp_path: Path, file: str, season: str, place: str, league: str
) -> None:
    frame = pd.DataFrame(
        {
            season: [2015, 2016, 2017, 2018, 2019, 2020],
            place: ["1st", "2nd[a]", "1st ↑", "11th ↓", "1st", "4th"],
            league: ["Division 1", "Premier*", "Premier", "Premier", "Division 1", "Premier"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # a promotion arrow, a footnote, an asterisk: the same place, the same league
    assert ask_ok(agent, "How many seasons did the club finish 1st?").value == 3
    assert ask_ok(agent, "how many seasons were in the Premier?").value == 4


@pytest.mark.parametrize("file", ["zip_lines.csv", "ZipLines.csv", "Zip lines.csv"])
def test_the_file_names_its_rows_with_every_word(agent: Agent, tmp_path: Path, file: str) -> None:
    frame = pd.DataFrame(
        {
            "Name": ["Jebel Jais", "Toro Verde", "Orbaneja", "Sa Pa"],
            "Country": ["UAE", "Puerto Rico", "Spain", "Vietnam"],
            "Length (m)": [2832, 2530, 1980, 1500],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "zip" is no unknown word that picks rows: the file calls its rows zip lines
    assert ask_ok(agent, "How many zip lines are there in Spain?").value == 1
    assert ask_ok(agent, "which zip line is the longest?").value == "Jebel Jais"


@pytest.mark.parametrize(
    ("file", "name", "height"),
    [("coasters.csv", "Name", "Height"), ("coasters.csv", "coaster_name", "height_m"),
     ("Coasters.csv", "Coaster", "Height (m)")],
)  # fmt: skip
def test_which_is_the_tallest_row_answers_its_name(
    agent: Agent, tmp_path: Path, file: str, name: str, height: str
) -> None:
    heights = ["139 m (456 ft)", "128 m (420 ft)", "94 m (310 ft)"]
    frame = pd.DataFrame(
        {
            name: ["Kingda Ka", "Top Thrill", "Steel Dragon"],
            height: heights if height == "Height" else [139, 128, 94],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # the superlative before the rows' noun says how the coaster is picked, never what is asked
    for question in ("which is the tallest coaster?", "what is the tallest coaster?"):
        assert ask_ok(agent, question).value == "Kingda Ka"
