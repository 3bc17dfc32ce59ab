"""Checks of the parts of a Plan that act after its main operation, and of unused fields.

``having``, ``sort``, ``offset`` and ``then`` see the result table, whose columns are
output names (``outputs``); ``calc`` needs numbers on both sides; a field the
operation would not use is an error that says which fields it does use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import PlanError, UnknownColumnError
from . import validate as base  # the module, not its names: it imports this one
from .outputs import aggregated_types, resolve_having, resolve_output, result_types
from .plan import COMMON_FIELDS, OPERATION_FIELDS, Plan, list_answer_applies

if TYPE_CHECKING:
    from .validate import _Validator


def check_fields(v: _Validator, plan: Plan) -> None:
    """Fields the operation would not use are an error, not silently dropped."""
    allowed = COMMON_FIELDS | OPERATION_FIELDS[plan.operation]
    for name, info in Plan.model_fields.items():
        if name in allowed:
            continue
        if getattr(plan, name) != info.get_default(call_default_factory=True):
            uses = ", ".join(sorted(OPERATION_FIELDS[plan.operation]))
            raise PlanError(
                f"`{name}` has no effect on operation {plan.operation!r}, so it was rejected: "
                f"remove it, or choose the operation that uses it. {plan.operation!r} uses: "
                f"{uses} (and filters, derive)."
            )
    if plan.answer == "list" and not list_answer_applies(plan.model_dump()):
        raise PlanError(
            "answer='list' lists the values of a one-column result, and this plan's result "
            "has several columns or is one value: set answer_column to the column to list "
            "(or select one column), or leave answer as 'auto'."
        )


def check_calc(v: _Validator, plan: Plan) -> None:
    if plan.left is None or plan.calc is None or plan.right is None:
        raise PlanError(
            "A calculation needs `left` (a plan with one value), `calc` (difference, ratio, "
            "percent, percent_change, sum or product) and `right` (a plan with one value, or a number)."
        )
    v.check(plan.left, nested=True)
    if isinstance(plan.right, Plan):
        v.check(plan.right, nested=True)
    elif not base._is_number(plan.right):
        raise PlanError(
            f"The right side of the calculation is {plan.right!r}; it must be a number or a "
            "plan with one value."
        )


def check_having(v: _Validator, plan: Plan) -> None:
    if plan.having is None:
        return
    if plan.operation == "statistic" and plan.statistic and plan.statistic.kind == "missing":
        outputs = {"missing": "integer", "percent": "number"}
        for condition in base._iter_conditions(plan.having):
            if condition.column not in outputs:
                raise UnknownColumnError(
                    f"`having` on the missing-values table tests 'missing' (a count) or "
                    f"'percent', not {condition.column!r}.",
                    column=condition.column,
                    suggestions=["missing", "percent"],
                )
        base._Validator(v.profile, outputs).check_filter(plan.having, "in having")
        return
    if plan.operation != "aggregate" or not plan.group_by:
        raise PlanError(
            "`having` keeps groups by their aggregates, so it needs operation 'aggregate' "
            "with group_by; to keep rows, use `filters`."
        )
    having = resolve_having(plan)
    outputs = aggregated_types(plan, v.types)
    for condition in base._iter_conditions(having):
        if condition.column not in outputs:
            raise UnknownColumnError(
                f"`having` tests {condition.column!r}, which is not a column of the grouped "
                f"table; its columns are {base._list_names(list(outputs))}. To test a source "
                "column, use `filters`.",
                column=condition.column,
                suggestions=base.closest_columns(condition.column, list(outputs)),
            )
        if outputs[condition.column] == "period":
            raise PlanError(
                f"`having` cannot test the period {condition.column!r}: filter the dates "
                "with `filters` (e.g. part='year') before grouping."
            )
    base._Validator(v.profile, outputs).check_filter(having, "in having")


def check_sort(v: _Validator, plan: Plan) -> None:
    if not plan.sort:
        return
    if plan.operation == "aggregate" and plan.group_by:
        outputs = aggregated_types(plan, v.types)
        for key in plan.sort:
            name = resolve_output(plan, key.column, role="to sort by")
            if name not in outputs:
                raise UnknownColumnError(
                    f"Cannot sort by {key.column!r}: the grouped table has the columns "
                    f"{base._list_names(list(outputs))}.",
                    column=key.column,
                    suggestions=base.closest_columns(key.column, list(outputs)),
                )
    elif plan.operation == "rows":
        for key in plan.sort:
            v.column_type(key.column, "to sort by")


def check_offset(v: _Validator, plan: Plan) -> None:
    if plan.offset is None:
        return
    tables = plan.operation in ("rows", "distinct", "statistic") or (
        plan.operation == "aggregate" and plan.group_by
    )
    if not tables:
        raise PlanError(
            f"`offset` skips rows of a result table, and operation {plan.operation!r} "
            f"{'without group_by ' if plan.operation == 'aggregate' else ''}gives one value. "
            "Remove `offset`, or use rows or a grouped aggregate."
        )


def check_then(v: _Validator, plan: Plan) -> None:
    if not plan.then:
        return
    outputs = result_types(plan, v.types)
    if outputs is None:
        raise PlanError(
            "`then` aggregates the rows of a result table, so it needs operation 'rows', "
            "'distinct' or 'aggregate' with group_by."
        )
    for field, present in (
        ("answer_column", plan.answer_column is not None),
        ("chart", plan.chart is not None),
        ("answer='list'", plan.answer == "list"),
    ):
        if present:
            raise PlanError(
                f"`then` turns the result into its own aggregates, so {field} has nothing to "
                f"apply to: remove {field} or `then`."
            )
    inner = base._Validator(v.profile, outputs)
    names = [agg.output_name for agg in plan.then]
    if len(set(names)) != len(names):
        raise PlanError("Two aggregates in `then` have the same name; give them aliases.")
    for agg in plan.then:
        if agg.func == "share":
            raise PlanError(
                "`then` cannot take a share; for a share of groups use calc 'percent' "
                "with two counts."
            )
        column = agg.column
        if column is not None:
            asked = column
            column = resolve_output(plan, asked, role="in then")
            if column not in outputs:
                raise UnknownColumnError(
                    f"`then` reads {asked!r}, which is not a column of the result table; "
                    f"its columns are {base._list_names(list(outputs))}.",
                    column=asked,
                    suggestions=base.closest_columns(asked, list(outputs)),
                )
        inner.check_aggregate(agg.func, column, agg)
