"""Areas and volumes however they are written: "km²", "sq km", "square kilometres", "sqm".
An area is never a length ("Area (km²)" once read as kilometres), and "square" in "in square
metres" is the unit, never a word of a name ("Union Square Gardens"), on generated tables in
three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.planning.offline.units import column_unit

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

NAMES = ["Union Square Gardens", "Square Lake Park", "Fern Hollow", "Red Moor", "Glen Aber"]
NAMES += ["Stag Forest", "Birch Vale", "Otter Bay"]
REGIONS = ["Highland", "Lowland", "Highland", "Coast", "Highland", "Lowland", "Coast", "Highland"]
AREAS = [3120.5, 410.0, 2250.0, 980.25, 1500.0, 2600.0, 75.5, 1010.0]

STYLES = [
    ("parks.csv", "Area (km²)", "Name", "Region"),
    ("parks.csv", "area_sq_km", "park_name", "region"),
    ("parkList.csv", "areaSqKm", "parkName", "regionName"),
]


@pytest.mark.parametrize(
    "column, unit",
    [
        ("Area (km²)", ("area", 1e6)),
        ("Gross leasable area (m²)", ("area", 1.0)),
        ("Floor area (sq ft)", ("area", 0.09290304)),
        ("area_sqm", ("area", 1.0)),
        ("AREA_SQ_KM", ("area", 1e6)),
        ("Land (square miles)", ("area", 2589988.110336)),
        ("Volume (m³)", ("volume", 1000.0)),
        ("Length (km)", ("length", 1000.0)),
        ("Square One", None),
        ("cum_sales", None),
    ],
)
def test_a_column_of_areas_is_never_a_length(column: str, unit: tuple[str, float] | None) -> None:
    assert column_unit(column) == unit


@pytest.mark.parametrize("file, area, name, region", STYLES, ids=["Title", "snake", "camel"])
def test_square_units_are_the_unit_never_a_name(
    agent: Agent, tmp_path: Path, file: str, area: str, name: str, region: str
) -> None:
    frame = pd.DataFrame({name: NAMES, region: REGIONS, area: AREAS})
    load_frame(agent, tmp_path, file, frame)
    highland = frame[frame[region] == "Highland"][area]
    for question in (
        "the average area of the parks in Highland in square kilometres",
        "what is the average area in Highland in sq km?",
    ):
        result = ask_ok(agent, question)
        assert result.value == pytest.approx(highland.mean()), result.interpretation
    result = ask_ok(agent, "how many parks are larger than 2,000 square kilometres?")
    assert result.value == int((frame[area] > 2000).sum()), result.interpretation
    # another unit of area converts: 100,000 hectares are 1,000 km²
    result = ask_ok(agent, "how many parks cover more than 100,000 hectares?")
    assert result.value == int((frame[area] > 1000).sum()), result.interpretation


def test_a_length_asked_of_an_area_is_asked_back(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame({"Name": NAMES, "Region": REGIONS, "Area (km²)": AREAS})
    load_frame(agent, tmp_path, "parks.csv", frame)
    result = agent.ask("how many parks are larger than 2,000 km?")
    assert result.kind == "error", result.interpretation
