"""The columns of a plan's result table, and what names used after the main step mean.

Steps after the main operation (``having``, ``sort``, ``then``, ``answer_column``) see
the result table, not the source: an aggregate's output is ``"mean salary"``. Models
(and people) write ``"salary"``; when exactly one aggregate reads that column it can
only mean that aggregate, as in SQL's ``ORDER BY AVG(salary)`` written as ``salary``.
The validator and the executor both resolve names here, so they cannot disagree.
"""

from __future__ import annotations

from ..errors import PlanError
from .plan import Aggregate, Condition, Filter, FilterGroup, Plan

# What an aggregate produces, given the type of the column it reads.
_COUNTS = {"count", "count_distinct", "outliers_iqr", "outliers_zscore"}
_NUMBERS = {"sum", "mean", "median", "std", "var", "percentile", "share"}


def aggregate_type(agg: Aggregate, types: dict[str, str]) -> str:
    """The type of one aggregate's output column ("integer", "number", or the source's type)."""
    if agg.func in _COUNTS or (agg.column is None and agg.func != "share"):
        return "integer"
    if agg.func in _NUMBERS:
        return "number"
    return types.get(agg.column or "", "number")  # min, max, first, last keep the source type


def aggregated_types(plan: Plan, types: dict[str, str]) -> dict[str, str]:
    """The columns of an aggregate plan's table and their types, in table order.

    A group key bucketed by period becomes a period column ("period"), which only
    sorts and displays: filter dates with ``filters``, before grouping.
    """
    out: dict[str, str] = {}
    for key in plan.group_by:
        out[key.output_name] = "period" if key.bucket else types.get(key.column, "text")
    for agg in plan.aggregates:
        out[agg.output_name] = aggregate_type(agg, types)
    return out


def result_types(plan: Plan, types: dict[str, str]) -> dict[str, str] | None:
    """The columns of the table the main step produces (None: no table with known columns)."""
    if plan.operation == "aggregate" and plan.group_by:
        return aggregated_types(plan, types)
    if plan.operation == "rows":
        if plan.select:
            return {name: types.get(name, "text") for name in plan.select}
        return dict(types)
    if plan.operation == "distinct" and plan.select:
        return {plan.select[0]: types.get(plan.select[0], "text")}
    return None


def resolve_output(plan: Plan, name: str, *, role: str) -> str:
    """``name`` as a column of an aggregate plan's table (unchanged if it is one, or unknown).

    A source column read by exactly one aggregate means that aggregate; a date column
    grouped by period means its period key. Read by several aggregates, the name is
    ambiguous and the error lists the choices.
    """
    if plan.operation != "aggregate":
        return name
    outputs = [key.output_name for key in plan.group_by] + [
        agg.output_name for agg in plan.aggregates
    ]
    if name in outputs:
        return name
    keys = [key.output_name for key in plan.group_by if key.column == name]
    if len(keys) == 1:
        return keys[0]
    over = [agg.output_name for agg in plan.aggregates if agg.column == name]
    if len(over) == 1:
        return over[0]
    if len(over) > 1:
        raise PlanError(
            f"{name!r} {role} could mean any of {', '.join(repr(o) for o in over)}: "
            "use one of these output names."
        )
    return name


def rename_filter(item: Filter, rename: dict[str, str]) -> Filter:
    """The same filter with its column names replaced through ``rename``."""
    if isinstance(item, Condition):
        column = rename.get(item.column, item.column)
        return item if column == item.column else item.model_copy(update={"column": column})
    assert isinstance(item, FilterGroup)
    return item.model_copy(update={"items": [rename_filter(child, rename) for child in item.items]})


def filter_columns(item: Filter | None) -> set[str]:
    """Every column a filter names."""
    if item is None:
        return set()
    if isinstance(item, Condition):
        return {item.column}
    names: set[str] = set()
    for child in item.items:
        names |= filter_columns(child)
    return names


def resolve_having(plan: Plan) -> Filter | None:
    """``plan.having`` with every name resolved to a column of the aggregated table."""
    if plan.having is None:
        return None
    rename = {
        name: resolve_output(plan, name, role="in having") for name in filter_columns(plan.having)
    }
    return rename_filter(plan.having, rename)


def split_filters(plan: Plan) -> tuple[Filter | None, Filter | None]:
    """``plan.filters`` as (before derive, after derive).

    Only the parts that name a derived column wait for ``derive``: of an AND, the
    conditions that do; any other filter that does, as a whole. Filters on source
    columns alone keep running first, so a bin's edges and every plan saved before
    derived filters existed give the same answer as before.
    """
    item = plan.filters
    derived = {d.name for d in plan.derive}
    if item is None or not (filter_columns(item) & derived):
        return item, None
    if isinstance(item, FilterGroup) and item.combine == "and":
        early = [c for c in item.items if not (filter_columns(c) & derived)]
        late = [c for c in item.items if filter_columns(c) & derived]
        return (
            FilterGroup(combine="and", items=early) if early else None,
            FilterGroup(combine="and", items=late),
        )
    return None, item


__all__ = [
    "aggregate_type",
    "aggregated_types",
    "filter_columns",
    "rename_filter",
    "resolve_having",
    "resolve_output",
    "result_types",
    "split_filters",
]
