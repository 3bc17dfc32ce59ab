"""How numbers read in a result table: ``6,353,603,575.88``, not ``6.353603e+09``.

Only the display is formatted (HTML and plain text); ``Result.value`` stays the raw
DataFrame. Each numeric column gets one format, so its digits line up: whole numbers
with thousands separators, other floats with two decimals, or three significant
digits when every value is below one. Columns that hold years, ids or codes keep
their digits as they are: "2,024" would be a wrong year.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

import pandas as pd

_NOT_A_QUANTITY = re.compile(r"(year|\bid\b|_id$|^id_|code|zip|postal|phone)", re.IGNORECASE)


def _looks_like_years(values: pd.Series) -> bool:
    return bool(len(values)) and bool(values.between(1000, 2999).all())


def column_formatter(name: Any, column: pd.Series) -> Callable[[Any], str] | None:
    """The formatter of one column, or None to leave it to pandas (text, dates, booleans)."""
    dtype = column.dtype
    if pd.api.types.is_bool_dtype(dtype) or not pd.api.types.is_numeric_dtype(dtype):
        return None
    values = column.dropna()
    if len(values):
        values = values.astype("float64")
        values = values[values.map(math.isfinite)]
    whole = bool(len(values)) and bool((values == values.round()).all())
    if whole:
        if _NOT_A_QUANTITY.search(str(name)) or _looks_like_years(values):
            return lambda v: f"{int(v)}"
        return lambda v: f"{int(v):,}" if math.isfinite(v) else str(v)
    largest = float(values.abs().max()) if len(values) else 1.0
    # two decimals, or three significant digits of the largest value when all are below one
    small = 0 < largest < 1
    decimals = min(10, 2 - math.floor(math.log10(largest))) if small else 2
    return lambda v: f"{v:,.{decimals}f}" if math.isfinite(v) else str(v)


def formatters(table: pd.DataFrame) -> dict[Any, Callable[[Any], str]]:
    """Per-column formatters for ``DataFrame.to_html`` / ``to_string``."""
    found = {}
    for position, name in enumerate(table.columns):
        formatter = column_formatter(name, table.iloc[:, position])
        if formatter is not None:
            found[name] = formatter
    return found


_CLOCK = re.compile(r"\s*(?:(\d+):)?(\d{1,2}):(\d{2}(?:\.\d+)?)\s*")


def clock_seconds(text: str) -> float | None:
    """The seconds of a clock time as durations are shown ("2:20:00", "5:38.62"), if it is
    one: hours, minutes and seconds, or minutes and seconds."""
    found = _CLOCK.fullmatch(text)
    if found is None:
        return None
    hours, minutes, seconds = found.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
