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
