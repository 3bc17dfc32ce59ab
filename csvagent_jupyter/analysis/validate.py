"""Check a Plan against a file's profile before anything runs.

Errors are written for an analyst: the unknown column with the closest real
names, the operation that does not fit a column's type and why. A model's invalid
plan is sent back to it with this same message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import PlanError, TypeMismatchError, UnknownColumnError
from ..loading.profile import FileProfile
from . import derived, statistics
from . import validate_steps as steps
from .number_format import clock_seconds
from .plan import (
    DERIVE_FIELDS,
    NUMERIC_AGGS,
    Aggregate,
    Condition,
    Derive,
    Filter,
    Plan,
)

NUMERIC_TYPES = {"integer", "number", "boolean"}
TEXT_TYPES = {"text", "category"}


def closest_columns(name: str, columns: list[str], limit: int = 3) -> list[str]:
    """The names most like ``name``, best first (used for "did you mean")."""
    from rapidfuzz import fuzz, process, utils

    matches = process.extract(
        name, columns, scorer=fuzz.WRatio, processor=utils.default_process, limit=limit
    )
    return [match for match, score, _ in matches if score >= 50]


def _iter_conditions(item: Filter | None) -> Iterator[Condition]:
    if item is None:
        return
    if isinstance(item, Condition):
        yield item
        return
    for child in item.items:
        yield from _iter_conditions(child)


def source_columns(plan: Plan) -> set[str]:
    """Names the plan reads from the source table (may include derived names; callers intersect)."""
    names: set[str] = set(plan.select)
    names |= {c.column for c in _iter_conditions(plan.filters)}
    names |= {c.column for c in _iter_conditions(plan.condition)}
    names |= {c.column for c in _iter_conditions(plan.having)}
    names |= {agg.column for agg in plan.then if agg.column}
    for derive in plan.derive:
        names |= {v for v in (derive.left, derive.right, derive.column) if isinstance(v, str)}
        names |= set(derive.partition_by) | set(derive.columns)
    names |= {key.column for key in plan.group_by}
    names |= {agg.column for agg in plan.aggregates if agg.column}
    names |= {key.column for key in plan.sort}
    if plan.answer_column:
        names.add(plan.answer_column)
    if plan.pivot:
        names |= {v for v in (plan.pivot.index, plan.pivot.columns, plan.pivot.values) if v}
    if plan.statistic:
        names |= set(plan.statistic.columns)
    for sub in (plan.left, plan.right):
        if isinstance(sub, Plan):
            names |= source_columns(sub)
    return names


class _Validator:
    def __init__(self, profile: FileProfile, types: dict[str, str] | None = None) -> None:
        self.profile = profile
        self.types: dict[str, str] = (
            dict(types) if types is not None else {c.name: c.type for c in profile.column_profiles}
        )

    # -- columns -------------------------------------------------------------------------
    def column_type(self, name: str, role: str) -> str:
        if name in self.types:
            return self.types[name]
        suggestions = closest_columns(name, list(self.types))
        hint = f" Did you mean {' or '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        raise UnknownColumnError(
            f"There is no column {name!r} ({role}).{hint} The columns are: {_list_names(list(self.types))}.",
            column=name,
            suggestions=suggestions,
        )

    def require(self, name: str, role: str, allowed: set[str], why: str) -> None:
        kind = self.column_type(name, role)
        if kind not in allowed:
            wanted = " or ".join(sorted({_describe_type(k) for k in allowed}))
            raise TypeMismatchError(
                f"Cannot {why} {name!r}: it holds {_describe_type(kind)}, not {wanted}."
            )

    # -- parts ---------------------------------------------------------------------------
    def check_filter(self, item: Filter | None, role: str) -> None:
        for condition in _iter_conditions(item):
            self.check_condition(condition, role)

    def check_condition(self, condition: Condition, role: str) -> None:
        kind = self.column_type(condition.column, role)
        op, value = condition.op, condition.value
        if condition.part is not None:
            self.require(condition.column, role, {"datetime"}, f"take the {condition.part} of")
            kind = "integer"
        if op in ("is_null", "not_null"):
            return
        if value is None:
            raise PlanError(
                f"The test {op!r} on {condition.column!r} needs a value to compare with."
            )
        if isinstance(value, list) and op not in ("in", "not_in", "between") and len(value) != 1:
            raise PlanError(
                f"The test {op!r} on {condition.column!r} compares with one value, not a "
                f"list of {len(value)}; for several values use 'in'."
            )
        if kind == "boolean" and op in ("eq", "ne", "in", "not_in"):
            for v in value if isinstance(value, list) else [value]:
                if yes_no(v) is None:
                    raise TypeMismatchError(
                        f"{condition.column!r} holds yes/no values, and {v!r} is neither: "
                        "use true or false (yes/no, 1/0 work too)."
                    )
        if kind == "datetime":
            for v in value if isinstance(value, list) else [value]:
                if not _is_date(v):
                    raise TypeMismatchError(
                        f"{condition.column!r} holds dates, and {v!r} is not a date: write "
                        "'2024-03-01', or set part='year' to compare a year with a number."
                    )
        if op in ("in", "not_in") and not isinstance(value, list):
            raise PlanError(f"The test {op!r} on {condition.column!r} needs a list of values.")
        if op == "between" and not (isinstance(value, list) and len(value) == 2):
            raise PlanError(f"'between' on {condition.column!r} needs two values: [low, high].")
        if op in ("contains", "startswith", "endswith") and any(
            isinstance(v, bool) for v in (value if isinstance(value, list) else [value])
        ):
            raise PlanError(
                f"The test {op!r} on {condition.column!r} needs a text to look for, not {value!r}."
            )
        if op in ("contains", "startswith", "endswith") and kind not in TEXT_TYPES:
            raise TypeMismatchError(
                f"Cannot test whether {condition.column!r} {op.replace('with', ' with')} a text: "
                f"it holds {_describe_type(kind)}."
            )
        if op in ("lt", "le", "gt", "ge", "between") and kind in TEXT_TYPES | {"boolean"}:
            values = value if isinstance(value, list) else [value]
            if (
                not all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
                or kind == "boolean"
            ):
                raise TypeMismatchError(
                    f"Cannot compare {condition.column!r} by size: it holds {_describe_type(kind)}. "
                    "Use equals, in, or contains for text."
                )
        if kind in NUMERIC_TYPES - {"boolean"}:
            for v in value if isinstance(value, list) else [value]:
                if isinstance(v, str) and op not in ("eq", "ne", "in", "not_in"):
                    if self._a_duration(condition.column) and clock_seconds(v) is not None:
                        continue  # "below 2:20:00" on a column of race times
                    try:
                        float(v.replace(",", ""))
                    except ValueError:
                        raise TypeMismatchError(
                            f"{condition.column!r} holds numbers, and {v!r} is not a number."
                        ) from None

    def _a_duration(self, column: str) -> bool:
        found = self.profile.column(column)
        return found is not None and found.dtype.startswith("timedelta")

    def check(self, plan: Plan, *, nested: bool = False) -> None:
        source_types = dict(self.types)  # derived names belong to this plan, not its siblings
        try:
            self._check(plan)
        finally:
            self.types = source_types

    def _check(self, plan: Plan) -> None:
        steps.check_fields(self, plan)
        for derive in plan.derive:
            self.check_derive(derive)
        self.check_filter(plan.filters, "in a filter")
        operation = plan.operation
        if len(set(plan.select)) != len(plan.select):
            raise PlanError(f"`select` names a column twice: {plan.select!r}.")
        if operation == "rows":
            for name in plan.select:
                self.column_type(name, "to show")
        elif operation == "distinct":
            if len(plan.select) != 1:
                raise PlanError("A list of distinct values needs exactly one column.")
            self.column_type(plan.select[0], "for distinct values")
        elif operation == "aggregate":
            if not plan.aggregates:
                raise PlanError(
                    "An aggregate plan needs at least one aggregate (count, sum, mean, …)."
                )
            keys = [key.output_name for key in plan.group_by]
            if len(set(keys)) != len(keys):
                raise PlanError(f"`group_by` names the same key twice: {keys!r}.")
            for key in plan.group_by:
                if key.bucket:
                    self.require(
                        key.column, "to group by", {"datetime"}, f"group by {key.bucket} of"
                    )
                else:
                    self.column_type(key.column, "to group by")
            for agg in plan.aggregates:
                self.check_aggregate(agg.func, agg.column, agg)
        elif operation == "pivot":
            if plan.pivot is None:
                raise PlanError("A pivot plan needs its pivot part (index, columns, values).")
            self.column_type(plan.pivot.index, "as pivot rows")
            self.column_type(plan.pivot.columns, "as pivot columns")
            if plan.pivot.values in (plan.pivot.index, plan.pivot.columns):
                raise PlanError(
                    f"A pivot's values ({plan.pivot.values!r}) must be another column than its "
                    "rows and columns; leave values empty to count rows."
                )
            if plan.pivot.index == plan.pivot.columns:
                raise PlanError(
                    f"A pivot needs different columns for its rows and its columns; both are "
                    f"{plan.pivot.index!r}. To count its values, group_by it with a count."
                )
            if plan.pivot.func in ("share", "percentile", "outliers_iqr", "outliers_zscore"):
                raise PlanError(
                    f"A pivot cannot take the {plan.pivot.func}; use an aggregate with group_by "
                    "on both columns instead."
                )
            self.check_aggregate(plan.pivot.func, plan.pivot.values)
        elif operation == "statistic":
            self.check_statistic(plan)
        elif operation in ("any", "all"):
            if plan.condition is None:
                raise PlanError(
                    f"An '{operation}' question needs the condition each row is tested on."
                )
            self.check_filter(plan.condition, "in the condition")
        elif operation == "compare":
            if plan.left is None or plan.compare_op is None or plan.right is None:
                raise PlanError("A comparison needs a left side, an operator and a right side.")
            self.check(plan.left, nested=True)
            if isinstance(plan.right, Plan):
                self.check(plan.right, nested=True)
        elif operation == "calc":
            steps.check_calc(self, plan)
        steps.check_having(self, plan)
        steps.check_sort(self, plan)
        steps.check_offset(self, plan)
        steps.check_then(self, plan)
        if plan.limit is not None and plan.limit > 1_000_000:
            raise PlanError(
                f"A limit of {plan.limit:,} rows is more than can be shown; use at most 1,000,000."
            )

    def check_derive(self, derive: Derive) -> None:
        _check_used_fields(derive, DERIVE_FIELDS[derive.kind] | {"name", "kind"}, derive.kind)
        if derive.name in self.types:
            raise PlanError(
                f"The new column {derive.name!r} would hide an existing column of that name."
            )
        if derive.kind in derived.KINDS:
            self.types[derive.name] = derived.check(self, derive)
            return
        if derive.kind == "arithmetic":
            if derive.operator is None or derive.left is None or derive.right is None:
                raise PlanError(
                    f"The computed column {derive.name!r} needs left, operator and right."
                )
            if not any(isinstance(side, str) for side in (derive.left, derive.right)):
                raise PlanError(
                    f"The computed column {derive.name!r} needs a column on at least one side; "
                    "arithmetic on two constants is a constant (use calc for one value)."
                )
            for side in (derive.left, derive.right):
                if isinstance(side, str):
                    self.require(side, "in a calculation", NUMERIC_TYPES, "do arithmetic on")
        elif derive.kind != "date_diff" and derive.column is None:
            raise PlanError(f"The computed column {derive.name!r} needs a source column.")
        elif derive.kind == "date_part":
            if derive.part is None:
                raise PlanError(f"The computed column {derive.name!r} needs the date part to take.")
            assert derive.column is not None  # refused just above when missing
            self.require(
                derive.column, "for a date part", {"datetime"}, f"take the {derive.part} of"
            )
        elif derive.kind == "length":
            assert derive.column is not None  # refused above when missing
            self.require(derive.column, "for a length", TEXT_TYPES, "measure the text length of")
        elif derive.kind == "date_diff":
            for date_side in (derive.left, derive.right):
                if not isinstance(date_side, str):
                    raise PlanError(
                        f"The date difference {derive.name!r} needs two date columns: left (the "
                        "later date) and right (the earlier date)."
                    )
                self.require(date_side, "in a date difference", {"datetime"}, "subtract dates of")
        elif derive.kind == "bin":
            assert derive.column is not None  # refused above when missing
            self.require(derive.column, "to bin", NUMERIC_TYPES - {"boolean"}, "split into bins")
            if derive.bins is None or (isinstance(derive.bins, int) and derive.bins < 1):
                raise PlanError(
                    f"Binning {derive.column!r} needs a number of bins (1 or more) or bin edges."
                )
        self.types[derive.name] = {
            "arithmetic": "number",
            "date_diff": "number",
            "date_part": "integer",
            "length": "integer",
        }.get(derive.kind, "category")

    def check_aggregate(self, func: str, column: str | None, agg: Aggregate | None = None) -> None:
        if agg is not None:
            used = {"func", "column", "alias"}
            used |= {"percentile"} if func == "percentile" else set()
            used |= {"threshold"} if func.startswith("outliers_") else set()
            _check_used_fields(agg, frozenset(used), f"aggregate {func!r}")
        if func == "percentile" and agg is not None and agg.percentile is None:
            raise PlanError(
                f"The percentile of {column!r} needs `percentile`: a number from 0 to 100 "
                "(50 is the median, 90 the 90th percentile)."
            )
        if column is None:
            if func not in ("count", "share"):
                raise PlanError(f"The aggregate {func!r} needs a column.")
            return
        kind = self.column_type(column, f"for {func}")
        if func in ("min", "max") and kind == "category":
            raise TypeMismatchError(
                f"Cannot take the {_FUNC_WORDS.get(func, func)} of {column!r}: it holds text "
                "categories, which have no order. Count its values (count, count_distinct), or "
                "sort the rows by another column and take the first."
            )
        if func in NUMERIC_AGGS | {"share"} and kind not in NUMERIC_TYPES:
            raise TypeMismatchError(
                f"Cannot take the {_FUNC_WORDS.get(func, func)} of {column!r}: it holds "
                f"{_describe_type(kind)}. Count its values instead, or choose a numeric column "
                f"({_list_names(self.numeric_columns())})."
            )

    def check_statistic(self, plan: Plan) -> None:
        statistic = plan.statistic
        if statistic is None:
            raise PlanError(
                "A statistics plan needs to say which statistic (describe, missing, outliers, correlation)."
            )
        if statistic.kind in statistics.NAMED:
            statistics.check(self, statistic)
            return
        if statistic.at is not None:
            raise PlanError(
                f"`at` is the x where a regression predicts y; remove it for {statistic.kind!r}."
            )
        if len(set(statistic.columns)) != len(statistic.columns):
            raise PlanError(f"The statistic names a column twice: {statistic.columns!r}.")
        for name in statistic.columns:
            if statistic.kind in ("outliers", "correlation"):
                allowed = (
                    NUMERIC_TYPES - {"boolean"} if statistic.kind == "outliers" else NUMERIC_TYPES
                )
                self.require(name, f"for {statistic.kind}", allowed, f"compute {statistic.kind} on")
            else:
                self.column_type(name, "for statistics")
        if statistic.kind == "outliers" and len(statistic.columns) != 1:
            raise PlanError("Outliers are found in one numeric column at a time: name one column.")
        if statistic.kind == "correlation" and len(statistic.columns) == 1:
            raise PlanError("A correlation needs two columns (or none, for the whole matrix).")

    def numeric_columns(self) -> list[str]:
        return [name for name, kind in self.types.items() if kind in ("integer", "number")]


_FUNC_WORDS = {
    "mean": "average",
    "std": "standard deviation",
    "var": "variance",
    "sum": "total",
    "min": "smallest",
    "max": "largest",
    "share": "share of the total",
}


def _check_used_fields(part: Any, used: frozenset[str], what: str) -> None:
    """A field set on a part of a plan that its kind does not use is an error, not ignored."""
    for name, info in type(part).model_fields.items():
        if name in used:
            continue
        if getattr(part, name) != info.get_default(call_default_factory=True):
            raise PlanError(
                f"`{name}` has no effect on {what}, so it was rejected: remove it. "
                f"{what} uses: {', '.join(sorted(used))}."
            )


def _describe_type(kind: str) -> str:
    return {
        "text": "text",
        "category": "text categories",
        "datetime": "dates",
        "boolean": "yes/no values",
        "integer": "whole numbers",
        "number": "numbers",
        "period": "periods",
    }.get(kind, kind)


_YES = frozenset({"true", "yes", "y", "t", "1"})
_NO = frozenset({"false", "no", "n", "f", "0"})


def yes_no(value: object) -> bool | None:
    """``true``, ``"True"``, ``"yes"``, ``1`` alike as True (and their opposites as False)."""
    if isinstance(value, bool):
        return value
    word = str(int(value) if isinstance(value, float) and value.is_integer() else value)
    word = word.strip().casefold()
    return True if word in _YES else False if word in _NO else None


def _is_date(value: object) -> bool:
    """Whether a plan's constant reads as a date (the executor turns it into a Timestamp)."""
    import pandas as pd

    if isinstance(value, bool | int | float):
        return False
    try:
        pd.Timestamp(str(value))
    except (ValueError, TypeError, OverflowError):
        return False
    return True


def _is_number(value: object) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value).replace(",", ""))
    except ValueError:
        return False
    return True


def _list_names(names: list[str], limit: int = 12) -> str:
    shown = ", ".join(repr(n) for n in names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def validate(plan: Plan, profile: FileProfile) -> None:
    """Raise a PlanError subclass if ``plan`` cannot run on a file with this ``profile``."""
    _Validator(profile).check(plan)


__all__ = ["closest_columns", "source_columns", "validate"]
