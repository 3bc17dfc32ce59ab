"""Declines of rounds 80 to 85 that a careful tool answers, on generated tables in three
naming styles: the file's noun written short in its name ("pharm_deliv.csv") and in full in
the question ("how many deliveries")."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

SHORT_FILES = [
    ("pharm_deliv.csv", "deliveries", "delivery", "amt"),
    ("veh_insp.csv", "inspections", "inspection", "fee_amt"),
    ("tkt_purch.csv", "purchases", "purchase", "amount"),
]


@pytest.mark.parametrize(
    "file, plural, single, amount", SHORT_FILES, ids=[s[0] for s in SHORT_FILES]
)
def test_the_file_noun_written_short_in_its_name(
    agent: Agent, tmp_path: Path, file: str, plural: str, single: str, amount: str
) -> None:
    frame = pd.DataFrame(
        {"ref": ["A1", "A2", "A3", "A4"], "qty": [6, 2, 3, 1], amount: [20.0, 30.0, 10.0, 40.0]}
    )
    load_frame(agent, tmp_path, file, frame)
    # the rows, never the total quantity (12)
    assert ask_ok(agent, f"How many {plural} were made?").value == 4
    assert (
        ask_ok(agent, f"What is the average {amount.replace('_', ' ')} per {single}?").value == 25.0
    )


def test_a_noun_of_a_column_is_never_the_file_noun_written_short(
    agent: Agent, tmp_path: Path
) -> None:
    # "riders" in rides.csv beside rider_id: the riders, counted apart, never the rides
    frame = pd.DataFrame({"ride_id": [1, 2, 3, 4, 5], "rider_id": ["R1", "R2", "R1", "R1", "R2"]})
    load_frame(agent, tmp_path, "rides.csv", frame)
    result = agent.ask("How many riders are there?")
    assert result.kind == "error" or result.value == 2, result.interpretation


FUEL = [
    ("boat_fuel_sales.csv", "Fuel Type", "Volume (L)", "Charge (EUR)"),
    ("boat_fuel_sales.csv", "fuel_type", "volume_l", "charge_eur"),
    ("boatFuelSales.csv", "fuelType", "volumeLitres", "chargeEur"),
]


@pytest.mark.parametrize("file, fuel, volume, charge", FUEL, ids=["Title", "snake", "camel"])
def test_a_unit_of_measure_names_the_one_column_in_it(
    agent: Agent, tmp_path: Path, file: str, fuel: str, volume: str, charge: str
) -> None:
    # Unleaded has more sales (3), Diesel more litres (400)
    frame = pd.DataFrame(
        {
            fuel: ["Unleaded", "Unleaded", "Unleaded", "Diesel", "Diesel"],
            volume: [50.0, 60.0, 70.0, 150.0, 250.0],
            charge: [80.0, 90.0, 100.0, 200.0, 350.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which fuel type sold the most litres?").value == "Diesel"
    assert ask_ok(agent, "Total litres of diesel sold").value == 400.0
    assert ask_ok(agent, "How many sales were over 100 litres?").value == 2
    assert ask_ok(agent, "How many sales were over 95 euros?").value == 3


FILMS = [
    ("film_grossers.csv", "Film", "Director", "Worldwide gross"),
    ("film_grossers.csv", "film", "director", "worldwide_gross"),
    ("filmGrossers.csv", "filmTitle", "directorName", "worldwideGross"),
]


@pytest.mark.parametrize("file, film, director, gross", FILMS, ids=["Title", "snake", "camel"])
def test_amounts_written_after_a_currency_sign_add_up(
    agent: Agent, tmp_path: Path, file: str, film: str, director: str, gross: str
) -> None:
    frame = pd.DataFrame(
        {
            film: ["Dangal", "PK", "Sanju", "Pathaan", "Jawan"],
            director: ["Tiwari", "Hirani", "Hirani", "Anand", "Atlee"],
            gross: ["₹2,024 crore", "₹854 crore", "₹586 crore[a]", "₹1,050 crore", "TBA"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    said = "worldwide gross"
    combined = agent.ask(f"What is the combined {said} of the films directed by Hirani?")
    assert combined.kind == "error" or combined.value == 1440, combined.value
    assert ask_ok(agent, f"Which film had the highest {said}?").value == "Dangal"


RACES = [
    ("air_race.csv", "Pos.", "No.", "Aircraft"),
    ("air_race.csv", "pos", "race_no", "aircraft"),
    ("airRace.csv", "finishPos", "raceNumber", "aircraftName"),
]


@pytest.mark.parametrize("file, pos, number, aircraft", RACES, ids=["Title", "snake", "camel"])
def test_a_number_worn_and_finishers_are_never_a_count_of_every_row(
    agent: Agent, tmp_path: Path, file: str, pos: str, number: str, aircraft: str
) -> None:
    frame = pd.DataFrame(
        {
            pos: ["1st", "2nd", "3rd", "DNF", "DNF"],
            number: [34, 44, 58, 6, 63],
            aircraft: ["DH.88 Comet", "Douglas DC-2", "Lockheed Vega", "Fairey Fox", "Airspeed"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    worn = agent.ask("What was the race number of the Lockheed Vega?")
    assert worn.kind == "error" or worn.value == 58, worn.interpretation
    finishers = agent.ask("How many finishers were there?")
    assert finishers.kind == "error" or finishers.value == 3, finishers.interpretation
