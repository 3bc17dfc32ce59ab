"""The only place that reads and writes rows: one short transaction per call.

Returned rows are detached snapshots (``expire_on_commit=False``), safe to read
after the transaction and from another thread.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import delete, select, update

from .database import Database
from .models import Base, File, Job, Query, Session, utcnow

RowT = TypeVar("RowT", bound=Base)


class Store:
    def __init__(self, database: Database) -> None:
        self.db = database

    # -- generic ---------------------------------------------------------------------------
    def _add(self, row: RowT) -> RowT:
        with self.db.transaction() as session:
            session.add(row)
        return row

    def _update(self, model: type[RowT], row_id: str, **fields: Any) -> RowT:
        with self.db.transaction() as session:
            return _set_fields(session, model, row_id, fields)

    def _get(self, model: type[RowT], row_id: str) -> RowT | None:
        with self.db.transaction() as session:
            return session.get(model, row_id)

    # -- files -----------------------------------------------------------------------------
    def add_file(self, *, job_id: str | None = None, **fields: Any) -> File:
        """A new File row; with ``job_id``, that job's subject becomes it in the same write."""
        with self.db.transaction() as session:
            row = File(**fields)
            session.add(row)
            if job_id is not None:
                session.flush()  # gives the row its id
                session.execute(update(Job).where(Job.id == job_id).values(subject_id=row.id))
        return row

    def add_file_with_job(
        self, job_type: str, *, job_status: str, **fields: Any
    ) -> tuple[File, Job]:
        """A new File row and the job whose subject it is, in one write (a load that needs
        nothing before its File row: one transaction, not two)."""
        with self.db.transaction() as session:
            job = Job(job_type=job_type, **_job_changes({"status": job_status}))
            row = File(**fields)
            session.add_all([job, row])
            session.flush()  # gives both their ids
            job.subject_id = row.id
        return row, job

    def update_file(
        self,
        file_id: str,
        *,
        job_id: str | None = None,
        job_fields: dict[str, Any] | None = None,
        **fields: Any,
    ) -> File:
        """Update a File; with ``job_id``, that job is updated with ``job_fields`` in the same
        transaction (a load's File and its job complete together, in one write)."""
        if job_id is None:
            return self._update(File, file_id, **fields)
        with self.db.transaction() as session:
            row = _set_fields(session, File, file_id, fields)
            changes = _job_changes(job_fields or {})
            session.execute(update(Job).where(Job.id == job_id).values(**changes))
        return row

    def complete_load(
        self,
        row: File,
        job_id: str,
        job_fields: dict[str, Any],
        *,
        next_job: str,
        **fields: Any,
    ) -> tuple[File, Job]:
        """:meth:`update_file` with its job, and in the same write the job of type
        ``next_job`` (processing, its subject the File) that continues the load in the
        background: one transaction, not two (the background's first step was a write of
        its own, about a millisecond on 10k x 100, before its profile started).

        ``row``: the File as its load added it (a detached snapshot), given back with
        ``fields`` set: the File is written by an UPDATE alone, not read first (as
        :meth:`finish_file_job` writes). Raises ``KeyError`` when it is gone (dropped)."""
        with self.db.transaction() as session:
            found = session.execute(
                update(File).where(File.id == row.id).values(**fields),
                execution_options={"synchronize_session": False},
            )
            if not found.rowcount:  # type: ignore[attr-defined]
                raise KeyError(f"no File with id {row.id}")
            session.execute(
                update(Job).where(Job.id == job_id).values(**_job_changes(job_fields)),
                execution_options={"synchronize_session": False},
            )
            following = Job(
                job_type=next_job, subject_id=row.id, **_job_changes({"status": "processing"})
            )
            session.add(following)
        for name, value in fields.items():
            setattr(row, name, value)
        return row, following

    def finish_file_job(
        self, file_id: str, job_id: str, job_fields: dict[str, Any], **fields: Any
    ) -> bool:
        """Set ``fields`` on a File and ``job_fields`` on a job in one write, by UPDATE
        statements alone; False, with nothing written, when the File is gone (dropped: its
        job is then the caller's to fail).

        A background job's last step (its profile stored, the job completed): one
        transaction, not a read to check the File is there and two writes (measured on a
        10k x 100 load: about 7 ms against 2), and no read of the File's old profile."""
        with self.db.transaction() as session:
            found = session.execute(
                update(File).where(File.id == file_id).values(**fields),
                execution_options={"synchronize_session": False},
            )
            if not found.rowcount:  # type: ignore[attr-defined]
                return False  # the UPDATE matched no row: nothing was written
            session.execute(
                update(Job).where(Job.id == job_id).values(**_job_changes(job_fields)),
                execution_options={"synchronize_session": False},
            )
        return True

    def get_file(self, file_id: str) -> File | None:
        return self._get(File, file_id)

    def find_completed_file(self, content_hash: str) -> File | None:
        """The newest completed load of this exact content, if any."""
        with self.db.transaction() as session:
            statement = (
                select(File)
                .where(File.content_hash == content_hash, File.status == "completed")
                .order_by(File.created_at.desc())
                .limit(1)
            )
            return session.scalars(statement).first()

    def before_load(
        self, source_path: str, *, size: int, mtime_ns: int
    ) -> tuple[File | None, bool]:
        """What a load asks first, in one transaction (each is a connection's checkout, a
        BEGIN and a COMMIT: about a third of such a read's time):

        - the newest completed load of the content of this very file, if the file is
          unchanged since a completed load of it (same path, size and modification time to
          the nanosecond); else None: hash it;
        - asked only when that gives no content hash (else False): whether any completed
          load has exactly ``size`` bytes. When none has, none can hold the same content,
          and a new file need not be hashed before it is read.
        """
        with self.db.transaction() as session:
            return _before_load(session, source_path, size, mtime_ns)

    def start_load(
        self,
        source_path: str,
        /,
        *,
        size: int,
        mtime_ns: int,
        job_type: str,
        job_status: str,
        **fields: Any,
    ) -> tuple[File | None, bool, tuple[File, Job] | None]:
        """:meth:`before_load`, and in the same transaction, when its answers say the file
        is new content to parse (no completed load of it, none of as many bytes), the File
        row ``fields`` and its job, as :meth:`add_file_with_job` adds them.

        A load of a new file asked those questions in one transaction and wrote its rows in
        a second: each is a connection's checkout, a BEGIN and a COMMIT (measured in a fresh
        process on 10k x 100: 3.3 ms and 3.2 ms, about a twentieth of the load after its
        parse). Returns what ``before_load`` returns, and the rows added (None when none
        was: the caller reuses a load or hashes the file first)."""
        with self.db.transaction() as session:
            known, size_seen = _before_load(session, source_path, size, mtime_ns)
            if size_seen or (known is not None and known.content_hash):
                return known, size_seen, None
            job = Job(job_type=job_type, **_job_changes({"status": job_status}))
            row = File(**fields)
            session.add_all([job, row])
            session.flush()  # gives both their ids
            job.subject_id = row.id
        return known, False, (row, job)

    def list_files(self, *, status: str | None = None) -> list[File]:
        """Files, newest first."""
        with self.db.transaction() as session:
            statement = select(File).order_by(File.created_at.desc())
            if status is not None:
                statement = statement.where(File.status == status)
            return list(session.scalars(statement))

    def delete_file(self, file_id: str) -> None:
        """Delete a File; its sessions and queries stay, no longer linked to it (done here, not
        by the database, since SQLite enforces ``ON DELETE SET NULL`` only with a pragma)."""
        with self.db.transaction() as session:
            session.execute(update(Session).where(Session.file_id == file_id).values(file_id=None))
            session.execute(update(Query).where(Query.file_id == file_id).values(file_id=None))
            session.execute(delete(File).where(File.id == file_id))

    # -- jobs ------------------------------------------------------------------------------
    def add_job(
        self, job_type: str, *, subject_id: str | None = None, status: str = "queued", **fields: Any
    ) -> Job:
        """A new job; one that starts at once is added as "processing", one done at once (a
        load from the cache) as "completed": one write, not two."""
        fields = _job_changes({"status": status, **fields})
        return self._add(Job(job_type=job_type, subject_id=subject_id, **fields))

    def update_job(self, job_id: str, **fields: Any) -> Job:
        return self._update(Job, job_id, **_job_changes(fields))

    def get_job(self, job_id: str) -> Job | None:
        return self._get(Job, job_id)

    def list_jobs(self, *, limit: int = 20) -> list[Job]:
        with self.db.transaction() as session:
            statement = select(Job).order_by(Job.created_at.desc()).limit(limit)
            return list(session.scalars(statement))

    # -- sessions --------------------------------------------------------------------------
    def add_session(self, *, file_id: str | None) -> Session:
        return self._add(Session(file_id=file_id, conversation_history=[], active_tables={}))

    def get_session(self, session_id: str) -> Session | None:
        return self._get(Session, session_id)

    def update_session(self, session_id: str, **fields: Any) -> Session:
        return self._update(Session, session_id, **fields)

    def list_sessions(self, *, limit: int = 50) -> list[Session]:
        with self.db.transaction() as session:
            statement = select(Session).order_by(Session.updated_at.desc()).limit(limit)
            return list(session.scalars(statement))

    # -- queries ---------------------------------------------------------------------------
    def add_query(self, **fields: Any) -> Query:
        return self._add(Query(**fields))

    def record_query(
        self, *, turn: dict[str, Any], job_id: str, job_status: str, **fields: Any
    ) -> Query:
        """Log an answered question, in one write: the Query row, its turn appended to its
        session's conversation (``turn`` gets the query's id as ``query_id``) and its job
        ended. An ask is logged on every question, so one transaction rather than four keeps
        the log's cost out of the answer's time."""
        with self.db.transaction() as session:
            row = Query(**fields)
            session.add(row)
            session.flush()  # gives the row its id
            conversation = session.get(Session, row.session_id) if row.session_id else None
            if conversation is not None:
                history = [*conversation.conversation_history, {"query_id": row.id, **turn}]
                conversation.conversation_history = history
            _set_fields(
                session,
                Job,
                job_id,
                _job_changes(
                    {
                        "status": job_status,
                        "progress": 100.0,
                        "subject_id": row.id,
                        "result": {"query_id": row.id},
                        "error_message": row.error_message,
                    }
                ),
            )
        return row

    def update_query(self, query_id: str, **fields: Any) -> Query:
        return self._update(Query, query_id, **fields)

    def get_query(self, query_id: str) -> Query | None:
        return self._get(Query, query_id)

    def find_cached_query(self, cache_key: str) -> Query | None:
        """The newest completed query with this cache key (same content, question, planner, context)."""
        with self.db.transaction() as session:
            statement = (
                select(Query)
                .where(Query.cache_key == cache_key, Query.status == "completed")
                .order_by(Query.created_at.desc())
                .limit(1)
            )
            return session.scalars(statement).first()

    def query_ids_starting_with(self, prefix: str, *, limit: int = 10) -> list[str]:
        """Ids of queries that start with ``prefix`` (so a short id prefix can name a query)."""
        with self.db.transaction() as session:
            statement = select(Query.id).where(Query.id.startswith(prefix, autoescape=True))
            return list(session.scalars(statement.limit(limit)))

    def list_queries(self, *, session_id: str | None = None, limit: int = 100) -> list[Query]:
        """The query log, oldest first, so it reads as a conversation."""
        with self.db.transaction() as session:
            statement = select(Query).order_by(Query.created_at.desc()).limit(limit)
            if session_id is not None:
                statement = statement.where(Query.session_id == session_id)
            return list(reversed(list(session.scalars(statement))))


def _job_changes(fields: dict[str, Any]) -> dict[str, Any]:
    """A job's new fields; a job that ends gets its completion time."""
    if fields.get("status") in {"completed", "failed"}:
        return {"completed_at": utcnow(), **fields}
    return fields


def _set_fields(session: Any, model: type[RowT], row_id: str, fields: dict[str, Any]) -> RowT:
    """Load one row in ``session`` and set ``fields`` on it (written when the session ends)."""
    row = session.get(model, row_id)
    if row is None:
        raise KeyError(f"no {model.__name__} with id {row_id}")
    for name, value in fields.items():
        setattr(row, name, value)
    return row


def _before_load(
    session: Any, source_path: str, size: int, mtime_ns: int
) -> tuple[File | None, bool]:
    """What :meth:`Store.before_load` answers, in ``session``."""
    known = _completed_load_of_source(session, source_path, size, mtime_ns)
    if known is not None and known.content_hash:
        return known, False
    statement = select(File.id).where(File.file_size == size, File.status == "completed").limit(1)
    return known, session.scalars(statement).first() is not None


def _completed_load_of_source(
    session: Any, source_path: str, size: int, mtime_ns: int
) -> File | None:
    """The newest completed load of the content of the file at ``source_path`` as it is now
    (see :meth:`Store.before_load`), in ``session``."""
    known_hash = (
        select(File.content_hash)
        .where(
            File.source_path == source_path,
            File.file_size == size,
            File.source_mtime_ns == mtime_ns,
            File.status == "completed",
        )
        .order_by(File.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    statement = (
        select(File)
        .where(File.content_hash == known_hash, File.status == "completed")
        .order_by(File.created_at.desc())
        .limit(1)
    )
    return session.scalars(statement).first()
