"""Run a validated Plan with pandas, writing the equivalent pandas code as it goes.

Each step computes its part and appends the source line that computes the same
thing, side by side, so the two cannot drift apart silently (a test executes the
generated code for every operation and compares). Values from a plan reach pandas
only as data: column labels and constants; nothing is ever evaluated as code.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..errors import PlanError
from ..loading.profile import FileProfile
from ..loading.reader import describe_options
from ..loading.typing import Conversion
from . import derived, statistics
from .filtering import _DATE_PART, _date_part, _plain, filter_mask
from .outputs import resolve_having, resolve_output, split_filters
from .plan import Aggregate, Derive, Filter, GroupKey, Plan
from .sides import TwoSides
from .validate import source_columns, validate

_FREQ = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
_METHOD_AGGS = {"sum", "mean", "median", "min", "max", "std", "var"}
_SECONDS = {"days": 86400, "hours": 3600, "minutes": 60, "seconds": 1}
# A pivot's aggregate in pandas' words (validation refuses share, percentile and outliers).
_PivotFunc = Literal["count", "nunique", "sum", "mean", "median", "min", "max", "std", "var", "first", "last"]  # fmt: skip
_PIVOT_FUNCS: dict[str, _PivotFunc] = {
    "count": "count",
    "count_distinct": "nunique",
    **{
        name: name
        for name in ("sum", "mean", "median", "min", "max", "std", "var", "first", "last")
    },
}
# calc: the code written for each arithmetic, and the same arithmetic on the values


@dataclass
class Execution:
    """What the executor produced: the answer, the table behind it, and the code."""

    value: Any
    table: pd.DataFrame | None
    code_lines: list[str]
    rows_in: int
    rows_out: int
    seconds: float
    plan: Plan
    table_variable: str = "result"  # where the generated code keeps ``table``
    notes: list[str] = field(default_factory=list)
    compared: tuple[Any, Any] | None = None  # the two values a yes/no comparison weighed


class _Writer:
    """Collects code lines; ``var`` names the frame the current step works on."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)


def _apply_filter(
    df: pd.DataFrame, item: Filter | None, out: _Writer, notes: list[str]
) -> pd.DataFrame:
    if item is None:
        return df
    mask, code = filter_mask(df, item, notes=notes)
    out.add(f"df = df[{code}]")
    return df[mask]


def _derive(df: pd.DataFrame, derive: Derive, out: _Writer) -> pd.DataFrame:
    target = f"df[{derive.name!r}]"
    if derive.kind == "arithmetic":

        def side(value: str | float | None) -> tuple[Any, str]:
            if isinstance(value, str):
                return df[value].astype("float64"), f"df[{value!r}].astype('float64')"
            return value, repr(value)

        (left, left_code), (right, right_code) = side(derive.left), side(derive.right)
        symbol = derive.operator or "+"
        values = _arith(left, symbol, right)
        if symbol == "/":
            values = values.replace([np.inf, -np.inf], np.nan)
            out.add(
                f"{target} = ({left_code} {symbol} {right_code}).replace([np.inf, -np.inf], np.nan)"
            )
        else:
            out.add(f"{target} = {left_code} {symbol} {right_code}")
    elif derive.kind == "date_part":
        assert derive.column and derive.part
        values = _date_part(df[derive.column], derive.part)
        out.add(f"{target} = df[{derive.column!r}]{_DATE_PART[derive.part]}")
    elif derive.kind in derived.KINDS:
        values, code = derived.compute(df, derive)
        out.add(f"{target} = {code}")
    elif derive.kind == "date_diff":
        seconds = _SECONDS[derive.unit or "days"]
        values = (df[derive.left] - df[derive.right]).dt.total_seconds() / seconds
        out.add(
            f"{target} = (df[{derive.left!r}] - df[{derive.right!r}]).dt.total_seconds() / {seconds}"
        )
    elif derive.kind == "length":
        values = df[derive.column].str.len()
        out.add(f"{target} = df[{derive.column!r}].str.len()")
    else:
        assert derive.bins is not None  # validation refuses a bin without bins
        if isinstance(derive.bins, int) and df[derive.column].notna().sum() == 0:
            raise PlanError(
                f"Cannot split {derive.column!r} into {derive.bins} equal bins: no row (after "
                "the filters) has a value to take the range from. Give the bin edges instead."
            )
        values = pd.cut(df[derive.column], bins=derive.bins, include_lowest=True)
        out.add(
            f"{target} = pd.cut(df[{derive.column!r}], bins={derive.bins!r}, include_lowest=True)"
        )
    return df.assign(**{derive.name: values})


def _arith(left: Any, symbol: str, right: Any) -> Any:
    import operator

    return {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}[symbol](
        left, right
    )


def _group_key(df: pd.DataFrame, key: GroupKey) -> tuple[pd.Series, str]:
    if key.bucket is None:
        return df[key.column], repr(key.column)
    freq = _FREQ[key.bucket]
    series = df[key.column].dt.to_period(freq).rename(key.output_name)
    return series, f"df[{key.column!r}].dt.to_period({freq!r}).rename({key.output_name!r})"


def _aggregate_values(source: Any, agg: Aggregate, *, grouped: bool, rows: int) -> Any:
    """One aggregate of a Series (or a SeriesGroupBy when ``grouped``)."""
    func = agg.func
    if func == "sum" and grouped:
        # a group whose values are all missing has no total, not a total of 0 that would
        # win every "lowest"
        return source.sum(min_count=1)
    if func in _METHOD_AGGS:
        return getattr(source, func)()
    if func in ("outliers_iqr", "outliers_zscore"):
        if grouped:
            return source.agg(lambda s: statistics.count_outliers(s, func, agg.threshold))
        return statistics.count_outliers(source, func, agg.threshold)
    if func == "count":
        return source.size() if agg.column is None and grouped else source.count()
    if func == "count_distinct":
        return source.nunique()
    if func == "percentile":
        return source.quantile((agg.percentile or 50) / 100)
    if func in ("first", "last"):
        if grouped:
            return getattr(source, func)()
        present = source.dropna()
        return present.iloc[0 if func == "first" else -1] if len(present) else None
    raise PlanError(f"Unknown aggregate {func!r}.")


def _aggregate_code(source: str, agg: Aggregate, *, grouped: bool) -> str:
    func = agg.func
    if func == "sum" and grouped:
        return f"{source}.sum(min_count=1)"
    if func in _METHOD_AGGS:
        return f"{source}.{func}()"
    if func in ("outliers_iqr", "outliers_zscore"):
        counting = statistics.outliers_code(func, agg.threshold)
        return f"{source}.agg({counting})" if grouped else f"({counting})({source})"
    if func == "count":
        return f"{source}.size()" if agg.column is None and grouped else f"{source}.count()"
    if func == "count_distinct":
        return f"{source}.nunique()"
    if func == "percentile":
        return f"{source}.quantile({(agg.percentile or 50) / 100!r})"
    if grouped:
        return f"{source}.{func}()"
    return f"{source}.dropna().iloc[{0 if func == 'first' else -1}]"


def _share(df: pd.DataFrame, agg: Aggregate, grouped: Any | None) -> tuple[Any, str]:
    """Share of the total (rows, or the column's sum) as a percentage."""
    if agg.column is None:
        if grouped is None:
            return 100.0, "100.0"
        return grouped.size() / len(df) * 100, "grouped.size() / len(df) * 100"
    total = df[agg.column].sum()
    if grouped is None:
        return 100.0, "100.0"
    return (
        grouped[agg.column].sum() / total * 100,
        f"grouped[{agg.column!r}].sum() / df[{agg.column!r}].sum() * 100",
    )


def _one_value_or_row(
    values: dict[str, tuple[Any, str]], out: _Writer, var: str
) -> tuple[Any, pd.DataFrame | None]:
    """Aggregates without groups: one value as a plain scalar, several as a one-row table.

    ``values`` maps each output name to its value and the code that computes it.
    """
    if len(values) == 1:
        [(value, code)] = values.values()
        out.add(f"{var} = {code}")
        return _plain(value), None
    row = pd.DataFrame({name: [value] for name, (value, _) in values.items()})
    body = ", ".join(f"{name!r}: [{code}]" for name, (_, code) in values.items())
    out.add(f"{var} = pd.DataFrame({{{body}}})")
    return None, row


class Executor(TwoSides):
    """Runs plans on one loaded table. ``path`` and ``profile`` let it write code that re-reads the CSV."""

    def __init__(self, frame: pd.DataFrame, profile: FileProfile, path: Path | str | None) -> None:
        self.frame = frame
        self.profile = profile
        self.path = str(path) if path else "data.csv"

    def run(self, plan: Plan) -> Execution:
        validate(plan, self.profile)
        self._compared: tuple[Any, Any] | None = None
        self._sides_seen = 0
        self._rows_filtered = 0  # rows the last plan run kept after its filters
        self._notes: list[str] = []
        start = time.perf_counter()
        out = _Writer()
        self._write_load(plan, out)
        value, table = self._run(plan, self.frame, out, "result")
        seconds = time.perf_counter() - start
        shaped = table is not None and value is not table
        rows_out = (
            len(table) if table is not None else (len(value) if isinstance(value, list) else 1)
        )
        return Execution(
            value,
            table,
            out.lines,
            len(self.frame),
            rows_out,
            seconds,
            plan,
            table_variable="table" if shaped else "result",
            notes=self._notes,
            compared=self._compared,
        )

    # -- code prologue ---------------------------------------------------------------------
    def _write_load(self, plan: Plan, out: _Writer) -> None:
        out.add("import numpy as np")
        out.add("import pandas as pd")
        options = describe_options(self.profile.read_options)
        out.add("")
        out.add(f"df = pd.read_csv({self.path!r}{options})")
        used = source_columns(plan)
        statistic = plan.statistic
        needs_all = (plan.operation == "rows" and not plan.select) or (
            statistic is not None and (not statistic.columns or statistic.kind == "outliers")
        )
        for data in self.profile.conversions:
            conversion = Conversion.from_dict(data)
            if needs_all or conversion.column in used:
                out.add(conversion.to_code("df"))

    # -- the plan --------------------------------------------------------------------------
    def _run(
        self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame | None]:
        before, after = split_filters(plan)
        df = _apply_filter(df, before, out, self._notes)
        for derive in plan.derive:
            df = _derive(df, derive, out)
        df = _apply_filter(df, after, out, self._notes)
        self._rows_filtered = len(df)
        operation = plan.operation
        table: pd.DataFrame | None  # every branch that falls through leaves a table
        if operation == "rows":
            # sort first, project last: a sort may use a column that select leaves out
            out.add(f"{var} = df")
            table = self._sort_limit(plan, df, out, var)
            if plan.select:
                table = table[plan.select]
                out.add(f"{var} = {var}[{plan.select!r}]")
        elif operation == "aggregate":
            scalar, table = self._aggregate(plan, df, out, var)
            if table is None:
                return scalar, None
            if plan.having is not None:
                having = resolve_having(plan)
                assert having is not None
                mask, code = filter_mask(table, having, var)
                table = table[mask]
                out.add(f"{var} = {var}[{code}]")
            table = self._sort_limit(plan, table, out, var)
        elif operation == "distinct":
            column = plan.select[0]
            values = df[column].dropna().unique()
            out.add(f"{var} = df[{column!r}].dropna().unique().tolist()")
            listed = [_plain(v) for v in values.tolist()]
            if plan.sort:
                listed = sorted(listed, reverse=plan.sort[0].descending)
                out.add(f"{var} = sorted({var}, reverse={plan.sort[0].descending})")
            if plan.offset or plan.limit:
                start = plan.offset or 0
                stop = start + plan.limit if plan.limit else None
                listed = listed[start:stop]
                out.add(f"{var} = {var}[{start}:{'' if stop is None else stop}]")
            if not plan.then:
                return listed, None
            table = pd.DataFrame({column: pd.Series(listed, dtype=df[column].dtype)})
            out.add(
                f"{var} = pd.DataFrame({{{column!r}: pd.Series({var}, dtype=df[{column!r}].dtype)}})"
            )
        elif operation == "pivot":
            table = self._pivot(plan, df, out, var)
        elif operation == "statistic":
            value, table = self._statistic(plan, df, out, var)
            if table is None:
                return value, None
            if plan.having is not None:  # the missing-values table: keep columns by their counts
                mask, code = filter_mask(table, plan.having, var)
                table = table[mask]
                out.add(f"{var} = {var}[{code}]")
            table = self._sort_limit(plan, table, out, var)
        elif operation in ("any", "all"):
            assert plan.condition is not None
            mask, code = filter_mask(df, plan.condition, notes=self._notes)
            answer = bool(mask.any() if operation == "any" else mask.all())
            out.add(f"{var} = bool(({code}).{operation}())")
            return answer, None
        elif operation == "compare":
            return self._compare(plan, df, out, var), None
        else:
            return self._calc(plan, df, out, var), None
        if plan.then:
            return self._then(plan, table, out, var)
        return self._shape(plan, table, out, var)

    def _sort_limit(self, plan: Plan, table: pd.DataFrame, out: _Writer, var: str) -> pd.DataFrame:
        if plan.sort:
            by = [resolve_output(plan, key.column, role="to sort by") for key in plan.sort]
            missing = [name for name in by if name not in table.columns]
            if missing:
                raise PlanError(
                    f"Cannot sort by {missing[0]!r}: the result has the columns {list(table.columns)!r}."
                )
            ascending = [not key.descending for key in plan.sort]
            try:
                table = table.sort_values(
                    by=by, ascending=ascending, kind="stable", na_position="last"
                )
            except TypeError:
                raise PlanError(
                    f"Cannot sort by {', '.join(repr(b) for b in by)}: the values mix numbers and "
                    "text, which have no order together."
                ) from None
            out.add(
                f"{var} = {var}.sort_values(by={by!r}, ascending={ascending!r}, kind='stable', na_position='last')"
            )
        if plan.offset:
            table = table.iloc[plan.offset :]
            out.add(f"{var} = {var}.iloc[{plan.offset}:]")
        if plan.limit:
            keep = self._with_ties(plan, table)
            table = table.head(keep)
            out.add(f"{var} = {var}.head({keep})")
        return table

    def _with_ties(self, plan: Plan, table: pd.DataFrame) -> int:
        """How many rows a limit keeps. For "the one with the most" (limit 1), rows that tie
        with it stay too: which of two tied rows is "the top one" is an accident of order,
        and an analyst would report it as the answer (SQL: ``FETCH FIRST 1 ROW WITH TIES``).
        A longer top-N list keeps N rows and says where it cut through a tie."""
        limit = plan.limit or 0
        if not plan.sort or len(table) <= limit:
            return limit
        by = [resolve_output(plan, key.column, role="to sort by") for key in plan.sort]
        keys = table[by].reset_index(drop=True)
        last = keys.iloc[limit - 1]
        if last.isna().any():
            return limit
        keep = limit
        while keep < len(keys) and keys.iloc[keep].equals(last):
            keep += 1
        if keep == limit:
            return limit
        place = limit + (plan.offset or 0)
        tied = keep - limit + 1
        if limit == 1:
            read_from_text = any(d.kind in ("year", "leading_number") for d in plan.derive)
            if keep == len(keys) and keep > 2 and not plan.offset and read_from_text:
                # "which ship left first" on dates cut to their year: every row ties, so the
                # ranking picks none of them out (the text held more than was read from it)
                raise PlanError(
                    f"All {keep} rows tie on {', '.join(by)}, so no one of them is first: the "
                    "values compared are the same in every row. Compare by another column."
                )
            self._notes.append(
                f"{tied} rows tie at place {place} on {', '.join(by)}; all are given."
            )
            return keep
        self._notes.append(
            f"{tied} rows tie at place {place} on {', '.join(by)}; the list stops at {limit}."
        )
        return limit

    def _then(
        self, plan: Plan, table: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame]:
        """Aggregates over the result table (SQL: ``SELECT agg FROM (the plan) AS t``)."""
        out.add(f"table = {var}")
        values: dict[str, tuple[Any, str]] = {}
        for agg in plan.then:
            if agg.column is None:
                value, code = len(table), "len(table)"
            else:
                column = resolve_output(plan, agg.column, role="in then")
                value = _aggregate_values(table[column], agg, grouped=False, rows=len(table))
                code = _aggregate_code(f"table[{column!r}]", agg, grouped=False)
            values[agg.output_name] = (value, code)
        scalar, row = _one_value_or_row(values, out, var)
        return (scalar if row is None else row), table

    def _aggregate(
        self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame | None]:
        names = [agg.output_name for agg in plan.aggregates]
        if len(set(names)) != len(names):
            raise PlanError("Two aggregates have the same name; give them distinct aliases.")
        if not plan.group_by:
            values: dict[str, Any] = {}
            for agg in plan.aggregates:
                if agg.func == "share":
                    value, code = _share(df, agg, None)
                elif agg.column is None:
                    value, code = len(df), "len(df)"
                else:
                    source = f"df[{agg.column!r}]"
                    value = _aggregate_values(df[agg.column], agg, grouped=False, rows=len(df))
                    code = _aggregate_code(source, agg, grouped=False)
                values[agg.output_name] = (value, code)
            return _one_value_or_row(values, out, var)
        keys = [_group_key(df, key) for key in plan.group_by]
        grouped = df.groupby([series for series, _ in keys], observed=True, sort=True)
        out.add(
            f"grouped = df.groupby([{', '.join(code for _, code in keys)}], observed=True, sort=True)"
        )
        columns: dict[str, Any] = {}
        codes: list[str] = []
        for agg in plan.aggregates:
            if agg.func == "share":
                value, code = _share(df, agg, grouped)
            elif agg.column is None:
                value, code = grouped.size(), "grouped.size()"
            else:
                value = _aggregate_values(grouped[agg.column], agg, grouped=True, rows=len(df))
                code = _aggregate_code(f"grouped[{agg.column!r}]", agg, grouped=True)
            columns[agg.output_name] = value
            codes.append(f"    {agg.output_name!r}: {code},")
        table = pd.DataFrame(columns).reset_index()
        out.add(f"{var} = pd.DataFrame({{")
        out.lines.extend(codes)
        out.add("}).reset_index()")
        return None, table

    def _pivot(self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str) -> pd.DataFrame:
        pivot = plan.pivot
        assert pivot is not None
        if pivot.values is None:
            table = pd.pivot_table(
                df, index=pivot.index, columns=pivot.columns, aggfunc="size", observed=True
            )
            out.add(
                f"{var} = pd.pivot_table(df, index={pivot.index!r}, columns={pivot.columns!r}, "
                "aggfunc='size', observed=True)"
            )
        else:
            aggfunc = _PIVOT_FUNCS.get(pivot.func)
            if aggfunc is None:
                raise PlanError(f"A pivot cannot take the {pivot.func}.")
            table = pd.pivot_table(
                df,
                index=pivot.index,
                columns=pivot.columns,
                values=pivot.values,
                aggfunc=aggfunc,
                observed=True,
            )
            out.add(
                f"{var} = pd.pivot_table(df, index={pivot.index!r}, columns={pivot.columns!r}, "
                f"values={pivot.values!r}, aggfunc={aggfunc!r}, observed=True)"
            )
        return table

    def _statistic(
        self, plan: Plan, df: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame | None]:
        statistic = plan.statistic
        assert statistic is not None
        if statistic.kind in statistics.NAMED:
            value, table, lines = statistics.run(df, statistic, var)
            out.lines.extend(lines)
            return value, table
        columns = statistic.columns
        selected = f"df[{columns!r}]" if columns else "df"
        frame = df[columns] if columns else df
        if statistic.kind == "describe":
            out.add(f"{var} = {selected}.describe()")
            return None, frame.describe()
        if statistic.kind == "missing":
            table = frame.isna().sum().to_frame("missing")
            table["percent"] = (table["missing"] / max(len(df), 1) * 100).round(2)
            out.add(f"{var} = {selected}.isna().sum().to_frame('missing')")
            out.add(f"{var}['percent'] = ({var}['missing'] / max(len(df), 1) * 100).round(2)")
            return None, table
        if statistic.kind == "outliers":
            column = columns[0]
            values = df[column]
            col = f"df[{column!r}]"
            if statistic.method == "zscore":
                limit = statistic.threshold or 3.0
                z = (values - values.mean()) / values.std()
                out.add(f"z = ({col} - {col}.mean()) / {col}.std()")
                out.add(f"{var} = df[z.abs() > {limit!r}]")
                return None, df[z.abs() > limit]
            factor = statistic.threshold or 1.5
            q1, q3 = values.quantile(0.25), values.quantile(0.75)
            iqr = q3 - q1
            mask = (values < q1 - factor * iqr) | (values > q3 + factor * iqr)
            out.add(f"q1, q3 = {col}.quantile(0.25), {col}.quantile(0.75)")
            out.add("iqr = q3 - q1")
            out.add(
                f"{var} = df[({col} < q1 - {factor!r} * iqr) | ({col} > q3 + {factor!r} * iqr)]"
            )
            return None, df[mask]
        method = statistic.method if statistic.method in ("pearson", "spearman") else "pearson"
        if len(columns) == 2:
            a, b = columns
            value = df[a].astype("float64").corr(df[b].astype("float64"), method=method)
            out.add(
                f"{var} = df[{a!r}].astype('float64').corr(df[{b!r}].astype('float64'), method={method!r})"
            )
            return _plain(value), None
        numeric = frame.select_dtypes(include=["number", "bool"]).astype("float64")
        out.add(
            f"{var} = {selected}.select_dtypes(include=['number', 'bool']).astype('float64').corr(method={method!r})"
        )
        return None, numeric.corr(method=method)

    def _shape(
        self, plan: Plan, table: pd.DataFrame, out: _Writer, var: str
    ) -> tuple[Any, pd.DataFrame]:
        if plan.answer_column or (plan.answer == "list" and table.shape[1] == 1):
            out.add(f"table = {var}")
        if plan.answer_column:
            column = plan.answer_column
            if column == "column" and column not in table.columns and table.index.name is None:
                # the rows of a statistic table are the source's columns: their names answer
                names = [str(name) for name in table.index.tolist()]
                if len(names) == 1 and plan.answer != "list":
                    out.add(f"{var} = str({var}.index[0])")
                    return names[0], table
                out.add(f"{var} = [str(name) for name in {var}.index.tolist()]")
                return names, table
            if column not in table.columns:
                raise PlanError(
                    f"The result has no column {column!r}; it has {list(table.columns)!r}."
                )
            values = [_plain(v) for v in table[column].tolist()]
            if len(values) == 1 and plan.answer != "list":
                out.add(f"{var} = {var}[{column!r}].iloc[0]")
                return values[0], table
            out.add(f"{var} = {var}[{column!r}].tolist()")
            return values, table
        if plan.answer == "list" and table.shape[1] == 1:
            out.add(f"{var} = {var}.iloc[:, 0].tolist()")
            return [_plain(v) for v in table.iloc[:, 0].tolist()], table
        return table, table


def execute(
    plan: Plan, frame: pd.DataFrame, profile: FileProfile, path: Path | str | None = None
) -> Execution:
    """Validate and run ``plan`` on ``frame``."""
    return Executor(frame, profile, path).run(plan)
