"""Terse export headers said in full: "audience" is aud_cnt, "ticket" tkt_amt, "venue"
vnu_nm, "programme" prg_typ, "organist" org_nm. A word no column names otherwise, that
shortens to a word of exactly one column's name (its first letters, or its letters in order),
names that column; the short forms the lexicon knows ("pct" is percent), units ("min") and
stems ("rat" of rating) never do."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.planning.schema_index import shortens

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame


@pytest.mark.parametrize(
    "short, word, expected",
    [
        ("aud", "audienc", True),  # (question words are stemmed: "audience")
        ("tkt", "ticket", True),
        ("prg", "programm", True),
        ("vnu", "venu", True),
        ("org", "organist", True),
        ("rfnd", "refund", True),
        ("book", "booking", False),  # a word itself, never a short form
        ("name", "named", False),
        ("time", "timetabl", False),
        ("tkt", "target", False),  # never without all of its letters
    ],
)
def test_what_a_short_header_word_shortens(short: str, word: str, expected: bool) -> None:
    assert shortens(short, word) is expected


STYLES = [
    ("organ_recitals.csv", "rcl_id", "vnu_nm", "org_nm", "aud_cnt", "tkt_amt"),
    ("ORGAN_RECITALS.csv", "RCL_ID", "VNU_NM", "ORG_NM", "AUD_CNT", "TKT_AMT"),
    ("organRecitals.csv", "rclId", "vnuNm", "orgNm", "audCnt", "tktAmt"),
]


@pytest.mark.parametrize("file, ident, venue, organist, audience, ticket", STYLES)
def test_terse_headers_are_named_by_the_words_they_shorten(
    agent: Agent,
    tmp_path: Path,
    file: str,
    ident: str,
    venue: str,
    organist: str,
    audience: str,
    ticket: str,
) -> None:
    rng = np.random.default_rng(17)
    rows = 300
    frame = pd.DataFrame(
        {
            ident: [f"R{i:04d}" for i in range(rows)],
            venue: rng.choice(["Abbey", "Cathedral", "Town Hall"], rows),
            organist: rng.choice(["Lindqvist", "Hughes", "Okafor", "Brandt"], rows),
            audience: rng.integers(20, 400, rows),
            ticket: rng.choice([0.0, 8.0, 12.5, 15.0], rows),
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "total audience across all recitals").value == frame[audience].sum()
    result = ask_ok(agent, "average ticket price for cathedral recitals")
    expected = frame.loc[frame[venue] == "Cathedral", ticket].mean()
    assert result.value == pytest.approx(expected), result.interpretation
    assert ask_ok(agent, "how many different organists are there?").value == 4
    result = ask_ok(agent, "which venue had the biggest total audience?")
    assert result.value == frame.groupby(venue)[audience].sum().idxmax()


def test_known_short_forms_units_and_stems_never_name_other_words(
    agent: Agent, tmp_path: Path
) -> None:
    frame = pd.DataFrame(
        {
            "student": ["Ann", "Bo", "Cy", "Di"],
            "english_pct": [100, 88, 95, 100],
            "rating": [4.0, 3.5, 5.0, 4.5],
            "wait_min": [5, 10, 15, 20],
        }
    )
    load_frame(agent, tmp_path, "grades.csv", frame)
    # "perfect" is no "pct", "ratio" no "rat(ing)"
    for question in ("how many perfect students", "what is the ratio"):
        result = agent.ask(question)
        assert result.kind == "error", (question, result.interpretation)


def test_a_word_two_headers_shorten_names_neither(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {"job": ["J1", "J2", "J3"], "dlv_amt": [5.0, 7.0, 9.0], "dlvr_cnt": [1, 2, 3]}
    )
    load_frame(agent, tmp_path, "jobs.csv", frame)
    result = agent.ask("total delivery")
    assert result.kind == "error", result.interpretation
