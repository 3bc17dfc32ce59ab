""" "How many records were set before 1930" on a table whose only dates are written as text
("18 December 1898" beside "1904" and "TBA"): the year compares with the one column that
writes years, though the question never names it. Never where a date column or a second
column of written years could be meant. Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

RECORDS = [
    ("land_speed.csv", "Date", "Driver", "Speed"),
    ("speed_records.csv", "event_date", "driver", "speed_kmh"),
    ("SpeedRecords.csv", "eventDate", "driverName", "topSpeed"),
]

DATES = ["18 December 1898", "1904", "23 January 1906", "29 March 1927", "3 September 1935",
         "16 September 1947", "17 July 1964", "TBA"]  # fmt: skip


@pytest.mark.parametrize("file, date, driver, speed", RECORDS, ids=[r[0] for r in RECORDS])
def test_a_year_compares_with_the_one_column_that_writes_years(
    agent: Agent, tmp_path: Path, file: str, date: str, driver: str, speed: str
) -> None:
    frame = pd.DataFrame(
        {
            date: DATES,
            driver: ["Gaston", "Louis", "Fred", "Henry", "Malcolm", "John", "Donald", "Andy"],
            speed: ["39.24 km/h", "152.5 km/h", "205.4 km/h", "327.9 km/h", "484.6 km/h",
                    "634.4 km/h", "648.7 km/h", "—"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many records were set before 1930?").value == 4
    assert ask_ok(agent, "How many records were set after 1940?").value == 2
    # a second column of written years: which one a year is of is asked
    frame["Notes"] = ["first in 1898", "1904 only", "in 1906", "1927", "1935", "1947", "1964", "—"]
    load_frame(agent, tmp_path, "two_" + file, frame)
    ask_declines(agent, "How many records were set before 1930?")
