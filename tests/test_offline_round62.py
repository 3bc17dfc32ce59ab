"""Count per group, doers, and the longer name: "number of entries per wall site" counts rows
per site (never the distinct sites); "climbers under 18" is no minutesClimbed below 18, and
"VAN3 stops arrived late" no share of MINUTES_STOPPED (the climbers and stops did what the
columns measure); "average deposit amount" is dep_amt, never amt with "deposit" dropped.
Generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

ENTRIES = [
    ("climbing_entries.csv", "entryId", "wallSite", "minutesClimbed", "memberAge"),
    ("wall_entries.csv", "entry_id", "wall_site", "minutes_climbed", "member_age"),
    ("Entries.csv", "Entry ID", "Wall Site", "Minutes Climbed", "Member Age"),
]


@pytest.mark.parametrize("file, entry, site, minutes, age", ENTRIES, ids=[e[0] for e in ENTRIES])
def test_rows_per_group_and_the_doers_of_a_measure(
    agent: Agent, tmp_path: Path, file: str, entry: str, site: str, minutes: str, age: str
) -> None:
    frame = pd.DataFrame(
        {
            entry: [500001 + i for i in range(8)],
            site: ["Vault", "Barn", "Vault", "Vault", "Barn", "Yard", "Vault", "Barn"],
            minutes: [24, 203, 15, 90, 60, 45, 12, 30],
            age: [53, 16, 15, 40, 12, 33, 17, 60],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    for question in ("Number of entries per wall site", "how many rows per wall site"):
        table = ask_ok(agent, question).value
        counts = dict(zip(table.iloc[:, 0], table.iloc[:, -1], strict=True))
        assert counts == {"Vault": 4, "Barn": 3, "Yard": 1}, question
    # the climbers' age is unnamed: asked back (or the age read), never minutes below 18
    result = agent.ask("How many entries by climbers under 18 at Vault?")
    assert result.kind == "error" or result.value == 2


STOPS = [
    ("mobile_library.csv", "STOP_ID", "VAN_NO", "MINUTES_STOPPED", "LATE_ARRIVAL"),
    ("library_stops.csv", "stop_id", "van_no", "minutes_stopped", "late_arrival"),
    ("libraryStops.csv", "stopId", "vanNo", "minutesStopped", "lateArrival"),
]


@pytest.mark.parametrize("file, stop, van, minutes, late", STOPS, ids=[s[0] for s in STOPS])
def test_a_share_of_stops_counts_the_stops(
    agent: Agent, tmp_path: Path, file: str, stop: str, van: str, minutes: str, late: str
) -> None:
    frame = pd.DataFrame(
        {
            stop: [f"ML{i:05d}" for i in range(6)],
            van: ["VAN3", "VAN3", "VAN3", "VAN3", "VAN4", "VAN4"],
            minutes: [10, 90, 30, 30, 60, 60],
            late: [1, 0, 0, 0, 1, 1],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # one of VAN3's four stops was late (25 %); by minutes it would be 10 of 160
    result = ask_ok(agent, "What percentage of VAN3 stops arrived late?")
    assert result.value == pytest.approx(25.0)


HIRES = [
    ("skate_hire.csv", "amt", "dep_amt"),
    ("skateHire.csv", "amt", "depAmt"),
    ("SkateHire.csv", "Amt", "Dep Amt"),
]


@pytest.mark.parametrize("file, amount, deposit", HIRES, ids=[h[0] for h in HIRES])
def test_an_abbreviation_prefixing_a_named_measure_is_the_longer_name(
    agent: Agent, tmp_path: Path, file: str, amount: str, deposit: str
) -> None:
    frame = pd.DataFrame({amount: [36.0, 24.0, 12.0, 48.0], deposit: [20.0, None, 10.0, 30.0]})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Average deposit amount").value == pytest.approx(20.0)
    assert ask_ok(agent, "average amount").value == pytest.approx(30.0)
    assert ask_ok(agent, "How many rows have no deposit amount?").value == 1
