"""``Result``: one answer, for people (rich display) and for code (``value``).

It displays itself through IPython's display protocol: a summary, a bounded HTML
table with a "20 of 1,234 rows" footer, the chart as PNG, and the code folded
away; ``text/plain`` always comes too. Large results never flood a notebook.
"""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from .number_format import formatters
from .plan import Plan

ResultKind = Literal["table", "scalar", "list", "chart", "text", "error"]
SHOWN_ROWS = 20  # rows of a table shown; %config CSVAgent.autolimit sets it
SHOWN_COLUMNS = 30


@dataclass
class Result:
    kind: ResultKind
    value: Any
    summary: str
    code: str = ""
    plan: Plan | None = None
    figure: Any = None  # matplotlib.figure.Figure
    table: pd.DataFrame | None = None  # the table behind a list or scalar answer
    execution_time: float = 0.0
    rows_in: int = 0
    rows_out: int = 0
    question: str | None = None
    planner: str | None = None
    model: str | None = None
    query_id: str | None = None
    file_id: str | None = None
    cached: bool = False
    error: str | None = None
    suggestions: list[str] = field(default_factory=list)
    interpretation: str | None = None  # one sentence of what was computed, from the Plan
    notes: list[str] = field(default_factory=list)
    usage: dict[str, Any] = field(
        default_factory=dict
    )  # tokens and calls of a model, if one planned
    # A yes/no column's own words (True, False) by column name: shown instead of True/False.
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)

    # -- plain data -------------------------------------------------------------------------
    @property
    def ok(self) -> bool:
        return self.kind != "error"

    def to_dict(self, *, max_rows: int = 50) -> dict[str, Any]:
        """A JSON-ready record of the answer (tables cut to ``max_rows``), for the query log."""
        return {
            "kind": self.kind,
            "value": jsonable(self.value, max_rows=max_rows),
            "summary": self.summary,
            "code": self.code,
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "error": self.error,
            "suggestions": self.suggestions,
            "interpretation": self.interpretation,
        }

    # -- display ---------------------------------------------------------------------------
    def _table_for_display(self) -> pd.DataFrame | None:
        if isinstance(self.value, pd.DataFrame):
            return in_file_words(self.value, self.labels)
        if self.kind == "chart" and self.table is not None:
            return in_file_words(self.table, self.labels)
        return None

    def __repr__(self) -> str:
        lines = [self.interpretation] if self.interpretation else []
        lines += [self.summary] if self.summary else []
        table = self._table_for_display()
        if table is not None:
            shown = table.head(SHOWN_ROWS)
            lines.append(shown.to_string(max_cols=SHOWN_COLUMNS, formatters=formatters(shown)))
            if len(table) > SHOWN_ROWS:
                lines.append(f"({SHOWN_ROWS} of {len(table):,} rows shown)")
        elif self.kind in ("scalar", "list", "text") and not isinstance(
            self.value, str | type(None)
        ):
            lines.append(repr(self.value))
        if self.suggestions:
            lines.append("Try: " + "; ".join(self.suggestions))
        return "\n".join(lines)

    def _repr_mimebundle_(
        self, include: Any = None, exclude: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        data: dict[str, Any] = {"text/plain": repr(self)}
        parts = [f'<div class="csvagent-result csvagent-{self.kind}">']
        if self.kind == "error":
            parts.append(
                f'<p style="color:#b00020"><strong>Cannot answer:</strong> {html.escape(self.summary)}</p>'
            )
            if self.suggestions:
                items = "".join(f"<li>{html.escape(s)}</li>" for s in self.suggestions)
                parts.append(f"<p>Questions that would work:</p><ul>{items}</ul>")
        else:
            if self.interpretation:
                parts.append(f"<p><em>{html.escape(self.interpretation)}</em></p>")
            parts.append(f"<p>{html.escape(self.summary)}</p>")
        if self.figure is not None:
            from .charts import figure_png

            png = figure_png(self.figure)
            data["image/png"] = base64.b64encode(png).decode("ascii")
            parts.append(
                f'<img src="data:image/png;base64,{data["image/png"]}" alt="{html.escape(self.summary)}"/>'
            )
        table = self._table_for_display()
        if table is not None:
            shown = table.head(SHOWN_ROWS)
            parts.append(
                shown.to_html(
                    max_cols=SHOWN_COLUMNS,
                    border=0,
                    escape=True,
                    formatters=formatters(shown),
                )
            )
            if len(table) > SHOWN_ROWS:
                parts.append(f"<p><em>{SHOWN_ROWS} of {len(table):,} rows</em></p>")
            else:
                parts.append(f"<p><em>{len(table):,} row{'s' if len(table) != 1 else ''}</em></p>")
        if self.code:
            parts.append(
                "<details><summary>pandas code</summary><pre><code>"
                f"{html.escape(self.code)}</code></pre></details>"
            )
        parts.append("</div>")
        data["text/html"] = "\n".join(parts)
        metadata = {
            "csvagent": {"planner": self.planner, "model": self.model, "query_id": self.query_id}
        }
        return data, metadata


def jsonable(value: Any, *, max_rows: int = 50) -> Any:
    """``value`` in JSON terms; DataFrames as {columns, rows, total_rows}, cut to ``max_rows``."""
    if isinstance(value, pd.DataFrame):
        shown = value.head(max_rows)
        if not isinstance(shown.index, pd.RangeIndex):
            shown = shown.reset_index()
        records = shown.to_dict(orient="split")  # missing cells become None in jsonable
        return {
            "columns": [str(c) for c in records["columns"]],
            "rows": [[jsonable(v) for v in row] for row in records["data"]],
            "total_rows": len(value),
        }
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value[: max_rows * 20]]
    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp | pd.Period | pd.Interval):
        return str(value)
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        try:
            return jsonable(value.item())
        except (ValueError, AttributeError):
            return str(value)
    if isinstance(value, float) and value != value:
        return None
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def in_file_words(table: Any, labels: dict[str, tuple[str, str]]) -> Any:
    """``table`` with its yes/no columns (and index) written in the file's own words.

    A column of "yes"/"no" computes as booleans; people read it as the file wrote it.
    Only what is shown changes: ``value`` keeps the booleans the generated code yields.
    """
    if not labels or not isinstance(table, pd.DataFrame):
        return table
    shown = table
    for name, (yes, no) in labels.items():
        if name in shown.columns and pd.api.types.is_bool_dtype(shown[name].dtype):
            shown = shown.assign(**{name: shown[name].map({True: yes, False: no})})
    if shown.index.name in labels and pd.api.types.is_bool_dtype(shown.index.dtype):
        yes, no = labels[shown.index.name]
        shown = shown.set_axis(shown.index.map({True: yes, False: no}), axis=0)
    return shown
