"""Confident wrong answers found by review rounds 122 and 123, each read right or asked
back, on generated tables in three naming styles:

- "what bridge is ranked after the Humber Bridge" is the next bridge's name: "ranked" says
  where it stands in the list, never what is asked (the Rank column);
- "which lights have the longest range" beside a "First lit" column names the lights: a
  header written in words with spaces has no short forms ("lit" is never "light");
- "how many goals did the top scorer score" beside "Top scorer (goals)" cells of
  "Dean Marsh (14)" never counts the different cells: the bracketed word says what the
  number after each name counts.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame


@pytest.mark.parametrize(
    "file, rank, name, thing",
    [
        ("suspension_bridges.csv", "Rank", "Name", "bridge"),
        ("tallest_towers.csv", "rank", "tower_name", "tower"),
        ("longestTunnels.csv", "Pos.", "Tunnel", "tunnel"),
    ],
)
def test_ranked_after_names_the_next_row_never_its_rank(
    agent: Agent, tmp_path: Path, file: str, rank: str, name: str, thing: str
) -> None:
    names = [f"{w} {thing.title()}" for w in ("Alder", "Birch", "Cedar", "Damson", "Elm")]
    frame = pd.DataFrame(
        {rank: ["1", "2", "=3", "=3", "5"], name: names, "Opened": [1998, 2009, 1981, 2012, 1964]}
    )
    load_frame(agent, tmp_path, file, frame)
    for verb in ("is ranked", "comes", "is listed"):
        result = ask_ok(agent, f"What {thing} {verb} after the Birch {thing.title()}?")
        assert result.value == f"Cedar {thing.title()}", (verb, result.interpretation)
    result = ask_ok(agent, f"what rank comes after the Birch {thing.title()}")
    assert result.value == "=3", result.interpretation


@pytest.mark.parametrize(
    "file, name, lit, reach",
    [
        ("lighthouses.csv", "Name", "First lit", "Range"),
        ("scottish_lights.csv", "Light", "Year first lit", "Range (nmi)"),
        ("beacons.csv", "Station", "First lit", "Range in nautical miles"),
    ],
)
def test_a_header_in_words_has_no_short_forms(
    agent: Agent, tmp_path: Path, file: str, name: str, lit: str, reach: str
) -> None:
    frame = pd.DataFrame(
        {
            name: ["Ailsa Craig", "Buchan Ness", "Corsewall", "Mull of Galloway"],
            lit: [1886, 1827, 1817, 1830],
            reach: [17, 28, 22, 28],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "Which lights have the longest range?")
    assert sorted(result.value) == ["Buchan Ness", "Mull of Galloway"], result.interpretation


@pytest.mark.parametrize(
    "file, season, scorer",
    [
        ("club_seasons.csv", "Season", "Top scorer (goals)"),
        ("club_record.csv", "season", "leading_scorer (goals)"),
        ("CLUB_SEASONS.csv", "SEASON", "TOP SCORER (GOALS)"),
    ],
)
def test_the_number_after_each_name_is_never_counted_as_names(
    agent: Agent, tmp_path: Path, file: str, season: str, scorer: str
) -> None:
    frame = pd.DataFrame(
        {
            season: ["2015–16", "2016–17", "2017–18", "2018–19"],
            scorer: ["Dean Marsh (14)", "Dean Marsh (19)", "Liam Okafor (23)", "Craig Lowe (9)"],
            "Pts": [68, 78, 91, 55],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    ask_declines(agent, "How many goals did the top scorer score in 2017–18?")
    ask_declines(agent, "how many goals did the top scorers score in total")


MEDAL_STYLES = [
    ("island_games_medals.csv", "Nation", ("Gold", "Silver", "Bronze", "Total"), " ({})"),
    ("medal_table.csv", "country", ("gold", "silver", "bronze", "total"), " ({})*"),
    ("MEDALS.csv", "TEAM", ("GOLD", "SILVER", "BRONZE", "TOTAL"), "[{}]"),
]


@pytest.mark.parametrize("file, nation, kinds, mark", MEDAL_STYLES)
def test_a_medal_tables_nations_and_totals(
    agent: Agent, tmp_path: Path, file: str, nation: str, kinds: tuple[str, ...], mark: str
) -> None:
    """A cell that is the name said but for its bracketed code or mark ("Shetland (SHE)",
    "Jersey (JEY)*") is named whole, also as the verb's subject ("did Shetland win"); "medals"
    said alone are the Total column's; "how many" is never answered by a list of the top N."""
    gold, silver, bronze, total = kinds
    names = ["Jersey", "Guernsey", "Isle of Man", "Shetland", "Orkney", "Gotland"]
    medals = [(42, 35, 30), (38, 31, 29), (33, 36, 28), (8, 11, 16), (7, 9, 10), (9, 12, 15)]
    frame = pd.DataFrame(
        {
            "Rank": [1, 2, 3, 5, 6, 4],
            nation: [name + mark.format(name[:3].upper()) for name in names],
            gold: [m[0] for m in medals],
            silver: [m[1] for m in medals],
            bronze: [m[2] for m in medals],
            total: [sum(m) for m in medals],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many gold medals did Shetland win?").value == 8
    assert ask_ok(agent, "how many silver medals did Orkney win").value == 9
    assert ask_ok(agent, "How many medals did Gotland win in all?").value == 36
    assert ask_ok(agent, "How many medals did Guernsey win?").value == 98
    result = ask_ok(agent, f"which {nation.lower()} won the most medals")
    assert str(result.value).startswith("Jersey"), result.interpretation
    assert ask_ok(agent, f"How many {nation.lower()}s won more than 50 medals?").value == 3
    ask_declines(agent, "how many gold medals did the top 3 nations win")
