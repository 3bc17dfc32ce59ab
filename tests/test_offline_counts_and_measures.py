"""What a plural names when a column counts or measures it, on generated tables in three
naming styles:

- a header a number only qualifies ("Visitors (2023)", "visitors_2023") is named in full by
  its noun, so "the most visitors", "how many visitors did X have" and "the average number
  of visitors per museum" read it (and never count museum groups of one row each);
- cells written with a scale word ("8.9 million") are counts in that scale: "more than 5
  million visitors" compares in millions, and "how many visitors" adds them up;
- "how many repairs" and "the most repairs" beside repair_hrs count repairs (rows), never
  add up their hours, unless the question says the unit ("how many repair hours").
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_ok
from .test_offline_lookup_tables import load_frame

MUSEUMS = ["Louvre", "Vatican Museums", "British Museum", "Met", "Tate Modern", "Prado"]
CITIES = ["Paris", "Vatican City", "London", "New York", "London", "Madrid"]
MILLIONS = [8.9, 6.8, 5.8, 5.4, 4.7, 3.4]

QUALIFIED = [
    ("art_museums.csv", "Museum", "City", "Visitors (2023)"),
    ("museums.csv", "museum_name", "city", "visitors_2023"),
    ("MUSEUMS.csv", "MUSEUM", "CITY", "VISITORS 2023"),
]  # fmt: skip


@pytest.mark.parametrize("file, name, city, visitors", QUALIFIED)
def test_a_header_qualified_by_a_year_is_named_by_its_noun(
    agent: Agent, tmp_path: Path, file: str, name: str, city: str, visitors: str
) -> None:
    frame = pd.DataFrame({name: MUSEUMS, city: CITIES, visitors: MILLIONS})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which museum had the most visitors?").value == "Louvre"
    assert ask_ok(agent, "Which museum had the fewest visitors?").value == "Prado"
    louvre = ask_ok(agent, "How many visitors did the Louvre have?")
    assert louvre.value == pytest.approx(8.9), louvre.interpretation
    london = ask_ok(agent, "Average number of visitors per museum in London")
    # the mean of 5.8 and 4.7, never 1.0 (museums counted per museum)
    assert london.value == pytest.approx(5.25), london.interpretation


def test_a_year_tells_apart_two_columns_of_one_noun(agent: Agent, tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "Museum": MUSEUMS,
            "Visitors 2022": [7.7, 5.1, 4.1, 3.2, 3.9, 2.9],
            "Visitors 2023": MILLIONS,
        }
    )
    load_frame(agent, tmp_path, "museums.csv", frame)
    both = agent.ask("Which museum had the fewest visitors?")
    # either year may be meant: asked back, or answered by the museum lowest in both
    assert both.kind == "error" or both.value == "Prado"
    assert ask_ok(agent, "Which museum had the fewest visitors in 2023?").value == "Prado"


SCALED = [
    ("art_museums.csv", "Museum", "City", "Visitors (2023)", "{} million"),
    ("museums.csv", "museum", "city", "visitors", "{} million"),
    ("Museums.csv", "museumName", "cityName", "annualVisitors", "{} mn"),
]  # fmt: skip


@pytest.mark.parametrize("file, name, city, visitors, written", SCALED)
def test_amounts_written_with_a_scale_word_are_counts_in_that_scale(
    agent: Agent, tmp_path: Path, file: str, name: str, city: str, visitors: str, written: str
) -> None:
    cells = [written.format(m) for m in MILLIONS]
    frame = pd.DataFrame({name: MUSEUMS, city: CITIES, visitors: cells})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "Which museum had the most visitors?").value == "Louvre"
    # 8.9, 6.8, 5.8 and 5.4 million; never 0 (5,000,000 against 8.9) nor 6 (rows)
    over = agent.ask("How many museums had more than 5 million visitors?")
    assert over.kind == "error" or over.value == 4, over.interpretation
    if "million" in written:
        over = ask_ok(agent, "How many museums had more than 5 million visitors?")
        assert over.value == 4, over.interpretation
        louvre = ask_ok(agent, "How many visitors did the Louvre have?")
        assert louvre.value == pytest.approx(8.9), louvre.interpretation
        assert "million" in louvre.interpretation
        london = ask_ok(agent, "How many visitors did London museums have in total?")
        assert london.value == pytest.approx(10.5), london.interpretation


MEASURED = [
    ("repair_log.csv", "engineer", "region", "repair_hrs"),
    ("RepairLog.csv", "engineerName", "region", "repairHours"),
    ("REPAIRS_2024.csv", "ENGINEER", "REGION", "REPAIR_MIN"),
]  # fmt: skip


@pytest.mark.parametrize("file, engineer, region, measure", MEASURED)
def test_the_plural_of_what_a_column_measures_counts_it(
    agent: Agent, tmp_path: Path, file: str, engineer: str, region: str, measure: str
) -> None:
    frame = pd.DataFrame(
        {
            "job_id": range(1, 9),
            engineer: ["Ann Lee", "Bo Chan", "Bo Chan", "Bo Chan", "Ann Lee", "Cy Diaz", "Cy Diaz", "Bo Chan"],
            region: ["North", "South", "North", "North", "North", "South", "North", "South"],
            measure: [9, 1, 2, 1, 8, 7, 9, 1],
        }
    )  # fmt: skip
    load_frame(agent, tmp_path, file, frame)
    bo = ask_ok(agent, "How many repairs did Bo Chan do?")
    assert bo.value == 4, bo.interpretation  # four repairs, never 5 hours
    most = ask_ok(agent, "Which engineer did the most repairs?")
    assert most.value == "Bo Chan", most.interpretation  # never Cy Diaz (16 hours)
    fewest = ask_ok(agent, "Which region had the fewest repairs?")
    assert fewest.value == "South", fewest.interpretation  # 3 repairs (never 9 hours)
    unit = "minutes" if measure.endswith("MIN") else "hours"
    hours = ask_ok(agent, f"How many repair {unit} did Bo Chan log?")
    assert hours.value == 5, hours.interpretation
