"""The outline a load stores before it returns; the profile that replaces it follows.

Profiling is per-column work that no answer needs before it is asked (measured on
10k x 100: 14 ms of an 89 ms load whose parse took 32 ms; on 1M x 20, 20-30 ms of the
provisional profile and the placeholders of the text columns, after a 0.3 s parse). So a
load stores an *outline* and returns: each column's name, type (the one it is to get,
for a text column still to type) and dtype, its counts not computed yet (zeros), every
column marked ``approximate`` and the profile marked ``outline``. Then, in the background
(each with its own job row and events):

- a short table (at most ``profile.SAMPLE_ROWS`` rows, whose provisional profile would be
  exact anyway) gets its exact profile, all columns together (``profile_batch``), from
  the background phase (``background.py``), which then writes the cache;
- a large table whose text columns are typed after the load (``deferred.py``) gets its
  exact profile from that typing, which first stores the outline of the typed table and
  gives the table out, then profiles every column.

A large table with no text column left to type profiles itself provisionally before it
returns, as before. Nobody reads the outline's counts. The :class:`~.files.FileInfo` a
load returns holds the future of the profile that replaces it and gives that profile on
first use (waiting for it); ``Agent.file`` waits for the typing and for the exact profile
(:meth:`.loader.Loader.settle_outline`), as a reuse of the same content does; and a
process that ended before finishes both there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .conversion import Conversion
from .deferred import TYPES
from .profile import ColumnProfile, FileProfile, logical_type_of


def outline_profile(
    frame: pd.DataFrame, pending: list[Conversion] | None = None, **file_facts: Any
) -> FileProfile:
    """The outline of a frame: names, logical types and dtypes; no counts yet. A column
    still to type (``pending``, see ``deferred.py``) has the type it is to get."""
    kinds = {c.column: TYPES[c.kind] for c in pending or []}
    # from the dtypes alone: a Series for each column costs more than the rest (1 ms of
    # the 1.9 ms an outline of 10k x 100 took)
    columns = [
        ColumnProfile(
            name=str(name),
            type=kinds.get(str(name)) or logical_type_of(dtype),
            dtype=str(dtype),
            nulls=0,
            distinct=0,
            approximate=True,
        )
        for name, dtype in frame.dtypes.items()
    ]
    return FileProfile(
        rows=len(frame),
        columns=len(columns),
        column_profiles=columns,
        exact=False,
        outline=True,
        **file_facts,
    )
