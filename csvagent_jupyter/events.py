"""Progress events: the original backend's websocket messages, delivered to callbacks.

The names are kept (``file_progress``, ``file_complete``, ``file_error``,
``query_progress``, ``query_complete``, ``query_error``) so that a front end written
for them keeps working; here they feed widgets and ``on_progress`` callbacks instead
of a socket.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

log = logging.getLogger("csvagent_jupyter")

EventName = Literal[
    "file_progress",
    "file_complete",
    "file_error",
    "query_progress",
    "query_complete",
    "query_error",
]


@dataclass(frozen=True)
class ProgressEvent:
    event: EventName
    job_id: str
    subject_id: str | None  # the File's or the Query's id
    progress: float  # 0.0 to 1.0
    message: str = ""
    data: dict[str, Any] = field(default_factory=dict)


ProgressCallback = Callable[[ProgressEvent], None]

JobKind = Literal["file", "query"]

# The (progress, complete, error) event names of each kind of job, spelled out so the
# type checker sees each one is an ``EventName`` (an f-string would only be a ``str``).
_EVENT_NAMES: dict[JobKind, tuple[EventName, EventName, EventName]] = {
    "file": ("file_progress", "file_complete", "file_error"),
    "query": ("query_progress", "query_complete", "query_error"),
}


class ProgressReporter:
    """Sends events to a callback and records the job's progress, without flooding either.

    Callbacks are user code (widgets): an exception in one is logged, never allowed to
    fail the load it observes. Database writes of the progress are throttled, since a
    job row updated per event would cost more than the work it reports: at most one per
    ``record_every`` of progress and per ``record_seconds`` of time (a load of a small
    file is over before anyone could read its job row's progress; the final state of the
    job is written by its owner either way).
    """

    def __init__(
        self,
        *,
        job_id: str,
        subject_id: str | None,
        kind: JobKind,
        callback: ProgressCallback | None,
        record: Callable[[float], object] | None = None,  # any return value is ignored
        record_every: float = 0.1,
        record_seconds: float = 0.25,
    ) -> None:
        self.job_id = job_id
        self.subject_id = subject_id
        self.kind = kind
        self._progress_event, self._complete_event, self._error_event = _EVENT_NAMES[kind]
        self._callback = callback
        self._record = record
        self._record_every = record_every
        self._record_seconds = record_seconds
        self._last_recorded = 0.0
        self._last_recorded_at = time.perf_counter()
        self._last_progress = 0.0
        self._lock = threading.Lock()

    def _send(self, event: ProgressEvent) -> None:
        if self._callback is None:
            return
        try:
            self._callback(event)
        except Exception:
            log.exception("a progress callback raised; the work goes on")

    def progress(self, fraction: float, message: str = "", **data: Any) -> None:
        with self._lock:
            fraction = max(self._last_progress, min(1.0, fraction))  # never goes backwards
            self._last_progress = fraction
            moment = time.perf_counter()
            should_record = (
                fraction - self._last_recorded >= self._record_every
                and moment - self._last_recorded_at >= self._record_seconds
            )
            if should_record:
                self._last_recorded, self._last_recorded_at = fraction, moment
        self._send(
            ProgressEvent(
                self._progress_event, self.job_id, self.subject_id, fraction, message, data
            )
        )
        if should_record and self._record is not None:
            self._record(fraction)

    def complete(self, message: str = "", **data: Any) -> None:
        self._send(
            ProgressEvent(self._complete_event, self.job_id, self.subject_id, 1.0, message, data)
        )

    def error(self, message: str, **data: Any) -> None:
        self._send(
            ProgressEvent(
                self._error_event,
                self.job_id,
                self.subject_id,
                self._last_progress,
                message,
                data,
            )
        )


class EstimatedProgress:
    """Reports progress of one opaque call (pandas' parser) from an expected duration.

    pandas' parallel C reader gives no progress of its own, and any hook into it
    (a file object, chunks) would take it off its parallel path. So a ticker thread
    advances the bar along an expected duration (file size over a throughput measured
    on this kind of machine), never past ``ceiling`` until the call returns: an
    estimate, said to be one, and the bar still moves on a million-row file.
    """

    def __init__(
        self,
        report: Callable[[float], None],
        *,
        start: float,
        end: float,
        expected_seconds: float,
        ceiling: float = 0.95,
        interval: float = 0.1,
    ) -> None:
        self._report = report
        self._start, self._end = start, end
        self._expected = max(expected_seconds, 1e-3)
        self._ceiling = ceiling
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="csvagent-progress", daemon=True)
        self._ticking = False

    def _run(self) -> None:
        began = time.perf_counter()
        while not self._stop.wait(self._interval):
            done = min(self._ceiling, (time.perf_counter() - began) / self._expected)
            self._report(self._start + (self._end - self._start) * done)

    def __enter__(self) -> EstimatedProgress:
        # a call expected to end before the first tick needs no ticker (starting a thread
        # costs up to a few ms in a busy process, a tenth of a short file's parse)
        self._ticking = self._expected > self._interval
        if self._ticking:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._ticking:
            self._thread.join()
        if exc[0] is None:
            self._report(self._end)
