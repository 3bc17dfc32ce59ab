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
            centre: ["Erith", "Erith", "Barking", "Barking", "Barking", "Erith", "Erith", "Erith"],
            wait: [10, 20, 30, 40, 50, 60, 70, 80],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    noun = "tests" if "test" in kind.lower() else "exams"
    return frame, kind, centre, wait, noun


def test_a_shared_noun_serves_both_values(agent: Agent, exams: tuple) -> None:
    frame, kind, centre, wait, noun = exams
    both = (frame[kind] == "lorry") & (frame[centre] == "Barking")
    result = ask_ok(agent, f"What is the average wait in days for lorry {noun} at Barking?")
    assert result.value == pytest.approx(frame.loc[both, wait].mean())
    assert "lorry" in result.interpretation and "Barking" in result.interpretation


def test_a_participle_of_doing_picks_no_rows(agent: Agent, exams: tuple) -> None:
    frame, _kind, centre, _wait, noun = exams
    erith = int((frame[centre] == "Erith").sum())
    assert ask_ok(agent, f"How many {noun} were taken at Erith?").value == erith
