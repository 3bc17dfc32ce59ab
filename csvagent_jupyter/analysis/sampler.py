"""What a model may see of a table: a compact schema and a small, representative sample.

Both are bounded in characters, whatever the table's size, and cell text is cut
short, so a hostile cell cannot smuggle a long instruction into a prompt and a
million-row file costs the same prompt as a ten-row one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Hashable

import numpy as np
import pandas as pd

from ..loading.profile import ColumnProfile, FileProfile

CELL_CHARS = 40
LOW_CARDINALITY = 12


def _cut(text: str, limit: int = CELL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


LONG_VALUE = 80  # top values longer than this are left out whole, never cut mid-value


def _number(value: float | str | None) -> str:
    """A profile number in full (1234567, 0.125), never rounded to a few digits."""
    if value is None or isinstance(value, str):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def _moment(value: float | str | None) -> str:
    """A date or time from the profile: the time only when there is one."""
    return str(value).removesuffix(" 00:00:00").removesuffix("T00:00:00")


def _looks_like_mapping(column: ColumnProfile) -> bool:
    samples = [str(v) for v, _ in column.top_values] + [str(v) for v in column.examples]
    samples = [v.strip() for v in samples if v]
    return bool(samples) and all(
        v.startswith("{") and v.endswith("}") and ":" in v for v in samples[:5]
    )


_TYPE_WORDS = {"boolean": "yes/no (filter with true or false)"}


def describe_column(column: ColumnProfile, *, with_values: bool = True) -> str:
    kind = _TYPE_WORDS.get(column.type, column.type)
    if column.type == "text" and _looks_like_mapping(column):
        kind = "dict-like text ({'key': value}; derive kind 'extract' takes a field)"
    parts = [f"{column.name!r}: {kind}"]
    if column.nulls:
        parts.append(f"{column.nulls:,} missing")
    # a large file's first profile estimates some counts until the exact one lands: say so
    parts.append(
        f"about {column.distinct:,} distinct (estimated)"
        if column.approximate
        else f"{column.distinct:,} distinct"
    )
    if with_values:
        if column.type in ("integer", "number") and column.min is not None:
            mean = f", mean {column.mean:.6g}" if column.mean is not None else ""
            parts.append(f"range {_number(column.min)} to {_number(column.max)}{mean}")
        elif column.type == "datetime" and column.min is not None:
            parts.append(f"from {_moment(column.min)} to {_moment(column.max)}")
        elif column.top_values:
            # the profile shortens long values with "…": those are left out, not shown cut
            whole = [
                (v, n)
                for v, n in column.top_values[:5]
                if len(str(v)) <= LONG_VALUE and not str(v).endswith("…")
            ]
            shown = ", ".join(f"{' '.join(str(v).split())!r} ({n:,})" for v, n in whole)
            if len(whole) < len(column.top_values[:5]):
                shown += " (longer values not shown)"
            if shown.strip():
                estimated = " (estimated from a sample)" if column.approximate else ""
                parts.append(f"top{estimated}: {shown}")
    return "; ".join(parts)


def describe_schema(
    profile: FileProfile,
    *,
    columns: list[str] | None = None,
    with_values: bool = True,
    budget: int = 6000,
) -> str:
    """The profile as compact text, one line a column, within ``budget`` characters.

    ``columns`` narrows a wide table to the ones that matter for a question; the rest
    are listed by name only, so the model still knows they exist.
    """
    header = f"{profile.rows:,} rows × {profile.columns} columns."
    chosen = [c for c in profile.column_profiles if columns is None or c.name in columns]
    lines = [header]
    used = len(header)
    shown = 0
    for column in chosen:
        line = "- " + describe_column(column, with_values=with_values)
        if used + len(line) + 1 > budget:
            break
        lines.append(line)
        used += len(line) + 1
        shown += 1
    rest = [
        c.name for c in profile.column_profiles if c.name not in {x.name for x in chosen[:shown]}
    ]
    if rest:
        # names in full (a model must write them exactly); whole names only, within the budget
        room, names = max(200, budget - used) - 40, []
        for name in rest:
            room -= len(repr(name)) + 2
            if room < 0:
                break
            names.append(repr(name))
        more = f" and {len(rest) - len(names)} more" if len(names) < len(rest) else ""
        lines.append(f"Other columns: {', '.join(names)}{more}")
    return "\n".join(lines)


def _position(index: pd.Index, label: Hashable) -> int:
    """The row number of ``label``: one row, since the frames sampled are loaded CSVs,
    whose index is the plain row count (``get_loc`` gives a slice or mask only for
    repeated labels)."""
    position = index.get_loc(label)
    assert isinstance(position, int)
    return position


def smart_sample(
    frame: pd.DataFrame, *, columns: list[str] | None = None, budget: int = 3000, seed: int = 0
) -> str:
    """Representative rows as CSV text within ``budget`` characters.

    Chosen in this order until the budget is spent: one row for every level of each
    low-cardinality column, the rows holding each numeric column's minimum and
    maximum, a row with missing values, then random rows.
    """
    view = frame[columns] if columns else frame
    if view.empty:
        return ",".join(map(str, view.columns)) + "\n(no rows)"
    picks: list[int] = []
    for name in view.columns:
        series = view[name]
        if isinstance(series.dtype, pd.CategoricalDtype) or pd.api.types.is_string_dtype(
            series.dtype
        ):
            firsts = series.drop_duplicates()
            if len(firsts) <= LOW_CARDINALITY:
                picks += [_position(view.index, i) for i in firsts.index]
        elif (
            pd.api.types.is_numeric_dtype(series.dtype)
            and not pd.api.types.is_bool_dtype(series.dtype)
            and series.notna().any()
        ):
            picks += [
                _position(view.index, series.idxmin()),
                _position(view.index, series.idxmax()),
            ]
    null_rows = np.flatnonzero(view.isna().any(axis=1).to_numpy())
    if null_rows.size:
        picks.append(int(null_rows[0]))
    rng = np.random.default_rng(seed)
    picks += rng.permutation(len(view))[:50].tolist()
    buffer = io.StringIO()
    # the header exactly as the names are; quoted when a name has outer spaces, to show them
    spaced = any(str(c) != str(c).strip() for c in view.columns)
    writer = csv.writer(
        buffer, lineterminator="\n", quoting=csv.QUOTE_ALL if spaced else csv.QUOTE_MINIMAL
    )
    writer.writerow([str(c) for c in view.columns])
    text = buffer.getvalue()
    seen: set[int] = set()
    for position in picks:
        if position in seen:
            continue
        seen.add(position)
        row = view.iloc[position]
        line_buffer = io.StringIO()
        csv.writer(line_buffer, lineterminator="\n").writerow(
            ["" if pd.isna(v) else _cut(v) for v in row.tolist()]
        )
        line = line_buffer.getvalue()
        if len(text) + len(line) > budget:
            break
        text += line
    return text
