"""The columnar cache: the parsed, typed table as Arrow IPC (Feather v2), keyed by content hash.

Measured on a 1M x 20 mixed table (benchmarks/load.py): uncompressed Feather reads back
in about a third of the time of the CSV parse, Parquet and LZ4-Feather in about
0.7 of it, because their decompression costs what the parse saves. Disk is cheaper
than an analyst's wait, so the cache is uncompressed.

Writes happen on a background thread so that the first load returns as soon as the
table is typed and profiled; a write goes to a temporary name and is renamed into
place, so a crash never leaves a half-written cache that a later load would trust.

Two facts of a process's life shape the rest:

- **Exit.** A script may end right after ``agent.load``. The writer is a daemon thread,
  and an ``atexit`` hook gives pending writes ``EXIT_WAIT_SECONDS`` to finish; a write
  still running then is abandoned without a word (its temporary file removed), and the
  next run simply parses the CSV again. (A pool thread would be joined without limit,
  and pyarrow's own conversion threads cannot start once the interpreter is exiting.)
- **Reuse.** While a table is being written, any cache of the same directory in this
  process (a second ``Agent``) is handed the frame already in memory instead of
  parsing the file again or waiting for the write.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pandas as pd

from .conversion import _category_dtype

log = logging.getLogger("csvagent_jupyter")

EXIT_WAIT_SECONDS = 10.0
YIELD_SECONDS = 0.002  # the pause before each write (see _Writes._work)
THREADED_ROWS = 100_000  # from here on a cached table is converted to pandas on threads


class _Writes:
    """The process's pending cache writes, done in order by one daemon thread."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.pending: dict[Path, tuple[Future[Path], pd.DataFrame, Path]] = {}
        self.queue: queue.SimpleQueue[tuple[Path, pd.DataFrame, Path, Future[Path]]] = (
            queue.SimpleQueue()
        )
        self.thread: threading.Thread | None = None

    def submit(self, final: Path, frame: pd.DataFrame) -> Future[Path]:
        temporary = final.with_suffix(f".tmp-{os.getpid()}-{id(frame)}")
        future: Future[Path] = Future()
        with self.lock:
            self.pending[final] = (future, frame, temporary)
            if self.thread is None:
                self.thread = threading.Thread(
                    target=self._work, name="csvagent-cache", daemon=True
                )
                self.thread.start()
        self.queue.put((final, frame, temporary, future))
        return future

    def in_flight(self, final: Path) -> tuple[Future[Path], pd.DataFrame] | None:
        with self.lock:
            entry = self.pending.get(final)
        return (entry[0], entry[1]) if entry else None

    def _work(self) -> None:
        while True:
            final, frame, temporary, future = self.queue.get()
            try:
                # Give the interpreter up first: a write is queued as a load's exact profile
                # completes, and the thread that waited for that profile (``wait_profiled``)
                # is woken just then; the conversion below holds the interpreter, so that
                # thread waited behind it for a switch interval (5 ms) in most runs (9 of 14
                # fresh processes on 10k x 100; 3 of 14 with this yield, a median wait of
                # 0.3 ms against 5.9 ms). Nobody waits for a write this soon.
                time.sleep(YIELD_SECONDS)
                _write(frame, final, temporary)
            except BaseException as exc:
                temporary.unlink(missing_ok=True)
                log.warning("could not write the cache %s: %s", final, exc, exc_info=True)
                future.set_exception(exc)
            else:
                future.set_result(final)
            finally:
                with self.lock:
                    if self.pending.get(final, (None,))[0] is future:
                        del self.pending[final]

    def finish_at_exit(self) -> None:
        """Give pending writes a bounded time; abandon the rest quietly."""
        with self.lock:
            entries = list(self.pending.values())
        for future, _, temporary in entries:
            try:
                future.exception(timeout=EXIT_WAIT_SECONDS)
            except TimeoutError:
                temporary.unlink(missing_ok=True)  # the daemon thread dies with the process


_writes = _Writes()
atexit.register(_writes.finish_at_exit)


def _write(frame: pd.DataFrame, final: Path, temporary: Path) -> None:
    import pyarrow as pa
    from pyarrow import feather

    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        table = pa.Table.from_pandas(frame)
    except RuntimeError:  # its thread pool refuses work once the interpreter is exiting
        table = pa.Table.from_pandas(frame, nthreads=1)
    feather.write_feather(table, temporary, compression="uncompressed")
    os.replace(temporary, final)


def to_pandas(table: Any) -> pd.DataFrame:
    """The cached table as the frame that was written.

    pyarrow rebuilds a frame from the pandas metadata stored with it, column by column
    (an ``Int64`` column through pandas' ``__from_arrow__``, its dtype looked up by name):
    on a short wide table that costs more than the conversion itself (measured on
    10k x 100: 8.1 ms against 4.8 ms). A frame whose metadata asks for nothing that
    Arrow's types do not already say (see :func:`_plain_types`) is converted without it.
    """
    # pyarrow's conversion threads cost more than they save on a short table (measured
    # on 10k x 100: 7.6 ms without, 8.1 ms with; read_feather's own wrapper added 1 ms)
    threads = table.num_rows >= THREADED_ROWS
    mapper = _plain_types(table)
    if mapper is None:
        return table.to_pandas(use_threads=threads)
    return table.to_pandas(use_threads=threads, ignore_metadata=True, types_mapper=mapper)


_PLAIN = {"float64", "int64", "bool", "str", "Int64"}  # numpy_type of the metadata


def _plain_types(table: Any) -> Callable[[Any], Any] | None:
    """The ``types_mapper`` that gives the written frame back without its pandas metadata, or
    None when the metadata is needed: an index other than the default range, labels other
    than unique strings, or a dtype outside floats, integers (``int64`` or ``Int64``, not
    both: Arrow writes both as int64), booleans, text, dates, durations and text categories.
    """
    import pyarrow as pa

    meta = table.schema.pandas_metadata
    if not meta or meta.get("index_columns") != [
        {"kind": "range", "name": None, "start": 0, "stop": table.num_rows, "step": 1}
    ]:
        return None
    levels = meta.get("column_indexes", [])
    if (
        len(levels) != 1
        or levels[0].get("name") is not None
        or levels[0].get("numpy_type") != "str"
    ):
        return None
    columns = meta.get("columns", [])
    names = [column.get("name") for column in columns]
    if names != table.column_names or len(set(names)) != len(names):
        return None
    kinds: set[str] = set()
    for column, field in zip(columns, table.schema, strict=True):
        kind = str(column.get("numpy_type"))
        if column.get("field_name") != field.name or not isinstance(field.name, str):
            return None
        if column.get("pandas_type") == "categorical":
            if not pa.types.is_dictionary(field.type) or not (
                pa.types.is_large_string(field.type.value_type)
                or pa.types.is_string(field.type.value_type)
            ):
                return None
        elif not (kind in _PLAIN or kind.startswith(("datetime64[", "timedelta64["))):
            return None
        kinds.add(kind)
    if {"int64", "Int64"} <= kinds:
        return None
    masked = pd.Int64Dtype() if "Int64" in kinds else None

    def mapper(arrow_type: Any) -> Any:
        if arrow_type == pa.int64():
            return masked
        # (only text categories are dictionaries here: checked above)
        return _TEXT_CATEGORIES if pa.types.is_dictionary(arrow_type) else None

    return mapper


class _TextCategories:
    """What the ``types_mapper`` of :func:`to_pandas` gives for a column of text categories:
    pyarrow then builds the column with :meth:`__from_arrow__`, as it does for a pandas
    extension type.

    pyarrow's own conversion gives the dictionary to ``pd.Categorical.from_codes`` as
    categories, which checks them (their Index built and hashed for uniqueness): on a
    cached 10k x 100 table, 12 ms of its 21 for 25 columns of 20 levels. A dictionary's
    values are distinct and never missing by construction (this cache wrote them from a
    frame's categories), so here they become the categories unchecked; the codes are the
    dictionary's indices, a gap -1, as pandas writes them."""

    def __from_arrow__(self, array: Any) -> pd.Categorical:
        import numpy as np
        import pyarrow as pa

        chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
        if not chunks:
            return pd.Categorical([], categories=pd.Index([], dtype=_TEXT))
        dictionary = chunks[0].dictionary
        if any(not chunk.dictionary.equals(dictionary) for chunk in chunks[1:]):
            # chunks of different dictionaries (never written so here): pandas' own way
            values = pa.chunked_array(chunks).cast(dictionary.type).to_pandas()
            return pd.Categorical(values.astype(_TEXT))
        codes = [chunk.indices.fill_null(-1).to_numpy(zero_copy_only=False) for chunk in chunks]
        categories = pd.Index(dictionary, dtype=_TEXT)
        return pd.Categorical.from_codes(
            np.concatenate(codes) if len(codes) > 1 else codes[0],
            dtype=_category_dtype(categories),
            validate=False,
        )


_TEXT = pd.StringDtype(na_value=float("nan"))  # pandas' text: what pyarrow gives a dictionary
_TEXT_CATEGORIES = _TextCategories()


class FrameCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._mine: dict[str, Future[Path]] = {}
        self._lock = threading.Lock()

    def path_for(self, content_hash: str) -> Path:
        return self.directory / f"{content_hash}.arrow"

    def write_in_background(self, content_hash: str, frame: pd.DataFrame) -> Future[Path]:
        future = _writes.submit(self.path_for(content_hash), frame)
        with self._lock:
            self._mine = {key: f for key, f in self._mine.items() if not f.done()}
            self._mine[content_hash] = future
        return future

    def wait(self, content_hash: str) -> None:
        """Block until a pending write of this content (from this process) is done, the one
        a load's background phase queues after its exact profile included."""
        from .background import background  # (which imports this module)

        for future in background.futures_of_content(content_hash):
            future.exception()  # waits; a failed background phase writes no cache
        entry = _writes.in_flight(self.path_for(content_hash))
        if entry is not None:
            entry[0].exception()  # waits; a failed write just means no cache

    def read(self, content_hash: str) -> pd.DataFrame | None:
        """The cached table, or None if there is none (never written, deleted, or unreadable).

        A table still being written by this process is returned from memory at once.
        """
        from pyarrow import feather

        path = self.path_for(content_hash)
        entry = _writes.in_flight(path)
        if entry is not None:
            return entry[1]
        if not path.exists():
            return None
        try:
            return to_pandas(feather.read_table(path, memory_map=True))
        except Exception:  # a damaged cache is a miss, not a failure: the CSV is re-parsed
            log.warning("the cache file %s is unreadable; re-parsing the CSV", path, exc_info=True)
            return None

    def close(self) -> None:
        """Wait for the writes this cache started."""
        with self._lock:
            futures = list(self._mine.values())
            self._mine.clear()
        for future in futures:
            future.exception()
