"""Charts from a result table, on a matplotlib ``Figure`` (Agg), never pyplot's global state.

Like the executor, each chart is drawn and written out as code in the same place,
so the code shown beside a chart draws that chart.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import PlanError
from .plan import ChartSpec

FIGSIZE = (8.0, 4.5)


def _labels(values: pd.Series) -> list[str]:
    return [str(v) for v in values.tolist()]


def _numbers(values: pd.Series) -> list[float]:
    """Plain floats, missing values as NaN: matplotlib cannot convert pandas' ``NA``."""
    return pd.to_numeric(values, errors="coerce").astype("float64").tolist()


def _default_axes(table: pd.DataFrame, spec: ChartSpec) -> tuple[str | None, str | None]:
    numeric = [c for c in table.columns if pd.api.types.is_numeric_dtype(table[c].dtype)]
    other = [c for c in table.columns if c not in numeric]
    x, y = spec.x, spec.y
    if spec.kind in ("hist", "box") and y is None and x is None:
        return None, numeric[0] if numeric else None
    if spec.kind == "scatter":
        x = x or (numeric[0] if numeric else None)
        y = y or next((c for c in numeric if c != x), None)
        return x, y
    if x is None:
        x = other[0] if other else (table.columns[0] if len(table.columns) else None)
    if y is None:
        y = next((c for c in numeric if c != x), None)
    return x, y


def draw_chart(
    table: pd.DataFrame, spec: ChartSpec, source: str = "result"
) -> tuple[Any, list[str]]:
    """The Figure for ``spec`` over ``table``, and the matplotlib code that draws it.

    ``source`` is the variable that holds ``table`` in the generated code.
    """
    from matplotlib.figure import Figure

    code = ["import matplotlib.pyplot as plt", ""]
    if table.index.name is not None or isinstance(table.index, pd.MultiIndex):
        table = table.reset_index()  # pivot and statistics tables keep their keys in the index
        code.append(f"data = {source}.reset_index()")
    else:
        code.append(f"data = {source}")
    x, y = _default_axes(table, spec)
    for name in (x, y, spec.series):
        if name is not None and name not in table.columns:
            raise PlanError(
                f"The chart needs the column {name!r}, but the result has {list(table.columns)!r}."
            )
    figure = Figure(figsize=FIGSIZE, layout="constrained")
    ax = figure.add_subplot()
    code.append(f"fig, ax = plt.subplots(figsize={FIGSIZE!r}, layout='constrained')")
    kind = spec.kind
    if kind in ("bar", "barh", "line", "pie") and (x is None or y is None):
        raise PlanError(
            f"A {kind} chart needs a category (or time) column and a numeric column in the result."
        )
    if kind in ("bar", "barh") and spec.series is None:
        labels = _labels(table[x])
        getattr(ax, kind)(labels, _numbers(table[y]))
        code.append(f"ax.{kind}(data[{x!r}].astype(str), data[{y!r}])")
    elif kind in ("bar", "line") and spec.series is not None:
        wide = table.pivot_table(index=x, columns=spec.series, values=y, observed=True, sort=True)
        code.append(
            f"wide = data.pivot_table(index={x!r}, columns={spec.series!r}, values={y!r}, observed=True, sort=True)"
        )
        positions = list(range(len(wide.index)))
        width = 0.8 / max(len(wide.columns), 1)
        for number, column in enumerate(wide.columns):
            if kind == "line":
                ax.plot(
                    _labels(wide.index.to_series()),
                    _numbers(wide[column]),
                    marker="o",
                    label=str(column),
                )
            else:
                ax.bar(
                    [p + number * width for p in positions],
                    _numbers(wide[column]),
                    width,
                    label=str(column),
                )
        if kind == "line":
            code.append("for column in wide.columns:")
            code.append(
                "    ax.plot(wide.index.astype(str), wide[column], marker='o', label=str(column))"
            )
        else:
            code.append(f"width = 0.8 / {len(wide.columns)}")
            code.append("for number, column in enumerate(wide.columns):")
            code.append(
                "    ax.bar([p + number * width for p in range(len(wide.index))], wide[column], width, label=str(column))"
            )
            ax.set_xticks([p + 0.4 - width / 2 for p in positions], _labels(wide.index.to_series()))
            code.append(
                "ax.set_xticks([p + 0.4 - width / 2 for p in range(len(wide.index))], wide.index.astype(str))"
            )
        ax.legend(title=spec.series)
        code.append(f"ax.legend(title={spec.series!r})")
    elif kind == "line":
        ax.plot(_labels(table[x]), _numbers(table[y]), marker="o")
        code.append(f"ax.plot(data[{x!r}].astype(str), data[{y!r}], marker='o')")
    elif kind == "scatter":
        if x is None or y is None:
            raise PlanError("A scatter chart needs two numeric columns.")
        ax.scatter(_numbers(table[x]), _numbers(table[y]), s=12, alpha=0.7)
        code.append(f"ax.scatter(data[{x!r}], data[{y!r}], s=12, alpha=0.7)")
    elif kind == "hist":
        measured = x or y
        if measured is None:
            raise PlanError("A histogram needs a numeric column.")
        ax.hist([v for v in _numbers(table[measured]) if v == v], bins=20)
        code.append(f"ax.hist(data[{measured!r}].dropna().astype('float64'), bins=20)")
        x, y = measured, "count"
    elif kind == "pie":
        present = table[table[y].notna()]  # a slice of nothing has no angle
        ax.pie(_numbers(present[y]), labels=_labels(present[x]), autopct="%1.1f%%")
        code.append(f"data = data[data[{y!r}].notna()]")
        code.append(f"ax.pie(data[{y!r}], labels=data[{x!r}].astype(str), autopct='%1.1f%%')")
    elif kind == "box":
        if y is None:
            raise PlanError("A box plot needs a numeric column.")
        if x is None:
            ax.boxplot([[v for v in _numbers(table[y]) if v == v]], tick_labels=[y])
            code.append(
                f"ax.boxplot([data[{y!r}].dropna().astype('float64')], tick_labels=[{y!r}])"
            )
        else:
            keys = sorted(table[x].dropna().unique().tolist(), key=str)
            groups = [
                [
                    v
                    for v in _numbers(table.loc[table[x].eq(key).fillna(False).astype(bool), y])
                    if v == v
                ]
                for key in keys
            ]
            ax.boxplot(groups, tick_labels=[str(k) for k in keys])
            code.append(f"keys = sorted(data[{x!r}].dropna().unique().tolist(), key=str)")
            code.append(
                f"ax.boxplot([data.loc[data[{x!r}].eq(k).fillna(False).astype(bool), {y!r}].dropna().astype('float64') for k in keys], tick_labels=[str(k) for k in keys])"
            )
    title = spec.title or (
        f"{y} by {x}" if x and y and kind != "hist" else f"Distribution of {x or y}"
    )
    x_label = spec.x_label or ("" if kind == "pie" else (x or ""))
    y_label = spec.y_label or ("" if kind == "pie" else (y or ""))
    ax.set_title(title)
    ax.set_xlabel(x_label)
    ax.set_ylabel(y_label)
    code += [
        f"ax.set_title({title!r})",
        f"ax.set_xlabel({x_label!r})",
        f"ax.set_ylabel({y_label!r})",
    ]
    if kind in ("bar", "line", "box") and len(table) > 6:
        ax.tick_params(axis="x", labelrotation=45)
        code.append("ax.tick_params(axis='x', labelrotation=45)")
    code.append("plt.show()")
    return figure, code


def figure_png(figure: Any, dpi: int = 100) -> bytes:
    """PNG bytes of a Figure, rendered with the Agg canvas (no display, no pyplot)."""
    import io

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
