"""``Agent``: the one object a user needs. Loads files, answers questions, keeps the record.

Everything here works in a plain Python script; the Jupyter front ends call these
methods and only add display and progress widgets.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from pathlib import Path

import pandas as pd

from .errors import UnknownFileError
from .events import ProgressCallback
from .loading.cache import FrameCache
from .loading.loader import FileInfo, Loader
from .persistence import Database, Store
from .settings import Settings

log = logging.getLogger("csvagent_jupyter")

FRAMES_IN_MEMORY = 4


class Agent:
    """Load CSV files and ask questions about them.

    >>> agent = Agent()                       # doctest: +SKIP
    >>> info = agent.load("sales.csv")        # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        database_url: str | None = None,
        data_dir: str | Path | None = None,
        max_file_bytes: int | None = None,
        skip_bad_lines: bool | None = None,
        settings: Settings | None = None,
    ) -> None:
        self.settings = settings or Settings.from_env(
            database_url=database_url,
            data_dir=data_dir,
            max_file_bytes=max_file_bytes,
            skip_bad_lines=skip_bad_lines,
        )
        self.settings.data_dir.mkdir(parents=True, exist_ok=True)
        self.database = Database(self.settings.resolved_database_url)
        self.store = Store(self.database)
        self.cache = FrameCache(self.settings.cache_dir)
        self._loader = Loader(self.settings, self.store, self.cache)
        self._frames: OrderedDict[str, pd.DataFrame] = OrderedDict()
        self._frames_lock = threading.Lock()
        self._current_file_id: str | None = None

    # -- files -----------------------------------------------------------------------------
    def load(
        self,
        source: str | Path | bytes,
        *,
        name: str | None = None,
        on_progress: ProgressCallback | None = None,
        skip_bad_lines: bool | None = None,
    ) -> FileInfo:
        """Load a CSV from a path or from bytes; it becomes the file in use.

        Raises a :class:`~csvagent_jupyter.errors.LoadError` subclass whose message says
        what is wrong and what to do; the failure is recorded as a File with status error.
        """
        loaded = self._loader.load(
            source, name=name, on_progress=on_progress, skip_bad_lines=skip_bad_lines
        )
        self._remember_frame(loaded.info.id, loaded.frame)
        self._current_file_id = loaded.info.id
        return loaded.info

    def files(self, *, include_failed: bool = True) -> list[FileInfo]:
        """Loaded files, newest first (failed loads too, unless ``include_failed=False``)."""
        rows = self.store.list_files(status=None if include_failed else "completed")
        return [FileInfo.from_row(row) for row in rows]

    def file(self, ref: str | None = None) -> FileInfo:
        """A completed file by id, id prefix or name; the file in use when ``ref`` is None."""
        if ref is None:
            if self._current_file_id is None:
                completed = self.store.list_files(status="completed")
                if not completed:
                    raise UnknownFileError(
                        "No file is loaded yet. Load one with agent.load('data.csv')."
                    )
                self._current_file_id = completed[0].id
            ref = self._current_file_id
        row = self.store.get_file(ref)
        if row is None or row.status != "completed":
            candidates = self.store.list_files(status="completed")
            matches = [r for r in candidates if r.id.startswith(ref)] or [
                r for r in candidates if ref in (r.original_filename, r.filename)
            ]
            if not matches:
                names = sorted({r.original_filename for r in candidates})
                hint = f" Loaded files: {', '.join(names)}." if names else " No file is loaded yet."
                raise UnknownFileError(f"No loaded file is called {ref!r}.{hint}")
            row = matches[0]
        return FileInfo.from_row(row)

    def use(self, ref: str) -> FileInfo:
        """Make a loaded file the one questions go to by default."""
        info = self.file(ref)
        self._current_file_id = info.id
        return info

    def frame(self, ref: str | None = None) -> pd.DataFrame:
        """The typed table of a loaded file (kept in memory for the most recent few)."""
        info = self.file(ref)
        with self._frames_lock:
            frame = self._frames.get(info.id)
            if frame is not None:
                self._frames.move_to_end(info.id)
                return frame
        row = self.store.get_file(info.id)
        assert row is not None
        frame = self._loader.read_frame(row)
        self._remember_frame(info.id, frame)
        return frame

    def _remember_frame(self, file_id: str, frame: pd.DataFrame) -> None:
        with self._frames_lock:
            self._frames[file_id] = frame
            self._frames.move_to_end(file_id)
            while len(self._frames) > FRAMES_IN_MEMORY:
                self._frames.popitem(last=False)

    def close(self) -> None:
        """Finish pending cache writes and release the database connections."""
        self.cache.close()
        self.database.dispose()

    def __enter__(self) -> Agent:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
