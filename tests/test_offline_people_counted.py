"""People are counted one by one. "How many technicians do we have?" beside six names over a
thousand jobs is six, never the thousand rows: a noun for people (by a list, or by an ending
only people take: -ician, -ist, -ee, -or) names no kind of a thing done, as "tests" beside a
testName of five kinds may. A terse header's short word ("tech" of tech_nm) is its head as
the full word is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.planning.offline.grounding import names_people

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame


@pytest.mark.parametrize(
    "word, expected",
    [
        ("technicians", True),
        ("florists", True),
        ("trainees", True),
        ("auctioneers", True),
        ("donors", True),
        ("inspectors", True),
        ("customers", True),
        ("tests", False),
        ("floors", False),
        ("jobs", False),
        ("behaviors", False),
        ("fees", False),
    ],
)
def test_nouns_for_people(word: str, expected: bool) -> None:
    assert names_people(word) is expected


STYLES = [
    ("callouts.csv", "job_no", "tech_nm", "test_nm", "fee_amt"),
    ("CALLOUTS.csv", "JOB_ID", "TECHNICIAN_NAME", "TEST_NAME", "FEE"),
    ("callouts_export.csv", "jobId", "inspectorName", "testName", "feeGbp"),
]


@pytest.mark.parametrize("file, ident, person, test, fee", STYLES)
def test_people_named_by_a_name_column_are_counted_one_by_one(
    agent: Agent, tmp_path: Path, file: str, ident: str, person: str, test: str, fee: str
) -> None:
    rng = np.random.default_rng(5)
    rows = 900
    people = ["MORRIS P", "SZABO L", "KHAN I", "DAVIES G", "OBRIEN C", "WRIGHT E"]
    frame = pd.DataFrame(
        {
            ident: [f"J{i:05d}" for i in range(rows)],
            person: rng.choice(people, rows),
            test: rng.choice(["Pressure", "Leak", "Flow", "Seal", "Noise"], rows),
            fee: rng.integers(40, 300, rows),
        }
    )
    load_frame(agent, tmp_path, file, frame)
    noun = "inspectors" if "inspector" in person else "technicians"
    for question in (f"How many {noun} do we have?", f"how many {noun} are there"):
        result = ask_ok(agent, question)
        assert result.value == 6, (question, result.interpretation)
    # tests done (rows), or kinds of test (five names)? asked back, as before
    ask_declines(agent, "how many tests are there")
