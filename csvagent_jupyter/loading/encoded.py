"""A short text column encoded once, for both its inference and its conversion to categories.

On a short table, inferring a text column took a sample (Arrow's take on its chunks, then
its distinct values) and converting it to categories encoded the whole column again
(measured on 10k rows: 104 us and 257 us a column, 25 such columns on 10k x 100). Here
the column is dictionary-encoded once: its sample's distinct values are read off the
codes at the sampled positions, and a column inferred as categories is built from the
same encoding. The sample is the one :func:`typing._arrow_sample` takes (the same
values in the same order: the tests compare them), so inference decides as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .conversion import categorical_from_encoding

HEAD = 500  # rows at the head of a sample looked at for all of a dictionary's values


@dataclass(frozen=True)
class EncodedText:
    """An Arrow-backed text column and its dictionary encoding."""

    series: pd.Series
    encoded: Any  # pyarrow DictionaryArray of the whole column

    def sample(self, positions: np.ndarray | None) -> Any:
        """The distinct non-null values at ``positions`` (None: all rows; else ascending),
        in the order they first occur there, as an Arrow array: what
        ``pc.unique(take(positions))`` gives.

        The dictionary holds the column's values in the order they first occur, so it is
        the sample itself when the sampled rows include every row up to the first
        occurrence of its last value: a column of a few levels, all of them in the rows
        every sample starts with (see ``typing._positions``), needs no look at its codes
        (on 10k rows, 15 us against 90 us)."""
        dictionary = self.encoded.dictionary
        if positions is None:
            return dictionary
        head = min(len(positions), HEAD)
        if head and len(dictionary) and positions[head - 1] == head - 1:
            import pyarrow.compute as pc

            # the first ``head`` positions are the first ``head`` rows
            last = pc.max(self.encoded.indices.slice(0, head)).as_py()
            if last == len(dictionary) - 1:
                return dictionary
        codes = self.encoded.indices.fill_null(-1).to_numpy()
        if positions is not None:
            codes = codes[positions]
        ordered = pd.unique(codes)  # in order of appearance
        return self.encoded.dictionary.take(ordered[ordered >= 0])

    def categorical(self, limit: int) -> pd.Series | None:
        """The column as categories, or None when it holds more than ``limit`` distinct
        values (no category then: see ``conversion.convert_column``)."""
        if len(self.encoded.dictionary) > limit:
            return None
        return categorical_from_encoding(self.encoded, self.series)


def encode_text(series: pd.Series) -> EncodedText | None:
    """The column encoded, when it is Arrow-backed text; else None."""
    to_arrow = getattr(series.array, "__arrow_array__", None)
    if to_arrow is None or not pd.api.types.is_string_dtype(series.dtype):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    values = to_arrow()
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks() if values.num_chunks != 1 else values.chunk(0)
    return EncodedText(series, pc.dictionary_encode(values))
