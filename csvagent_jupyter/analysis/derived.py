"""Derived columns from text and per-group windows: their checks, values and code.

Each kind is a plain SQL expression (``lower``, ``split_part``, ``regexp_extract``,
an interval) or a window function (``rank() OVER (PARTITION BY …)``), so Plans that
use them still compile to SQL. Values and code are produced side by side, as in the
executor, so the code shown reproduces the value exactly.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..errors import PlanError
from .plan import Derive

if TYPE_CHECKING:
    from pandas.api.typing import SeriesGroupBy

    from .validate import _Validator

TEXT_KINDS = frozenset(
    {"lower", "upper", "strip", "split", "extract", "duration", "year", "leading_number"}
)
_NUMBER_KINDS = frozenset({"duration", "year", "leading_number"})
KINDS = TEXT_KINDS | {"window", "column_of_max", "column_of_min"}
_SECONDS = {"days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}
_NUMERIC = {"integer", "number"}
_ORDERED = _NUMERIC | {"datetime"}
# The per-group statistics a window takes by name (``transform("mean")``).
_Whole = Literal["mean", "sum", "min", "max", "count", "std"]


def check(validator: _Validator, derive: Derive) -> str:
    """Raise a PlanError if ``derive`` cannot run; return the type of the new column."""
    if derive.kind in TEXT_KINDS:
        if derive.column is None:
            raise PlanError(f"The computed column {derive.name!r} needs a source column.")
        validator.require(
            derive.column, f"for {derive.kind}", {"text", "category"}, f"{derive.kind} the text of"
        )
        if derive.kind == "split" and (not derive.delimiter or derive.index is None):
            raise PlanError(
                f"Splitting {derive.column!r} needs `delimiter` (the text to split on) and "
                "`index` (which part, from 0; -1 for the last)."
            )
        if derive.kind == "extract" and not derive.key:
            raise PlanError(
                f"Extracting from {derive.column!r} needs `key`: the field to take "
                "(e.g. 'username' from {'username': 'x'})."
            )
        return "number" if derive.kind in _NUMBER_KINDS else "text"
    if derive.kind in ("column_of_max", "column_of_min"):
        if len(derive.columns) < 2:
            raise PlanError(
                f"{derive.kind} compares columns within each row: name two or more in `columns`."
            )
        for name in derive.columns:
            validator.require(name, f"for {derive.kind}", _NUMERIC, "compare the values of")
        return "text"
    assert derive.kind == "window"
    func = derive.func
    if func is None:
        raise PlanError(
            f"The window column {derive.name!r} needs `func` (rank, row_number, cumsum, "
            "pct_change, zscore, minus_mean, share, mean, sum, min, max, count, previous or "
            "next)."
        )
    for key in derive.partition_by:
        validator.column_type(key, "to partition by")
    if func == "row_number":
        return "integer"
    if derive.column is None:
        raise PlanError(f"The window column {derive.name!r} ({func}) needs `column`.")
    if func in ("previous", "next"):
        validator.column_type(derive.column, f"to take the {func} row's value of")
        return validator.types[derive.column]
    allowed = _ORDERED if func in ("rank", "min", "max") else _NUMERIC
    if func == "count":
        validator.column_type(derive.column, "to count")
    else:
        validator.require(derive.column, f"for {func}", allowed, f"compute the {func} of")
    if func in ("rank", "count"):
        return "integer"
    if func in ("min", "max"):
        return validator.types[derive.column]
    return "number"


def compute(df: pd.DataFrame, derive: Derive) -> tuple[Any, str]:
    """The new column's values and the code that computes them (from ``df``)."""
    column = derive.column
    source = f"df[{column!r}]"
    kind = derive.kind
    if kind in ("lower", "upper", "strip"):
        return getattr(df[column].str, kind)(), f"{source}.str.{kind}()"
    if kind == "split":
        assert derive.index is not None  # check() refuses a split without an index
        part = df[column].str.split(derive.delimiter, regex=False).str[derive.index]
        return part, f"{source}.str.split({derive.delimiter!r}, regex=False).str[{derive.index}]"
    if kind == "extract":
        pattern = _field_pattern(derive.key or "")
        found = df[column].str.extract(pattern).bfill(axis=1).iloc[:, 0].str.strip()
        return found, f"{source}.str.extract({pattern!r}).bfill(axis=1).iloc[:, 0].str.strip()"
    if kind == "duration":
        seconds = _SECONDS[derive.unit or "seconds"]
        text = df[column].astype("str").str.strip().str.replace(_MM_SS, r"00:\1", regex=True)
        durations = pd.to_timedelta(text, errors="coerce").dt.total_seconds() / seconds
        code = (
            f"pd.to_timedelta({source}.astype('str').str.strip().str.replace({_MM_SS!r}, "
            f"r'00:\\1', regex=True), errors='coerce').dt.total_seconds() / {seconds}"
        )
        return durations, code
    if kind == "year":
        # "5 April 1998", "2019", "1988 Seoul", "2019–20": the first year written in the cell
        found = df[column].astype("str").str.extract(YEAR_IN_TEXT, expand=False)
        code = f"pd.to_numeric({source}.astype('str').str.extract({YEAR_IN_TEXT!r}, expand=False))"
        return pd.to_numeric(found), code
    if kind == "leading_number":
        # "2,023 m (6,637 ft)", "1,025[a]", "32½ pts": the number the cell starts with
        text = df[column].astype("str")
        found = text.str.extract(LEADING_NUMBER, expand=False)
        leading = pd.to_numeric(found.str.replace(",", "", regex=False))
        code = (
            f"pd.to_numeric({source}.astype('str').str.extract({LEADING_NUMBER!r}, "
            "expand=False).str.replace(',', '', regex=False))"
        )
        return _in_the_common_scale(text, leading, code, source)
    if kind in ("column_of_max", "column_of_min"):
        # wide to long in one step: the name of the column holding each row's extreme
        which = "idxmax" if kind == "column_of_max" else "idxmin"
        numbers = df[derive.columns].astype("float64")
        present = numbers.notna().any(axis=1)
        names = getattr(numbers[present], which)(axis=1).reindex(df.index)
        code = (
            f"(lambda v: getattr(v[v.notna().any(axis=1)], {which!r})(axis=1).reindex(v.index))"
            f"(df[{derive.columns!r}].astype('float64'))"
        )
        return names, code
    return _window(df, derive)


# a year of four digits standing alone: never part of a longer number ("12000", "1,998")
# or of a code ("X-1042", "G1998"); "2019–20" and "1998[1]" are years, and a decade
# ("1420s") is read as its first year, which orders it right against any year outside it
YEAR_IN_TEXT = r"(?<![\w,.\-/])(1[0-9]{3}|20[0-9]{2})s?(?![\w,])"
# a number at the start of a cell, thousands separated or not: "2,023 m (6,637 ft)" → 2,023;
# after a mark of approximation or a bound ("~70,000", "c. 700", "<5", "≈ 12")
# (and after a currency sign: "₹2,024 crore", "US$8,307,000", "€1.2 million", or the mark
# of a tied rank: "=7", "T-5")
CURRENCY = r"(?:[A-Z]{1,2}\$|\$|€|£|₹|¥)"  # a sign written before an amount ("US$", "€")
LEADING_NUMBER = (
    rf"^\s*(?:~|≈|c\.|ca\.|approx\.|<|>|≤|≥|\+|=|T-)?\s*{CURRENCY}?\s*"
    r"(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)"
    r"(?!\d|(?:st|nd|rd|th)\s*centur)"  # "18th century" is no 18 (nor a year): no number
)
_MM_SS = r"^(\d{1,2}:\d{2}(?:\.\d+)?)$"  # "4:35" is minutes and seconds: make it 00:04:35


# a scale word right after the leading number: "12.5 million", "$1.02 billion", "$3.4bn",
# "500k"; a lone letter only when written against the number, so "305 m" stays metres
SCALED_NUMBER = (
    LEADING_NUMBER + r"\s*((?i:thousand|million|billion|trillion|bn|mn)|(?<=\d)(?i:[kmb]))\b"
)
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
}  # fmt: skip


def _in_the_common_scale(
    text: pd.Series, numbers: pd.Series, code: str, source: str
) -> tuple[pd.Series, str]:
    """Leading numbers in the scale most cells write ("12.5 million"), with the cells written
    in another ("$1.02 billion") rescaled into it: 1,020 million, never 1.02 million, which
    would rank the largest amount last. Cells without a scale word stay as written, and a
    column that writes one scale throughout, or none, is returned untouched."""
    words = text.str.extract(SCALED_NUMBER)[1].str.lower()
    factors = words.map(SCALES)
    if factors.nunique() < 2:
        return numbers, code
    common = factors.mode().iloc[0]
    scaled = numbers.where(factors.isna() | factors.eq(common), numbers * factors / common)
    code = (
        f"(lambda n, f: n.where(f.isna() | f.eq(f.mode().iloc[0]), n * f / f.mode().iloc[0]))"
        f"({code}, {source}.astype('str').str.extract({SCALED_NUMBER!r})[1].str.lower()"
        f".map({SCALES!r}))"
    )
    return scaled, code


def _field_pattern(key: str) -> str:
    """A regex for ``'key': value`` in dict-like or JSON text: quoted with ' or ", or bare."""
    name = re.escape(key)
    return rf"""['"]{name}['"]\s*:\s*(?:'([^']*)'|"([^"]*)"|([^,}}\s][^,}}]*))"""


def _window(df: pd.DataFrame, derive: Derive) -> tuple[Any, str]:
    func, column, keys = derive.func, derive.column, derive.partition_by
    if func == "row_number":
        if keys:
            grouped = df.groupby(keys, observed=True, sort=False, dropna=False)
            return grouped.cumcount() + 1, (
                f"df.groupby({keys!r}, observed=True, sort=False, dropna=False).cumcount() + 1"
            )
        return np.arange(1, len(df) + 1), "np.arange(1, len(df) + 1)"
    assert column is not None  # check() refuses any other window without a column
    source = df[column]
    code = f"df[{column!r}]"
    over: SeriesGroupBy | pd.Series
    if keys:
        over = df.groupby(keys, observed=True, sort=False, dropna=False)[column]
        over_code = f"df.groupby({keys!r}, observed=True, sort=False, dropna=False)[{column!r}]"
    else:
        over, over_code = source, code

    def whole(name: _Whole) -> tuple[Any, str]:
        if keys:
            return over.transform(name), f"{over_code}.transform({name!r})"
        return getattr(source, name)(), f"{code}.{name}()"

    if func == "rank":
        ascending = not derive.descending
        return over.rank(method="min", ascending=ascending), (
            f"{over_code}.rank(method='min', ascending={ascending})"
        )
    if func in ("previous", "next"):
        # SQL LAG/LEAD: the neighbour in file order (within each partition)
        step = 1 if func == "previous" else -1
        return over.shift(step), f"{over_code}.shift({step})"
    if func == "cumsum":
        return over.cumsum(), f"{over_code}.cumsum()"
    if func == "pct_change":
        return over.pct_change() * 100, f"{over_code}.pct_change() * 100"
    if func in ("mean", "sum", "min", "max", "count"):
        return whole(func)
    mean, mean_code = whole("mean")
    if func == "minus_mean":
        return source - mean, f"{code} - {mean_code}"
    if func == "zscore":
        std, std_code = whole("std")
        return (source - mean) / std, f"({code} - {mean_code}) / {std_code}"
    total, total_code = whole("sum")
    return source / total * 100, f"{code} / {total_code} * 100"  # share


__all__ = ["TEXT_KINDS", "check", "compute"]
