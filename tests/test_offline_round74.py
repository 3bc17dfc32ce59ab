"""Rounds 74 and 75's wrong answers, on generated tables: "drop-in visitors" never switches on
a FIRST_VISIT flag (the visitors are the rows' people); "how many times did Hailwood win",
found in the Winner column, never adds a 1st place from another rider's finish column; and
"did not finish (DNF)" is DNF, while "not DNF" negates it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

VISITS = [
    ("yoga_visits.csv", "PASS_TYPE", "PRICE_PAID", "FIRST_VISIT"),
    ("studio_visits.csv", "pass_type", "price_paid", "first_visit"),
    ("studioVisits.csv", "passType", "pricePaid", "firstVisit"),
]


@pytest.mark.parametrize("file, kind, price, first", VISITS, ids=[v[0] for v in VISITS])
def test_the_people_a_flag_word_derives_are_the_rows(
    agent: Agent, tmp_path: Path, file: str, kind: str, price: str, first: str
) -> None:
    frame = pd.DataFrame(
        {
            kind: ["DROP-IN", "DROP-IN", "DROP-IN", "10-PACK"],
            price: [10.0, 12.0, 20.0, 8.0],
            first: [1, 0, 0, 1],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # all three drop-in visits (14) or asked who the visitors are; never the one first
    # visit's 10
    result = agent.ask("What is the average price paid by drop-in visitors?")
    assert result.kind == "error" or result.value == pytest.approx(14.0)
    assert "visitors" in (result.error or "") or result.value == pytest.approx(14.0)
    assert ask_ok(agent, "How many first visits were there?").value == 2


def test_a_win_found_in_the_winner_column_and_did_not_finish(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Year": [1961, 1962, 1963, 1964, 1965],
            "Winner": ["Mike Hailwood", "Gary Hocking", "Mike Hailwood", "Mike Hailwood",
                       "Phil Read"],
            "Previous winner's finish": ["—", "DNF", "2nd", "1st", "DNF"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, "tt_senior.csv", frame)
    assert ask_ok(agent, "How many times did Mike Hailwood win?").value == 3
    question = "How many times did the previous winner not finish (DNF)?"
    assert ask_ok(agent, question).value == 2
