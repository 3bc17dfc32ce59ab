"""Dates and durations written in the forms people type: one format per column, decided once.

A column gets the first format that reads every sampled value. For all-numeric
forms such as ``05/02/2024`` the order of day and month is decided from the whole
column: a single ``25/12/2024`` settles it; when every value reads both ways, the
column is read month-first (pandas' default) and the profile says it stayed
ambiguous. An explicit format makes the parse fast and repeatable in generated code.
"""

from __future__ import annotations

import re

import pandas as pd

DATE_HINT = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s-]+\d|"
    r"\d[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)",
    re.IGNORECASE,
)
# Written forms pandas' guesser does not recognise, tried after its guess.
_FORMATS = [
    "%B %d, %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%d %b %Y",
    "%d-%b-%Y",
    "%d-%b-%y",
    "%b %d %Y %I:%M:%S %p",
    "%b %d %Y %I:%M %p",
    "%b %d %Y",
    "%B %Y",
    "%b %Y",
    "%m/%d/%Y",
    "%d/%m/%Y",
    "%m/%d/%y",
    "%d/%m/%y",
    "%d.%m.%Y",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%m-%d-%Y",
    "%d-%m-%Y",
    # with a time of day ("06/01/2022 10:27", "15.03.2024 08:30:00", "3/14/2024 9:05 PM")
    "%m/%d/%Y %H:%M",
    "%d/%m/%Y %H:%M",
    "%m/%d/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %I:%M %p",
    "%m/%d/%Y %I:%M:%S %p",
    "%Y/%m/%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%m-%d-%Y %H:%M",
]
_LETTER = re.compile(r"[A-Za-z]")
_DURATION_HMS = re.compile(r"^\d{1,3}:[0-5]\d:[0-5]\d(?:\.\d+)?$")
_DURATION_MS = re.compile(r"^\d{1,2}:[0-5]\d\.\d+$")


def _reads_all(values: list[str] | pd.Series, date_format: str) -> bool:
    # No warnings.catch_warnings here: it is process-global and this runs in threads;
    # an explicit format makes pandas parse without inference warnings anyway.
    try:
        pd.to_datetime(pd.Series(values, dtype="str"), format=date_format)
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def infer_date_format(dated: list[str]) -> str | None:
    """The first format that reads every sampled date: ISO first, then the common written forms."""
    candidates = ["ISO8601"]
    # The guesser warns (process-wide) on numeric day-first dates; those are in _FORMATS anyway.
    guessed = pd.tseries.api.guess_datetime_format(dated[0]) if _LETTER.search(dated[0]) else None
    if guessed:
        candidates.append(guessed)
    for date_format in dict.fromkeys([*candidates, *_FORMATS]):
        if _reads_all(dated, date_format):
            return date_format
    return None


def swapped(date_format: str) -> str | None:
    """The same format with day and month exchanged, when both are numeric; else None."""
    if "%d" in date_format and "%m" in date_format:
        return date_format.replace("%d", "\0").replace("%m", "%d").replace("\0", "%m")
    return None


def resolve_day_month(
    column: str, series: pd.Series, date_format: str, placeholders: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """Day-first or month-first from every distinct value of the column, and a note if ambiguous.

    Returns (None, None) when neither order reads the whole column.
    """
    other = swapped(date_format)
    if other is None:
        return date_format, None
    values = pd.Series(series.dropna().unique()).astype("str")
    values = values[~values.isin(list(placeholders))]
    fits = [f for f in (date_format, other) if _reads_all(values, f)]
    if not fits:
        return None, None
    if len(fits) == 1:
        return fits[0], None
    month_first = date_format if date_format.index("%m") < date_format.index("%d") else other
    example = str(values.iloc[0])
    return month_first, (
        f"Column {column!r}: dates such as {example!r} read both day-first and month-first "
        "in every row, so they were read month-first; check a known date to be sure."
    )


def looks_like_duration(value: str) -> bool:
    """One value written as hh:mm:ss or mm:ss.ff (a cheap first look before a whole column)."""
    value = value.strip()
    return bool(_DURATION_HMS.match(value) or _DURATION_MS.match(value))


def duration_prefix(values: list[str]) -> str | None:
    """ "" for hh:mm:ss durations, "00:" for mm:ss.ff ones, None if the values are not durations."""
    stripped = [value.strip() for value in values]
    if all(_DURATION_HMS.match(value) for value in stripped):
        return ""
    if all(_DURATION_MS.match(value) for value in stripped):
        return "00:"
    return None
