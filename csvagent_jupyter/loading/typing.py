"""Column typing after the parse: numbers written as text, booleans, dates, categories.

pandas' reader already types clean numbers. What it leaves as text is decided here
from a bounded sample, then converted column by column (so peak memory grows by one
column, not one table). Each decision is a :class:`Conversion` (``conversion.py``): a
small value that both converts a column and renders itself as the pandas line that
does the same, so the reproducible code in every answer repeats the load exactly.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from .conversion import (
    _BOOL_MAP,
    DASHES,
    NOTE_PATTERN,
    PLACEHOLDERS,
    Conversion,
    Mapper,
    _is_text,
    apply_conversions,
    convert_column,
    timestamps_series,
)
from .dates import (
    DATE_HINT,
    duration_prefix,
    infer_date_format,
    looks_like_duration,
    resolve_day_month,
)
from .encoded import encode_text
from .numbers import detect_number_format, looks_like_number

__all__ = [
    "PLACEHOLDERS",
    "Conversion",
    "apply_conversions",
    "convert_column",
    "infer_conversion",
    "infer_conversions",
]

log = logging.getLogger("csvagent_jupyter")

SAMPLE_VALUES = 2000
_NUMERIC_TEXT = re.compile(
    r"^\s*[-+−]?\s*[$€£¥]?\s*[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?\s*$"
)


@lru_cache(maxsize=8)
def _positions(size: int) -> np.ndarray | None:
    """The rows a sample looks at: the head and a spread of the rest (None: all of them).

    The same for every column of a table: built once (``np.r_`` costs about 13 us, which on
    a wide table is paid by every column), and read-only, since it is shared."""
    if size <= SAMPLE_VALUES:
        return None
    # Formats often change part-way through a file, so the tail is sampled too.
    positions = np.r_[0:500, 500 : size : size // SAMPLE_VALUES]
    positions.flags.writeable = False
    return positions


def _arrow_sample(series: pd.Series) -> Any:
    """The sample's distinct non-null values as an Arrow array, for Arrow-backed text
    (pandas 3's str), else None: taken, made unique and stripped of nulls in Arrow, at a
    tenth of the per-column cost of the same pandas calls, which on a wide file add up."""
    to_arrow = getattr(series.array, "__arrow_array__", None)
    if to_arrow is None:
        return None
    import pyarrow.compute as pc

    values = to_arrow()
    positions = _positions(len(series))
    if positions is not None:
        values = _take_sorted(values, positions)
    return pc.unique(values).drop_null()


def _take_sorted(values: Any, positions: np.ndarray) -> Any:
    """``values.take(positions)`` for ascending ``positions``, chunk by chunk.

    pandas' parallel reader leaves a column in dozens of chunks, and Arrow's take on a
    chunked array joins them into one first: a copy of the whole column for a sample of a
    few thousand values (measured on a million strings in 38 chunks: 1.6 ms against 0.7 ms
    this way, most of a text column's inference)."""
    import pyarrow as pa

    if not isinstance(values, pa.ChunkedArray) or values.num_chunks < 2:
        return values.take(positions)
    lengths = np.fromiter((len(chunk) for chunk in values.chunks), np.int64, values.num_chunks)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    cuts = np.searchsorted(positions, starts)
    parts = [
        chunk.take(positions[cuts[k] : cuts[k + 1]] - starts[k])
        for k, chunk in enumerate(values.chunks)
        if cuts[k] < cuts[k + 1]
    ]
    return pa.chunked_array(parts, type=values.type)


def _sample(series: pd.Series, arrow: Any = None) -> list[str]:
    """Up to about SAMPLE_VALUES distinct non-null values: the head and a spread of the rest.

    Positions are chosen before nulls are dropped (dropping nulls from a million
    strings costs more than the whole inference), and only distinct values are kept:
    the pattern tests run per value in plain Python, which for a few thousand short
    strings is faster than pandas' vectorised string methods with their set-up cost.
    """
    if arrow is not None:
        return [str(value) for value in arrow.to_pylist()]
    positions = _positions(len(series))
    if positions is not None:
        series = series.iloc[positions]
    return [str(value) for value in series.dropna().unique().tolist()]


def _placeholders(rejected: list[str]) -> tuple[str, ...] | None:
    """The rejected values as placeholders for "missing", or None if any is real data."""
    if all(token.strip().lower() in PLACEHOLDERS for token in rejected):
        return tuple(sorted(rejected))
    return None


def _plausible(sample: list[str], test: Callable[[str], object], head: int = 40) -> bool:
    """At least a fifth of the first values pass ``test``: worth testing them all."""
    first = sample[:head]
    return sum(1 for value in first if test(value)) * 5 >= len(first)


def _share(flags: list[bool]) -> float:
    return sum(flags) / len(flags)


def _all_iso_dates(sample: list[str], arrow: Any = None) -> bool:
    """Every sampled value an ISO-8601 date or timestamp, as Arrow's fast parser reads them
    (``arrow``: the same sample as an Arrow array, when there is one)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    first = sample[0] if sample else str(arrow[0].as_py())
    if not first[:1].isdigit() or "-" not in first:
        return False
    try:
        pc.cast(arrow if arrow is not None else pa.array(sample, pa.string()), pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return False
    return True


def _bool_labels(sample: list[str], lowered: list[str]) -> tuple[str, str]:
    """The file's own words for True and False, as most often written ("yes"/"no", "Y"/"N")."""
    words: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for value, low in zip(sample, lowered, strict=True):
        if low in _BOOL_MAP:
            words[_BOOL_MAP[low]][value.strip()] += 1
    return words[True].most_common(1)[0][0], words[False].most_common(1)[0][0]


def _infer_text_column(
    name: str, series: pd.Series, rows: int, arrow: Any = None
) -> Conversion | None:
    """The typing of a column the parser left as text. Two conventions of tables copied from
    reference pages are read through: footnote marks after numbers and dates ("70[a]",
    "1 January 1904[1]"), and a dash for "none" in text ("—"). ``arrow``: the sample, when
    already taken (see ``encoded.py``)."""
    if arrow is None:
        arrow = _arrow_sample(series)  # taken once: both looks below read the same sample
    found = _infer_plain(name, series, rows, arrow)
    if found is not None and found.kind not in ("text", "category"):
        return found
    has_notes, dashes = _marks(series, arrow)
    if has_notes:
        cleaned = series.str.replace(NOTE_PATTERN, "", regex=True).str.strip()
        typed = _infer_plain(name, cleaned, rows)
        if typed is not None and typed.kind not in ("text", "category"):
            note = f"Column {name!r}: footnote marks such as '[a]' were removed to read its values."
            return replace(typed, strip_notes=True, note=typed.note or note)
    if dashes:
        return replace(found or Conversion(name, "text"), placeholders=dashes)
    return found


def _marks(series: pd.Series, arrow: Any = None) -> tuple[bool, tuple[str, ...]]:
    """Whether the sampled values carry footnote marks, and the cells that are only a dash,
    read on the distinct values the inference samples (a few dozen strings; ``arrow``: that
    sample, as :func:`_arrow_sample` gives it)."""
    sample = _sample(series, arrow)
    has_notes = any("[" in value and _NOTE.search(value) for value in sample)
    return has_notes, tuple(sorted({value for value in sample if value.strip() in DASHES}))


_NOTE = re.compile(NOTE_PATTERN)


def _infer_plain(name: str, series: pd.Series, rows: int, arrow: Any = None) -> Conversion | None:
    """The typing of text ``series`` from its sample (``arrow``: the sample already taken by
    :func:`_arrow_sample`, if any)."""
    as_text = series.dtype == object  # numbers and text mixed by the parser's chunks
    if arrow is None:
        arrow = _arrow_sample(series)
    if arrow is not None and len(arrow) and _all_iso_dates([], arrow):
        # the common case, settled by one Arrow call before any value becomes a Python string
        return Conversion(name, "datetime", date_format="ISO8601", as_text=as_text)
    sample = _sample(series, arrow)
    if not sample:
        return None
    if arrow is None and _all_iso_dates(sample):
        return Conversion(name, "datetime", date_format="ISO8601", as_text=as_text)
    lowered = [value.strip().lower() for value in sample]

    is_bool = [value in _BOOL_MAP for value in lowered]
    if (
        _share(is_bool) > 0.9
        # both truths, however spelled: "yes"/"no" beside "Y"/"N" in one export is one flag
        and len({_BOOL_MAP[v] for v, ok in zip(lowered, is_bool, strict=True) if ok}) == 2
    ):
        placeholders = _placeholders([v for v, ok in zip(sample, is_bool, strict=True) if not ok])
        if placeholders is not None:
            labels = _bool_labels(sample, lowered)
            return Conversion(name, "boolean", placeholders, as_text=as_text, labels=labels)

    # Each test first looks at a few values: most text columns fail it there, cheaply.
    if (
        _plausible(sample, _NUMERIC_TEXT.match)
        and _share(is_number := [bool(_NUMERIC_TEXT.match(v)) for v in sample]) >= 0.5
    ):
        placeholders = _placeholders([v for v, ok in zip(sample, is_number, strict=True) if not ok])
        if placeholders is not None:
            return Conversion(name, "number", placeholders, strip_symbols=True, as_text=as_text)

    if _plausible(sample, looks_like_number):
        number_format, rejected = detect_number_format(sample)
        placeholders = _placeholders(rejected) if number_format else None
        if number_format is not None and placeholders is not None:
            unit = f" in {number_format.unit}" if number_format.unit else ""
            return Conversion(
                name,
                "number",
                placeholders,
                as_text=as_text,
                replacements=number_format.replacements,
                multipliers=number_format.multipliers,
                note=f"Column {name!r}: numbers written like {number_format.example!r} read as numbers"
                f"{unit}.",
            )
    if _plausible(sample, looks_like_duration):
        present = [v for v in sample if v.strip().lower() not in PLACEHOLDERS]
        prefix = duration_prefix(present) if present else None
        if prefix is not None:
            placeholders = _placeholders([v for v in sample if v not in present])
            return Conversion(
                name, "duration", placeholders or (), as_text=as_text, duration_prefix=prefix
            )

    if (
        _plausible(sample, DATE_HINT.search)
        and _share(is_date := [bool(DATE_HINT.search(v)) for v in sample]) >= 0.5
    ):
        placeholders = _placeholders([v for v, ok in zip(sample, is_date, strict=True) if not ok])
        dated = [v for v, ok in zip(sample, is_date, strict=True) if ok]
        date_format = infer_date_format(dated) if placeholders is not None else None
        note = None
        if date_format is not None:
            date_format, note = resolve_day_month(name, series, date_format, placeholders or ())
        if date_format is not None:
            return Conversion(
                name,
                "datetime",
                placeholders or (),
                date_format=date_format,
                as_text=as_text,
                note=note,
            )

    spaced = next((value for value in sample if value != value.strip()), None)
    strip = spaced is not None
    note = (
        f"Column {name!r}: spaces around values were removed ({spaced!r} reads {spaced.strip()!r})."
        if spaced is not None
        else None
    )
    if rows >= 200 and len({v.strip() for v in sample}) <= min(1000, rows // 20):
        # Checked again on the whole column when applied (see apply_conversions).
        return Conversion(name, "category", as_text=as_text, strip=strip, note=note)
    if strip or as_text:
        return Conversion(name, "text", as_text=as_text, strip=strip, note=note)
    return None


def infer_conversion(name: str, series: pd.Series, rows: int) -> Conversion | None:
    """The conversion that types one column better than the parser did, if any."""
    if _is_text(series):
        return _infer_text_column(name, series, rows)
    if (
        series.dtype == np.float64
        # the sample first: a column of fractions fails there, without a pass over all its
        # values for gaps (0.4 ms a column of a million)
        and holds_whole_numbers(series)
        and np.isnan(series.to_numpy()).any()  # Series.hasnans: a third of this in overhead
    ):
        return Conversion(name, "integer")
    return None


def infer_conversions(
    frame: pd.DataFrame,
    mapper: Mapper = map,
    notes: list[str] | None = None,
    prepared: dict[str, pd.Series] | None = None,
) -> list[Conversion]:
    """The conversions for every column; columns are independent, so ``mapper`` may be parallel.

    A column whose inference fails (an odd value the rules did not foresee) keeps the
    parser's type; the reason goes to ``notes`` instead of failing the load. Given
    ``prepared``, a short column of ISO dates is converted whole right away and put there,
    for ``apply_conversions`` to take as it is (see :func:`_whole_iso_dates`), and so is a
    short column of categories, from the encoding its sample was read from (``encoded.py``).
    """
    rows = len(frame)

    def infer(name: Any) -> Conversion | str | None:
        try:
            series = frame[name]
            if prepared is not None and rows <= FUSED_ROWS:
                converted = _whole_iso_dates(series)
                if converted is not None:
                    prepared[name] = converted
                    return Conversion(name, "datetime", date_format="ISO8601")
                encoded = encode_text(series)
                if encoded is not None:  # one encoding for the sample and the categories
                    found = _infer_text_column(name, series, rows, encoded.sample(_positions(rows)))
                    if found is not None and _plain_category(found):
                        categories = encoded.categorical(max(1000, rows // 20))
                        if categories is not None:
                            prepared[name] = categories
                    return found
            return infer_conversion(name, series, rows)
        except Exception as exc:
            log.debug("typing column %r failed", name, exc_info=True)
            return f"Column {name!r} was kept as read: typing it failed ({exc})."

    found = list(mapper(infer, list(frame.columns)))
    if notes is not None:
        notes += [item for item in found if isinstance(item, str)]
    return [item for item in found if isinstance(item, Conversion)]


FUSED_ROWS = 100_000  # up to here a text column is converted whole by its inference


def _plain_category(conversion: Conversion) -> bool:
    """A category conversion that only encodes (no placeholders, spaces or footnotes)."""
    return conversion.kind == "category" and not (
        conversion.placeholders or conversion.strip or conversion.strip_notes or conversion.as_text
    )


def _whole_iso_dates(series: pd.Series) -> pd.Series | None:
    """A short Arrow-backed text column converted to dates when every value is an ISO date,
    else None (and inference goes on as usual).

    Inference would decide the same from its sample (a part of the column, whose first
    value is checked as here) and the conversion then casts the whole column: on a short
    column, casting it whole at once does both for the price of the second, about half of
    what a column of dates cost before.
    """
    to_arrow = getattr(series.array, "__arrow_array__", None)
    if to_arrow is None or not pd.api.types.is_string_dtype(series.dtype):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    values = to_arrow()
    if not len(values):
        return None
    first = values[0].as_py()  # the sample's first value, unless the first row is empty
    if first is None:
        valid = pc.is_valid(values).to_numpy(zero_copy_only=False)
        positions = _positions(len(series))
        sampled = np.flatnonzero(valid) if positions is None else positions[valid[positions]]
        if not sampled.size:
            return None  # the sample holds no value: inference types nothing either
        first = values[int(sampled[0])].as_py()
    first = str(first)
    if not first[:1].isdigit() or "-" not in first:
        return None
    try:
        parsed = pc.cast(values, pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    return timestamps_series(parsed, series)


def holds_whole_numbers(series: pd.Series) -> bool:
    """True for a float column whose sampled values are whole numbers (pandas reads integers
    with gaps as float). Only a sample: the cast to Int64 checks every value, and a column
    with a fraction the sample missed stays float (see ``conversion._to_integers``)."""
    values = series.to_numpy()
    positions = _positions(len(values))
    sample = values if positions is None else values[positions]
    sample = sample[~np.isnan(sample)]
    if sample.size == 0:
        # the sample saw only gaps: look for any value at all before calling it integers
        present = values[~np.isnan(values)][:SAMPLE_VALUES]
        if present.size == 0:
            return False
        sample = present
    if np.abs(sample).max() >= 2**53:
        return False
    return bool(np.array_equal(sample, np.floor(sample)))
