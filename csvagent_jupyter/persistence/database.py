"""Engine set-up, schema creation and the schema-version check.

Sync SQLAlchemy 2.x. SQLite gets WAL (readers never block the writer, so a notebook
can read the query log while a load is being recorded) and foreign keys (off by
default in SQLite). Any other URL, PostgreSQL included, is used as given.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections import OrderedDict
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


IDLE_ENGINES = 4  # engines of closed databases kept, with their compiled statements


def _shareable(url: str) -> bool:
    """False for an in-memory SQLite database: each engine of one is a database of its own."""
    try:
        parsed = make_url(url)
    except Exception:  # not a URL: create_database_engine says so in the analyst's words
        return False
    if parsed.get_backend_name() != "sqlite":
        return True
    database = parsed.database or ""
    return database not in ("", ":memory:") and parsed.query.get("mode") != "memory"


class _Engines:
    """The process's engines, one per database URL, shared by every ``Database`` of that URL.

    SQLAlchemy caches each compiled statement per engine (its key holds the engine's dialect),
    so a second ``Agent`` on the same database compiled every statement of a load again: about
    half of a small load's database time. Sharing the engine shares that cache and the
    connection pool. When the last user of an engine closes, its connections are closed
    (nothing stays open on a database nobody uses) but the engine is kept, among the
    ``IDLE_ENGINES`` most recent, so the next ``Agent`` on it starts with its statements
    compiled.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._engines: OrderedDict[str, tuple[Engine, int]] = OrderedDict()

    def acquire(self, url: str) -> Engine:
        if not _shareable(url):
            return create_database_engine(url)
        with self._lock:
            engine, users = self._engines.pop(url, (None, 0))
            if engine is None:
                engine = create_database_engine(url)
            self._engines[url] = (engine, users + 1)  # the most recent last
            return engine

    def release(self, url: str, engine: Engine) -> None:
        with self._lock:
            entry = self._engines.get(url)
            shared = entry is not None and entry[0] is engine
            if shared:
                assert entry is not None
                self._engines[url] = (engine, entry[1] - 1)
                if entry[1] > 1:
                    return  # others still use it
                idle = [key for key, (_, users) in self._engines.items() if users == 0]
                for key in idle[: max(0, len(idle) - IDLE_ENGINES)]:
                    del self._engines[key]
        engine.dispose()  # closes its pooled connections; a shared engine stays usable


_engines = _Engines()


class Database:
    """Hands out short transactions on the process's engine for its URL (see ``_Engines``)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engines.acquire(url)
        # released by dispose(), or when this object is collected without it
        self._release = weakref.finalize(self, _engines.release, url, self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        try:
            self._ensure_schema()
        except BaseException:
            self._release()
            raise

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
        """Release the engine: its connections close once no other ``Database`` uses it.
        Safe to call more than once."""
        self._release()
