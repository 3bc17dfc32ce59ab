"""Declines of review round 124 that general rules now answer, on generated tables in three
naming styles:

- "total fees" is the total of a fee column: a plural after an aggregate word is the amount
  of that thing (never the rows' own noun: "total orders" in orders.csv is no sum);
- "on Sundays" is the weekday, as "on a Sunday" is;
- "the most expensive hire" is the highest fee, as it is the highest price or cost;
- "payout" is a pay column's amount;
- "coal vs wood", "Welshpool versus Builth Wells", "X compared with Y": the two values side
  by side, one figure each, never one figure of both.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("sweep_jobs.csv", "job_id", "job_date", "fuel_type", "fee_amount", "pay_amt"),
    ("SWEEP_JOBS.csv", "JOB_ID", "JOB_DT", "FUEL_TYPE", "FEE_AMT", "PAY_AMT"),
    ("sweepJobs.csv", "jobId", "jobDate", "fuelType", "feeGbp", "payAmount"),
]


@pytest.mark.parametrize("file, ident, date, fuel, fee, pay", STYLES)
def test_everyday_words_for_amounts_days_and_sides(
    agent: Agent, tmp_path: Path, file: str, ident: str, date: str, fuel: str, fee: str, pay: str
) -> None:
    rng = np.random.default_rng(24)
    rows = 400
    frame = pd.DataFrame(
        {
            ident: [f"J{i:05d}" for i in range(rows)],
            date: pd.date_range("2023-01-01", periods=rows, freq="D").strftime("%Y-%m-%d"),
            fuel: rng.choice(["Coal", "Wood", "Oil", "Gas"], rows),
            fee: rng.integers(40, 300, rows).astype(float),
            pay: rng.integers(10, 90, rows).astype(float),
        }
    )
    frame.loc[123, fee] = 999.0
    load_frame(agent, tmp_path, file, frame)
    dates = pd.to_datetime(frame[date])
    result = ask_ok(agent, "Total fees for 2024")
    assert result.value == pytest.approx(frame.loc[dates.dt.year == 2024, fee].sum())
    assert ask_ok(agent, "average fees").value == pytest.approx(frame[fee].mean())
    result = ask_ok(agent, "How many jobs were on Sundays?")
    assert result.value == int((dates.dt.day_of_week == 6).sum()), result.interpretation
    result = ask_ok(agent, "What was the most expensive job?")
    assert result.value == "J00123", result.interpretation
    assert ask_ok(agent, "total payout").value == pytest.approx(frame[pay].sum())
    expected = frame[frame[fuel].isin(["Coal", "Wood"])].groupby(fuel)[fee].median()
    for question in (
        "Median fee for coal vs wood",
        "median fee for Coal versus Wood",
        "median fee for coal compared with wood",
    ):
        result = ask_ok(agent, question)
        shown = result.value.set_index(result.value.columns[0]).iloc[:, 0]
        assert shown.to_dict() == pytest.approx(expected.to_dict()), question
