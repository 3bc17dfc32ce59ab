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
