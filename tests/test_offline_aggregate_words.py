"""An aggregate word that is also a cell ("Average" in a Build column, "Total" in a Grade
column) computes the measure named right after it ("the average age"); it is the cell only
where it describes rows ("people of average build"). Generated tables in three naming
styles."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

STYLES = [
    ("people.csv", "person_id", "age", "build", "salary"),
    ("members.csv", "memberId", "ageYears", "bodyBuild", "annualPay"),
    ("Survey.csv", "Response ID", "What is your age?", "Body Build", "Salary (EUR)"),
]


@pytest.fixture(params=STYLES, ids=[s[0] for s in STYLES])
def survey(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, ident, age, build, pay = request.param
    builds = ["Average", "Slim", "Athletic", "Average", "Slim", "Average", "Athletic", "Slim"]
    frame = pd.DataFrame(
        {
            ident: [f"R{i:03d}" for i in range(8)],
            age: [23, 41, 35, 58, 29, 47, 33, 51],
            build: builds,
            pay: [31000, 52000, 45000, 61000, 38000, 57000, 42000, 49000],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    return frame, age, build, pay


def test_an_aggregate_word_before_a_measure_computes_it(agent: Agent, survey: tuple) -> None:
    frame, age, build, _pay = survey
    result = ask_ok(agent, "what is the average age?")
    assert result.value == pytest.approx(frame[age].mean())
    assert build not in result.interpretation
    assert ask_ok(agent, "Is the average age of the respondents above 35?").value is True
    assert ask_ok(agent, "Is the average age above 45?").value is False


def test_the_same_word_describing_rows_is_the_cell(agent: Agent, survey: tuple) -> None:
    frame, _age, build, pay = survey
    average = frame[build] == "Average"
    assert ask_ok(agent, "how many people have an average build?").value == int(average.sum())
    result = ask_ok(agent, "what is the average salary of people with average build?")
    assert result.value == pytest.approx(frame.loc[average, pay].mean())


@pytest.mark.parametrize(
    ("file", "booked", "rate", "fee"),
    [("bookings.csv", "booking_date", "hourly_rate", "total_fee"),
     ("hallBookings.csv", "bookingDate", "hourlyRate", "totalFee"),
     ("BOOKINGS.csv", "BOOKING_DATE", "HOURLY_RATE", "TOTAL_FEE")],
)  # fmt: skip
def test_words_of_a_column_name_are_neither_periods_nor_aggregates(
    agent: Agent, tmp_path: Path, file: str, booked: str, rate: str, fee: str
) -> None:
    frame = pd.DataFrame(
        {
            booked: ["2024-01-05 09:00", "2024-01-05 14:00", "2024-02-01 10:00"],
            rate: [40.0, 60.0, 50.0],
            fee: [80.0, 90.0, 150.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "hourly" of "hourly rate" is no hour of the day; "total" of "total fee" no sum
    assert ask_ok(agent, "What is the highest hourly rate?").value == 60.0
    assert ask_ok(agent, "What is the highest total fee?").value == 150.0


@pytest.mark.parametrize(
    ("file", "genre", "rating"),
    [("movie_ratings.csv", "genre", "rating"), ("userRatings.csv", "genreName", "rating"),
     ("Ratings.csv", "Genre", "Rating")],
)  # fmt: skip
def test_ratings_are_counted_never_added_up(
    agent: Agent, tmp_path: Path, file: str, genre: str, rating: str
) -> None:
    # Drama has three ratings of 1; Comedy two of 5: its ratings add up to more
    frame = pd.DataFrame(
        {genre: ["Drama", "Drama", "Drama", "Comedy", "Comedy"], rating: [1, 1, 1, 5, 5]}
    )
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, "which genre has the most ratings?").value == "Drama"
    assert ask_ok(agent, "which genre got rated the most times?").value == "Drama"
    ask_declines(agent, "what is the total rating?")


@pytest.mark.parametrize(
    ("file", "when", "revenue"),
    [("sales.csv", "sale_date", "revenue"), ("tourSales.csv", "tourDate", "totalRevenue"),
     ("Sales.csv", "Date", "Revenue (EUR)")],
)  # fmt: skip
def test_the_month_with_the_highest_revenue_is_its_total_or_asked(
    agent: Agent, tmp_path: Path, file: str, when: str, revenue: str
) -> None:
    # March has the one largest sale; April the largest total
    frame = pd.DataFrame(
        {
            when: ["2024-03-02", "2024-03-20", "2024-04-03", "2024-04-10", "2024-04-22"],
            revenue: [900.0, 10.0, 400.0, 400.0, 400.0],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    result = agent.ask("Which month of 2024 had the highest revenue?")
    assert result.kind == "error" or result.value == "April", result.interpretation
    assert ask_ok(agent, "which month had the highest total revenue?").value == "April"
