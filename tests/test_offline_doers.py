""" "Which team won the most": the noun after "which" names nothing on the table, and the verb
after it names the column of those who did it (Winner, Builder), as "who won" does. Generated
tables in three naming styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

FINALS = [
    ("finals.csv", "Year", "Winner", "Runner-up"),
    ("cup_finals.csv", "season", "winner", "runner_up"),
    ("CupFinals.csv", "seasonYear", "winningClub", "losingClub"),
]


@pytest.mark.parametrize("file, year, winner, loser", FINALS, ids=[f[0] for f in FINALS])
def test_which_noun_won_the_most_counts_the_winner_column(
    agent: Agent, tmp_path: Path, file: str, year: str, winner: str, loser: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [2001, 2002, 2003, 2004, 2005, 2006, 2007],
            winner: ["Rovers", "Albion", "Rovers", "United", "Rovers", "Albion", "City"],
            loser: ["City", "City", "City", "Albion", "United", "City", "United"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    if "win" in winner.lower() and "winning" not in winner.lower():
        for question in ("Which team won the most?", "Which club has the most wins?"):
            result = ask_ok(agent, question)
            assert result.value == "Rovers", question
        # City and United won once each (City lost four finals): a tie, both given
        assert list(ask_ok(agent, "Which team won the fewest times?").value) == ["City", "United"]
    else:
        # "winningClub": the winning one, read by its words however the header joins them
        assert ask_ok(agent, "Which team won the most?").value == "Rovers"
        assert ask_ok(agent, "Which team lost the most finals?").value == "City"


def test_the_doer_of_a_regular_verb_answers_which_noun(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "ship_name": ["Aurora", "Borealis", "Comet", "Dawn", "Echo"],
            "builder": ["Harland", "Cammell", "Harland", "Harland", "Cammell"],
            "launched": [1901, 1903, 1904, 1907, 1910],
        }
    )
    load_frame(agent, tmp_path, "ships.csv", frame)
    assert ask_ok(agent, "Which yard built the most ships?").value == "Harland"
    # a count the table keeps itself is summed, never read as wins
    titles = pd.DataFrame({"School": ["Ayr", "Troon", "Irvine"], "Titles": [3, 9, 4]})
    load_frame(agent, tmp_path, "schools.csv", titles)
    assert ask_ok(agent, "Which school has the most titles?").value == "Troon"
