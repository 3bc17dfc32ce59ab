"""Marks, negated flags, superlatives and directions that the offline planner once dropped or
guessed: a one-letter grade read as an article ("got an A"), "unvaccinated" read as
vaccinated, a list of values given for "the longest", and "worst" read as the highest. Each
table is small and generated; the planner answers correctly or asks back."""

from __future__ import annotations

from pathlib import Path

import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_counterexamples import load

# -- one-letter marks ---------------------------------------------------------------------------
_INSPECTIONS = {
    "Restaurant Name": ["Golden Dragon", "Golden Dragon", "Pizza Palace", "Pizza Palace",
                        "Taco Town", "Taco Town", "Sushi Star", "Sushi Star"],
    "Inspection Type": ["Routine", "Complaint", "Complaint", "Routine",
                        "Complaint", "Routine", "Complaint", "Routine"],
    "Borough": ["Queens", "Queens", "Queens", "Brooklyn", "Queens", "Bronx", "Brooklyn", "Queens"],
    "Grade": ["B", "A", "A", "C", None, "A", "B", "C"],
}  # fmt: skip


def test_a_letter_after_a_verb_of_receiving_is_a_grade(agent: Agent, tmp_path: Path) -> None:
    load(agent, tmp_path, "inspections.csv", _INSPECTIONS)
    assert ask_ok(agent, "How many complaint inspections in Queens got an A?").value == 2
    assert ask_ok(agent, "Did Golden Dragon ever get a C?").value is False
    assert ask_ok(agent, "Did Pizza Palace ever get a C?").value is True
    assert ask_ok(agent, "how many inspections in queens got a b").value == 1
    assert ask_ok(agent, "how many inspections got grade C?").value == 2
    assert ask_ok(agent, "how many inspections got a C grade?").value == 2
    assert ask_ok(agent, "HOW MANY INSPECTIONS GOT AN A?").value == 3


def test_an_article_before_a_noun_stays_an_article(agent: Agent, tmp_path: Path) -> None:
    load(agent, tmp_path, "inspections.csv", _INSPECTIONS)
    # "got a grade": the article of "grade", never Grade == 'A'
    result = agent.ask("how many inspections got a grade?")
    assert result.kind == "error" or result.value == 7
    assert ask_ok(agent, "how many complaint inspections are there?").value == 4


@pytest.mark.parametrize(
    ("columns", "question", "answer"),
    [
        (
            {"student": ["ann", "bo", "cy", "dee"], "subject": ["math", "math", "art", "art"],
             "final_grade": ["A", "C", "A", "B"]},
            "how many students got an A in math?", 1,
        ),
        (
            {"applianceName": ["F1", "F2", "W1", "W2", "W3"],
             "applianceType": ["fridge", "fridge", "washer", "washer", "washer"],
             "energyRating": ["A", "B", "A", "A", "D"]},
            "how many washers received an A?", 2,
        ),
    ],
)  # fmt: skip
def test_letter_grades_in_other_naming_styles(
    agent: Agent, tmp_path: Path, columns: dict[str, list[object]], question: str, answer: int
) -> None:
    load(agent, tmp_path, "marks.csv", columns)
    assert ask_ok(agent, question).value == answer


def test_a_mark_that_cannot_be_placed_is_asked_back(agent: Agent, tmp_path: Path) -> None:
    load(agent, tmp_path, "inspections.csv", _INSPECTIONS)
    ask_declines(agent, "How many inspections in Queens got an X?")
    tmp = tmp_path / "scores"
    tmp.mkdir()
    # no column of letters: the A is asked about, never dropped
    load(agent, tmp, "results.csv", {"student": ["ann", "bo", "cy"], "score": [91, 72, 85]})
    ask_declines(agent, "how many students got an A?")


# -- a negating prefix on a flag's name -------------------------------------------------------
@pytest.mark.parametrize(
    ("columns", "question", "answer"),
    [
        (
            {"Pet Name": ["Rex", "Tom", "Kitty", "Felix", "Spot", "Luna"],
             "Species": ["Dog", "Cat", "Cat", "Cat", "Dog", "Cat"],
             "Vaccinated": ["Y", "N", "Y", "N", "N", "N"]},
            "how many unvaccinated cats are there?", 3,
        ),
        (
            {"member_id": [1, 2, 3, 4, 5], "plan": ["gold", "basic", "gold", "gold", "basic"],
             "is_active": [True, False, False, True, False]},
            "how many inactive gold members?", 1,
        ),
        (
            {"applicantName": ["ann", "bo", "cy", "dee"], "region": ["north", "north", "south", "north"],
             "isEligible": ["yes", "no", "no", "no"]},
            "how many ineligible applicants in the north?", 2,
        ),
        (
            {"patient": ["p1", "p2", "p3", "p4"], "ward": ["A1", "A1", "B2", "A1"],
             "smoker": [1, 0, 0, 1]},
            "how many non-smokers in ward A1?", 1,
        ),
        (
            {"invoice": ["i1", "i2", "i3", "i4"], "client": ["acme", "acme", "zen", "zen"],
             "paid": ["Y", "N", "N", "N"]},
            "how many unpaid invoices does acme have?", 1,
        ),
    ],
)  # fmt: skip
def test_a_negating_prefix_on_a_flag_name_means_its_no(
    agent: Agent, tmp_path: Path, columns: dict[str, list[object]], question: str, answer: int
) -> None:
    load(agent, tmp_path, "records.csv", columns)
    assert ask_ok(agent, question).value == answer


def test_a_flag_named_with_its_prefix_is_that_flag(agent: Agent, tmp_path: Path) -> None:
    # a column called Inactive: "inactive" is its yes, never Active's no
    load(
        agent,
        tmp_path,
        "accounts.csv",
        {
            "account": ["a", "b", "c", "d"],
            "tier": ["pro", "pro", "basic", "pro"],
            "Inactive": ["Y", "N", "Y", "Y"],
        },
    )
    assert ask_ok(agent, "how many inactive pro accounts?").value == 2


# -- a superlative over values that cannot be ranked --------------------------------------------
@pytest.mark.parametrize(
    ("name", "columns", "question"),
    [
        (
            "missions.csv",
            {"Mission": ["Alpha", "Beta", "Gamma", "Delta"],
             "Duration": ["84 d 01 h 15 m", "12 d 03 h 00 m", "5 d 10 h 20 m", "1 d 00 h 55 m"]},
            "what was the longest mission?",
        ),
        (
            # a file named after nothing in the question: the superlative is still no noun of rows
            "log.csv",
            {"Mission": ["Alpha", "Beta", "Gamma", "Delta"],
             "Duration": ["84 d 01 h 15 m", "12 d 03 h 00 m", "5 d 10 h 20 m", "1 d 00 h 55 m"]},
            "what was the longest mission?",
        ),
        (
            "films.csv",
            {"film_title": ["Up", "Heat", "Jaws"], "runtime": ["1 h 36 min", "2 h 50 min", "2 h 4 min"]},
            "what is the shortest film?",
        ),
        (
            "voyages.csv",
            {"voyageName": ["North", "South", "East"], "voyageLength": ["3 weeks", "10 days", "2 months"]},
            "which was the longest voyage?",
        ),
    ],
)  # fmt: skip
def test_a_superlative_is_never_answered_with_every_value(
    agent: Agent, tmp_path: Path, name: str, columns: dict[str, list[object]], question: str
) -> None:
    # the file names the rows ("missions.csv"), so the superlative is the one word left
    load(agent, tmp_path, name, columns)
    ask_declines(agent, question)
    # the values themselves are still listed when asked for
    column = list(columns)[1]
    listed = ask_ok(agent, f"list the distinct {column}").value
    assert sorted(listed) == sorted(columns[column])


# -- best and worst take their direction from the measure ----------------------------------------
def test_worst_goal_difference_is_the_lowest(agent: Agent, tmp_path: Path) -> None:
    load(
        agent,
        tmp_path,
        "league.csv",
        {"Team": ["Reds", "Blues", "Greens", "Yellows"], "GD": ["+39", "+15", "−5", "−38"],
         "Pts": [92, 68, 45, 30]},
    )  # fmt: skip
    assert ask_ok(agent, "which team had the worst goal difference?").value == "Yellows"
    assert ask_ok(agent, "which team had the poorest goal difference?").value == "Yellows"
    assert ask_ok(agent, "which team had the best goal difference?").value == "Reds"
    assert ask_ok(agent, "which team had the worst points?").value == "Yellows"
    ask_declines(agent, "which team is the best?")  # best by what?


def test_worst_delay_is_the_highest(agent: Agent, tmp_path: Path) -> None:
    load(
        agent,
        tmp_path,
        "flights.csv",
        {"flight_no": ["F1", "F2", "F3", "F4"], "carrier": ["AA", "DL", "UA", "AA"],
         "arrival_delay": [12, -3, 40, 7]},
    )  # fmt: skip
    assert ask_ok(agent, "which flight had the worst arrival delay?").value == "F3"
    assert ask_ok(agent, "which flight had the best arrival delay?").value == "F2"


def test_worst_time_and_rank_in_a_table_of_results_are_the_largest(
    agent: Agent, tmp_path: Path
) -> None:
    load(
        agent,
        tmp_path,
        "results.csv",
        {"runnerName": ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay"],
         "finishRank": [3, 1, 5, 2, 5, 4],
         "finishTime": ["01:58:00", "01:52:10", "02:10:00", "01:55:00", "02:10:00", "02:01:30"]},
    )  # fmt: skip
    assert sorted(ask_ok(agent, "which runner had the worst finish time?").value) == ["Cy", "Eve"]
    assert ask_ok(agent, "which runner had the best finish time?").value == "Bob"
    assert sorted(ask_ok(agent, "who had the worst rank?").value) == ["Cy", "Eve"]
    assert ask_ok(agent, "what was the worst rank?").value == 5
    assert ask_ok(agent, "what was the best rank?").value == 1


@pytest.mark.parametrize(
    "question", ["which product has the best unit price?", "which product has the worst price?"]
)
def test_best_of_a_measure_without_a_known_direction_is_asked_back(
    agent: Agent, tmp_path: Path, question: str
) -> None:
    load(
        agent,
        tmp_path,
        "products.csv",
        {"productName": ["Ax", "Bo", "Ce"], "unitPrice": [10, 25, 7],
         "customerRating": [4.5, 3.9, 4.8]},
    )  # fmt: skip
    ask_declines(agent, question)
    assert ask_ok(agent, "which product has the worst customer rating?").value == "Bo"


def test_a_time_outside_a_table_of_results_has_no_best(agent: Agent, tmp_path: Path) -> None:
    load(
        agent,
        tmp_path,
        "tasks.csv",
        {"task": ["t1", "t2", "t3"], "owner": ["ann", "bo", "ann"], "duration_min": [30, 45, 20]},
    )
    ask_declines(agent, "which task had the best duration?")
