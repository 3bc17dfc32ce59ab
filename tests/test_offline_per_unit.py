""" "The average charge per hour" beside a column of hours, "spend per player" beside a count
of players: the rate of the totals, never one group per count nor an hour of the clock on
dates that record none. And a column named with an aggregate word ("totalSpend", "avgScore")
is the column when the question says "single" or "any": one row's value. Generated tables in
three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

BOOKINGS = [
    ("bookings.csv", "Booking Date", "Charge (EUR)", "Duration (hours)", "Players"),
    ("lane_bookings.csv", "booking_date", "charge_eur", "duration_hours", "player_count"),
    ("laneBookings.csv", "bookingDate", "chargeEur", "durationHours", "playerCount"),
]


@pytest.mark.parametrize(
    "file, date, charge, hours, players", BOOKINGS, ids=[b[0] for b in BOOKINGS]
)
def test_per_a_unit_another_column_counts_is_the_rate_of_totals(
    agent: Agent, tmp_path: Path, file: str, date: str, charge: str, hours: str, players: str
) -> None:
    frame = pd.DataFrame(
        {
            date: ["2024-03-01", "2024-03-02", "2024-03-02", "2024-03-05", "2024-03-09"],
            charge: [100.0, 60.0, 250.0, 90.0, 40.0],
            hours: [2.0, 1.0, 5.0, 1.5, 0.5],
            players: [4, 2, 4, 3, 2],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # 540 EUR over 10 hours; the mean of the row rates would be 61.0
    result = ask_ok(agent, "What is the average charge per hour?")
    assert result.value == pytest.approx(54.0)
    assert "divided by" in result.interpretation
    if "count" in players.lower():
        # 540 EUR over 20 players, never one average per count of players
        assert ask_ok(agent, "What is the average charge per player?").value == pytest.approx(36.0)
    # a unit no column counts is asked back, never an hour of the clock on bare dates
    ask_declines(agent, "What is the average charge per minute?")


def test_an_hour_of_the_clock_needs_times(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "opened_at": ["2024-03-01 09:10", "2024-03-01 09:40", "2024-03-01 14:05"],
            "amount": [10.0, 20.0, 60.0],
        }
    )
    load_frame(agent, tmp_path, "tills.csv", frame)
    table = ask_ok(agent, "average amount per hour").value
    assert dict(zip(table["hour"], table["mean amount"], strict=True)) == {9: 15.0, 14: 60.0}


NAMED_AGGREGATES = [
    ("bookings.csv", "lane", "totalSpend", "avgScore"),
    ("lane_bookings.csv", "lane_no", "total_spend", "avg_score"),
    ("Bookings.csv", "Lane", "Total Spend", "Average Score"),
]


@pytest.mark.parametrize(
    "file, lane, spend, score", NAMED_AGGREGATES, ids=[n[0] for n in NAMED_AGGREGATES]
)
def test_an_aggregate_word_of_a_columns_name_is_the_column_for_one_row(
    agent: Agent, tmp_path: Path, file: str, lane: str, spend: str, score: str
) -> None:
    frame = pd.DataFrame(
        {
            "booking_id": [f"BK-{i}" for i in range(6)],
            lane: [1, 1, 1, 2, 2, 3],
            spend: [80.0, 90.0, 70.0, 200.0, 10.0, 90.0],
            score: [150.0, 180.0, 210.0, 120.0, 90.0, 160.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # lane 1 adds up to the most (240), lane 2 had the one biggest booking (200)
    assert ask_ok(agent, "Which lane had the highest single total spend?").value == 2
    # one booking scored above 200 (210), none above 220; the average score is 151.7
    result = ask_ok(agent, "Did any booking have an average score above 200?")
    assert result.value is True or result.value == "yes"
    result = ask_ok(agent, "Did any booking have an average score above 220?")
    assert result.value is False or result.value == "no"


HIRES = [
    ("minibus_hire.csv", "vehicleType", "hireDays", "milesDriven"),
    ("van_hire.csv", "vehicle_type", "hire_days", "miles_driven"),
    ("Hires.csv", "Vehicle Type", "Hire Days", "Miles Driven"),
]


@pytest.mark.parametrize("file, vehicle, days, miles", HIRES, ids=[h[0] for h in HIRES])
def test_per_a_column_named_with_its_unit_is_a_rate(
    agent: Agent, tmp_path: Path, file: str, vehicle: str, days: str, miles: str
) -> None:
    frame = pd.DataFrame(
        {
            vehicle: ["16-seat", "16-seat", "12-seat", "16-seat", "12-seat", "12-seat"],
            days: [2, 3, 1, 5, 2, 3],
            miles: [200.0, 100.0, 80.0, 700.0, 100.0, 60.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # 1,000 miles over 10 hire days of the 16-seat hires; never one average per number of days
    result = ask_ok(agent, "Average miles driven per hire day for 16-seat hires")
    assert result.value == pytest.approx(100.0)
    # "by hire days" asks for the groups
    table = ask_ok(agent, "average miles driven by hire days").value
    assert len(table) == 4


SALES = [
    ("farm_shop_sales.csv", "Sale Date", "Line Total (GBP)"),
    ("shop_sales.csv", "sale_date", "line_total_gbp"),
    ("shopSales.csv", "saleDate", "lineTotalGbp"),
]


@pytest.mark.parametrize("file, date, total", SALES, ids=[s[0] for s in SALES])
def test_the_date_of_the_largest_single_sale_is_one_rows(
    agent: Agent, tmp_path: Path, file: str, date: str, total: str
) -> None:
    frame = pd.DataFrame(
        {
            date: ["2024-06-10", "2024-06-10", "2024-06-10", "2024-03-31", "2024-04-02"],
            total: [40.0, 35.0, 30.0, 94.56, 12.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # 10 June took the most (105), 31 March the one largest sale
    result = ask_ok(agent, "On what date was the largest single sale by line total?")
    assert str(result.value).startswith("2024-03-31")
