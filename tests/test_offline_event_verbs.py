""" "Total weight donated in kg" in fridge_donations.csv: the verb of the rows' own event
("donations", "bookings") says only that each row happened, and picks no rows. Generated
tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

EVENTS = [
    ("fridge_donations.csv", "don_id", "src_typ", "wt_kg", "donated", "weight"),
    ("studioBookings.csv", "bookingId", "roomType", "hoursBooked", "booked", "hours"),
    ("Food Donations.csv", "Donation ID", "Source Type", "Weight (kg)", "donated", "weight"),
]


@pytest.mark.parametrize(
    "file, ident, kind, measure, verb, noun", EVENTS, ids=[e[0] for e in EVENTS]
)
def test_the_verb_of_the_rows_own_event_picks_no_rows(
    agent: Agent,
    tmp_path: Path,
    file: str,
    ident: str,
    kind: str,
    measure: str,
    verb: str,
    noun: str,
) -> None:
    frame = pd.DataFrame(
        {
            ident: ["D1", "D2", "D3", "D4"],
            kind: ["SHOP", "HOME", "SHOP", "FARM"],
            measure: [2.5, 4.0, 1.5, 2.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, f"total {noun} {verb}").value == pytest.approx(10.0)
    # another verb picks rows the table cannot tell apart: asked back
    ask_declines(agent, f"total {noun} refunded")
