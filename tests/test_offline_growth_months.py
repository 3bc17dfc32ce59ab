""" "Percent change in total spend from June 2024 to July 2024", "from Q1 2024 to Q2 2024": a
month (or quarter) of a year on each side of the growth, never a range from one to the other.
Generated tables in three naming styles, over two years so that a month alone is not enough."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

SALES = [
    ("bookings.csv", "booking_date", "total_spend"),
    ("laneBookings.csv", "bookingDate", "totalSpend"),
    ("Bookings.csv", "Booking Date", "Total Spend (GBP)"),
]


@pytest.mark.parametrize("file, date, spend", SALES, ids=[s[0] for s in SALES])
def test_growth_between_two_months_of_a_year(
    agent: Agent, tmp_path: Path, file: str, date: str, spend: str
) -> None:
    frame = pd.DataFrame(
        {
            date: ["2023-06-10", "2024-02-01", "2024-06-03", "2024-06-20", "2024-07-04",
                   "2024-07-30", "2023-07-15", "2024-05-05"],
            spend: [999.0, 50.0, 100.0, 100.0, 150.0, 100.0, 1.0, 25.0],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    # June 2024 took 200, July 2024 250: +25 %, whatever June and July 2023 took
    result = ask_ok(agent, "percent change in total spend from June 2024 to July 2024")
    assert result.value == pytest.approx(25.0)
    result = ask_ok(agent, "What was the growth in total spend from June 2024 to July 2024 in %?")
    assert result.value == pytest.approx(25.0)
    # Q1 2024 took 50, Q2 2024 225
    result = ask_ok(agent, "percent change in total spend from Q1 2024 to Q2 2024")
    assert result.value == pytest.approx(350.0)
    assert ask_ok(agent, "change in total spend from June 2024 to July 2024").value == 50.0
