"""Persistence against a real SQLite file and, when configured, a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from csvagent_jupyter import Agent
from csvagent_jupyter.errors import ConfigurationError
from csvagent_jupyter.persistence import SCHEMA_VERSION, Database

from .conftest import DATA


def test_tables_indexes_and_schema_version(database_url: str) -> None:
    database = Database(database_url)
    inspector = inspect(database.engine)
    assert {"files", "sessions", "queries", "jobs", "csvagent_schema"} <= set(
        inspector.get_table_names()
    )
    file_columns = {c["name"] for c in inspector.get_columns("files")}
    assert {
        "id",
        "filename",
        "original_filename",
        "file_size",
        "status",
        "metadata",
        "created_at",
        "processed_at",
        "content_hash",
        "row_count",
        "column_count",
        "cache_path",
        "error_message",
    } <= file_columns
    query_columns = {c["name"] for c in inspector.get_columns("queries")}
    assert {
        "session_id",
        "query_text",
        "result",
        "execution_time",
        "status",
        "plan",
        "planner",
        "model",
    } <= query_columns
    assert "ix_files_content_hash" in {i["name"] for i in inspector.get_indexes("files")}
    assert "ix_queries_session_created" in {i["name"] for i in inspector.get_indexes("queries")}
    with database.engine.connect() as connection:
        assert (
            connection.execute(text("select version from csvagent_schema")).scalar_one()
            == SCHEMA_VERSION
        )
    database.dispose()


def test_newer_schema_is_refused_without_damage(database_url: str) -> None:
    Database(database_url).dispose()
    engine = create_engine(database_url)
    with engine.begin() as connection:
        connection.execute(
            text("update csvagent_schema set version = :v"), {"v": SCHEMA_VERSION + 1}
        )
    with pytest.raises(ConfigurationError, match="newer csvagent-jupyter"):
        Database(database_url)
    with engine.connect() as connection:
        assert (
            connection.execute(text("select version from csvagent_schema")).scalar_one()
            == SCHEMA_VERSION + 1
        )
    engine.dispose()


def test_load_is_persisted_and_read_back(any_db_agent: Agent, data_dir: Path) -> None:
    info = any_db_agent.load(DATA / "messy_values.csv")
    url = any_db_agent.settings.resolved_database_url
    any_db_agent.close()
    with Agent(database_url=url, data_dir=data_dir) as again:
        [stored] = again.files()
        assert stored.id == info.id and stored.status == "completed"
        assert stored.profile == info.profile
        assert stored.rows == 4 and stored.columns == info.columns


def test_a_new_files_row_and_its_job_are_written_together(any_db_agent: Agent) -> None:
    """A load that needs no hash before its parse writes its File row and its job in one
    transaction (``Store.add_file_with_job``): the job's subject is the file from the start."""
    store = any_db_agent.store
    row, job = store.add_file_with_job(
        "file_upload",
        job_status="processing",
        filename="a.csv",
        original_filename="a.csv",
        file_size=3,
        status="processing",
        file_metadata={},
    )
    stored_job, stored_file = store.get_job(job.id), store.get_file(row.id)
    assert stored_file is not None and stored_file.status == "processing"
    assert stored_job is not None and stored_job.subject_id == row.id
    assert stored_job.status == "processing" and stored_job.job_type == "file_upload"
    info = any_db_agent.load(DATA / "messy_values.csv")
    jobs = [j for j in store.list_jobs() if j.job_type == "file_upload" and j.subject_id == info.id]
    assert [j.status for j in jobs] == ["completed"]


def test_a_files_profile_and_its_job_finish_in_one_write(any_db_agent: Agent) -> None:
    """``Store.finish_file_job``: the File's fields and the job's completion written together;
    a File dropped meanwhile gets nothing, nor does its job, and the caller is told."""
    store = any_db_agent.store
    row, job = store.add_file_with_job(
        "file_profile",
        job_status="processing",
        filename="a.csv",
        original_filename="a.csv",
        file_size=3,
        status="completed",
        file_metadata={"outline": True},
    )
    done = {"status": "completed", "progress": 100.0, "result": {"exact": True}}
    assert store.finish_file_job(row.id, job.id, done, file_metadata={"exact": True})
    stored_file, stored_job = store.get_file(row.id), store.get_job(job.id)
    assert stored_file is not None and stored_file.file_metadata == {"exact": True}
    assert stored_job is not None and stored_job.status == "completed"
    assert stored_job.progress == 100.0 and stored_job.completed_at is not None
    other = store.add_job("file_profile", status="processing", subject_id="gone")
    assert not store.finish_file_job("gone", other.id, done, file_metadata={})
    unchanged = store.get_job(other.id)
    assert unchanged is not None and unchanged.status == "processing"


def test_an_answered_question_is_logged_in_one_write(any_db_agent: Agent) -> None:
    """``Store.record_query``: the query, its turn in the session's conversation and its job's
    end are one transaction, so the log never holds a query whose job still runs, nor a
    session turn that names no query."""
    agent = any_db_agent
    agent.load(DATA / "messy_values.csv")
    agent.wait_profiled()
    store = agent.store
    transactions: list[object] = []
    real = store.db.transaction
    store.db.transaction = lambda: transactions.append(1) or real()  # type: ignore[method-assign]
    try:
        store.record_query(turn={}, job_id="gone", job_status="completed", query_text="lost")
    except KeyError:
        pass
    else:
        raise AssertionError("a query of an unknown job was logged")
    assert transactions == [1]
    assert all(q.query_text != "lost" for q in store.list_queries())
    store.db.transaction = real  # type: ignore[method-assign]
    result = agent.ask("how many rows are there")
    query = store.get_query(result.query_id)
    assert query is not None and query.status == "completed"
    session = store.get_session(query.session_id)
    assert session is not None
    assert session.conversation_history[-1]["query_id"] == query.id
    assert session.conversation_history[-1]["question"] == "how many rows are there"
    jobs = [j for j in store.list_jobs() if j.subject_id == query.id]
    assert [(j.status, j.progress, j.result) for j in jobs] == [
        ("completed", 100.0, {"query_id": query.id})
    ]


def test_what_a_load_asks_first_is_read_in_one_transaction(any_db_agent: Agent) -> None:
    """``Store.before_load``: the completed load of the same unchanged file, and, when that
    gives no content hash, whether a completed load has as many bytes; one transaction."""
    store = any_db_agent.store
    path = DATA / "messy_values.csv"
    stat = path.stat()
    source = str(path.resolve())
    assert store.before_load(source, size=stat.st_size, mtime_ns=stat.st_mtime_ns) == (None, False)
    info = any_db_agent.load(path)
    any_db_agent.wait_profiled()  # its background writes are not counted below
    transactions: list[object] = []
    real = store.db.transaction
    store.db.transaction = lambda: transactions.append(1) or real()  # type: ignore[method-assign]
    known, _ = store.before_load(source, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    assert known is not None and known.id == info.id and transactions == [1]
    moved = store.before_load("/elsewhere.csv", size=stat.st_size, mtime_ns=stat.st_mtime_ns)
    assert moved == (None, True)  # another file of as many bytes: it is hashed first
    assert store.before_load(source, size=stat.st_size + 1, mtime_ns=0) == (None, False)


def test_a_new_files_questions_and_rows_are_one_transaction(any_db_agent: Agent) -> None:
    """``Store.start_load``: what ``before_load`` answers and, for new content, the File
    row and its job, in one transaction; no rows when the load reuses or hashes first."""
    store = any_db_agent.store
    path = DATA / "messy_values.csv"
    stat = path.stat()
    source = str(path.resolve())
    fields = {
        "filename": path.name,
        "original_filename": path.name,
        "file_size": stat.st_size,
        "status": "processing",
        "source_path": source,
        "file_metadata": {},
    }
    transactions: list[object] = []
    real = store.db.transaction
    store.db.transaction = lambda: transactions.append(1) or real()  # type: ignore[method-assign]
    known, seen, created = store.start_load(
        source,
        size=stat.st_size,
        mtime_ns=stat.st_mtime_ns,
        job_type="file_upload",
        job_status="processing",
        **fields,
    )
    assert (known, seen) == (None, False) and created is not None and transactions == [1]
    store.db.transaction = real  # type: ignore[method-assign]
    row, job = created
    stored_job = store.get_job(job.id)
    assert stored_job is not None and stored_job.subject_id == row.id
    assert stored_job.status == "processing" and stored_job.job_type == "file_upload"
    stored = store.get_file(row.id)
    assert stored is not None and stored.source_path == source
    info = any_db_agent.load(path)
    any_db_agent.wait_profiled()
    asked = dict(size=stat.st_size, job_type="file_upload", job_status="processing", **fields)
    reuse = store.start_load(source, mtime_ns=stat.st_mtime_ns, **asked)
    assert reuse[0] is not None and reuse[0].id == info.id and reuse[1:] == (False, None)
    assert store.start_load("/elsewhere.csv", mtime_ns=0, **asked) == (None, True, None)


def test_a_short_tables_load_adds_its_profile_job_as_it_completes(agent: Agent) -> None:
    """The background profile's job is written with the load's completion, in one
    transaction (``Store.complete_load``), not by the background thread afterwards."""
    store = agent.store
    real = store.add_job
    added: list[str] = []

    def add_job(job_type: str, **fields: object) -> object:
        added.append(job_type)
        return real(job_type, **fields)  # type: ignore[arg-type]

    store.add_job = add_job  # type: ignore[method-assign]
    info = agent.load(DATA / "messy_values.csv")
    agent.wait_profiled()
    assert "file_profile" not in added
    jobs = [j for j in store.list_jobs() if j.subject_id == info.id]
    assert sorted((j.job_type, j.status) for j in jobs) == [
        ("file_profile", "completed"),
        ("file_upload", "completed"),
    ]


def test_a_load_completes_with_its_next_job_by_updates_alone(any_db_agent: Agent) -> None:
    """``Store.complete_load``: the File (as its load added it) and its job completed, and
    the next job added, in one transaction that reads nothing back; a File dropped
    meanwhile raises ``KeyError`` and nothing is written."""
    from sqlalchemy import event

    store = any_db_agent.store
    row, job = store.add_file_with_job(
        "file_upload",
        job_status="processing",
        filename="a.csv",
        original_filename="a.csv",
        file_size=3,
        status="processing",
        file_metadata={},
    )
    statements: list[str] = []

    def seen(conn: object, cursor: object, statement: str, *args: object) -> None:
        statements.append(statement.split()[0].upper())

    event.listen(store.db.engine, "before_cursor_execute", seen)
    try:
        done = {"status": "completed", "progress": 100.0}
        back, following = store.complete_load(
            row, job.id, done, next_job="file_profile", status="completed", row_count=2
        )
    finally:
        event.remove(store.db.engine, "before_cursor_execute", seen)
    assert "SELECT" not in statements and statements.count("UPDATE") == 2
    assert back is row and (row.status, row.row_count) == ("completed", 2)
    stored, stored_job = store.get_file(row.id), store.get_job(job.id)
    assert stored is not None and (stored.status, stored.row_count) == ("completed", 2)
    assert stored_job is not None and stored_job.status == "completed"
    added = store.get_job(following.id)
    assert added is not None and (added.job_type, added.status) == ("file_profile", "processing")
    assert added.subject_id == row.id
    store.delete_file(row.id)
    before = len(store.list_jobs(limit=100))
    with pytest.raises(KeyError):
        store.complete_load(row, job.id, done, next_job="file_profile", status="completed")
    assert len(store.list_jobs(limit=100)) == before


def test_times_are_utc_and_aware_fresh_or_read_back(any_db_agent: Agent) -> None:
    """A row fresh from a write and the same row read back carry the same timezone-aware
    UTC moments (SQLite keeps no zone: its rows came back naive), so they compare and
    share a table column."""
    from datetime import UTC

    store = any_db_agent.store
    added = store.add_file(
        filename="a.csv", original_filename="a.csv", file_size=3, file_metadata={}
    )
    read = store.get_file(added.id)
    assert read is not None
    assert added.created_at.tzinfo is not None and read.created_at.tzinfo is not None
    assert read.created_at == added.created_at and read.created_at.utcoffset().total_seconds() == 0
    job = store.add_job("file_upload", status="completed")
    [listed] = [j for j in store.list_jobs() if j.id == job.id]
    assert listed.created_at == job.created_at and listed.created_at.tzinfo is not None
    assert listed.completed_at is not None and listed.completed_at.tzinfo is not None
    info = any_db_agent.load(DATA / "messy_values.csv")
    files = any_db_agent.files()
    assert all(f.created_at.tzinfo is not None for f in files)
    assert max(f.created_at for f in files) == info.created_at  # comparable: newest first
    assert sorted(f.created_at for f in files)[0].tzinfo == UTC


def test_failed_load_is_persisted(any_db_agent: Agent) -> None:
    with pytest.raises(Exception, match="more fields"):
        any_db_agent.load(DATA / "ragged.csv")
    [stored] = any_db_agent.files()
    assert stored.status == "error" and "lines 4, 7" in stored.error


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with database.engine.connect() as connection:
        assert connection.execute(text("pragma journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("pragma foreign_keys")).scalar_one() == 1
    database.dispose()


def test_default_database_lives_in_the_data_directory(data_dir: Path) -> None:
    with Agent(data_dir=data_dir) as agent:
        agent.load(DATA / "tabs.csv")
    assert (data_dir / "csvagent.sqlite3").exists()


def test_database_url_from_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_dir: Path
) -> None:
    target = tmp_path / "elsewhere" / "db.sqlite3"
    monkeypatch.setenv("CSVAGENT_DATABASE_URL", f"sqlite:///{target}")
    with Agent(data_dir=data_dir) as agent:
        agent.load(DATA / "tabs.csv")
    assert target.exists()


def test_bad_database_url_is_explained(data_dir: Path) -> None:
    with pytest.raises(ConfigurationError, match="not valid"):
        Agent(database_url="not a url", data_dir=data_dir)


def test_databases_of_one_url_share_an_engine_and_its_compiled_statements(
    tmp_path: Path,
) -> None:
    # SQLAlchemy caches compiled statements per engine: a second Agent on the same database
    # would compile every statement of a load again
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    first, second = Database(url), Database(url)
    assert second.engine is first.engine
    first.dispose()
    first.dispose()  # twice is harmless, and does not release the other's use
    with second.transaction() as session:  # the other user still works
        assert session.execute(text("select 1")).scalar_one() == 1
    engine = second.engine
    second.dispose()
    assert engine.pool.checkedin() == 0  # nobody uses it: its connections are closed
    third = Database(url)
    assert third.engine is engine  # kept, with its compiled statements, for the next user
    third.dispose()
    other = Database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    assert other.engine is not engine
    other.dispose()


def test_in_memory_databases_stay_apart() -> None:
    first, second = Database("sqlite://"), Database("sqlite:///:memory:")
    third = Database("sqlite://")
    assert len({id(first.engine), id(second.engine), id(third.engine)}) == 3
    for database in (first, second, third):
        database.dispose()


def test_two_agents_on_one_database_share_its_engine(data_dir: Path) -> None:
    with Agent(data_dir=data_dir) as first, Agent(data_dir=data_dir) as second:
        assert second.database.engine is first.database.engine
        first.load(DATA / "messy_values.csv")
        first.close()
        assert second.load(DATA / "messy_values.csv").reused
