"""Words that pick the rows are never dropped: an adjective said of the rows ("how many
batches were vegan?") or before a named value ("purple rye batches") that the table cannot
place is asked back, not answered with every row; the article "a" is never read as a cell
that starts with the letter A ("in a minor key" is not the key "A minor"). Generated tables in
three naming styles."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter import Agent

from .test_ask import ask_declines, ask_ok
from .test_offline_lookup_tables import load_frame

DROPPED = [
    ("batches.csv", "batch_id", "product", "is_organic", "batches", "organic"),
    ("rides.csv", "rideId", "vehicleType", "wasShared", "rides", "shared"),
    ("Repairs.csv", "Repair ID", "Fault Type", "Urgent (Y/N)", "repairs", "urgent"),
]


@pytest.fixture(params=DROPPED, ids=[s[0] for s in DROPPED])
def flagged(request: pytest.FixtureRequest, agent: Agent, tmp_path: Path) -> tuple:
    file, ident, kind, flag, _noun, _state = request.param
    kinds = ["rye", "spelt", "oat", "rye", "rye", "spelt", "oat", "rye"]
    flags = (
        ["Y", "N", "Y", "Y", "N", "N", "Y", "N"]
        if "Y/N" in flag
        else [True, False, True, True, False, False, True, False]
    )
    frame = pd.DataFrame(
        {ident: [f"X{i:03d}" for i in range(8)], kind: kinds, flag: flags, "cost": range(8)}
    )
    load_frame(agent, tmp_path, file, frame)
    return frame, kind, flag, request.param[4:]


def test_an_unknown_word_said_of_the_rows_is_asked_back(agent: Agent, flagged: tuple) -> None:
    frame, kind, flag, (noun, state) = flagged
    # "were vegan", "purple rye …": the condition the question is about, never dropped
    for question in (
        f"how many {noun} were vegan?",
        f"what percentage of {noun} were late?",
        f"how many purple rye {noun}?",
        f"how many {noun} were late in total?",
    ):
        ask_declines(agent, question)
    # the same shapes with words the table knows still answer
    rye = int((frame[kind] == "rye").sum())
    assert ask_ok(agent, f"how many rye {noun} were there?").value == rye
    assert ask_ok(agent, f"how many {noun} are listed in the table?").value == len(frame)
    assert ask_ok(agent, f"how many {noun} were rye?").value == rye
    flagged_rows = int(frame[flag].isin([True, "Y"]).sum())
    assert ask_ok(agent, f"how many {noun} were {state}?").value == flagged_rows


@pytest.mark.parametrize(
    ("file", "key", "title"),
    [("symphonies.csv", "Key", "Title"), ("sonatas.csv", "key_signature", "work_title")],
)
def test_the_article_a_is_never_the_letter_a_of_a_cell(
    agent: Agent, tmp_path: Path, file: str, key: str, title: str
) -> None:
    keys = ["C minor", "D major", "A minor", "E minor", "F major", "G minor", "A major"]
    frame = pd.DataFrame({title: [f"No. {i}" for i in range(1, 8)], key: keys})
    load_frame(agent, tmp_path, file, frame)
    minor = agent.ask("how many works are in a minor key?")
    assert minor.kind == "error" or minor.value == 4, minor.interpretation
    # the key written as a key still finds its cell
    assert ask_ok(agent, "how many works are in A minor?").value == 1


RESULTS = [
    ("majors.csv", "Year", "Championship", "Finish"),
    ("tournaments.csv", "season", "event_name", "placing"),
    ("Grand Tours.csv", "Edition", "Race", "Final position"),
]


@pytest.mark.parametrize(("file", "year", "event", "finish"), RESULTS)
def test_a_win_is_a_first_place_and_never_dropped(
    agent: Agent, tmp_path: Path, file: str, year: str, event: str, finish: str
) -> None:
    frame = pd.DataFrame(
        {
            year: [1991, 1991, 1992, 1992, 1993, 1993, 1994, 1995],
            event: ["Masters", "Open", "Masters", "Open", "Open", "Classic", "Masters", "Masters"],
            finish: ["T8", "CUT", "T3", "T3", "2nd", "1st", "1st", "T20"],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "win" picks the rows finishing 1st; it is never dropped to list every Masters
    won = ask_ok(agent, "in which year did he win the Masters?")
    assert won.value in (1994, [1994])
    assert ask_ok(agent, "how many times did he win?").value == 2
    # a result no column can say is asked back, never the rows without it
    ask_declines(agent, "did he ever finish runner-up at the Open?")


@pytest.mark.parametrize(
    ("file", "ident", "group", "price", "flag", "verb"),
    [("escape_rooms.csv", "bk_id", "loc_cd", "amt", "esc_flg", "escaped"),
     ("liftSales.csv", "saleId", "resort", "priceChf", "isRefunded", "lapsed"),
     ("Bookings.csv", "Booking ID", "Venue", "Price (EUR)", "Attended (Y/N)", "vanished")],
)  # fmt: skip
def test_a_verb_ending_a_count_and_a_ranking_word_are_never_dropped(
    agent: Agent, tmp_path: Path, file: str, ident: str, group: str, price: str, flag: str,
    verb: str,
) -> None:  # fmt: skip
    frame = pd.DataFrame(
        {
            ident: [f"E{i:04d}" for i in range(12)],
            group: ["ZRH", "BSL", "ZRH", "GVA"] * 3,
            price: [50, 300, 80, 120, 60, 310, 90, 100, 55, 290, 70, 130],
            flag: ["Y", "N", "Y", "Y"] * 3,
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "how many groups <verb>ed?": the condition counted, never every row ("escaped" is
    # esc_flg written short: its 9 yeses; "lapsed" and "vanished" name no column: asked)
    counted = agent.ask(f"how many groups {verb}?")
    assert counted.kind == "error" or (verb == "escaped" and counted.value == 9), counted.value
    # "by revenue" is money (the one price column: BSL took 900, ZRH 405 over twice the
    # rows), never the number of rows per group
    ranked = ask_ok(agent, f"top 2 {group.lower()}s by revenue")
    assert list(ranked.value) == ["BSL", "ZRH"], ranked.interpretation


MATCHES = [
    ("matches.csv", "match_date", "winner", "attendance"),
    ("fixtures.csv", "matchDate", "winningSide", "crowdSize"),
    ("Tests.csv", "Date", "Winner", "Attendance"),
]


@pytest.mark.parametrize("file, date, winner, crowd", MATCHES, ids=[m[0] for m in MATCHES])
def test_what_is_scored_is_never_the_rows(
    agent: Agent, tmp_path: Path, file: str, date: str, winner: str, crowd: str
) -> None:
    frame = pd.DataFrame(
        {
            date: pd.date_range("2020-01-01", periods=8, freq="MS").strftime("%Y-%m-%d"),
            winner: ["Kent", "Essex", "Kent", "Kent", "Essex", "Kent", "Essex", "Kent"],
            crowd: [1200, 900, 1500, 1100, 800, 1300, 950, 1000],
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # points and goals are what a match scores: a table without them cannot add them up,
    # and the matches Kent won are no answer to it
    for question in (
        "What was the total number of points scored by Kent across all matches?",
        "how many goals did Kent score?",
        "what is the total number of votes for Kent?",
    ):
        ask_declines(agent, question)
    assert ask_ok(agent, "how many matches did Kent win?").value == 5


def test_a_file_of_what_is_scored_counts_its_rows(agent: Agent, tmp_path: Path) -> None:
    scorers = ["Kane", "Son", "Kane", "Kane", "Son"]
    frame = pd.DataFrame({"scorer": scorers, "minute": [12, 30, 55, 71, 88]})
    load_frame(agent, tmp_path, "goals.csv", frame)
    assert ask_ok(agent, "how many goals did Kane score?").value == 3


KEYED = [
    ("clubs_by_region.csv", "region", "members", "clubs"),
    ("shopsByCity.csv", "city", "staffCount", "shops"),
    ("Bands by Country.csv", "Country", "Members", "bands"),
]


@pytest.mark.parametrize("file, key, counted, noun", KEYED, ids=[k[0] for k in KEYED])
def test_a_share_of_the_one_row_a_key_picks_is_asked_back(
    agent: Agent, tmp_path: Path, file: str, key: str, counted: str, noun: str
) -> None:
    # one row a region, its clubs counted in a column: a share of rows would be 1/4
    places = ["North", "South", "East", "West"]
    frame = pd.DataFrame({key: places, counted: [40, 25, 20, 15]})
    load_frame(agent, tmp_path, file, frame)
    ask_declines(agent, f"What percentage of all {noun} are in North?")
    # rows that repeat the region: a share of rows is what is asked
    frame = pd.DataFrame({key: places * 3, counted: range(12)})
    load_frame(agent, tmp_path, file, frame)
    assert ask_ok(agent, f"What percentage of all {noun} are in North?").value == 25.0


LENT = [
    ("tool_loans.csv", "loan_id", "tool_type", "quantity", "loans"),
    ("hireOrders.csv", "orderId", "itemKind", "qty", "orders"),
    ("Rentals.csv", "Rental ID", "Item", "Units", "rentals"),
]


@pytest.mark.parametrize("file, ident, kind, quantity, noun", LENT, ids=[t[0] for t in LENT])
def test_a_kind_counted_beside_a_quantity_column_is_asked_back(
    agent: Agent, tmp_path: Path, file: str, ident: str, kind: str, quantity: str, noun: str
) -> None:
    kinds = ["ladder", "drill", "ladder", "saw", "ladder", "drill"]
    frame = pd.DataFrame(
        {ident: [f"L{i}" for i in range(6)], kind: kinds, quantity: [2, 1, 3, 1, 1, 2]}
    )
    load_frame(agent, tmp_path, file, frame)
    # three loans of ladders, six ladders lent: which is asked is not said
    declined = ask_declines(agent, "how many ladders were lent?")
    answers = {ask_ok(agent, s).value for s in declined.suggestions}
    assert {3, 6} <= answers
    # the rows' own noun counts rows, whatever the quantities, said after the kind too
    assert ask_ok(agent, f"how many {noun} were for ladders?").value == 3
    assert ask_ok(agent, f"how many ladder {noun} were there?").value == 3
    # where every quantity is one, both readings agree
    load_frame(agent, tmp_path, file, frame.assign(**{quantity: 1}))
    assert ask_ok(agent, "how many ladders were lent?").value == 3


def test_a_kind_said_before_the_noun_of_its_column_counts_rows(
    agent: Agent, tmp_path: Path
) -> None:
    # "lockout jobs" beside job_typ and job_no: the jobs are counted, never their quantities
    frame = pd.DataFrame(
        {
            "job_no": [f"L{i}" for i in range(6)],
            "job_typ": ["LOCKOUT", "REKEY", "LOCKOUT", "LOCKOUT", "REKEY", "SAFE"],
            "qty": [3, 1, 2, 1, 1, 4],
        }
    )
    load_frame(agent, tmp_path, "callouts.csv", frame)
    assert ask_ok(agent, "How many lockout jobs were there?").value == 3


@pytest.mark.parametrize(
    ("file", "ident", "amount"),
    [("phone_repairs.csv", "job_no", "amt"), ("deviceRepairs.csv", "jobId", "amountBilled"),
     ("Repairs.csv", "Job No", "Amount (GBP)")],
)  # fmt: skip
def test_what_is_missing_is_never_dropped(
    agent: Agent, tmp_path: Path, file: str, ident: str, amount: str
) -> None:
    rng = np.random.default_rng(5)
    rows = 2000  # (on a short table "no" was never read as a job number)
    frame = pd.DataFrame(
        {
            ident: rng.permutation(np.arange(700000, 700000 + rows)),
            "dt": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, rows), "D"),
            "qty": rng.integers(1, 4, rows),
            amount: np.where(np.arange(rows) % 10 == 0, np.nan, rng.uniform(20, 200, rows)),
            "lab_min": np.where(np.arange(rows) % 12 == 0, np.nan, rng.uniform(5, 60, rows)),
        }
    )
    load_frame(agent, tmp_path, file, frame)
    # "labour time" is lab_min written short: the jobs missing it, never every job (or job
    # number)
    result = ask_ok(agent, "How many jobs have no labour time recorded?")
    assert result.value == int(frame["lab_min"].isna().sum()), result.interpretation
    assert ask_ok(agent, "how many jobs have no amount recorded?").value == 200
