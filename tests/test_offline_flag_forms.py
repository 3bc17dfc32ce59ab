"""Yes/no columns in the forms people and the planner's own suggestions write them:
"where queen_seen is True" (every suggestion about a flag must answer when asked), "the queen
was not seen" (a negation between the flag's name words), and headers an export wrote without
vowels ("rfnd_flg" is refunded), on generated tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, Condition, FilterGroup, Plan
from csvagent_jupyter.planning.offline.suggestions import as_question

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("hive_checks.csv", "queen_seen", "treatment_applied", "apiary", ("yes", "no")),
    ("hiveChecks.csv", "queenSeen", "treatmentApplied", "apiaryName", (True, False)),
    ("HIVE_CHECKS.csv", "QUEEN_SEEN", "TREATMENT_APPLIED", "APIARY", (1, 0)),
]


def _checks(seen: str, treated: str, apiary: str, marks: tuple[object, object]) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    rows = 120
    yes, no = marks
    return pd.DataFrame(
        {
            "check_id": [f"C{i:04d}" for i in range(rows)],
            apiary: rng.choice(["Heather Hill", "Beacon Farm", "Mill Lane"], rows),
            seen: [yes if x else no for x in rng.random(rows) < 0.6],
            treated: [yes if x else no for x in rng.random(rows) < 0.3],
            "mites": rng.integers(0, 40, rows),
        }
    )


def _is_yes(values: pd.Series) -> pd.Series:
    return values.astype(str).str.lower().isin(["yes", "true", "1"])


@pytest.mark.parametrize(
    "file, seen, treated, apiary, marks", STYLES, ids=["snake", "camel", "upper"]
)
def test_a_flag_said_by_its_name_and_a_yes_or_no_word(
    agent: Agent,
    tmp_path: Path,
    file: str,
    seen: str,
    treated: str,
    apiary: str,
    marks: tuple[object, object],
) -> None:
    frame = _checks(seen, treated, apiary, marks)
    load_frame(agent, tmp_path, file, frame)
    is_seen, is_treated = _is_yes(frame[seen]), _is_yes(frame[treated])
    result = ask_ok(agent, f"how many rows are there where {seen} is True")
    assert result.value == int(is_seen.sum()), result.interpretation
    result = ask_ok(agent, f"how many rows are there where {seen} is no and {treated} is yes")
    assert result.value == int((~is_seen & is_treated).sum()), result.interpretation
    # the negation said between the flag's own words ("queen … not … seen")
    result = ask_ok(
        agent, "How many checks where the queen was not seen and a treatment was applied?"
    )
    assert result.value == int((~is_seen & is_treated).sum()), result.interpretation
    result = ask_ok(agent, "how many checks where the queen wasn't seen?")
    assert result.value == int((~is_seen).sum()), result.interpretation
    result = ask_ok(agent, "how many checks where the queen was seen?")
    assert result.value == int(is_seen.sum()), result.interpretation


def test_suggested_filters_join_with_and_and_answer_when_asked(
    agent: Agent, tmp_path: Path
) -> None:
    frame = _checks("queen_seen", "treatment_applied", "apiary", ("yes", "no"))
    load_frame(agent, tmp_path, "hive_checks.csv", frame)
    both = FilterGroup(
        combine="and",
        items=[
            Condition(column="queen_seen", op="eq", value=True),
            Condition(column="treatment_applied", op="eq", value=True),
        ],
    )
    question = as_question(
        Plan(operation="aggregate", aggregates=[Aggregate(func="count")], filters=both)
    )
    assert question == (
        "how many rows are there where queen_seen is True and treatment_applied is True"
    )
    result = ask_ok(agent, question)
    expected = _is_yes(frame["queen_seen"]) & _is_yes(frame["treatment_applied"])
    assert result.value == int(expected.sum())
    # an ask-back about flags offers questions that answer
    ask_declines(agent, "How many checks where the queen was seen and a wobble was applied?")


@pytest.mark.parametrize(
    "refund, cancel, customer",
    [("rfnd_flg", "cncl_flg", "cust_nm"), ("RFND", "CNCL", "CUST"), ("isRfnd", "isCncl", "custNm")],
)
def test_headers_written_without_vowels(
    agent: Agent, tmp_path: Path, refund: str, cancel: str, customer: str
) -> None:
    rng = np.random.default_rng(11)
    rows = 200
    frame = pd.DataFrame(
        {
            "job_no": range(rows),
            customer: rng.choice(["Acme Ltd", "Fox & Co", "Blue Ink"], rows),
            refund: rng.choice(["Y", "N"], rows, p=[0.1, 0.9]),
            cancel: rng.choice(["Y", "N"], rows, p=[0.2, 0.8]),
            "amt": rng.uniform(10, 90, rows).round(2),
        }
    )
    load_frame(agent, tmp_path, "print_jobs.csv", frame)
    refunded, cancelled = frame[refund] == "Y", frame[cancel] == "Y"
    assert ask_ok(agent, "how many jobs were refunded?").value == int(refunded.sum())
    result = ask_ok(agent, "How many jobs for Acme Ltd were not refunded?")
    assert result.value == int(((frame[customer] == "Acme Ltd") & ~refunded).sum())
    result = ask_ok(agent, "how many cancelled jobs were refunded")
    assert result.value == int((cancelled & refunded).sum()), result.interpretation
