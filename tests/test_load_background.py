"""The background phase of a large load: a provisional profile at once, the exact one later.

Real files and a real SQLite database throughout. "Large" is made cheap by lowering the
sample an estimate looks at (``SAMPLE_ROWS``) and the size up to which short rows are
looked for during the load, so that these tests need no million-row file. Nothing here
asserts a duration: waiting is done on the background's own future or event.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

import csvagent_jupyter.loading.loader as loader_module
import csvagent_jupyter.loading.profile as profile_module
from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, GroupKey, Plan
from csvagent_jupyter.analysis.sampler import describe_column
from csvagent_jupyter.events import ProgressEvent
from csvagent_jupyter.jupyter import state
from csvagent_jupyter.sample_data import mixed_frame, write_csv

from .test_jupyter import run
from .test_notebook_flow import in_loop

ROWS = 12_000


@pytest.fixture(autouse=True)
def _large_means_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profile_module, "SAMPLE_ROWS", 2_000)
    monkeypatch.setattr(loader_module, "SHORT_ROWS_INLINE_BYTES", 0)


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(mixed_frame(ROWS, 8, seed=5), tmp_path_factory.mktemp("bg") / "table.csv")


def test_a_large_load_returns_a_provisional_profile_then_the_exact_one(
    agent: Agent, table: Path
) -> None:
    info = agent.load(table)
    assert info.status == "completed" and not info.profiled
    provisional = info.ready_profile
    assert not provisional.exact
    estimated = {c.name for c in provisional.column_profiles if c.approximate}
    assert estimated == {c for c in info.columns if not c.startswith("cat")}
    exact = agent.wait_profiled()
    assert exact.profiled and exact.id == info.id
    frame = pd.read_csv(table)
    for column in exact.ready_profile.column_profiles:
        assert not column.approximate
        assert column.distinct == frame[column.name].nunique(), column.name
        before = provisional.column(column.name)
        assert before is not None
        # what is exact at once stays as it was: types, missing values, ranges, categories
        assert (before.type, before.nulls, before.min, before.max) == (
            column.type,
            column.nulls,
            column.min,
            column.max,
        )
        if not before.approximate:
            assert before == column
        else:  # the estimate lies between the sample's count and the column's size
            assert 1 <= before.distinct <= ROWS - column.nulls
    assert agent.file().profiled  # stored with the File row


def test_the_background_phase_sends_its_own_progress_and_records_its_job(
    agent: Agent, table: Path
) -> None:
    events: list[ProgressEvent] = []
    info = agent.load(table, on_progress=events.append)
    agent.wait_profiled()
    load_events = [e for e in events if e.data.get("phase") != "profile"]
    profile_events = [e for e in events if e.data.get("phase") == "profile"]
    assert load_events[-1].event == "file_complete"
    assert load_events[-1].data["profiled"] is False
    assert profile_events[-1].event == "file_complete"
    assert {e.event for e in profile_events[:-1]} == {"file_progress"}
    assert len(profile_events) >= 3
    fractions = [e.progress for e in profile_events]
    assert fractions == sorted(fractions)
    assert {e.subject_id for e in profile_events} == {info.id}
    assert len({e.job_id for e in profile_events}) == 1
    assert profile_events[0].job_id != load_events[0].job_id
    jobs = {job.job_type: job for job in agent.store.list_jobs()}
    assert (jobs["file_profile"].status, jobs["file_profile"].subject_id) == ("completed", info.id)
    assert jobs["file_upload"].status == "completed"


def test_answers_are_exact_before_the_profile_finishes(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    info = agent.load(table)
    assert not info.profiled
    with pytest.raises(TimeoutError):
        agent.wait_profiled(timeout=0.01)  # still held: the profile is pending
    result = agent.run(
        Plan(
            operation="aggregate",
            group_by=[GroupKey(column="cat_002")],
            aggregates=[Aggregate(func="mean", column="float_001")],
        )
    )
    assert not agent.file().profiled  # answered on the typed table, not on the profile
    expected = pd.read_csv(table).groupby("cat_002")["float_001"].mean()
    got = result.value.set_index("cat_002")["mean float_001"]
    np.testing.assert_allclose(got.loc[expected.index].to_numpy(), expected.to_numpy())
    held.set()
    answer = agent.ask("average float_001 by cat_002")  # the offline planner waits for it
    assert answer.ok and agent.file().profiled
    value = answer.value.set_index("cat_002").iloc[:, 0]
    np.testing.assert_allclose(value.loc[expected.index].to_numpy(), expected.to_numpy())


def test_what_a_model_sees_is_marked_as_estimated(agent: Agent, table: Path) -> None:
    info = agent.load(table)
    float_column = info.ready_profile.column("float_001")
    category = info.ready_profile.column("cat_002")
    assert float_column is not None and category is not None
    assert "(estimated)" in describe_column(float_column)
    assert "estimated" not in describe_column(category)  # exact from the start
    done = agent.wait_profiled().ready_profile.column("float_001")
    assert done is not None and "estimated" not in describe_column(done)


def test_short_rows_of_a_large_file_are_reported_by_the_background(
    agent: Agent, tmp_path: Path
) -> None:
    frame = mixed_frame(ROWS, 4, seed=1, null_share=0.0)
    path = write_csv(frame, tmp_path / "short.csv")
    lines = path.read_text().splitlines()
    lines[5] = ",".join(lines[5].split(",")[:2])  # line 6 has 2 of the 4 fields
    path.write_text("\n".join(lines) + "\n")
    info = agent.load(path)
    assert not any("fewer fields" in note for note in info.ready_profile.notes)
    exact = agent.wait_profiled()
    [note] = [n for n in exact.ready_profile.notes if "fewer fields" in n]
    assert "the header: 6." in note


def test_a_large_file_is_not_read_again_to_look_for_short_rows(
    agent: Agent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Gaps in the last column could be short rows; the delimiters counted while the file
    was hashed beside its parse tell there are none, so the background reads nothing."""
    import csvagent_jupyter.loading.reader as reader_module

    reads: list[str] = []
    for name in ("_delimiters_add_up", "find_short_lines"):
        real = getattr(reader_module, name)
        monkeypatch.setattr(
            reader_module, name, lambda *a, _n=name, _f=real, **k: reads.append(_n) or _f(*a, **k)
        )
    path = write_csv(mixed_frame(ROWS, 4, seed=2), tmp_path / "gaps.csv")
    agent.load(path)
    profile = agent.wait_profiled().ready_profile
    assert agent.frame().iloc[:, -1].hasnans  # the check was due
    assert reads == [] and not any("fewer fields" in note for note in profile.notes)


def test_the_cache_is_written_after_the_profile_and_reused(data_dir: Path, table: Path) -> None:
    with Agent(data_dir=data_dir) as first:
        info = first.load(table)
    # close() waited for the background: exact profile stored, cache written
    assert (data_dir / "cache" / f"{info.content_hash}.arrow").exists()
    with Agent(data_dir=data_dir) as second:
        again = second.load(table)
        assert again.reused and again.id == info.id and again.profiled


def test_a_second_load_during_the_background_reuses_the_frame(
    agent: Agent, table: Path, held: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    parses: list[Path] = []
    real = loader_module.parse
    monkeypatch.setattr(
        loader_module, "parse", lambda path, *a, **k: parses.append(path) or real(path, *a, **k)
    )
    info = agent.load(table)
    other = Agent(data_dir=agent.settings.data_dir)
    again = other.load(table)
    assert parses == [table] and again.reused and again.id == info.id
    assert other.frame() is agent.frame()
    held.set()
    other.close()


def test_dropping_a_file_waits_for_its_background(agent: Agent, table: Path) -> None:
    info = agent.load(table)
    agent.drop(info.id)
    assert agent.files() == []
    assert not agent.cache.path_for(info.content_hash or "").exists()


def test_a_file_deleted_during_its_background_fails_its_profile_job(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    """The profile is stored and its job completed in one write (``Store.finish_file_job``);
    a File deleted meanwhile gets no profile, and its job fails saying why."""
    from csvagent_jupyter.loading.background import background

    info = agent.load(table)
    future = background.future_of(info.id)
    assert future is not None
    agent.store.delete_file(info.id)
    held.set()
    assert isinstance(future.exception(timeout=60), LookupError)
    jobs = [j for j in agent.store.list_jobs() if j.subject_id == info.id]
    failed = [j for j in jobs if j.job_type == "file_profile"]
    assert [j.status for j in failed] == ["failed"]
    assert "dropped while its profile was computed" in (failed[0].error_message or "")
    assert agent.store.get_file(info.id) is None


KILLED_AFTER_LOAD = """
import os, sys
import csvagent_jupyter.loading.loader as loader_module
import csvagent_jupyter.loading.profile as profile_module
profile_module.SAMPLE_ROWS = 2000
loader_module.refine = lambda *a, **k: __import__("time").sleep(60)
from csvagent_jupyter import Agent
info = Agent(data_dir=sys.argv[1]).load(sys.argv[2])
print(info.id, info.profiled, flush=True)
os._exit(0)  # killed: no atexit, no background
"""


def load_then_kill(script: str, data_dir: Path, table: Path) -> list[str]:
    """Run ``script`` (a load that ends its process before the background does) and return
    what it printed, word by word."""
    run = subprocess.run(
        [sys.executable, "-c", script, str(data_dir), str(table)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.split()


def test_a_profile_left_provisional_by_a_killed_process_is_finished_later(
    data_dir: Path, table: Path
) -> None:
    file_id, profiled = load_then_kill(KILLED_AFTER_LOAD, data_dir, table)
    assert profiled == "False"
    with Agent(data_dir=data_dir) as agent:
        assert not agent.file(file_id).profiled
        assert agent.ask("how many rows").ok  # the offline planner finishes it first
        info = agent.file(file_id)
        assert info.profiled
        column = info.ready_profile.column("float_001")
        assert column is not None and column.distinct == pd.read_csv(table)["float_001"].nunique()


def test_a_notebook_question_right_after_a_background_load_is_exact(
    ip: InteractiveShell, table: Path
) -> None:
    """``%csv load`` returns at once; the next ``%%ask`` waits for that file, answers on it,
    and ``%csv info`` shows the exact counts (it waits for the background profile)."""

    def scenario() -> tuple[Any, Any]:
        assert run(ip, f"%csv load {table}") is None
        answer = run(ip, "%%ask\naverage float_001 by cat_002")
        return answer, run(ip, "%csv info")

    answer, info = in_loop(scenario)
    frame = pd.read_csv(table)
    expected = frame.groupby("cat_002")["float_001"].mean()
    value = answer.value.set_index("cat_002").iloc[:, 0]
    np.testing.assert_allclose(value.loc[expected.index].to_numpy(), expected.to_numpy())
    assert state.get_agent().file().profiled
    distinct = dict(zip(info["column"], info["distinct"], strict=True))  # a DataFrame
    assert distinct["float_001"] == frame["float_001"].nunique()


@pytest.mark.parametrize("seed", range(3))
def test_estimated_distinct_counts_lie_between_the_sample_and_the_column(seed: int) -> None:
    """The estimate is never below what the sample saw nor above the column's size; a column
    no longer than the sample is counted exactly, and says so."""
    from csvagent_jupyter.loading.profile import estimate_distinct

    rng = np.random.default_rng(seed)
    for values in (
        rng.integers(0, 50, 30_000).astype(float),  # few values, all seen in the sample
        rng.normal(size=30_000),  # all distinct
        rng.integers(0, 10_000, 30_000).astype(float),  # in between
    ):
        estimate, approximate = estimate_distinct(values)
        sampled = len(np.unique(values[profile_module._spread(len(values))]))
        assert approximate and sampled <= estimate <= len(values)
    few = rng.integers(0, 50, 30_000).astype(float)
    assert estimate_distinct(few)[0] == len(np.unique(few))  # every value seen often: exact
    small = rng.normal(size=500)
    assert estimate_distinct(small) == (500, False)


def test_a_large_text_column_gets_estimated_counts_and_top_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from csvagent_jupyter.loading.profile import profile_column

    rng = np.random.default_rng(0)
    words = np.array([f"name {i}" for i in range(3_000)], dtype=object)
    series = pd.Series(words[rng.integers(0, 3_000, 40_000)], dtype="str")
    series[:10] = None
    provisional = profile_column("who", series, exact=False)
    exact = profile_column("who", series)
    assert provisional.approximate and not exact.approximate
    assert (provisional.nulls, provisional.type, provisional.examples) == (
        exact.nulls,
        exact.type,
        exact.examples,
    )
    assert 1 <= provisional.distinct <= 40_000 - 10
    assert exact.distinct == series.nunique()
    assert provisional.top_values and all(count > 0 for _, count in provisional.top_values)


def test_job_progress_rows_are_throttled_by_time_too() -> None:
    """A load of a small file is over before its job row's progress could be read: within
    ``record_seconds`` nothing is written (its owner writes the final state); with no such
    wait, progress is recorded every tenth as before."""
    from csvagent_jupyter.events import ProgressReporter

    def reporter(seconds: float, into: list[float]) -> ProgressReporter:
        return ProgressReporter(
            job_id="j",
            subject_id=None,
            kind="file",
            callback=None,
            record=into.append,
            record_seconds=seconds,
        )

    within: list[float] = []
    every: list[float] = []
    quick, slow = reporter(3600, within), reporter(0, every)
    for step in range(1, 11):
        quick.progress(step / 10)
        slow.progress(step / 10)
    assert within == []
    assert len(every) >= 5 and every == sorted(every)


def test_a_model_can_be_asked_before_the_profile_and_is_told_what_is_estimated(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    """What would be sent to a model (agent.preview) is ready while the profile is pending,
    and marks the estimated counts."""
    agent.load(table)
    text = agent.preview("average float_001 by cat_002").text
    assert not agent.file().profiled
    assert "distinct (estimated)" in text
    held.set()
    agent.wait_profiled()
    assert "(estimated)" not in agent.preview("average float_001 by cat_002").text


@pytest.mark.parametrize("zone", [None, "Europe/Zurich"])
def test_a_large_date_columns_provisional_facts_are_its_exact_ones(zone: str | None) -> None:
    """A long date column's provisional profile (read without copying its present values)
    has the exact profile's gaps, range and examples, even when its first few hundred rows
    are gaps; only the distinct count is an estimate, within its bounds."""
    from csvagent_jupyter.loading.profile import SAMPLE_ROWS, profile_column

    rng = np.random.default_rng(7)
    rows = SAMPLE_ROWS * 3
    stamps = pd.Series(
        pd.Timestamp("2001-01-01") + pd.to_timedelta(rng.integers(0, 10**8, rows), unit="s")
    )
    stamps[:400] = pd.NaT
    stamps[rng.random(rows) < 0.1] = pd.NaT
    if zone is not None:
        stamps = stamps.dt.tz_localize("UTC").dt.tz_convert(zone)
    provisional = profile_column("when", stamps, exact=False)
    exact = profile_column("when", stamps)
    assert provisional.approximate and not exact.approximate
    facts = ("type", "dtype", "nulls", "min", "max", "examples")
    assert [getattr(provisional, f) for f in facts] == [getattr(exact, f) for f in facts]
    assert 1 <= provisional.distinct <= rows - exact.nulls


def test_estimated_progress_ticks_only_for_a_call_longer_than_a_tick() -> None:
    """The parse's timed bar: a call expected to end before the first tick starts no ticker
    thread and reports its end; a longer one reports estimates on the way, and its end."""
    from csvagent_jupyter.events import EstimatedProgress

    short: list[float] = []
    before = threading.active_count()
    with EstimatedProgress(short.append, start=0.1, end=0.8, expected_seconds=0.01):
        assert threading.active_count() == before
    assert short == [0.8]
    long: list[float] = []
    ticked = threading.Event()
    with EstimatedProgress(
        lambda f: long.append(f) or ticked.set(),
        start=0.1,
        end=0.8,
        expected_seconds=10.0,
        interval=0.01,
    ):
        assert ticked.wait(10)  # an estimate arrives while the call runs
    assert 0.1 < long[0] < 0.8 and long[-1] == 0.8
