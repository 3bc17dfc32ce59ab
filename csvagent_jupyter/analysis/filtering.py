"""Filters as boolean row masks, each with the pandas expression that computes it.

The executor's WHERE (and HAVING) clause: a Condition becomes a mask over a frame and
the source text of the same mask, side by side. Text tests ignore case and outer
spaces; yes/no columns take true/"yes"/1 alike; constants are read in the column's
terms (numbers, dates). With ``notes``, an equality test on a value no row has says
so with the closest values, instead of a silent zero.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from pydantic import BaseModel

from .number_format import clock_seconds
from .plan import Condition, Filter, Plan
from .summary import fmt
from .validate import closest_columns, yes_no

_DATE_PART = {
    "year": ".dt.year",
    "quarter": ".dt.quarter",
    "month": ".dt.month",
    "day": ".dt.day",
    "weekday": ".dt.day_of_week",
    "hour": ".dt.hour",
    "month_name": ".dt.month_name()",
    "weekday_name": ".dt.day_name()",
}


def _date_part(series: pd.Series, part: str) -> pd.Series:
    """A part of a date column: an attribute (``.dt.year``) or a method (``.dt.month_name()``)."""
    code = _DATE_PART[part].removeprefix(".dt.")
    if code.endswith("()"):
        return getattr(series.dt, code[:-2])()
    return getattr(series.dt, code)


_COMPARE = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">="}


def _is_text(series: pd.Series) -> bool:
    return isinstance(series.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(
        series.dtype
    )


def _const(series: pd.Series, value: Any) -> Any:
    """A plan's constant in the column's terms: numbers for numbers, timestamps for dates,
    True/False for yes/no columns (whichever way the model wrote them)."""
    if value is not None and pd.api.types.is_bool_dtype(series.dtype):
        answer = yes_no(value)
        return value if answer is None else answer
    if value is None or isinstance(value, bool):
        return value
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return pd.Timestamp(str(value))
    if pd.api.types.is_timedelta64_dtype(series.dtype):
        # a duration's threshold: a number counts seconds (as the planners write "under 2
        # hours", 7200), a text is a clock time ("2:05:00", "5:38.62") or pandas' own form
        if isinstance(value, int | float):
            return pd.Timedelta(seconds=value)
        seconds = clock_seconds(str(value))
        if seconds is not None:
            return pd.Timedelta(seconds=seconds)
        try:
            return pd.Timedelta(str(value))
        except ValueError:
            return value
    if pd.api.types.is_numeric_dtype(series.dtype) and isinstance(value, str):
        cleaned = value.replace(",", "").replace("$", "").replace("%", "").strip()
        try:
            number = float(cleaned)
        except ValueError:
            return value
        return int(number) if number.is_integer() else number
    return value


def durations_as_clock(plan: Plan, frame: pd.DataFrame) -> Plan:
    """A plan whose thresholds on durations are written as a clock reads them: the planners
    count them in seconds (8400), the analyst reads "Women's time is below 2:20:00"."""

    def written(node: Any) -> Any:
        if isinstance(node, Condition):
            column = frame.get(node.column) if node.part is None else None
            if column is None or not pd.api.types.is_timedelta64_dtype(column.dtype):
                return node
            given = node.value if isinstance(node.value, list) else [node.value]
            seconds = [v for v in given if isinstance(v, int | float) and not isinstance(v, bool)]
            if len(seconds) != len(given):
                return node
            shown = [fmt(pd.Timedelta(seconds=v)) for v in seconds]
            return node.model_copy(
                update={"value": shown if isinstance(node.value, list) else shown[0]}
            )
        if isinstance(node, BaseModel):
            update = {
                name: written(getattr(node, name))
                for name in type(node).model_fields
                if isinstance(getattr(node, name), BaseModel | list)
            }
            return node.model_copy(update=update) if update else node
        if isinstance(node, list):
            return [written(item) for item in node]
        return node

    changed: Plan = written(plan)
    return changed


def _literal(value: Any) -> str:
    if isinstance(value, pd.Timestamp):
        return f"pd.Timestamp({str(value)!r})"
    if isinstance(value, pd.Timedelta):
        return f"pd.Timedelta({str(value)!r})"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return repr(value)


def _fold(value: Any) -> Any:
    return value.strip().casefold() if isinstance(value, str) else value


def condition_mask(
    df: pd.DataFrame, condition: Condition, var: str = "df", notes: list[str] | None = None
) -> tuple[pd.Series, str]:
    """A boolean row mask for one condition, and its source expression.

    With ``notes``, an equality test whose value occurs nowhere in the column adds
    a note naming the closest values: a silent zero is how a misspelt value turns
    into a confident wrong answer.
    """
    series = df[condition.column]
    expr = f"{var}[{condition.column!r}]"
    if condition.part is not None:
        series = _date_part(series, condition.part)
        expr += _DATE_PART[condition.part]
    op, raw = condition.op, condition.value
    if op == "is_null":
        return series.isna(), f"{expr}.isna()"
    if op == "not_null":
        return series.notna(), f"{expr}.notna()"
    text = condition.part is None and _is_text(series)
    # Any: below, the plan's scalars become constants in the column's terms (Timestamps...)
    values: list[Any] = raw if isinstance(raw, list) else [raw]
    if (
        text
        and op in ("lt", "le", "gt", "ge", "between")
        and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    ):
        # numbers written as text ("1,200"): compared as numbers, if they are numbers
        numbers = pd.to_numeric(series.astype("str").str.replace(",", ""), errors="coerce")
        present, parsed = int(series.notna().sum()), int(numbers.notna().sum())
        if parsed < 0.9 * present:
            from ..errors import TypeMismatchError

            raise TypeMismatchError(
                f"Cannot compare {condition.column!r} by size: it holds text, and only "
                f"{parsed:,} of its {present:,} values read as numbers. Use equals, in, or "
                "contains, or derive a number from it first."
            )
        series = numbers
        expr = f"pd.to_numeric({expr}.astype('str').str.replace(',', ''), errors='coerce')"
        text = False
    if text:
        series = series.str.strip().str.casefold()
        expr += ".str.strip().str.casefold()"
    values = [_fold(_text_of(v)) if text else _const(series, v) for v in values]
    if op in ("contains", "startswith", "endswith"):
        needle = values[0] if isinstance(values[0], str) else str(values[0])
        if op == "contains":
            mask = series.str.contains(needle, regex=False, na=False)
            return mask, f"{expr}.str.contains({needle!r}, regex=False, na=False)"
        mask = getattr(series.str, op)(needle, na=False)
        return mask, f"{expr}.str.{op}({needle!r}, na=False)"
    if op in ("in", "not_in"):
        mask = series.isin(values)
        code = f"{expr}.isin({_literal(values)})"
        if notes is not None and op == "in":
            matched = set(series[mask].unique().tolist())  # only the matched rows: cheap
            missing = [v for v in values if v not in matched]
            _note_missing_values(condition, series, df[condition.column], missing, text, notes)
        return (~mask, f"~{code}") if op == "not_in" else (mask, code)
    if op == "between":
        low, high = values
        return series.between(low, high), f"{expr}.between({_literal(low)}, {_literal(high)})"
    value = values[0]
    symbol = _COMPARE[op]
    mask = _compare(series, symbol, value)
    if notes is not None and op == "eq" and not mask.any():
        _note_missing_values(condition, series, df[condition.column], [value], text, notes)
    return mask, f"({expr} {symbol} {_literal(value)})"


def _compare(left: Any, symbol: str, right: Any) -> Any:
    import operator

    function = {
        "==": operator.eq,
        "!=": operator.ne,
        "<": operator.lt,
        "<=": operator.le,
        ">": operator.gt,
        ">=": operator.ge,
    }[symbol]
    return function(left, right)


def _text_of(value: Any) -> Any:
    """A number compared with a text column (a zip code, an id) as the text it would be."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _note_missing_values(
    condition: Condition,
    series: pd.Series,
    original: pd.Series,
    values: list[Any],
    text: bool,
    notes: list[str],
) -> None:
    """Note each of ``values`` (which no row of ``series`` equals), with the closest ones.

    Called only when a value matched nothing, so a filter that matches costs nothing.
    """
    present = series.dropna()
    if present.empty:
        return
    for value in values:
        column = f"{condition.part} of {condition.column}" if condition.part else condition.column
        if text:
            originals = sorted({str(v) for v in original.dropna().unique().tolist()})[:5000]
            closest = closest_columns(str(value), originals, limit=3)
            hint = (
                f"closest: {', '.join(repr(c) for c in closest)}"
                if closest
                else f"its values include {', '.join(repr(v) for v in originals[:5])}"
            )
        elif isinstance(value, int | float) and pd.api.types.is_numeric_dtype(present.dtype):
            below, above = present[present < value], present[present > value]
            near = [
                _plain(v)
                for v in (below.max() if len(below) else None, above.min() if len(above) else None)
            ]
            hint = "nearest: " + " and ".join(repr(v) for v in near if v is not None)
        else:
            hint = ""
        note = f"No row has {column} {value!r}" + (f"; {hint}." if hint else ".")
        if note not in notes:
            notes.append(note)


def filter_mask(
    df: pd.DataFrame, item: Filter, var: str = "df", notes: list[str] | None = None
) -> tuple[pd.Series, str]:
    if isinstance(item, Condition):
        return condition_mask(df, item, var, notes)
    parts = [filter_mask(df, child, var, notes) for child in item.items]
    if item.combine == "not":
        mask, code = parts[0]
        for extra_mask, extra_code in parts[1:]:
            mask, code = mask & extra_mask, f"{code} & {extra_code}"
        return ~mask, f"~({code})"
    joiner = " & " if item.combine == "and" else " | "
    mask = parts[0][0]
    for extra_mask, _ in parts[1:]:
        mask = (mask & extra_mask) if item.combine == "and" else (mask | extra_mask)
    return mask, "(" + joiner.join(code for _, code in parts) + ")"


def _plain(value: Any) -> Any:
    """numpy and pandas scalars as plain Python values (NaN and NaT as None)."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, pd.Period):
        return str(value)
    return value
