"""Typing a large table's text columns after its load returned, on the background thread.

On a table of a million rows, turning text into categories and dates costs about a third
of the parse (measured on 1M x 20: 0.10-0.13 s of a 0.30 s parse, two cores), and is what
kept the load above 1.3x ``read_csv``. So a load of at least ``DEFER_ROWS`` rows returns
with the parser's types; its text columns, and whole numbers with gaps (float to
``Int64``), are converted first thing in its background phase, as a job of their own
(``file_typing``, events with ``data["phase"] == "typing"``), before the exact profile.

Nothing sees the table half typed. The frame of such a load is given to nobody until its
typing is done: ``Agent.frame`` and ``Agent.file`` (hence every question, plan, preview
and ``%csv`` command) wait for :attr:`Typing.done`, and until then the stored profile
lists the conversions still to do (``FileProfile.pending_conversions``) in an outline
(``outline.py``). Once converted, the table is given out at once (:attr:`Typing.done`,
the stored outline then typed and with nothing pending), and the typing goes on to profile
every column exactly, straight away rather than an estimate first that the exact profile
would redo; the :class:`~.files.FileInfo` of the load gives that profile once it is stored
(:attr:`Typing.profiled`), and ``Agent.file`` waits for it. It is the profile the eager
path ends with (the same conversions in the same order, the same notes, the same column
profiles), so every answer and the code shown with it are unchanged. Waiting for all the
text columns rather than the few a plan reads is measured to be enough: it takes about
0.2 s on 1M x 20, a fraction of what any planner takes.

A typing that fails (not a column that does not convert, which keeps its text and a note,
but an unexpected error) marks the File as failed with the reason, sends a
``file_error`` event, and makes the next question on the file raise that reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..errors import LoadError
from ..events import ProgressCallback, ProgressReporter
from ..persistence import Store
from .conversion import Conversion, Kind, Mapper, Outcome, convert_columns, settle
from .profile import FileProfile, LogicalType, column_profiles, logical_type

log = logging.getLogger("csvagent_jupyter")

DEFER_ROWS = 100_000  # from here on text columns are typed after the load returns
PHASE = "typing"  # the ``data["phase"]`` of this job's progress events

TYPES: dict[Kind, LogicalType] = {  # the logical type each conversion gives
    "number": "number",
    "integer": "integer",
    "boolean": "boolean",
    "datetime": "datetime",
    "duration": "number",
    "category": "category",
    "text": "text",
}


def deferrable(conversion: Conversion, prepared: dict[str, pd.Series]) -> bool:
    """A conversion worth leaving for later: any column's, unless inference already
    converted it whole. Whole numbers with gaps (float to Int64) are left too: about 4 ms
    a column of a million rows, 20 ms of the 45 ms a load of 1M x 20 spent after its
    parse."""
    return conversion.column not in prepared


@dataclass
class Typing:
    """A load's text columns still to type, and what its typed profile needs from the load."""

    pending: list[Conversion]
    order: list[Any]  # the table's column labels: conversions and notes follow this order
    held: list[Conversion] = field(default_factory=list)  # the conversions done in the load
    notes_by_column: dict[Any, list[str]] = field(default_factory=dict)  # and their notes
    parse_notes: list[str] = field(default_factory=list)
    infer_notes: list[str] = field(default_factory=list)
    done: Future[pd.DataFrame] = field(default_factory=Future)  # the typed table
    profiled: Future[FileProfile] = field(default_factory=Future)  # and its stored profile

    @classmethod
    def stored(cls, profile: FileProfile, frame: pd.DataFrame) -> Typing:
        """The typing a stored profile still lists (its load's process ended first): its
        notes so far stand, and the new ones follow them."""
        return cls(
            pending=[Conversion.from_dict(data) for data in profile.pending_conversions],
            order=list(frame.columns),
            held=[Conversion.from_dict(data) for data in profile.conversions],
            parse_notes=list(profile.notes),
        )

    def typing_notes(self) -> list[str]:
        """The typing's notes in the eager load's order: inference's, then by column."""
        by_column = self.notes_by_column
        return self.infer_notes + [note for name in self.order for note in by_column.get(name, [])]


def settle_by_column(
    frame: pd.DataFrame, outcomes: list[Outcome], typing: Typing
) -> list[Conversion]:
    """:func:`conversion.settle`, one column at a time, each column's notes kept apart."""
    held: list[Conversion] = []
    for outcome in outcomes:
        notes: list[str] = []
        held += settle(frame, [outcome], notes)
        typing.notes_by_column[outcome[0].column] = notes
    return held


def settled_frame(
    frame: pd.DataFrame, outcomes: list[Outcome], typing: Typing
) -> tuple[pd.DataFrame, list[Conversion]]:
    """:func:`settle_by_column` into a new frame, built at once from the converted columns
    and the others as they are (no copy of either), rather than written column by column
    into ``frame``, which pandas splits out of its blocks one at a time (on 10k x 100, 75
    columns: 3-7 ms in a fresh process, against 2 ms at once). The same table; ``frame``
    is left as it was. With repeated labels, written into ``frame`` as before."""
    converted: dict[Any, pd.Series] = {}
    held: list[Conversion] = []
    for conversion, series, extra in outcomes:  # what settle() keeps, and its notes
        notes = list(extra)
        if isinstance(series, pd.Series):
            converted[conversion.column] = series
            held.append(conversion)
            if conversion.note:
                notes.append(conversion.note)
        elif isinstance(series, str):
            notes.append(series)
        typing.notes_by_column[conversion.column] = notes
    if not converted:
        return frame, held
    if frame.columns.has_duplicates:  # a label is then several columns
        for name, series in converted.items():
            frame[name] = series
        return frame, held
    columns = [converted[name] if name in converted else frame[name] for name in frame.columns]
    settled = pd.concat(columns, axis=1)
    settled.columns = frame.columns
    return settled, held


def finish_typing(
    frame: pd.DataFrame,
    provisional: FileProfile,
    typing: Typing,
    mapper: Mapper,
    on_column: Callable[[], None] = lambda: None,
) -> FileProfile:
    """:func:`type_pending`, then :func:`profile_typed`: the table typed in place and its
    exact profile."""
    return profile_typed(frame, type_pending(frame, provisional, typing, mapper, on_column), mapper)


def type_pending(
    frame: pd.DataFrame,
    provisional: FileProfile,
    typing: Typing,
    mapper: Mapper,
    on_column: Callable[[], None] = lambda: None,
) -> FileProfile:
    """Convert ``typing.pending`` in ``frame`` (in place: nobody else holds it yet, and the
    text it replaces is freed column by column) and return the outline of the typed table
    (``outline.py``): conversions in column order and the notes the eager load gives, each
    typed column's placeholder with its new type and dtype, nothing pending."""

    def counted(function: Callable[[Any], Any], items: list[Any]) -> list[Any]:
        results = []
        for result in mapper(function, items):
            on_column()
            results.append(result)
        return results

    held = settle_by_column(frame, convert_columns(frame, typing.pending, counted), typing)
    position = {name: i for i, name in enumerate(typing.order)}
    conversions = sorted(typing.held + held, key=lambda c: position.get(c.column, len(position)))
    names = {c.column for c in typing.pending}
    columns = list(provisional.column_profiles)
    for i, (name, series) in enumerate(frame.items()):
        if name in names:
            columns[i] = columns[i].model_copy(
                update={"type": logical_type(series), "dtype": str(series.dtype)}
            )
    return provisional.model_copy(
        update={
            "column_profiles": columns,
            "conversions": [c.to_dict() for c in conversions],
            "pending_conversions": [],
            "outline": True,
            "exact": False,
            "notes": typing.parse_notes + typing.typing_notes(),
        }
    )


def profile_typed(frame: pd.DataFrame, outline: FileProfile, mapper: Mapper) -> FileProfile:
    """The exact profile of a table just typed, from the outline :func:`type_pending` gave.

    Exact at once, not a provisional profile first: the exact one follows anyway, and
    estimating the distinct counts of every column before counting them was work done
    twice (measured on 1M x 20: 53 ms of provisional profiles, all redone but the
    categories' by 125 ms of exact ones). The table is given out before this starts
    (``Typing.done``); what reads the profile waits for it (``Typing.profiled``)."""
    columns = column_profiles(frame, mapper, exact=True)
    return outline.model_copy(update={"column_profiles": columns, "outline": False, "exact": True})


def type_in_background(
    *,
    file_id: str,
    display_name: str,
    frame: pd.DataFrame,
    provisional: FileProfile,
    typing: Typing,
    store: Store,
    mapper: Mapper,
    on_progress: ProgressCallback | None,
) -> FileProfile:
    """The typing job of one load: its own Job row ("file_typing") and events (phase
    "typing"); the typed profile stored before ``typing.done`` is set, so that whoever waits
    for it reads that profile. A failure marks the File failed and is raised again."""
    job = store.add_job("file_typing", status="processing", subject_id=file_id)
    reporter = ProgressReporter(
        job_id=job.id,
        subject_id=file_id,
        kind="file",
        callback=on_progress,
        record=lambda fraction: store.update_job(job.id, progress=round(fraction * 100, 1)),
    )
    message = f"{display_name}: typing text columns"
    done: list[int] = []
    total = max(len(typing.pending), 1)

    def on_column() -> None:
        done.append(1)
        reporter.progress(0.9 * len(done) / total, message, phase=PHASE)

    try:
        reporter.progress(0.0, message, phase=PHASE)
        outline = type_pending(frame, provisional, typing, mapper, on_column)
        store.update_file(file_id, file_metadata=outline.model_dump(mode="json"))
    except BaseException as exc:
        reason = f"{display_name}: typing its text columns failed ({exc}). Load the file again."
        log.warning("%s", reason, exc_info=True)
        # reported before the File says so: whoever then finds it failed has had the event
        store.update_job(job.id, status="failed", error_message=reason)
        reporter.error(reason, phase=PHASE)
        store.update_file(file_id, status="error", error_message=reason)
        typing.done.set_exception(LoadError(reason, filename=display_name))
        typing.profiled.set_exception(LoadError(reason, filename=display_name))
        raise
    typing.done.set_result(frame)  # typed: the table is anybody's now, its profile follows
    try:
        reporter.progress(0.9, f"{display_name}: profiling typed columns", phase=PHASE)
        profile = profile_typed(frame, outline, mapper)
        store.update_file(file_id, file_metadata=profile.model_dump(mode="json"))
    except BaseException as exc:  # the typed outline stands (see outline.py)
        reason = f"{display_name}: profiling its typed columns failed ({exc})."
        log.warning("%s", reason, exc_info=True)
        store.update_job(job.id, status="failed", error_message=reason)
        reporter.error(reason, phase=PHASE)
        typing.profiled.set_exception(LoadError(reason, filename=display_name))
        raise
    store.update_job(
        job.id, status="completed", progress=100.0, result={"file_id": file_id, "typed": True}
    )
    reporter.complete(f"{display_name}: columns typed", file_id=file_id, phase=PHASE)
    typing.profiled.set_result(profile)
    return profile
