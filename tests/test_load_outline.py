"""A short table's load returns with an outline; its exact profile follows in the background.

Real files and a real SQLite database. The background phase is held on an event where a
test must see it pending; nothing asserts a duration.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.events import ProgressEvent
from csvagent_jupyter.loading.profile import profile_frame
from csvagent_jupyter.sample_data import mixed_frame, write_csv

from .test_load_background import load_then_kill

LOADED_THEN_KILLED = """
import os, sys
import csvagent_jupyter.loading.loader as loader_module
loader_module.refine = lambda *a, **k: __import__("time").sleep(60)
from csvagent_jupyter import Agent
info = Agent(data_dir=sys.argv[1]).load(sys.argv[2])
print(info.id, flush=True)
os._exit(0)  # killed: no atexit, no background
"""


@pytest.fixture
def table(tmp_path: Path) -> Path:
    return write_csv(mixed_frame(3_000, 12, seed=7), tmp_path / "short.csv")


def test_a_short_load_stores_an_outline_and_returns_before_its_profile(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    events: list[ProgressEvent] = []
    info = agent.load(table, on_progress=events.append)
    row = agent.store.get_file(info.id)
    assert row is not None and row.status == "completed"
    stored = row.file_metadata
    assert stored["outline"] and not stored["exact"]
    assert all(c["approximate"] for c in stored["column_profiles"])
    assert info.stored_profile is not None and info.stored_profile.outline
    assert info.columns == list(pd.read_csv(table).columns)  # names known at once
    done = [e for e in events if e.event == "file_complete"]
    assert done[-1].data["profiled"] is False  # the load's event does not claim a profile
    assert not info.profile_due.done()  # type: ignore[union-attr]
    assert agent.frame().shape == (3_000, 12)  # the typed table waits for no profile
    held.set()


def test_the_profile_due_replaces_the_outline_and_is_what_info_gives(
    agent: Agent, table: Path
) -> None:
    events: list[ProgressEvent] = []
    info = agent.load(table, on_progress=events.append)
    exact = info.ready_profile  # waits for the background's exact profile
    assert exact.exact and not exact.outline
    expected = profile_frame(agent.frame(), bytes=0, encoding="utf-8", delimiter=",")
    for got, want in zip(exact.column_profiles, expected.column_profiles, strict=True):
        assert got.model_dump(exclude={"mean", "std"}) == want.model_dump(exclude={"mean", "std"})
        assert got.mean == pytest.approx(want.mean) and got.std == pytest.approx(want.std)
    assert info.profiled
    agent.wait_profiled()
    row = agent.store.get_file(info.id)
    assert row is not None and not row.file_metadata["outline"] and row.file_metadata["exact"]
    phases = {e.data.get("phase") for e in events if e.event == "file_complete"}
    assert "profile" in phases  # the background's own completion event
    jobs = {j.job_type: j.status for j in agent.store.list_jobs()}
    assert jobs["file_profile"] == "completed"


def test_no_reader_sees_the_outline(agent: Agent, table: Path, held: threading.Event) -> None:
    """``Agent.file``, a second Agent's reuse of the same content and the load's own
    FileInfo all wait for the exact profile rather than show the outline's zero counts."""
    info = agent.load(table)
    seen: dict[str, object] = {}

    def read() -> None:
        seen["file"] = agent.file(info.id)
        seen["profile"] = info.profile

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(0.2)
    assert reader.is_alive()  # waiting for the held profile
    held.set()
    reader.join(30)
    nulls = int(pd.read_csv(table)["int_000"].isna().sum())
    for found in (seen["file"].ready_profile, seen["profile"]):  # type: ignore[attr-defined]
        column = found.column("int_000")  # type: ignore[attr-defined]
        assert column is not None and column.nulls == nulls and not column.approximate
    with Agent(data_dir=agent.settings.data_dir) as other:
        again = other.load(table)
        assert again.reused and again.profiled and not again.stored_profile.outline  # type: ignore[union-attr]


def test_an_outline_left_by_an_ended_process_is_finished_on_first_use(
    data_dir: Path, table: Path
) -> None:
    (file_id,) = load_then_kill(LOADED_THEN_KILLED, data_dir, table)
    with Agent(data_dir=data_dir) as agent:
        row = agent.store.get_file(file_id)
        assert row is not None and row.file_metadata["outline"]  # the ended load's outline
        info = agent.file(file_id)
        assert info.profiled and not info.stored_profile.outline  # type: ignore[union-attr]
        column = info.ready_profile.column("float_001")
        assert column is not None and column.distinct == pd.read_csv(table)["float_001"].nunique()
        assert agent.ask("how many rows").value == 3_000


def test_waiting_for_the_cache_waits_for_the_profile_that_queues_it(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    """The cache is written after the exact profile; ``cache.wait`` covers that write."""
    info = agent.load(table)
    assert info.content_hash is not None
    waiter = threading.Thread(target=agent.cache.wait, args=(info.content_hash,))
    waiter.start()
    waiter.join(0.2)
    assert waiter.is_alive() and not agent.cache.path_for(info.content_hash).exists()
    held.set()
    waiter.join(30)
    assert agent.cache.path_for(info.content_hash).exists()


def test_waiting_for_a_short_tables_profile_keeps_its_timeout(
    agent: Agent, table: Path, held: threading.Event
) -> None:
    agent.load(table)
    with pytest.raises(TimeoutError):
        agent.wait_profiled(timeout=0.05)
    held.set()
    assert agent.wait_profiled(timeout=30).profiled


def test_the_table_in_memory_is_given_without_reading_its_row(
    agent: Agent, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Agent.frame`` gives the table this agent holds without a database read, which
    would compete with the background profile for the interpreter right after a load."""
    info = agent.load(table)
    reads: list[str] = []
    real = agent.store.get_file
    monkeypatch.setattr(agent.store, "get_file", lambda i: reads.append(i) or real(i))
    assert agent.frame().shape == (3_000, 12)
    assert agent.frame(info.id) is agent.frame()
    assert reads == []
    agent.wait_profiled()


def test_waiting_for_the_profile_of_its_own_load_reads_no_row(
    agent: Agent, table: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``Agent.wait_profiled`` after this agent's load gives the File as its load left it
    with the profile its background phase stored, without reading the row back: the same
    file the row gives."""
    from csvagent_jupyter.loading.files import FileInfo

    info = agent.load(table)
    reads: list[str] = []
    real = agent.store.get_file
    monkeypatch.setattr(agent.store, "get_file", lambda i: reads.append(i) or real(i))
    waited = agent.wait_profiled()
    assert reads == []
    stored = real(info.id)
    assert stored is not None
    assert waited == FileInfo.from_row(stored)
    assert waited.profiled and waited.profile == FileInfo.from_row(stored).profile
