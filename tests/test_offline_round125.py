"""Declines of review round 125 that general rules now answer, on generated tables in three
naming styles:

- "how tall is the Mauvoisin dam": "how" and an adjective naming a measure (tall, deep,
  wide, heavy) ask for that measure on the row named, as "what is the height of" does;
- "which was completed first, Emosson or Gigerwald", "which is older, A or B": the named
  value whose date or year (in the column the verb names, or for "older" the one column that
  dates each thing's beginning) comes first;
- "the Contra dam" beside "Contra (Verzasca)": a cell that is the name said but for its
  bracketed qualifier is named whole, so it can be one side of a comparison.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("swiss_dams.csv", "Name", "Height", "Completed", ["250 m", "225 m", "220 m", "180 m", "147 m"]),
    ("dams.csv", "dam_name", "height_m", "year_completed", [250, 225, 220, 180, 147]),
    ("DAMS.csv", "DAM", "HEIGHT (M)", "COMPLETED", [250.0, 225.0, 220.0, 180.0, 147.0]),
]  # fmt: skip


@pytest.mark.parametrize("file, name, height, completed, heights", STYLES)
def test_how_tall_which_first_and_bracketed_names(
    agent: Agent,
    tmp_path: Path,
    file: str,
    name: str,
    height: str,
    completed: str,
    heights: list[object],
) -> None:
    frame = pd.DataFrame(
        {
            name: ["Mauvoisin", "Luzzone", "Contra (Verzasca)", "Emosson", "Gigerwald"],
            "Canton": ["Valais", "Ticino", "Ticino", "Valais", "St. Gallen"],
            height: heights,
            completed: [1957, 1963, 1965, 1974, 1976],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = ask_ok(agent, "How tall is the Mauvoisin dam?")
    assert result.value in (250, [250], "250 m", ["250 m"]), result.interpretation
    for question in (
        "Which was completed first, Emosson or Gigerwald?",
        "which is older, Gigerwald or Emosson",
    ):
        assert ask_ok(agent, question).value == "Emosson", question
    result = ask_ok(agent, "which dam was completed later, Luzzone or Mauvoisin")
    assert result.value == "Luzzone", result.interpretation
    result = ask_ok(agent, "Is the Luzzone dam taller than the Contra dam?")
    assert result.value is True, result.interpretation
    assert ask_ok(agent, "Is the Contra dam taller than the Mauvoisin dam?").value is False
