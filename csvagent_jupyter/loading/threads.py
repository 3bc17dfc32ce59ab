"""The threads that type and profile columns: one per core, shared by every load of the process.

Columns are independent and the numpy, pandas and Arrow kernels underneath release the
GIL, so a large table's columns are typed and profiled in parallel.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

_pool: ThreadPoolExecutor | None = None


def column_pool() -> ThreadPoolExecutor:
    """Threads for per-column typing and profiling: one per core (their kernels drop the GIL)."""
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(
            max_workers=min(8, os.cpu_count() or 1), thread_name_prefix="csvagent-columns"
        )
    return _pool


def parallel_map(function: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
    """``map`` on the column threads, results in order as they finish; serial once the
    interpreter is exiting (the pool then refuses work, and a script that ends right after a
    load still finishes its profile)."""
    try:
        return column_pool().map(function, items)  # submits every item now
    except RuntimeError:
        return map(function, items)
