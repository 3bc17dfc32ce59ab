"""Load one CSV end to end: validate, parse, type, profile, record, cache.

This is the only module that joins loading to persistence. Every load either
completes (a ``completed`` File with its profile, a completed Job) or fails with a
project error and leaves a File with status ``error`` and the message, a failed
Job, and nothing else: no cache file, no half-filled profile.

A load returns once the table is parsed and its numbers typed, with an outline of its
profile (see ``outline.py``) on a short table or one whose text columns are typed in the
background (``deferred.py``), else a provisional profile whose distinct counts that need
hashing every value are estimated (``profile.exact`` is false). The typing of text
columns, the exact profile, the check for short rows and the cache write finish in the
background (see ``background.py``).
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CSVAgentError, EmptyFileError, FileMissingError, FileTooLargeError, LoadError
from ..events import EstimatedProgress, ProgressCallback, ProgressReporter
from ..persistence import File, Store
from ..settings import Settings
from . import profile as profiling
from .background import PROFILE_JOB, Refinement, background, padded_note, refine
from .cache import FrameCache
from .conversion import convert_columns
from .deferred import (
    DEFER_ROWS,
    Typing,
    deferrable,
    finish_typing,
    settled_frame,
)
from .deferred import type_in_background as type_columns
from .files import (
    FileInfo,
    FileScan,
    LoadedTable,
    content_hash_of,
    human,
    line_list,
    now,
    scan_file,
)
from .outline import outline_profile
from .profile import FileProfile, profile_frame
from .reader import delimiter_byte, parse, read_again, reload_csv, short_rows
from .sniff import SAMPLE_BYTES, Dialect, sniff
from .summary_rows import section_note, section_rows, summary_note, summary_rows
from .threads import column_pool, parallel_map
from .typing import Conversion, infer_conversions

__all__ = [
    "FileInfo",
    "LoadedTable",
    "Loader",
    "available_memory",
    "content_hash_of",
    "reload_csv",
]

log = logging.getLogger("csvagent_jupyter")

# Throughput used to advance the bar during pandas' parse, which reports nothing itself.
# Measured here: 163 MB in 0.52 s with the parallel reader; a little slower is safer.
EXPECTED_PARSE_BYTES_PER_SECOND = 250e6
PARALLEL_ROWS = 100_000
# pandas' parser reports nothing while it reads, so the bar there is timed, and says so.
# A parsed table takes about twice its CSV's bytes (measured on mixed tables: 2.3x at peak).
MEMORY_PER_FILE_BYTE = 2.0
READING = "reading (progress estimated from the file size)"
# Up to this size, short rows are looked for during the load (a fraction of the parse);
# above it, in the background: they only add a note when kept (not with skip_bad_lines).
SHORT_ROWS_INLINE_BYTES = 16 * 1024 * 1024


class Loader:
    def __init__(self, settings: Settings, store: Store, cache: FrameCache) -> None:
        self.settings = settings
        self.store = store
        self.cache = cache

    # -- entry point -----------------------------------------------------------------------
    def load(
        self,
        source: str | Path | bytes,
        *,
        name: str | None = None,
        on_progress: ProgressCallback | None = None,
        skip_bad_lines: bool | None = None,
    ) -> LoadedTable:
        skip = self.settings.skip_bad_lines if skip_bad_lines is None else skip_bad_lines
        if isinstance(source, bytes | bytearray | memoryview):
            display_name = name or "upload.csv"
            path = self._store_upload(bytes(source), display_name)
        else:
            path = Path(source).expanduser()
            display_name = name or path.name
        try:
            size = self._check_file(path, display_name)
        except LoadError as exc:
            self._record_early_failure(path, display_name, exc)
            raise
        stat = path.stat()
        source_path = str(path.resolve())
        file_fields: dict[str, Any] = {
            "filename": path.name,
            "original_filename": display_name,
            "file_size": size,
            "status": "processing",
            "source_path": source_path,
            "source_mtime_ns": stat.st_mtime_ns,
            "file_metadata": {},
        }
        # An unchanged file loaded before is reused without reading it (nor writing a job row
        # before the one that records the reuse); a new content's File row and job are
        # written in the transaction that tells (see Store.start_load).
        known, size_seen, created = self.store.start_load(
            source_path,
            size=stat.st_size,
            mtime_ns=stat.st_mtime_ns,
            job_type="file_upload",
            job_status="processing",
            **file_fields,
        )
        reused = self._reuse(known, skip, None, on_progress) if created is None else None
        if reused is not None:
            return reused
        content_hash: str | None
        if created is not None:  # new content, hashed while it is parsed (as below)
            content_hash = None
            row, job = created
            reporter = self._reporter(job.id, on_progress)
        elif not (known and known.content_hash) and size_seen:
            # a load of this many bytes completed: the same content may be known elsewhere
            job = self.store.add_job("file_upload", status="processing")
            reporter = self._reporter(job.id, on_progress)
            content_hash = content_hash_of(
                path, lambda done: reporter.progress(0.1 * done / size, "checking content")
            )
            found = self.store.find_completed_file(content_hash)  # the same content elsewhere
            reused = self._reuse(found, skip, job.id, on_progress)
            if reused is not None:
                return reused
            # the job's subject, in the same write
            row = self.store.add_file(content_hash=content_hash, job_id=job.id, **file_fields)
        else:
            # The content is known (the file's cache is gone, or was read otherwise), or no
            # completed load has this many bytes, so none holds this content: the file is
            # hashed on a worker thread while it is parsed, not before (see
            # _parse_and_type). Its File row and job are written together.
            content_hash = known.content_hash if known is not None else None
            row, job = self.store.add_file_with_job(
                "file_upload", job_status="processing", content_hash=content_hash, **file_fields
            )
            reporter = self._reporter(job.id, on_progress)
        reporter.subject_id = row.id
        try:
            typed = self._parse_and_type(
                path, display_name, size, skip, reporter, scan=content_hash is None
            )
        except Exception as exc:
            message = (
                str(exc)
                if isinstance(exc, CSVAgentError)
                else f"{display_name}: unexpected error while loading ({exc})."
            )
            self.store.update_file(
                row.id, status="error", error_message=message, processed_at=now()
            )
            self.store.update_job(job.id, status="failed", error_message=message)
            reporter.error(message)
            if isinstance(exc, CSVAgentError):
                raise
            raise LoadError(message, filename=display_name) from exc
        frame, profile = typed.frame, typed.profile
        content_hash = content_hash or (typed.scan.content_hash if typed.scan else None)
        assert content_hash is not None  # known before the parse, or hashed alongside it
        completed: dict[str, Any] = dict(
            status="completed",
            content_hash=content_hash,
            file_metadata=profile.model_dump(mode="json"),
            row_count=profile.rows,
            column_count=profile.columns,
            cache_path=str(self.cache.path_for(content_hash)),
            processed_at=now(),
            job_id=job.id,  # the job completes in the same write
            job_fields={
                "status": "completed",
                "progress": 100.0,
                "result": {"file_id": row.id, "rows": profile.rows, "exact": profile.exact},
            },
        )
        exact = profile.exact and typed.dialect is None and typed.typing is None
        profile_job: str | None = None
        if exact or typed.typing is not None:
            # (a large table's profile job starts once its typing is done: see refine)
            row = self.store.update_file(row.id, **completed)
        else:  # the background phase's job, added in the same write
            row, following = self.store.complete_load(
                row,
                completed.pop("job_id"),
                completed.pop("job_fields"),
                next_job=PROFILE_JOB,
                **completed,
            )
            profile_job = following.id
        reporter.complete(
            f"{display_name}: {profile.rows:,} rows",
            file_id=row.id,
            rows=profile.rows,
            profiled=profile.exact and typed.dialect is None and typed.typing is None,
            typed=typed.typing is None,
        )
        if profile.skipped_lines:
            log.warning(
                "%s: skipped %d malformed lines: %s",
                display_name,
                len(profile.skipped_lines),
                profile.skipped_lines[:20],
            )
        if exact:
            self.cache.write_in_background(content_hash, frame)
            return LoadedTable(FileInfo.from_row(row), frame)
        refinement = Refinement(
            file_id=row.id,
            display_name=display_name,
            path=path,
            content_hash=content_hash,
            frame=frame,
            provisional=profile,
            dialect=typed.dialect,
            scan=typed.scan,
            notes_before=typed.notes_before,
            notes_after=typed.notes_after,
            typing=typed.typing,
            job_id=profile_job,
        )
        profiling = self.start_refinement(refinement, on_progress)
        # an outline's FileInfo gives the profile that replaces it once it is there (see
        # outline.py): the typed one when text columns are still to type, else the exact one
        due = typed.typing.profiled if typed.typing is not None else profiling
        info = FileInfo.from_row(row, profile_due=due if profile.outline else None)
        if typed.typing is not None:  # the table is nobody's before its text is typed
            return LoadedTable(info, None, profiling, typed.typing.done)
        return LoadedTable(info, frame, profiling)

    def _reporter(self, job_id: str, on_progress: ProgressCallback | None) -> ProgressReporter:
        """The progress of a load's job: events, and its job row's progress (throttled)."""
        return ProgressReporter(
            job_id=job_id,
            subject_id=None,
            kind="file",
            callback=on_progress,
            record=lambda fraction: self.store.update_job(
                job_id, progress=round(fraction * 100, 1)
            ),
        )

    def start_refinement(
        self, refinement: Refinement, on_progress: ProgressCallback | None = None
    ) -> Future[FileProfile]:
        """Finish a provisional profile on the background threads (see ``background.py``),
        typing the text columns first when the load left them (see ``deferred.py``)."""
        typing = refinement.typing
        typed: Future[Refinement] = Future()  # the refinement once its text columns are typed

        def type_text() -> None:
            assert typing is not None
            try:
                profile = type_columns(
                    file_id=refinement.file_id,
                    display_name=refinement.display_name,
                    frame=refinement.frame,
                    provisional=refinement.provisional,
                    typing=typing,
                    store=self.store,
                    mapper=parallel_map,
                    on_progress=on_progress,
                )
            except BaseException as exc:
                typed.set_exception(exc)
                raise
            typed.set_result(
                replace(
                    refinement, provisional=profile, notes_after=typing.typing_notes(), typing=None
                )
            )

        def work() -> FileProfile:
            # typed first, on the typing thread (see background.py); raises why that failed
            return refine(
                typed.result() if typing is not None else refinement,
                store=self.store,
                cache=self.cache,
                mapper=parallel_map,
                on_progress=on_progress,
                line_list=line_list,
            )

        return background.submit(refinement, work, type_text if typing is not None else None)

    def refine_stored(self, row: File, frame: pd.DataFrame) -> Future[FileProfile]:
        """Finish the provisional profile of a File whose background phase never ended (the
        process that loaded it exited first). Its notes stand as stored; short rows, which
        only that phase looks for in a large file, are not looked for again."""
        provisional = FileProfile.model_validate(row.file_metadata)
        refinement = Refinement(
            file_id=row.id,
            display_name=row.original_filename,
            path=Path(row.source_path or row.filename),
            content_hash=row.content_hash or "",
            frame=frame,
            provisional=provisional,
            dialect=None,
            notes_before=list(provisional.notes),
        )
        return self.start_refinement(refinement)

    def settle_outline(self, row: File, frame: pd.DataFrame | None = None) -> File:
        """The File once the exact profile replaced the outline its load stored (see
        ``outline.py``): waits for its background phase, or computes the profile here when
        the process that loaded it ended first (``frame``: its table, when at hand)."""
        typing = background.typing_of(row.id)
        if typing is not None:  # a large table typed: its typing profiles it (deferred.py)
            typing.profiled.exception()  # waits; a failure was logged, and the outline stands
            fresh = self.store.get_file(row.id) or row
            if not (fresh.file_metadata or {}).get("outline"):
                return fresh
        future = background.future_of(row.id)
        if future is None:
            fresh = self.store.get_file(row.id) or row
            if not (fresh.file_metadata or {}).get("outline"):
                return fresh
            future = self.refine_stored(fresh, self.read_frame(fresh) if frame is None else frame)
        future.exception()  # waits; a failure was logged, and the outline stands
        return self.store.get_file(row.id) or row

    def wait_typed(self, row: File) -> File:
        """The File once its text columns are typed (see ``deferred.py``): waits for its
        typing, or types them here when the process that loaded it ended first. Raises the
        typing's failure as a :class:`LoadError`."""
        typing = background.typing_of(row.id)
        if typing is not None:
            typing.done.result()  # a LoadError that says why, when it failed
        fresh = self.store.get_file(row.id)
        if fresh is None:
            raise LoadError(f"{row.original_filename} was dropped.", filename=row.original_filename)
        if fresh.status == "error":  # its typing failed (and its job is over)
            raise LoadError(fresh.error_message or "", filename=row.original_filename)
        if not FileInfo.from_row(fresh).typed:  # no typing in this process: its loader ended
            self._type_stored(fresh)
            fresh = self.store.get_file(row.id) or fresh
        return fresh

    def _type_stored(self, row: File) -> None:
        """Type the columns a stored profile still lists, and store the typed table's exact
        profile (see ``deferred.py``)."""
        provisional = FileProfile.model_validate(row.file_metadata)
        if not row.source_path or not Path(row.source_path).exists():
            raise FileMissingError(
                f"The data of {row.original_filename} is no longer available (its CSV at "
                f"{row.source_path} is gone before its columns were typed). Load the file again.",
                filename=row.original_filename,
            )
        done = provisional.model_copy(update={"pending_conversions": []})
        frame = reload_csv(Path(row.source_path), done)  # with the conversions done so far
        profile = finish_typing(frame, provisional, Typing.stored(provisional, frame), parallel_map)
        self.store.update_file(row.id, file_metadata=profile.model_dump(mode="json"))

    def read_frame(self, row: File) -> pd.DataFrame:
        """The typed table of a completed File: from the cache, else re-parsed from its CSV."""
        if not FileInfo.from_row(row).typed:
            row = self.wait_typed(row)
        if row.content_hash:
            frame = background.frame_of(row.content_hash)
            if frame is None:
                frame = self.cache.read(row.content_hash)
            if frame is not None:
                return frame
        if not row.source_path or not Path(row.source_path).exists():
            raise FileMissingError(
                f"The data of {row.original_filename} is no longer available (no cache, and the CSV "
                f"at {row.source_path} is gone). Load the file again.",
                filename=row.original_filename,
            )
        profile = FileProfile.model_validate(row.file_metadata)
        return reload_csv(Path(row.source_path), profile)

    # -- steps -----------------------------------------------------------------------------
    def _check_file(self, path: Path, display_name: str) -> int:
        if not path.exists():
            raise FileMissingError(
                f"{display_name}: no such file at {path}. Check the path (it is relative to {Path.cwd()}).",
                filename=display_name,
            )
        if not path.is_file():
            raise FileMissingError(f"{path} is a folder, not a CSV file.", filename=display_name)
        size = path.stat().st_size
        if size == 0:
            raise EmptyFileError(
                f"{display_name} is empty (0 bytes): there is nothing to load.",
                filename=display_name,
            )
        limit = self.settings.max_file_bytes
        if size > limit:
            raise FileTooLargeError(
                f"{display_name} is {human(size)}, over the {human(limit)} limit. Raise the limit "
                "(CSVAGENT_MAX_FILE_BYTES or Agent(max_file_bytes=...)) if this machine has the memory, "
                "or load a filtered extract.",
                filename=display_name,
            )
        return size

    def _store_upload(self, data: bytes, display_name: str) -> Path:
        """Uploaded bytes become a file, so that the fast reader and the generated code can use a path."""
        import xxhash

        folder = self.settings.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        suffix = Path(display_name).suffix or ".csv"
        path = folder / f"{xxhash.xxh3_128_hexdigest(data)}{suffix}"
        if not path.exists():
            temporary = path.with_suffix(path.suffix + ".part")
            temporary.write_bytes(data)
            temporary.replace(path)
        return path

    def _record_early_failure(self, path: Path, display_name: str, exc: LoadError) -> None:
        size = path.stat().st_size if path.is_file() else 0
        self.store.add_file(
            filename=path.name,
            original_filename=display_name,
            file_size=size,
            status="error",
            error_message=str(exc),
            source_path=str(path),
            file_metadata={},
            processed_at=now(),
        )

    def _reuse(
        self,
        existing: File | None,
        skip: bool,
        job_id: str | None,
        on_progress: ProgressCallback | None,
    ) -> LoadedTable | None:
        """A completed load of the same content, with its table from memory or the cache; None
        when there is none to reuse. The job (added here as completed when ``job_id`` is None)
        records the reuse."""
        if existing is None or not existing.content_hash:
            return None
        options = (existing.file_metadata or {}).get("read_options", {})
        if bool(options.get("on_bad_lines")) != skip:
            return None  # read with the other choice about malformed lines: read it again
        frame = background.frame_of(existing.content_hash)
        if frame is None:
            frame = self.cache.read(existing.content_hash)
        if frame is None:
            return None
        if (existing.file_metadata or {}).get("pending_conversions"):
            # read while its text columns were still being typed: frame_of waited for that
            # typing, which stores the typed profile first, so the row now has it
            existing = self.store.get_file(existing.id) or existing
        if (existing.file_metadata or {}).get("outline"):  # its exact profile is under way
            existing = self.settle_outline(existing, frame)
        done: dict[str, Any] = {
            "status": "completed",
            "progress": 100.0,
            "subject_id": existing.id,
            "result": {"file_id": existing.id, "rows": existing.row_count, "cached": True},
        }
        if job_id is None:
            job_id = self.store.add_job("file_upload", **done).id
        else:
            self.store.update_job(job_id, **done)
        reporter = ProgressReporter(
            job_id=job_id, subject_id=existing.id, kind="file", callback=on_progress
        )
        reporter.complete(
            f"{existing.original_filename}: loaded from cache", file_id=existing.id, cached=True
        )
        return LoadedTable(FileInfo.from_row(existing, reused=True), frame)

    def _parse_and_type(
        self,
        path: Path,
        display_name: str,
        size: int,
        skip: bool,
        reporter: ProgressReporter,
        *,
        scan: bool = False,
    ) -> Typed:
        """The file parsed, typed and provisionally profiled. With ``scan``, the file is also
        hashed (``Typed.scan``) on a worker thread while pandas parses it: the
        parse leaves part of a core idle, so the hash costs the load next to nothing
        (measured on 1M x 20: hash then parse 0.33 s, both at once 0.30 s). Its delimiters
        are counted in the same read, for the check for short rows, here or in the
        background."""
        _check_memory(size, display_name)  # a cached table needs no parse: checked only here
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
        dialect = sniff(sample, display_name, is_whole_file=size <= SAMPLE_BYTES)
        reporter.progress(0.12, READING)
        find_short = size <= SHORT_ROWS_INLINE_BYTES
        # A small file's short rows are looked for here, after its parse, once its columns'
        # types are inferred (they only add a note): its scan then runs on a column thread
        # beside that inference, not before the parse (see _start_scan). With skip_bad_lines
        # the parse must find them itself, to read the file again without them.
        short_after_parse = find_short and not skip
        # The delimiters are counted in the same read as the hash, even when short rows are
        # looked for later, in the background: that check then needs no read of its own
        # (on 1M x 100, 0.2 s of the background against 0.06 s of a thread beside the parse).
        # A small file is scanned before its parse, a larger one beside it (see _start_scan).
        scanning = (
            _start_scan(path, delimiter_byte(dialect), beside=not find_short)
            if scan and not short_after_parse
            else None
        )
        with EstimatedProgress(
            lambda fraction: reporter.progress(fraction, READING),
            start=0.12,
            end=0.8,
            expected_seconds=size / EXPECTED_PARSE_BYTES_PER_SECOND,
        ):
            parsed = parse(
                path,
                dialect,
                filename=display_name,
                skip_bad_lines=skip,
                find_short=find_short and not short_after_parse,
                scan=scanning,
            )
        if scan and short_after_parse:
            scanning = _start_scan(path, delimiter_byte(dialect))
        frame, skipped, padded = parsed.frame, parsed.skipped, parsed.padded
        summaries = summary_rows(frame)
        sections = [p for p in section_rows(frame) if p < len(frame) - len(summaries)]
        headings = section_note(frame, sections) if sections else None
        if summaries or sections:  # a "Total" row would win every "most" and double totals
            # read again without them, so that the columns get the types their data rows
            # give (a Year column is whole numbers once the Total row's blank is gone), as
            # the code shown with an answer reads them
            frame, kept_headings = _without_rows(
                path, parsed.read_options, frame, sections, len(summaries)
            )
            if kept_headings:
                headings = None
        reporter.progress(0.8, "typing columns")
        # Threads pay off only when each column is real work; small tables stay serial.
        mapper = column_pool().map if len(frame) >= PARALLEL_ROWS else map
        infer_notes: list[str] = []
        prepared: dict[str, pd.Series] = {}  # columns converted whole by their inference
        inferred = infer_conversions(frame, mapper, infer_notes, prepared)
        if short_after_parse:  # in the file as parsed, before any summary row was left out
            short = short_rows(parsed.frame, path, dialect, scanning)
            padded = short.lines if short is not None else []
        notes = list(dialect.notes)
        if skipped:
            notes.append(f"Skipped {len(skipped)} malformed line(s): {line_list(skipped)}.")
        if summaries:
            notes.append(summary_note(summaries))
        if headings:
            notes.append(headings)
        if padded:
            notes.append(padded_note(padded, len(frame.columns), line_list))
            log.warning("%s: %d short lines: %s", display_name, len(padded), padded[:20])
        # A large table's text columns are typed in the background (see deferred.py).
        defer = len(frame) >= DEFER_ROWS
        now: list[Conversion] = []
        later: list[Conversion] = []
        for conversion in inferred:
            (later if defer and deferrable(conversion, prepared) else now).append(conversion)
        typing = Typing(
            later, list(frame.columns), parse_notes=list(notes), infer_notes=infer_notes
        )
        frame, typing.held = settled_frame(
            frame, convert_columns(frame, now, mapper, prepared), typing
        )
        typing_notes = typing.typing_notes()
        reporter.progress(0.9, "profiling")
        file_facts: dict[str, Any] = dict(
            bytes=size,
            encoding=dialect.encoding,
            delimiter=dialect.delimiter,
            has_header=dialect.has_header,
            conversions=[c.to_dict() for c in typing.held],
            pending_conversions=[c.to_dict() for c in later],
            read_options=parsed.read_options,
            notes=notes + typing_notes,
            skipped_lines=skipped,
        )
        if later or len(frame) <= profiling.SAMPLE_ROWS:
            # a short table's exact profile is computed in the background, a large one's
            # by its typing (see outline.py)
            profile = outline_profile(frame, later, **file_facts)
        else:
            # The distinct counts of large columns are estimated here and counted exactly
            # in the background.
            profile = profile_frame(frame, mapper, exact=False, **file_facts)
        reporter.progress(0.97, "saving")
        return Typed(
            frame,
            profile,
            dialect=None if find_short or skip else dialect,
            notes_before=notes,
            notes_after=typing_notes,
            scan=scanning.result() if scanning is not None else None,
            typing=typing if later else None,
        )


@dataclass
class Typed:
    """A parsed and typed table with its provisional profile, and what its background needs."""

    frame: pd.DataFrame
    profile: FileProfile
    dialect: Dialect | None  # set when short rows are still to be looked for
    notes_before: list[str]
    notes_after: list[str]
    scan: FileScan | None = None  # when the file was hashed (and its delimiters counted)
    # alongside its parse
    typing: Typing | None = None  # text columns left to type in the background


def _without_rows(
    path: Path, options: dict[str, Any], frame: pd.DataFrame, sections: list[int], summaries: int
) -> tuple[pd.DataFrame, bool]:
    """The file read again without its section headings (``skiprows``) and the summary rows at
    its foot (``nrows``); ``options`` keep what was done, for the code shown with answers.

    ``skiprows`` counts lines, so a quoted line break above a heading would skip the wrong
    line: the result is checked, and the headings kept (True) when it is not what was meant."""
    wanted = len(frame) - len(sections) - summaries
    if sections:
        trial = {**options, "skiprows": [p + 1 for p in sections], "nrows": wanted}
        again = read_again(path, trial)
        labels = set(frame.iloc[sections, 0])
        if len(again) == wanted and not again.iloc[:, 0].isin(labels).any():
            options.update(skiprows=trial["skiprows"], nrows=wanted)
            return again, False
    if not summaries:
        return frame, bool(sections)
    options["nrows"] = len(frame) - summaries
    return read_again(path, options), bool(sections)


def _start_scan(path: Path, delimiter: int | None, *, beside: bool = True) -> Future[FileScan]:
    """:func:`scan_file` on a column thread beside the parse, or done at once, here, for a
    small file (``beside=False``) and once the interpreter is exiting and the pool refuses
    work.

    pandas' parallel reader keeps both cores busy, and a scan beside it makes it slower by
    up to what the scan costs alone (measured in fresh processes on 1M x 20: read_csv
    441 ms, with the scan beside it 497 ms; the scan 45 ms). On a small file that costs
    more than the scan itself (10k x 100: 1.4 ms to scan, the parse 2-7 ms slower beside
    it), so it is scanned after its parse, beside the inference of its columns' types,
    before its short rows are looked for (and first, here, with ``skip_bad_lines``, whose
    parse looks for them): there the scan's reads, hash and counts release the
    interpreter lock, and the second core is otherwise idle (a fresh process on 10k x
    100: 3 ms scanned first, next to nothing beside the inference). A large file's scan started after its parse instead, beside
    the typing, measured no better (usable at 0.52 s against 0.47 s, medians of eight
    fresh processes on a busy machine; six others had said the opposite): the typing is
    Python that the scan's thread contends with for the interpreter lock."""
    if beside:
        try:
            return column_pool().submit(scan_file, path, delimiter)
        except RuntimeError:
            pass
    done: Future[FileScan] = Future()
    done.set_result(scan_file(path, delimiter))
    return done


def _check_memory(size: int, display_name: str) -> None:
    """Refuse, before reading it, a file whose table would not fit in the memory available."""
    needed, available = int(size * MEMORY_PER_FILE_BYTE), available_memory()
    if available is not None and needed > available:
        raise FileTooLargeError(
            f"{display_name} is {human(size)}: reading it takes about {human(needed)} of "
            f"memory, and this machine has {human(available)} available. Load a filtered or "
            "sampled extract, or close other programs and notebooks and try again.",
            filename=display_name,
        )


def available_memory() -> int | None:
    """Bytes of memory available to a new allocation now (None where it cannot be told)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - a dependency; kept optional for odd platforms
        return None
    return int(psutil.virtual_memory().available)
