"""Tables whose every row is a win (planning/offline/won_rows.py): a player's titles, a race's
winners year by year. "How many titles did she win", "how many times did Bugatti win" and
"who won in 1923" count or name rows there; on a table whose rows are entries, hosts or
results, the verb still has to be placed (or the question is asked back)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

TITLES = [
    ("squash_titles.csv", "Tournament", "Location", "Date"),
    ("career_wins.csv", "tournament", "city", "date"),
    ("tennisTitles.csv", "tournamentName", "hostCity", "finalDate"),
]


@pytest.mark.parametrize("file, event, place, date", TITLES, ids=[t[0] for t in TITLES])
def test_a_file_of_titles_counts_its_rows_as_wins(
    agent: Agent, tmp_path: Path, file: str, event: str, place: str, date: str
) -> None:
    frame = pd.DataFrame(
        {
            event: ["Hong Kong Open", "Qatar Classic", "Hong Kong Open", "World Open",
                    "Hong Kong Open", "Qatar Classic"],
            place: ["Hong Kong", "Doha", "Hong Kong", "Cairo", "Hong Kong", "Doha"],
            date: ["2005-08-06", "2006-04-14", "2007-08-20", "2008-10-01", "2009-08-15",
                   "2010-04-12"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "How many times did she win the Hong Kong Open?").value == 3
    assert ask_ok(agent, "How many titles did she win in Doha?").value == 2


WINNERS = [
    ("targa_florio.csv", "Year", "Driver", "Car"),
    ("targa_florio.csv", "year", "driver", "car"),
    ("targaFlorio.csv", "raceYear", "winningDriver", "carMake"),
]


def _winners(year: str, driver: str, car: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            year: list(range(1906, 1916)),
            driver: ["Cagno", "Nazzaro", "Trucco", "Ciuppa", "Tullio", "Ceirano", "Snipe",
                     "Nazzaro", "Ceirano", "Boillot"],
            car: ["Itala", "Fiat", "Isotta", "SPA", "Franco", "SCAT", "SCAT", "Nazzaro",
                  "SCAT", "Peugeot"],
        }
    )  # fmt: skip


@pytest.mark.parametrize("file, year, driver, car", WINNERS, ids=["Title", "snake", "camel"])
def test_a_list_of_winners_by_year_counts_its_rows_as_wins(
    agent: Agent, tmp_path: Path, file: str, year: str, driver: str, car: str
) -> None:
    load_frame(agent, tmp_path, file, _winners(year, driver, car))
    assert ask_ok(agent, "How many times did SCAT win?").value == 3
    assert ask_ok(agent, "Who won in 1912?").value == "Snipe"


def test_rows_of_entries_or_hosts_are_never_wins(agent: Agent, tmp_path: Path) -> None:
    # entrants: each year repeats, so a row is an entry, not a win
    entries = pd.DataFrame(
        {
            "Year": [2001, 2001, 2002, 2002, 2003, 2003, 2004, 2004, 2005, 2005],
            "Driver": ["A", "B", "A", "C", "B", "C", "A", "B", "C", "A"],
            "Car": ["Fiat", "SPA", "Fiat", "Itala", "SPA", "Itala", "Fiat", "SPA", "Itala",
                    "Fiat"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, "race_entries.csv", entries)
    assert agent.ask("How many times did Fiat win?").kind == "error"
    # hosts: one row a year, but no column of whoever wins
    hosts = pd.DataFrame(
        {
            "Year": list(range(1990, 2000)),
            "Host city": [f"City {i}" for i in range(10)],
            "Country": ["Japan", "Italy", "Japan", "Spain", "Italy", "Japan", "Chile", "Peru",
                        "Japan", "Italy"],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, "games_hosts.csv", hosts)
    assert agent.ask("How many times did Japan win?").kind == "error"
