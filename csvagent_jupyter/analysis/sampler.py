"""What a model may see of a table: a compact schema and a small, representative sample.

Both are bounded in characters, whatever the table's size, and cell text is cut
short, so a hostile cell cannot smuggle a long instruction into a prompt and a
million-row file costs the same prompt as a ten-row one.
"""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from ..loading.profile import ColumnProfile, FileProfile

CELL_CHARS = 40
LOW_CARDINALITY = 12


def _cut(text: str, limit: int = CELL_CHARS) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def describe_column(column: ColumnProfile, *, with_values: bool = True) -> str:
    parts = [f"{column.name!r}: {column.type}"]
    if column.nulls:
        parts.append(f"{column.nulls:,} missing")
    parts.append(f"{column.distinct:,} distinct")
    if with_values:
        if column.type in ("integer", "number") and column.min is not None:
            parts.append(f"range {column.min:g} to {column.max:g}, mean {column.mean:.4g}")
        elif column.type == "datetime" and column.min is not None:
            parts.append(f"from {str(column.min)[:10]} to {str(column.max)[:10]}")
        elif column.top_values:
            shown = ", ".join(
                f"{_cut(value, 24)!r} ({count:,})" for value, count in column.top_values[:5]
            )
            parts.append(f"top: {shown}")
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
        names = ", ".join(repr(_cut(n, 30)) for n in rest)
        lines.append(_cut(f"Other columns: {names}", max(200, budget - used)))
    return "\n".join(lines)


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
                picks += [view.index.get_loc(i) for i in firsts.index]
        elif (
            pd.api.types.is_numeric_dtype(series.dtype)
            and not pd.api.types.is_bool_dtype(series.dtype)
            and series.notna().any()
        ):
            picks += [view.index.get_loc(series.idxmin()), view.index.get_loc(series.idxmax())]
    null_rows = np.flatnonzero(view.isna().any(axis=1).to_numpy())
    if null_rows.size:
        picks.append(int(null_rows[0]))
    rng = np.random.default_rng(seed)
    picks += rng.permutation(len(view))[:50].tolist()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([_cut(c, 30) for c in view.columns])
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
