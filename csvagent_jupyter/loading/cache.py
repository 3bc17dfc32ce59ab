"""The columnar cache: the parsed, typed table as Arrow IPC (Feather v2), keyed by content hash.

Measured on a 1M x 20 mixed table (benchmarks/load.py): uncompressed Feather reads back
in about a third of the time of the CSV parse, Parquet and LZ4-Feather in about
0.7 of it, because their decompression costs what the parse saves. Disk is cheaper
than an analyst's wait, so the cache is uncompressed.

Writes happen on a background thread so that the first load returns as soon as the
table is typed and profiled; a write goes to a temporary name and is renamed into
place, so a crash never leaves a half-written cache that a later load would trust.
"""

from __future__ import annotations

import logging
import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pandas as pd

log = logging.getLogger("csvagent_jupyter")


class FrameCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="csvagent-cache")
        self._pending: dict[str, Future[Path]] = {}
        self._lock = threading.Lock()

    def path_for(self, content_hash: str) -> Path:
        return self.directory / f"{content_hash}.arrow"

    def write_in_background(self, content_hash: str, frame: pd.DataFrame) -> Future[Path]:
        future = self._pool.submit(self._write, content_hash, frame)
        with self._lock:
            self._pending[content_hash] = future
        future.add_done_callback(lambda _: self._forget(content_hash, future))
        return future

    def _forget(self, content_hash: str, future: Future[Path]) -> None:
        with self._lock:
            if self._pending.get(content_hash) is future:
                del self._pending[content_hash]

    def _write(self, content_hash: str, frame: pd.DataFrame) -> Path:
        from pyarrow import feather

        self.directory.mkdir(parents=True, exist_ok=True)
        final = self.path_for(content_hash)
        temporary = final.with_suffix(f".tmp-{os.getpid()}-{threading.get_ident()}")
        try:
            feather.write_feather(frame, temporary, compression="uncompressed")
            os.replace(temporary, final)
        except BaseException:
            temporary.unlink(missing_ok=True)
            log.exception("could not write the cache for %s", content_hash)
            raise
        return final

    def wait(self, content_hash: str) -> None:
        """Block until a pending write of this content (from this process) is done."""
        with self._lock:
            future = self._pending.get(content_hash)
        if future is not None:
            future.exception()  # waits; a failed write just means no cache

    def read(self, content_hash: str) -> pd.DataFrame | None:
        """The cached table, or None if there is none (never written, deleted, or unreadable)."""
        from pyarrow import feather

        self.wait(content_hash)
        path = self.path_for(content_hash)
        if not path.exists():
            return None
        try:
            return feather.read_feather(path, memory_map=True)
        except Exception:  # a damaged cache is a miss, not a failure: the CSV is re-parsed
            log.warning("the cache file %s is unreadable; re-parsing the CSV", path, exc_info=True)
            return None

    def close(self) -> None:
        self._pool.shutdown(wait=True)
