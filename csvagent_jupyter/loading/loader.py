"""Load one CSV end to end: validate, parse, type, profile, record, cache.

This is the only module that joins loading to persistence. Every load either
completes (a ``completed`` File with its profile, a completed Job) or fails with a
project error and leaves a File with status ``error`` and the message, a failed
Job, and nothing else: no cache file, no half-filled profile.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..errors import CSVAgentError, EmptyFileError, FileMissingError, FileTooLargeError, LoadError
from ..events import EstimatedProgress, ProgressCallback, ProgressReporter
from ..persistence import File, Store
from ..settings import Settings
from .cache import FrameCache
from .profile import FileProfile, profile_frame
from .reader import parse
from .sniff import SAMPLE_BYTES, sniff
from .typing import Conversion, apply_conversions, infer_conversions

log = logging.getLogger("csvagent_jupyter")

HASH_BLOCK = 4 * 1024 * 1024
# Throughput used to advance the bar during pandas' parse, which reports nothing itself.
# Measured here: 163 MB in 0.52 s with the parallel reader; a little slower is safer.
EXPECTED_PARSE_BYTES_PER_SECOND = 250e6
PARALLEL_ROWS = 100_000
# pandas' parser reports nothing while it reads, so the bar there is timed, and says so.
# A parsed table takes about twice its CSV's bytes (measured on mixed tables: 2.3x at peak).
MEMORY_PER_FILE_BYTE = 2.0
READING = "reading (progress estimated from the file size)"


@dataclass(frozen=True)
class FileInfo:
    """A loaded (or failed) file as the user sees it; a snapshot of its File row."""

    id: str
    name: str
    status: str
    size: int
    rows: int | None
    columns: list[str]
    profile: FileProfile | None
    content_hash: str | None
    path: Path | None
    created_at: datetime
    error: str | None = None
    reused: bool = False  # True when an earlier load of the same content was returned
    skipped_lines: list[int] = field(default_factory=list)

    @classmethod
    def from_row(cls, row: File, *, reused: bool = False) -> FileInfo:
        profile = FileProfile.model_validate(row.file_metadata) if row.file_metadata else None
        return cls(
            id=row.id,
            name=row.original_filename,
            status=row.status,
            size=row.file_size,
            rows=row.row_count,
            columns=profile.column_names if profile else [],
            profile=profile,
            content_hash=row.content_hash,
            path=Path(row.source_path) if row.source_path else None,
            created_at=row.created_at,
            error=row.error_message,
            reused=reused,
            skipped_lines=profile.skipped_lines if profile else [],
        )

    @property
    def ready_profile(self) -> FileProfile:
        """The profile of a completed file, which always has one (a failed load has none)."""
        if self.profile is None:
            raise LoadError(
                f"{self.name!r} has no profile: its load did not complete ({self.status})."
            )
        return self.profile

    def __repr__(self) -> str:
        shape = (
            f"{self.rows:,} rows × {len(self.columns)} columns"
            if self.rows is not None
            else "no data"
        )
        return f"<FileInfo {self.name!r} {self.status}: {shape}, id={self.id}>"


@dataclass
class LoadedTable:
    info: FileInfo
    frame: pd.DataFrame


def content_hash_of(path: Path, on_bytes: Callable[[int], None] | None = None) -> str:
    """A 128-bit content hash: xxh3, since sha256 alone took a fifth of a parse here."""
    import xxhash

    digest = xxhash.xxh3_128()
    done = 0
    with open(path, "rb") as handle:
        while block := handle.read(HASH_BLOCK):
            digest.update(block)
            done += len(block)
            if on_bytes is not None:
                on_bytes(done)
    return digest.hexdigest()


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
        job = self.store.add_job("file_upload")
        reporter = ProgressReporter(
            job_id=job.id,
            subject_id=None,
            kind="file",
            callback=on_progress,
            record=lambda fraction: self.store.update_job(
                job.id, progress=round(fraction * 100, 1)
            ),
        )
        self.store.update_job(job.id, status="processing")
        stat = path.stat()
        content_hash = self.store.known_content_hash(
            str(path.resolve()), size=stat.st_size, mtime_ns=stat.st_mtime_ns
        ) or content_hash_of(
            path, lambda done: reporter.progress(0.1 * done / size, "checking content")
        )
        reused = self._reuse(content_hash, skip, job.id, reporter)
        if reused is not None:
            return reused
        row = self.store.add_file(
            filename=path.name,
            original_filename=display_name,
            file_size=size,
            status="processing",
            content_hash=content_hash,
            source_path=str(path.resolve()),
            source_mtime_ns=stat.st_mtime_ns,
            file_metadata={},
        )
        reporter.subject_id = row.id
        self.store.update_job(job.id, subject_id=row.id)
        try:
            frame, profile = self._parse_and_profile(path, display_name, size, skip, reporter)
        except Exception as exc:
            message = (
                str(exc)
                if isinstance(exc, CSVAgentError)
                else f"{display_name}: unexpected error while loading ({exc})."
            )
            self.store.update_file(
                row.id, status="error", error_message=message, processed_at=_now()
            )
            self.store.update_job(job.id, status="failed", error_message=message)
            reporter.error(message)
            if isinstance(exc, CSVAgentError):
                raise
            raise LoadError(message, filename=display_name) from exc
        row = self.store.update_file(
            row.id,
            status="completed",
            file_metadata=profile.model_dump(mode="json"),
            row_count=profile.rows,
            column_count=profile.columns,
            cache_path=str(self.cache.path_for(content_hash)),
            processed_at=_now(),
        )
        self.cache.write_in_background(content_hash, frame)
        self.store.update_job(
            job.id,
            status="completed",
            progress=100.0,
            result={"file_id": row.id, "rows": profile.rows},
        )
        info = FileInfo.from_row(row)
        reporter.complete(
            f"{display_name}: {profile.rows:,} rows", file_id=row.id, rows=profile.rows
        )
        if profile.skipped_lines:
            log.warning(
                "%s: skipped %d malformed lines: %s",
                display_name,
                len(profile.skipped_lines),
                profile.skipped_lines[:20],
            )
        return LoadedTable(info, frame)

    def read_frame(self, row: File) -> pd.DataFrame:
        """The typed table of a completed File: from the cache, else re-parsed from its CSV."""
        if row.content_hash:
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
                f"{display_name} is {_human(size)}, over the {_human(limit)} limit. Raise the limit "
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
            processed_at=_now(),
        )

    def _reuse(
        self, content_hash: str, skip: bool, job_id: str, reporter: ProgressReporter
    ) -> LoadedTable | None:
        existing = self.store.find_completed_file(content_hash)
        if existing is None:
            return None
        options = (existing.file_metadata or {}).get("read_options", {})
        if bool(options.get("on_bad_lines")) != skip:
            return None  # read with the other choice about malformed lines: read it again
        frame = self.cache.read(content_hash)
        if frame is None:
            return None
        reporter.subject_id = existing.id
        self.store.update_job(
            job_id,
            status="completed",
            progress=100.0,
            subject_id=existing.id,
            result={"file_id": existing.id, "rows": existing.row_count, "cached": True},
        )
        reporter.complete(
            f"{existing.original_filename}: loaded from cache", file_id=existing.id, cached=True
        )
        return LoadedTable(FileInfo.from_row(existing, reused=True), frame)

    def _parse_and_profile(
        self, path: Path, display_name: str, size: int, skip: bool, reporter: ProgressReporter
    ) -> tuple[pd.DataFrame, FileProfile]:
        _check_memory(size, display_name)  # a cached table needs no parse: checked only here
        with open(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES)
        dialect = sniff(sample, display_name, is_whole_file=size <= SAMPLE_BYTES)
        reporter.progress(0.12, READING)
        with EstimatedProgress(
            lambda fraction: reporter.progress(fraction, READING),
            start=0.12,
            end=0.8,
            expected_seconds=size / EXPECTED_PARSE_BYTES_PER_SECOND,
        ):
            parsed = parse(path, dialect, filename=display_name, skip_bad_lines=skip)
        frame, skipped, padded = parsed.frame, parsed.skipped, parsed.padded
        reporter.progress(0.8, "typing columns")
        # Threads pay off only when each column is real work; small tables stay serial.
        mapper = _column_pool().map if len(frame) >= PARALLEL_ROWS else map
        notes = list(dialect.notes)
        if skipped:
            notes.append(f"Skipped {len(skipped)} malformed line(s): {_line_list(skipped)}.")
        if padded:
            notes.append(
                f"{len(padded)} line(s) have fewer fields than the {len(frame.columns)} columns of "
                f"the header: {_line_list(padded)}. Their missing fields are empty; load with "
                "skip_bad_lines=True to skip such lines instead."
            )
            log.warning("%s: %d short lines: %s", display_name, len(padded), padded[:20])
        typing_notes: list[str] = []
        conversions = apply_conversions(
            frame, infer_conversions(frame, mapper, typing_notes), mapper, typing_notes
        )
        notes += typing_notes
        reporter.progress(0.9, "profiling")
        profile = profile_frame(
            frame,
            mapper,
            bytes=size,
            encoding=dialect.encoding,
            delimiter=dialect.delimiter,
            has_header=dialect.has_header,
            conversions=[c.to_dict() for c in conversions],
            read_options=parsed.read_options,
            notes=notes,
            skipped_lines=skipped,
        )
        reporter.progress(0.97, "saving")
        return frame, profile


_pool: ThreadPoolExecutor | None = None


def _column_pool() -> ThreadPoolExecutor:
    """Threads for per-column typing and profiling: one per core (their kernels drop the GIL)."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(
            max_workers=min(8, os.cpu_count() or 1), thread_name_prefix="csvagent-columns"
        )
    return _pool


def _check_memory(size: int, display_name: str) -> None:
    """Refuse, before reading it, a file whose table would not fit in the memory available."""
    needed, available = int(size * MEMORY_PER_FILE_BYTE), available_memory()
    if available is not None and needed > available:
        raise FileTooLargeError(
            f"{display_name} is {_human(size)}: reading it takes about {_human(needed)} of "
            f"memory, and this machine has {_human(available)} available. Load a filtered or "
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


def reload_csv(path: Path, profile: FileProfile) -> pd.DataFrame:
    """Parse and type a CSV exactly as its first load did, from the options stored in its profile."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pd.errors.ParserWarning)
        warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # mixed columns: typed below
        frame = pd.read_csv(path, **profile.read_options)
    for data in profile.conversions:
        conversion = Conversion.from_dict(data)
        frame[conversion.column] = conversion.apply(frame[conversion.column])
    return frame


def _line_list(lines: list[int], shown: int = 20) -> str:
    text = ", ".join(str(n) for n in lines[:shown])
    return text + (f" and {len(lines) - shown} more" if len(lines) > shown else "")


def _human(size: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size} bytes"


def _now() -> datetime:
    from ..persistence.models import utcnow

    return utcnow()
