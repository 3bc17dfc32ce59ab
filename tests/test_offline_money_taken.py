""" "Total revenue" on a table whose one column of money taken is PRICE_GBP, ticketPrice or a
Line Total: that column. A second such column is told apart only by the word before
("ticket revenue" is ticketPrice, never cafeSpend); a cost, a deposit or a unit price is no
revenue. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

JOBS = [
    ("hedge_jobs.csv", "CREW", "PRICE_GBP", "COST_GBP"),
    ("hedgeJobs.csv", "crewName", "jobPrice", "materialsCost"),
    ("Hedge Jobs.csv", "Crew", "Charge (GBP)", "Fuel Cost (GBP)"),
]


@pytest.mark.parametrize("file, crew, price, cost", JOBS, ids=[j[0] for j in JOBS])
def test_revenue_is_the_one_column_of_money_taken(
    agent: Agent, tmp_path: Path, file: str, crew: str, price: str, cost: str
) -> None:
    frame = pd.DataFrame(
        {
            crew: ["Team A", "Team B", "Team A", "Team C", "Team B"],
            price: [100.0, 300.0, 150.0, 120.0, 20.0],
            cost: [900.0, 10.0, 10.0, 10.0, 10.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "What is the total revenue?").value == pytest.approx(690.0)
    assert ask_ok(agent, "Which crew has the highest total revenue?").value == "Team B"


def test_two_columns_of_money_taken_need_their_word(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "venueName": ["Hull", "York", "Hull"],
            "ticketPrice": [10.0, 12.0, 8.0],
            "cafeSpend": [5.0, 0.0, 40.0],
        }
    )
    load_frame(agent, tmp_path, "soft_play.csv", frame)
    table = ask_ok(agent, "total ticket revenue by venue").value
    assert dict(zip(table.iloc[:, 0], table.iloc[:, -1], strict=True)) == {
        "Hull": 18.0,
        "York": 12.0,
    }
    ask_declines(agent, "What is the total revenue?")
