"""The outline a short table's load returns with; its exact profile follows in the background.

On a short wide table the profile is per-column work that no answer needs (measured on
10k x 100: 14 ms of an 89 ms load, its parse 32 ms), so a load of at most
``profile.SAMPLE_ROWS`` rows (where the provisional profile would be exact anyway) stores
an *outline* and returns: each column's name, type and dtype, its counts not computed
yet (zeros), every column marked ``approximate`` and the profile marked ``outline``. The
background phase (``background.py``: its own job row and events with
``data["phase"] == "profile"``) computes the exact profile, all columns together
(``profile_batch``), stores it and writes the cache.

Nobody reads the outline's counts. The :class:`~.files.FileInfo` a load returns holds
the background's future and gives the exact profile on first use (waiting for it, a
few milliseconds); ``Agent.file`` and a reuse of the same content wait for it as well
(:func:`settle_outline`), and a process that ended before it finishes it there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .profile import ColumnProfile, FileProfile, logical_type


def outline_profile(frame: pd.DataFrame, **file_facts: Any) -> FileProfile:
    """The outline of a typed frame: names, logical types and dtypes; no counts yet."""
    columns = [
        ColumnProfile(
            name=str(name),
            type=logical_type(series),
            dtype=str(series.dtype),
            nulls=0,
            distinct=0,
            approximate=True,
        )
        for name, series in frame.items()
    ]
    return FileProfile(
        rows=len(frame),
        columns=len(columns),
        column_profiles=columns,
        exact=False,
        outline=True,
        **file_facts,
    )
