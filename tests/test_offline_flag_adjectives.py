""" "How many trade orders": a word before the rows' noun that names a 0/1 flag column picks
the rows whose flag is 1. It is never a part of the rows' noun (as "clock" of "clock towers"
is), so the count is never of every row. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

ORDERS = [
    ("supply_orders.csv", "ORDER_NO", "REGION", "DELIVERY_DAYS", "IS_TRADE"),
    ("orders.csv", "order_id", "region", "delivery_days", "is_trade"),
    ("customerOrders.csv", "orderId", "region", "deliveryDays", "tradeFlag"),
]


@pytest.mark.parametrize("file, order, region, days, trade", ORDERS, ids=[o[0] for o in ORDERS])
def test_a_flag_adjective_before_the_rows_noun_filters_them(
    agent: Agent, tmp_path: Path, file: str, order: str, region: str, days: str, trade: str
) -> None:
    frame = pd.DataFrame(
        {
            order: [f"BS{300000 + i}" for i in range(8)],
            region: ["WEST", "WEST", "EAST", "EAST", "EAST", "WEST", "EAST", "WEST"],
            days: [2, 9, 5, 6, 4, 3, 7, 1],
            trade: [0, 1, 1, 1, 0, 0, 1, 0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many trade orders are there?").value == 4
    assert ask_ok(agent, "What percentage of orders are trade orders?").value == pytest.approx(50)
    # over every order EAST is slower (5.5 days against 3.75); over trade orders WEST is
    # (its one trade order took 9 days, EAST's three 6 on average)
    result = ask_ok(agent, "Which region has the highest average delivery days for trade orders?")
    assert result.value == "WEST"
    result = ask_ok(agent, "Which region has the lowest average delivery days for trade orders?")
    assert result.value == "EAST"
