"""Amounts kept as text because they carry units ("305 m (1,001 ft)", "7,050 km2 (2,720 sq
mi)", "1,025[a]"): a question asking for an amount (a superlative, an aggregate, a
threshold) reads the number each cell starts with, in the unit nearly all cells give,
through a derived column whose code is shown; a plain lookup still answers the cell as
written; scores, times and dates are never amounts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.derived import compute
from csvagent_jupyter.analysis.plan import Derive
from csvagent_jupyter.planning.schema_index import _unit_of_amounts

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

NUMBERS = [305.0, 300.0, 1025.0, 250.5, 261.0, 200.0]
STYLES = [
    # file, name column, amount column, unit, second unit, superlative, comparative
    ("dams.csv", "Name", "Height", "m", "ft", "tallest", "taller"),
    ("parks.csv", "park_name", "area", "km2", "sq mi", "largest", "larger"),
    ("ships.csv", "Ship", "Length", "m", "ft", "longest", "longer"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def table(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, name, amount, unit, other, _most, _more = request.param
    cells = [f"{n:,.1f}".removesuffix(".0") + f" {unit} ({n * 3.28:,.0f} {other})" for n in NUMBERS]
    cells[1] = "—"  # a blank, as reference tables write it
    names = ["Kestrel", "Osprey", "Harrier", "Merlin", "Falcon", "Condor"]
    frame = pd.DataFrame(
        {name: names, amount: cells, "Score": ["3–1", "2–2", "0–1", "1–1", "4–0", "2–1"]}
    )
    load_frame(agent, tmp_path, file, frame)
    numbers = pd.Series(NUMBERS).where(pd.Series(cells) != "—")
    return frame, numbers, request.param


def test_an_amount_written_with_its_units_is_ranked_and_added_up(
    agent: Agent, table: tuple
) -> None:
    frame, numbers, (file, name, amount, unit, _other, most, more) = table
    noun = file.removesuffix(".csv").rstrip("s")
    assert ask_ok(agent, f"which {noun} is the {most}?").value == frame[name][numbers.idxmax()]
    assert ask_ok(agent, f"what is the average {amount.lower()}?").value == pytest.approx(
        numbers.mean()
    )
    result = ask_ok(agent, f"how many {noun}s are {more} than 260 {unit}?")
    assert result.value == (numbers > 260).sum()
    assert "starts with" in (result.interpretation or "")


def test_a_lookup_still_answers_the_cell_as_written(agent: Agent, table: tuple) -> None:
    frame, _numbers, (_file, name, amount, *_rest) = table
    row = frame.iloc[0]
    result = ask_ok(agent, f"what is the {amount.lower()} of {row[name]}?")
    assert list(result.value) == [row[amount]]


def test_units_of_amounts_are_read_only_from_amounts() -> None:
    assert _unit_of_amounts(["305 m (1,001 ft)", "1,025 m", "—", "N/A"]) == "m"
    assert _unit_of_amounts(["7,050 km2 (2,720 sq mi)", "677 km2 (261 sq mi)"]) == "km2"
    assert _unit_of_amounts(["1,025[a]", "406", "64"]) == ""
    assert _unit_of_amounts(["3–1", "2–2", "0–1"]) is None  # scores
    assert _unit_of_amounts(["2:04:55", "2:03:59"]) is None  # times
    assert _unit_of_amounts(["5 April 1998", "12 June 1964", "1 July 1937"]) is None
    assert _unit_of_amounts(["12 km", "30 mi", "5 km"]) is None  # no one unit


def test_the_code_shown_reproduces_the_numbers() -> None:
    frame = pd.DataFrame({"H": ["2,023 m (6,637 ft)", "285.5 m", "1,025[a]", "—", "-3.5 C"]})
    values, code = compute(frame, Derive(name="n", kind="leading_number", column="H"))
    assert values.tolist()[:3] == [2023.0, 285.5, 1025.0]
    assert pd.isna(values.iloc[3]) and values.iloc[4] == -3.5
    assert eval(code, {"df": frame, "pd": pd}).equals(values)


def test_a_currency_sign_before_an_amount_and_a_century_is_no_number() -> None:
    # "₹2,024 crore" and "US$8,307,000" are amounts; "18th century" is never 18, which would
    # win a minimum over years written "c. 950" or "110"
    frame = pd.DataFrame(
        {"H": ["₹2,024 crore", "US$8,307,000", "€1.5 million", "18th century", "c. 950", "3rd"]}
    )
    values, code = compute(frame, Derive(name="n", kind="leading_number", column="H"))
    assert values.tolist()[:3] == [2024.0, 8307000.0, 1.5]
    assert pd.isna(values.iloc[3])
    assert values.iloc[4] == 950.0 and values.iloc[5] == 3.0  # ("3rd" alone is a place)
    assert eval(code, {"df": frame, "pd": pd}).equals(values)
