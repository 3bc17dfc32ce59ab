"""A large load's text columns typed after it returns (``loading/deferred.py``).

"Large" is made cheap by lowering ``DEFER_ROWS`` (and the size up to which inference casts
a column of ISO dates whole, so that dates are deferred too). The typing is held on an
event, so that a question asked straight after the load really finds it pending; nothing
here asserts a duration.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import csvagent_jupyter.loading.deferred as deferred_module
import csvagent_jupyter.loading.loader as loader_module
import csvagent_jupyter.loading.profile as profile_module
import csvagent_jupyter.loading.typing as typing_module
from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, GroupKey, Plan
from csvagent_jupyter.errors import LoadError
from csvagent_jupyter.events import ProgressEvent
from csvagent_jupyter.sample_data import mixed_frame, write_csv

from .test_llm_planner import call, scripted
from .test_load_background import load_then_kill

ROWS = 3_000
QUESTIONS = [
    "average float_001 by cat_002",
    "total int_004 by month of date_003",
    "how many rows have date_007 after 2020-01-01",
    "which cat_006 has the highest average float_005",
]


@pytest.fixture(autouse=True)
def _large_means_small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader_module, "DEFER_ROWS", 1_000)
    monkeypatch.setattr(typing_module, "FUSED_ROWS", 0)
    monkeypatch.setattr(profile_module, "SAMPLE_ROWS", 1_000)  # and the exact profile follows


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(mixed_frame(ROWS, 8, seed=5), tmp_path_factory.mktemp("def") / "table.csv")


@pytest.fixture
def eager(table: Path, tmp_path: Path) -> Iterator[Agent]:
    """The same table loaded with every column typed before the load returns."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(loader_module, "DEFER_ROWS", 10**12)
        agent = Agent(data_dir=tmp_path / "eager", model="offline")
        info = agent.load(table)
        assert info.typed
    yield agent
    agent.close()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The background typing converts nothing until this event is set."""
    release = threading.Event()
    real = deferred_module.convert_columns

    def waiting(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(60), "the typing was never released"
        return real(*args, **kwargs)

    monkeypatch.setattr(deferred_module, "convert_columns", waiting)
    yield release
    release.set()


def _release_when_waited_for(
    release: threading.Event, monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """Set ``release`` once something waits for the typing (``Typing.done.result``), and
    record that it did: a question that read the table without waiting would find the
    typing still held, and the record empty."""
    waited: list[str] = []
    real = loader_module.Loader.wait_typed

    def wait_typed(self: Any, row: Any) -> Any:
        waited.append(row.id)
        release.set()
        return real(self, row)

    monkeypatch.setattr(loader_module.Loader, "wait_typed", wait_typed)
    return waited


def _assert_same(got: Any, expected: Any) -> None:
    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(got, expected)
    else:
        assert got == expected


def test_a_load_returns_before_its_text_columns_are_typed(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    info = agent.load(table)
    assert info.status == "completed" and not info.typed
    profile = info.stored_profile  # what the load stored: an outline (info.profile waits)
    assert profile is not None and profile.outline and not profile.exact
    assert info.profile_due is not None and not info.profile_due.done()
    pending = {c["column"]: c["kind"] for c in profile.pending_conversions}
    assert pending == {
        "int_000": "integer",
        "cat_002": "category",
        "date_003": "datetime",
        "int_004": "integer",
        "cat_006": "category",
        "date_007": "datetime",
    }
    # the placeholders say what the columns will be, and that they are not counted yet
    for name, kind in pending.items():
        column = profile.column(name)
        assert column is not None and column.approximate and column.type == kind
    # whole numbers with gaps are typed later too: the load converts nothing itself
    assert profile.conversions == []
    held.set()
    assert str(agent.frame()["int_000"].dtype) == "Int64"  # once typed


def test_a_question_straight_after_the_load_waits_for_the_typing_and_is_exact(
    agent: Agent,
    eager: Agent,
    table: Path,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    waited = _release_when_waited_for(held, monkeypatch)
    info = agent.load(table)
    assert not info.typed
    for question in QUESTIONS:
        got, expected = agent.ask(question), eager.ask(question)
        assert got.ok and expected.ok, (got.summary, expected.summary)
        assert (got.summary, got.code) == (expected.summary, expected.code), question
        _assert_same(got.value, expected.value)
    assert waited and waited[0] == info.id
    pd.testing.assert_frame_equal(agent.frame(), eager.frame())


MONTHLY = {
    "operation": "aggregate",
    "aggregates": [{"func": "sum", "column": "int_004"}],
    "group_by": [{"column": "date_003", "bucket": "month"}],
    "filters": {"column": "cat_006", "op": "eq", "value": "level_03"},
}


def test_a_model_asked_straight_after_the_load_sees_the_typed_table(
    agent: Agent,
    eager: Agent,
    table: Path,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A model's question does not wait for the exact profile (the offline planner does, and
    so would be typed anyway): what it is shown, the plan's run and the code shown are those
    of the eager load."""
    waited = _release_when_waited_for(held, monkeypatch)

    def model() -> Any:
        return scripted(call("describe_data", {}), call("submit_plan", {"plan": MONTHLY}, "c2"))

    agent.load(table)
    got = agent.ask("monthly int_004 for level_03", model=model())
    expected = eager.ask("monthly int_004 for level_03", model=model())
    assert got.planner == expected.planner == "llm", got.summary
    assert waited and (got.summary, got.code) == (expected.summary, expected.code)
    pd.testing.assert_frame_equal(got.value, expected.value)


def test_a_plan_run_straight_after_the_load_reads_the_typed_table(
    agent: Agent,
    eager: Agent,
    table: Path,
    held: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No planner involved (``agent.run`` executes a plan at once): the executor still gets
    the typed table, and the code shown types the columns as the eager load does."""
    waited = _release_when_waited_for(held, monkeypatch)
    agent.load(table)
    plan = Plan(
        operation="aggregate",
        group_by=[GroupKey(column="cat_002")],
        aggregates=[Aggregate(func="max", column="date_003")],
    )
    got, expected = agent.run(plan), eager.run(plan)
    assert waited
    assert got.code == expected.code and 'astype("category")' in got.code
    pd.testing.assert_frame_equal(got.value, expected.value)
    assert str(agent.frame()["date_003"].dtype).startswith("datetime64")


def test_the_typed_and_the_exact_profiles_are_the_eager_loads(
    agent: Agent, eager: Agent, table: Path
) -> None:
    agent.load(table)
    typed = agent.wait_profiled()
    assert typed.typed and typed.profiled
    expected = eager.wait_profiled().ready_profile.model_dump()
    assert typed.ready_profile.model_dump() == expected


def test_the_typing_sends_its_own_progress_and_records_its_job(agent: Agent, table: Path) -> None:
    events: list[ProgressEvent] = []
    info = agent.load(table, on_progress=events.append)
    agent.wait_profiled()
    load = [e for e in events if "phase" not in e.data]
    typing = [e for e in events if e.data.get("phase") == "typing"]
    profile = [e for e in events if e.data.get("phase") == "profile"]
    assert load[-1].event == "file_complete" and load[-1].data["typed"] is False
    assert typing[-1].event == "file_complete"
    assert {e.event for e in typing[:-1]} == {"file_progress"}
    assert len(typing) >= 4  # a start, one per column typed (four here), the end
    fractions = [e.progress for e in typing]
    assert fractions == sorted(fractions)
    assert {e.subject_id for e in typing} == {info.id}
    assert len({e.job_id for e in typing}) == 1
    assert typing[0].job_id not in {load[0].job_id, profile[0].job_id}
    assert events.index(typing[-1]) < events.index(profile[0])  # typed before it is profiled
    jobs = {job.job_type: job for job in agent.store.list_jobs()}
    assert (jobs["file_typing"].status, jobs["file_typing"].subject_id) == ("completed", info.id)


def test_a_typing_that_fails_is_reported_and_the_file_says_why(
    agent: Agent, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError("no room for the dates")

    monkeypatch.setattr(deferred_module, "convert_columns", broken)
    events: list[ProgressEvent] = []
    info = agent.load(table, on_progress=events.append)
    with pytest.raises(LoadError, match=r"typing its text columns failed.*no room for the dates"):
        agent.ask("average float_001 by cat_002")
    with pytest.raises(LoadError, match="no room for the dates"):  # and again, not forgotten
        agent.frame()
    [error] = [e for e in events if e.event == "file_error"]
    assert error.data["phase"] == "typing" and "no room for the dates" in error.message
    [row] = agent.files()
    assert row.id == info.id and row.status == "error" and "no room" in (row.error or "")
    jobs = {job.job_type: job for job in agent.store.list_jobs()}
    assert jobs["file_typing"].status == "failed"


KILLED_AFTER_LOAD = """
import os, sys
import csvagent_jupyter.loading.loader as loader_module
import csvagent_jupyter.loading.profile as profile_module
import csvagent_jupyter.loading.typing as typing_module
loader_module.DEFER_ROWS = 1000
typing_module.FUSED_ROWS = 0
loader_module.type_columns = lambda **k: __import__("time").sleep(60)
from csvagent_jupyter import Agent
info = Agent(data_dir=sys.argv[1]).load(sys.argv[2])
print(info.id, info.typed, flush=True)
os._exit(0)  # killed: no atexit, no background
"""


def test_columns_left_untyped_by_a_killed_process_are_typed_when_next_read(
    data_dir: Path, eager: Agent, table: Path
) -> None:
    file_id, typed = load_then_kill(KILLED_AFTER_LOAD, data_dir, table)
    assert typed == "False"
    with Agent(data_dir=data_dir, model="offline") as agent:
        assert not agent.files()[0].typed
        pd.testing.assert_frame_equal(agent.frame(file_id), eager.frame())
        got, expected = agent.ask(QUESTIONS[1]), eager.ask(QUESTIONS[1])
        assert (got.summary, got.code) == (expected.summary, expected.code)
        assert agent.file(file_id).ready_profile.conversions == (
            eager.file().ready_profile.conversions
        )


def test_a_second_load_while_the_typing_runs_gets_the_typed_table(
    agent: Agent,
    eager: Agent,
    table: Path,
    held: threading.Event,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same file loaded again (by a second Agent of the process) while the first load's
    text columns are still held: it reuses that load, waits for its typing, and returns the
    typed table with the typed profile, never the placeholders."""
    from csvagent_jupyter.loading.background import background

    waited: list[str] = []
    real = type(background).frame_of

    def frame_of(self: Any, content_hash: str) -> Any:
        waited.append(content_hash)
        held.set()  # the second load is waiting: let the typing go on
        return real(self, content_hash)

    monkeypatch.setattr(type(background), "frame_of", frame_of)
    first = agent.load(table)
    assert not first.typed
    with Agent(data_dir=data_dir, model="offline") as second:
        again = second.load(table)
        assert waited and again.reused and again.id == first.id
        assert again.typed and not again.ready_profile.pending_conversions
        assert [c.name for c in again.ready_profile.column_profiles] == first.columns
        pd.testing.assert_frame_equal(second.frame(), eager.frame())
        got, expected = second.ask(QUESTIONS[0]), eager.ask(QUESTIONS[0])
        assert (got.summary, got.code) == (expected.summary, expected.code)
        _assert_same(got.value, expected.value)
    assert agent.wait_profiled().ready_profile.model_dump() == (
        eager.wait_profiled().ready_profile.model_dump()
    )


def test_a_typing_queued_behind_another_files_background_is_awaited_and_exact(
    agent: Agent,
    eager: Agent,
    table: Path,
    held: threading.Event,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A second file loaded while the first one's background still runs: its typing waits
    in the queue behind it, and a question about it waits for both, then answers exactly."""
    other = write_csv(mixed_frame(ROWS, 8, seed=9), tmp_path / "other.csv")
    events: list[ProgressEvent] = []
    first = agent.load(other, on_progress=events.append)
    second = agent.load(table, on_progress=events.append)  # queued behind the held typing
    assert not first.typed and not second.typed
    waited = _release_when_waited_for(held, monkeypatch)
    got, expected = agent.ask(QUESTIONS[1]), eager.ask(QUESTIONS[1])
    assert waited[0] == second.id
    assert (got.summary, got.code) == (expected.summary, expected.code)
    _assert_same(got.value, expected.value)
    agent.wait_profiled(first.id)
    typed = [e.subject_id for e in events if e.data.get("phase") == "typing"]
    assert typed.index(first.id) < typed.index(second.id)  # in the order they were loaded
    jobs = [(job.job_type, job.subject_id, job.status) for job in agent.store.list_jobs()]
    for file_id in (first.id, second.id):
        assert ("file_typing", file_id, "completed") in jobs
        assert ("file_profile", file_id, "completed") in jobs
    assert agent.file(first.id).typed and agent.file(second.id).typed


def test_a_files_typing_does_not_wait_for_another_files_exact_profile(
    agent: Agent,
    eager: Agent,
    table: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Questions wait for a file's typing, not for the exact profile of a file loaded before
    it: with the first file's exact profile held, a plan on the second file is run on its
    typed table (a planner that needs exact counts waits for its own exact profile, which
    is queued behind the first one's)."""
    import csvagent_jupyter.loading.background as background_module

    release, timed_out = threading.Event(), []
    real = background_module.complete_profile

    def held_profile(*args: Any, **kwargs: Any) -> Any:
        if not release.wait(10):
            timed_out.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(background_module, "complete_profile", held_profile)
    other = write_csv(mixed_frame(ROWS, 8, seed=9), tmp_path / "other.csv")
    first = agent.load(other)
    second = agent.load(table)
    try:
        plan = Plan(
            operation="aggregate",
            group_by=[GroupKey(column="cat_006")],
            aggregates=[Aggregate(func="min", column="date_007")],
        )
        got, expected = agent.run(plan), eager.run(plan)
        answered_while_held = not release.is_set() and not timed_out
    finally:
        release.set()
    assert answered_while_held and agent.file(second.id).typed
    assert got.code == expected.code
    pd.testing.assert_frame_equal(got.value, expected.value)
    assert agent.wait_profiled(first.id).profiled and agent.wait_profiled(second.id).profiled


def test_the_loads_info_gives_the_profile_its_typing_stores(
    agent: Agent, eager: Agent, table: Path, held: threading.Event
) -> None:
    """The outline a large load stores is replaced by the exact profile its typing computes
    for every column once typed: the eager load's exact profile, with no estimate first."""
    info = agent.load(table)
    seen: list[Any] = []
    reader = threading.Thread(target=lambda: seen.append(info.profile))
    reader.start()
    reader.join(0.2)
    assert reader.is_alive()  # waiting for the held typing
    held.set()
    reader.join(30)
    (typed,) = seen
    assert not typed.outline and not typed.pending_conversions and typed.exact
    expected = eager.wait_profiled().ready_profile
    assert typed.column_profiles == expected.column_profiles
    assert not any(c.approximate for c in typed.column_profiles)


def test_the_typed_table_is_given_out_before_its_profile_is_computed(
    agent: Agent, eager: Agent, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The typing gives out the typed table first, then profiles it: a plan run meanwhile
    gets the typed table, while what reads the profile waits for it."""
    release = threading.Event()
    real = deferred_module.profile_typed

    def held_profile(*args: Any, **kwargs: Any) -> Any:
        assert release.wait(30), "the profile was never released"
        return real(*args, **kwargs)

    monkeypatch.setattr(deferred_module, "profile_typed", held_profile)
    info = agent.load(table)
    try:
        frame = agent.frame()  # typed, though its profile is held
        stored = agent.store.get_file(info.id)
        assert stored is not None and stored.file_metadata["outline"]
        assert not stored.file_metadata["pending_conversions"]
        assert info.profile_due is not None and not info.profile_due.done()
    finally:
        release.set()
    pd.testing.assert_frame_equal(frame, eager.frame())
    assert agent.file(info.id).ready_profile == eager.wait_profiled().ready_profile


def test_a_profile_its_typing_made_exact_is_not_counted_or_stored_again(
    agent: Agent, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The background phase after a typing that stored the exact profile has nothing left to
    count or store (no short row here): three profiles written in all (the load's outline,
    the typed outline, the exact profile), and the phase still reports its completion."""
    from csvagent_jupyter.persistence import Store

    written: list[bool] = []
    real = Store.update_file

    def update_file(self: Store, file_id: str, **fields: Any) -> Any:
        if "file_metadata" in fields:
            written.append(fields["file_metadata"]["exact"])
        return real(self, file_id, **fields)

    monkeypatch.setattr(Store, "update_file", update_file)
    events: list[ProgressEvent] = []
    agent.load(table, on_progress=events.append)
    info = agent.wait_profiled()
    assert info.profiled and written == [False, False, True]
    profile = [e for e in events if e.data.get("phase") == "profile"]
    assert profile[-1].event == "file_complete"
    jobs = {job.job_type: job for job in agent.store.list_jobs()}
    assert jobs["file_profile"].status == "completed"
