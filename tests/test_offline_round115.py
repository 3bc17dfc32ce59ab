"""Confident wrong answers found by review rounds 114 and 115, each
read right or asked back, on generated tables in three naming styles:

- "who bought X" is the Buyer ("who sold X" the Seller), never the one name column;
- "which is the only painting sold before 1988" asks for the painting, never the Sale column
  a verb names;
- "Grade I listed" is the cell "I" (never the pronoun), "grade II" is "II" and never "II*"
  beside it, and "mills" in windmills.csv names the rows;
- "the longest career" never answers with the Length "longest" implies alone.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

PAINTINGS = ["Salvator Mundi", "Interchange", "The Card Players", "Nafea", "Irises", "Garcon"]
ARTISTS = ["Leonardo", "de Kooning", "Cezanne", "Gauguin", "van Gogh", "Picasso"]
BUYERS = ["Badr", "Griffin", "Qatar", "Qatar", "Bond", "Whitney"]
SELLERS = ["Rybolovlev", "Geffen", "Embiricos", "Staechelin", "Payson", "Greentree"]
YEARS = [2017, 2015, 2011, 2015, 1987, 2004]


@pytest.mark.parametrize(
    "file, painting, artist, buyer, seller",
    [
        ("paintings.csv", "Painting", "Artist", "Buyer", "Seller"),
        ("painting_sales.csv", "painting", "artist", "buyer_name", "seller_name"),
        ("paintingSales.csv", "paintingTitle", "artistName", "buyerName", "sellerName"),
    ],
)
def test_who_did_it_is_the_doer_of_the_verb(
    agent: Agent, tmp_path: Path, file: str, painting: str, artist: str, buyer: str, seller: str
) -> None:
    frame = pd.DataFrame(
        {painting: PAINTINGS, artist: ARTISTS, "Year": YEARS, buyer: BUYERS, seller: SELLERS}
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "Who bought The Card Players?")
    assert result.value == "Qatar", result.interpretation
    result = ask_ok(agent, "who sold Interchange?")
    assert result.value == "Geffen", result.interpretation


@pytest.mark.parametrize(
    "file, painting, sale",
    [
        ("paintings.csv", "Painting", "Sale"),
        ("painting_sales.csv", "painting", "sale_venue"),
        ("paintingSales.csv", "paintingTitle", "saleVenue"),
    ],
)
def test_which_is_the_only_noun_asks_for_that_noun(
    agent: Agent, tmp_path: Path, file: str, painting: str, sale: str
) -> None:
    rows = 18
    venues = ["Christie's", "Private sale", "Sotheby's"] * (rows // 3)
    frame = pd.DataFrame(
        {
            "Rank": range(1, rows + 1),
            painting: ["Irises", *(f"Study No. {n}" for n in range(2, rows + 1))],
            "Artist": ["van Gogh", *(["Gauguin", "Picasso", "Monet"] * 6)][:rows],
            "Year": [1987, *range(2001, 2001 + rows - 1)],
            sale: venues,
            "Buyer": [f"Buyer {n}" for n in range(rows)],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Which is the only painting sold before 1988?")
    assert result.kind == "error" or result.value in ("Irises", ["Irises"]), result.interpretation
    result = ask_ok(agent, "which is the only painting by van Gogh?")
    assert result.value in ("Irises", ["Irises"]), result.interpretation


MILLS = ["Saxtead Green", "Framsden", "Pakenham", "Buttrum", "Holton", "Thelnetham", "Woodbridge"]
TYPES = [
    "Post mill",
    "Post mill",
    "Tower mill",
    "Tower mill",
    "Post mill",
    "Tower mill",
    "Tide mill",
]
GRADES = ["I", "II*", "I", "II*", "II", "II", "I"]


@pytest.mark.parametrize(
    "file, name, kind, grade",
    [
        ("suffolk_windmills.csv", "Name", "Type", "Grade"),
        ("county_windmills.csv", "mill_name", "mill_type", "listed_grade"),
        ("windmillList.csv", "millName", "millType", "listingGrade"),
    ],
)
def test_listed_grades_and_the_head_of_the_file_noun(
    agent: Agent, tmp_path: Path, file: str, name: str, kind: str, grade: str
) -> None:
    frame = pd.DataFrame({name: MILLS, kind: TYPES, grade: GRADES, "Sails": [4, 4, 4, 5, 4, 6, 0]})
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "Which mills are Grade I listed?")
    assert sorted(result.value) == ["Pakenham", "Saxtead Green", "Woodbridge"], (
        result.interpretation
    )
    assert ask_ok(agent, "how many mills are grade I?").value == 3
    assert ask_ok(agent, "how many mills are grade II?").value == 2  # never the II* too
    assert ask_ok(agent, "how many mills are grade II*?").value == 2
    assert ask_ok(agent, "how many tower mills are grade II*?").value == 1
    assert ask_ok(agent, "how many post mills are there?").value == 3
    assert ask_ok(agent, "how many mills are there?").value == len(MILLS)


@pytest.mark.parametrize(
    "file, ship, length",
    [
        ("ocean_liners.csv", "Ship", "Length"),
        ("liners.csv", "ship_name", "length_m"),
        ("oceanLiners.csv", "shipName", "lengthM"),
    ],
)
def test_a_superlative_measures_the_noun_it_qualifies(
    agent: Agent, tmp_path: Path, file: str, ship: str, length: str
) -> None:
    frame = pd.DataFrame(
        {
            ship: ["Lusitania", "Olympic", "France", "Normandie"],
            length: [239.9, 269.1, 315.7, 313.8],
            "Years in service": ["1907–1915", "1911–1935", "1962–1974", "1935–1939"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    ask_declines(agent, "Which liner had the longest career?")
    assert ask_ok(agent, "which liner was the longest?").value == "France"


@pytest.mark.parametrize(
    "file, date, marina",
    [
        ("moorings.csv", "ARRIVAL_DATE", "MARINA"),
        ("moorings.csv", "arrival_date", "marina"),
        ("boatMoorings.csv", "arrivalDate", "marinaName"),
    ],
)
def test_the_months_of_one_year_never_say_all_years_together(
    agent: Agent, tmp_path: Path, file: str, date: str, marina: str
) -> None:
    # March is the busiest month of 2024
    dates = ["2023-08-01", "2023-08-09", "2023-08-20", "2023-08-21", "2024-03-02", "2024-03-05"]
    dates += ["2024-08-07", "2024-01-10"]
    frame = pd.DataFrame({"id": range(8), date: dates, marina: ["Fowey", "Looe"] * 4})
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "Which month in 2024 had the most arrivals?")
    assert result.value == "March"
    assert "all years together" not in (result.interpretation or ""), result.interpretation
    assert "2024" in (result.interpretation or "")
