"""Engine set-up, schema creation and the schema-version check.

Sync SQLAlchemy 2.x. SQLite gets WAL (readers never block the writer, so a notebook
can read the query log while a load is being recorded) and foreign keys (off by
default in SQLite). Any other URL, PostgreSQL included, is used as given.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from ..errors import ConfigurationError
from .models import SCHEMA_VERSION, Base, SchemaInfo, utcnow

log = logging.getLogger("csvagent_jupyter")

# Migrations from version N to N+1, run in order on an older database. Empty while
# the schema has only one version; a release that changes a table adds a step here.
MIGRATIONS: dict[int, Any] = {}
SCHEMA_ATTEMPTS = 20


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_database_engine(url: str) -> Engine:
    """An engine for ``url``; the SQLite file's folder is created if missing."""
    try:
        parsed = make_url(url)
    except Exception as exc:  # SQLAlchemy raises ArgumentError with a terse message
        raise ConfigurationError(
            f"The database URL {url!r} is not valid ({exc}). "
            "Use e.g. sqlite:////path/to/file.sqlite3 or postgresql+psycopg://user@host/db."
        ) from None
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


class Database:
    """Owns the engine and hands out short transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_database_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._ensure_schema()

    @contextmanager
    def transaction(self) -> Iterator[OrmSession]:
        """One short unit of work: committed on success, rolled back on error."""
        with self._sessions.begin() as session:
            yield session

    def _ensure_schema(self) -> None:
        """Create the tables and record the schema version, safely beside other processes.

        Two kernels opening one new database at the same moment both see no tables and
        both create them; the loser's CREATE TABLE fails. On SQLite the whole step runs
        under the database's write lock (BEGIN IMMEDIATE, which waits its turn), so the
        second process finds the first one's tables; on any backend a failure is retried,
        and the retry sees the other process's work.
        """
        for attempt in range(SCHEMA_ATTEMPTS):
            try:
                self._create_schema()
                return
            except (OperationalError, IntegrityError, ProgrammingError) as exc:
                if attempt == SCHEMA_ATTEMPTS - 1:
                    raise
                log.debug("schema creation raced another process (%s); retrying", exc)
                time.sleep(0.05 * (attempt + 1))

    def _create_schema(self) -> None:
        with self.engine.connect() as connection:
            if self.engine.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            Base.metadata.create_all(connection)
            with OrmSession(bind=connection) as session:
                info = session.scalars(select(SchemaInfo)).first()
                if info is None:
                    session.add(SchemaInfo(id=1, version=SCHEMA_VERSION))
                elif info.version > SCHEMA_VERSION:
                    raise ConfigurationError(
                        f"The database at {self.url} was written by a newer csvagent-jupyter "
                        f"(schema {info.version}, this release knows {SCHEMA_VERSION}). "
                        "Upgrade the package, or point CSVAGENT_DATABASE_URL at another database."
                    )
                else:
                    while info.version < SCHEMA_VERSION:
                        log.info("migrating database schema from version %s", info.version)
                        MIGRATIONS[info.version](session)
                        info.version += 1
                        info.updated_at = utcnow()
                session.flush()
            connection.commit()

    def dispose(self) -> None:
        self.engine.dispose()
