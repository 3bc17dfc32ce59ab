"""What a load gives back: the user's view of a File row, and the table with it."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from ..errors import LoadError
from ..persistence import File
from .profile import FileProfile


@dataclass(frozen=True)
class FileInfo:
    """A loaded (or failed) file as the user sees it; a snapshot of its File row."""

    id: str
    name: str
    status: str
    size: int
    rows: int | None
    columns: list[str]
    stored_profile: FileProfile | None  # as its row holds it: see ``profile``
    content_hash: str | None
    path: Path | None
    created_at: datetime
    error: str | None = None
    reused: bool = False  # True when an earlier load of the same content was returned
    skipped_lines: list[int] = field(default_factory=list)
    # the profile being computed to replace an outline (see ``outline.py``)
    profile_due: Future[FileProfile] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_row(
        cls, row: File, *, reused: bool = False, profile_due: Future[FileProfile] | None = None
    ) -> FileInfo:
        profile = FileProfile.model_validate(row.file_metadata) if row.file_metadata else None
        if profile is not None and profile.outline and profile_due is None:
            from .background import background

            typing = background.typing_of(row.id)
            if typing is not None:  # a large table's typing stores its profile
                profile_due = typing.profiled
            elif not profile.pending_conversions:  # a short table: its exact profile
                profile_due = background.future_of(row.id)
        return cls(
            id=row.id,
            name=row.original_filename,
            status=row.status,
            size=row.file_size,
            rows=row.row_count,
            columns=profile.column_names if profile else [],
            stored_profile=profile,
            content_hash=row.content_hash,
            path=Path(row.source_path) if row.source_path else None,
            created_at=row.created_at,
            error=row.error_message,
            reused=reused,
            skipped_lines=profile.skipped_lines if profile else [],
            profile_due=profile_due,
        )

    @property
    def profile(self) -> FileProfile | None:
        """The file's profile. In place of the outline a load stores before it returns
        (``outline.py``), the profile that replaces it, waited for when its background is
        still computing it: a short table's exact profile, a large one's typed provisional
        profile; the outline only if that failed."""
        stored, pending = self.stored_profile, self.profile_due
        if stored is None or not stored.outline or pending is None:
            return stored
        if pending.exception() is not None:  # logged by the background thread
            return stored
        return pending.result()

    @property
    def ready_profile(self) -> FileProfile:
        """The profile of a completed file, which always has one (a failed load has none)."""
        if self.profile is None:
            raise LoadError(
                f"{self.name!r} has no profile: its load did not complete ({self.status})."
            )
        return self.profile

    @property
    def typed(self) -> bool:
        """False while a large load's text columns are typed in the background (``deferred.py``)."""
        stored = self.stored_profile
        return stored is None or not stored.pending_conversions

    @property
    def profiled(self) -> bool:
        """True once the exact profile is stored (a load returns before it, see background.py)."""
        return self.profile is not None and self.profile.exact

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
    frame: pd.DataFrame | None  # None while its text columns are typed: see ``typed``
    profiling: Future[FileProfile] | None = None  # the background phase, when there is one
    typed: Future[pd.DataFrame] | None = None  # the table once typed, when that is pending


def line_list(lines: list[int], shown: int = 20) -> str:
    """Line numbers for a message: the first ``shown``, and how many more."""
    text = ", ".join(str(n) for n in lines[:shown])
    return text + (f" and {len(lines) - shown} more" if len(lines) > shown else "")


def human(size: float) -> str:
    """A byte count as people read it (1.5 GB)."""
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:,.0f} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size} bytes"


def now() -> datetime:
    from ..persistence.models import utcnow

    return utcnow()


HASH_BLOCK = 1024 * 1024
PROGRESS_BYTES = 4 * 1024 * 1024  # progress is reported every this many bytes, and at the end


def content_hash_of(path: Path, on_bytes: Callable[[int], None] | None = None) -> str:
    """A 128-bit content hash: xxh3, since sha256 alone took a fifth of a parse here.

    The file is read into one reused buffer: a fresh block per read is fresh memory the
    system must map page by page, which in a new process cost as much as the hashing.
    """
    import xxhash

    digest = xxhash.xxh3_128()
    done = reported = 0
    buffer = bytearray(HASH_BLOCK)
    view = memoryview(buffer)
    with open(path, "rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            digest.update(view[:size])
            done += size
            if on_bytes is not None and done - reported >= PROGRESS_BYTES:
                on_bytes(reported := done)
    if on_bytes is not None and done != reported:
        on_bytes(done)
    return digest.hexdigest()


@dataclass(frozen=True)
class FileScan:
    """What one read of a file tells: its content hash, and how often one byte occurs."""

    content_hash: str
    delimiters: int | None  # occurrences of the byte counted, when one was asked for
    quoted: bool  # a double quote occurs (only looked for with a byte to count)


def scan_file(path: Path, delimiter: int | None = None) -> FileScan:
    """The content hash (as :func:`content_hash_of`) and, given ``delimiter``, the number of
    those bytes and whether a double quote occurs, in one read of the file.

    A new file is scanned on a worker thread while pandas parses it (the hash releases the
    GIL, and the parse leaves part of a core idle); the count lets the check for short rows
    (``reader._delimiters_add_up``) skip a read of its own.
    """
    import numpy as np
    import xxhash

    digest = xxhash.xxh3_128()
    found, quoted = 0, False
    length = max(1, min(HASH_BLOCK, path.stat().st_size))
    buffer = bytearray(length)
    view = memoryview(buffer)
    values = np.frombuffer(buffer, np.uint8)
    equal = np.empty(length, dtype=bool)
    with open(path, "rb", buffering=0) as handle:
        while size := handle.readinto(buffer):
            digest.update(view[:size])
            if delimiter is None:
                continue
            quoted = quoted or buffer.find(b'"', 0, size) >= 0
            np.equal(values[:size], delimiter, out=equal[:size])
            found += int(np.count_nonzero(equal[:size]))
    return FileScan(digest.hexdigest(), found if delimiter is not None else None, quoted)
