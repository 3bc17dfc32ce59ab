"""Engine set-up, schema creation and the schema-version check.

Sync SQLAlchemy 2.x. SQLite gets WAL (readers never block the writer, so a notebook
can read the query log while a load is being recorded) and foreign keys (off by
default in SQLite). Any other URL, PostgreSQL included, is used as given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session as OrmSession
from sqlalchemy.orm import sessionmaker

from ..errors import ConfigurationError
from .models import SCHEMA_VERSION, Base, SchemaInfo, utcnow

log = logging.getLogger("csvagent_jupyter")

# Migrations from version N to N+1, run in order on an older database. Empty while
# the schema has only one version; a release that changes a table adds a step here.
MIGRATIONS: dict[int, Any] = {}


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
        Base.metadata.create_all(self.engine)
        with self.transaction() as session:
            info = session.scalars(select(SchemaInfo)).first()
            if info is None:
                session.add(SchemaInfo(id=1, version=SCHEMA_VERSION))
                return
            if info.version > SCHEMA_VERSION:
                raise ConfigurationError(
                    f"The database at {self.url} was written by a newer csvagent-jupyter "
                    f"(schema {info.version}, this release knows {SCHEMA_VERSION}). "
                    "Upgrade the package, or point CSVAGENT_DATABASE_URL at another database."
                )
            while info.version < SCHEMA_VERSION:
                log.info("migrating database schema from version %s", info.version)
                MIGRATIONS[info.version](session)
                info.version += 1
                info.updated_at = utcnow()

    def dispose(self) -> None:
        self.engine.dispose()
