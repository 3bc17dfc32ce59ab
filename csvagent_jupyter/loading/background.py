"""The second half of a load: what answers do not need, finished on a worker thread.

A load returns as soon as its table is parsed and typed, with an outline of its profile
(``outline.py``: replaced by a short table's exact profile here, or by a large table's
exact one by its typing, see ``deferred.py``) or a provisional profile: types, nulls,
ranges and categories exact, the distinct counts that need hashing every value
estimated and marked ``approximate``. Questions can run from then on, since the
executor works on the typed frame and answers stay exact; what a planner reads from
the profile is the only thing still estimated (the offline planner, whose choices
depend on exact counts, waits for the rest: see ``Agent.wait_profiled``).

The rest runs here, on two daemon threads, each job with its own Job row and progress
events (``data["phase"] == "profile"``):

0. for a large table, the typing of its text columns, a job and events of its own
   (``deferred.py``; the table is given to nobody before it is done), on the typing
   thread, so that it never waits for another file's exact profile;
1. the check for short rows, which only adds a note when such rows are kept;
2. the exact profile, column by column;
3. the File row updated with it (``profile.exact`` turns true);
4. the columnar cache written (by the cache's own writer, see ``cache.py``).

Like the cache writer, the threads are daemons with an ``atexit`` wait of
``EXIT_WAIT_SECONDS``: a script that ends right after ``agent.load`` still leaves an
exact profile and a cache behind, and a process that is killed leaves a provisional
profile, which the next ``wait_profiled`` finishes (a completed File is always usable).
"""

from __future__ import annotations

import atexit
import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from ..events import ProgressCallback, ProgressReporter
from ..persistence import Store
from .cache import FrameCache
from .deferred import Typing
from .files import FileScan
from .profile import FileProfile, complete_profile
from .reader import short_rows
from .sniff import Dialect

log = logging.getLogger("csvagent_jupyter")

EXIT_WAIT_SECONDS = 30.0
PHASE = "profile"  # the ``data["phase"]`` of this phase's progress events
PROFILE_JOB = "file_profile"  # the type of this phase's Job row


@dataclass
class Refinement:
    """Everything the background phase of one load needs, captured when the load returns."""

    file_id: str
    display_name: str
    path: Path
    content_hash: str
    frame: pd.DataFrame
    provisional: FileProfile
    dialect: Dialect | None  # None when short rows were already looked for
    scan: FileScan | None = None  # the read that hashed the file, delimiters counted
    notes_before: list[str] = field(default_factory=list)  # the parse's notes
    notes_after: list[str] = field(default_factory=list)  # the typing's notes
    typing: Typing | None = None  # text columns still to type (``frame`` is then untyped)
    job_id: str | None = None  # this phase's job, when the load added it (else refine does)


def padded_note(padded: list[int], columns: int, line_list: Callable[[list[int]], str]) -> str:
    """The note for short lines kept with empty fields (the same words in both phases)."""
    return (
        f"{len(padded)} line(s) have fewer fields than the {columns} columns of "
        f"the header: {line_list(padded)}. Their missing fields are empty; load with "
        "skip_bad_lines=True to skip such lines instead."
    )


class Background:
    """The process's pending background phases, done in order by two daemon threads.

    Keyed by File id, so that every ``Agent`` of the process (and ``drop``) can wait for
    a file's profile, and a second load of the same content finds its frame in memory.

    Typing runs on a thread of its own, ahead of exact profiles: questions wait for a
    file's typing (``deferred.py``), never for its exact profile unless their planner
    needs it, so a file loaded while another one's exact profile is computed is typed
    at once, not after it. A file's own profile still waits for its typing.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: dict[str, tuple[Future[FileProfile], Refinement]] = {}
        self.lanes: dict[str, queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]]] = {}
        self.threads: dict[str, threading.Thread] = {}

    def submit(
        self,
        refinement: Refinement,
        work: Callable[[], FileProfile],
        typing: Callable[[], Any] | None = None,
    ) -> Future[FileProfile]:
        """Queue ``work`` (the exact profile); ``typing`` first, on the typing thread, when
        the load left text columns to type (``work`` must then wait for it itself)."""
        future: Future[FileProfile] = Future()
        with self.lock:
            self.pending[refinement.file_id] = (future, refinement)

        def done(_: Future[FileProfile]) -> None:
            with self.lock:
                if self.pending.get(refinement.file_id, (None,))[0] is future:
                    del self.pending[refinement.file_id]

        future.add_done_callback(done)
        if typing is not None:
            self._put("typing", typing, Future())
        self._put("profile", work, future)
        return future

    def _put(self, lane: str, work: Callable[[], Any], future: Future[Any]) -> None:
        with self.lock:
            if lane not in self.lanes:
                self.lanes[lane] = queue.SimpleQueue()
                self.threads[lane] = threading.Thread(
                    target=self._work,
                    args=(self.lanes[lane],),
                    name=f"csvagent-{lane}",
                    daemon=True,
                )
                self.threads[lane].start()
            self.lanes[lane].put((work, future))

    @staticmethod
    def _work(lane: queue.SimpleQueue[tuple[Callable[[], Any], Future[Any]]]) -> None:
        while True:
            work, future = lane.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(work())
            except BaseException as exc:
                log.warning("a background job failed: %s", exc, exc_info=True)
                future.set_exception(exc)

    def pending_futures(self) -> list[Future[FileProfile]]:
        with self.lock:
            return [future for future, _ in self.pending.values()]

    def future_of(self, file_id: str) -> Future[FileProfile] | None:
        with self.lock:
            entry = self.pending.get(file_id)
        return entry[0] if entry else None

    def futures_of_content(self, content_hash: str) -> list[Future[FileProfile]]:
        """The pending background phases of loads of this content."""
        with self.lock:
            return [f for f, r in self.pending.values() if r.content_hash == content_hash]

    def typing_of(self, file_id: str) -> Typing | None:
        """The typing still pending (or just done) of a load in its background phase."""
        with self.lock:
            entry = self.pending.get(file_id)
        return entry[1].typing if entry else None

    def frame_of(self, content_hash: str) -> pd.DataFrame | None:
        """The typed frame of a load of this content still in its background phase, once
        typed (waits for its typing; None if that failed)."""
        with self.lock:
            entries = list(self.pending.values())
        found = next((r for _, r in entries if r.content_hash == content_hash), None)
        if found is None or found.typing is None:
            return found.frame if found is not None else None
        try:
            return found.typing.done.result()
        except Exception:  # reported by the typing job; the caller reads or parses it again
            return None

    def finish_at_exit(self) -> None:
        """Give pending profiles a bounded time; the rest stays provisional (still usable)."""
        for future in self.pending_futures():
            try:
                future.exception(timeout=EXIT_WAIT_SECONDS)
            except TimeoutError:
                log.info("exiting before a background profile finished; it stays provisional")


background = Background()
atexit.register(background.finish_at_exit)


def refine(
    refinement: Refinement,
    *,
    store: Store,
    cache: FrameCache,
    mapper: Any,
    on_progress: ProgressCallback | None,
    line_list: Callable[[list[int]], str],
) -> FileProfile:
    """The background phase of one load (see the module's docstring); returns the exact profile.

    Its own Job row ("file_profile") records it, and its events carry ``phase="profile"``.
    """
    job_id = refinement.job_id
    if job_id is None:
        job_id = store.add_job(PROFILE_JOB, status="processing", subject_id=refinement.file_id).id
    reporter = ProgressReporter(
        job_id=job_id,
        subject_id=refinement.file_id,
        kind="file",
        callback=on_progress,
        record=lambda fraction: store.update_job(job_id, progress=round(fraction * 100, 1)),
    )
    name, frame = refinement.display_name, refinement.frame
    try:
        reporter.progress(0.0, f"{name}: exact profile", phase=PHASE)
        notes = list(refinement.notes_before)
        if refinement.dialect is not None:
            found = short_rows(frame, refinement.path, refinement.dialect, refinement.scan)
            if found is not None:
                notes.append(padded_note(found.lines, len(frame.columns), line_list))
                log.warning("%s: %d short lines: %s", name, len(found.lines), found.lines[:20])
        reporter.progress(0.1, f"{name}: exact profile", phase=PHASE)
        done: list[int] = []
        estimated = sum(1 for c in refinement.provisional.column_profiles if c.approximate)

        def counted(item: Any) -> Any:
            done.append(1)
            reporter.progress(
                0.1 + 0.8 * len(done) / max(estimated, 1), f"{name}: exact profile", phase=PHASE
            )
            return item

        notes += refinement.notes_after
        provisional = refinement.provisional
        result = {"file_id": refinement.file_id, "exact": True}
        completed = {"status": "completed", "progress": 100.0, "result": result}
        if provisional.exact and not provisional.outline and notes == provisional.notes:
            # exact already, as its typing stores it (deferred.py), and no short row found:
            # nothing to count, nor to store again
            profile = provisional
            store.update_job(job_id, **completed)
        else:
            profile = complete_profile(
                frame,
                provisional,
                lambda fn, items: [counted(r) for r in mapper(fn, items)],
                notes=notes,
            )
            reporter.progress(0.9, f"{name}: saving the profile", phase=PHASE)
            # the profile stored and the job completed in one write (see Store.finish_file_job)
            metadata = profile.model_dump(mode="json")
            if not store.finish_file_job(
                refinement.file_id, job_id, completed, file_metadata=metadata
            ):
                raise LookupError(f"{name} was dropped while its profile was computed")
        cache.write_in_background(refinement.content_hash, frame)
    except BaseException as exc:
        store.update_job(job_id, status="failed", error_message=str(exc))
        reporter.error(f"{name}: the exact profile failed ({exc})", phase=PHASE)
        raise
    reporter.complete(f"{name}: profile complete", file_id=refinement.file_id, phase=PHASE)
    return profile
