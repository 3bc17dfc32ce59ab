"""One plain-English sentence of what a Plan computes, rendered from the Plan itself.

Shown above every answer and stored in the query log, so that a misreading is seen
at a glance ("Average salary per department, highest first") whichever planner wrote
the Plan. It describes the computation, never the data.
"""

from __future__ import annotations

from .plan import Aggregate, Condition, Filter, FilterGroup, Plan

_FUNC = {
    "count": "number of rows",
    "count_distinct": "number of distinct",
    "sum": "total",
    "mean": "average",
    "median": "median",
    "min": "minimum",
    "max": "maximum",
    "std": "standard deviation (sample) of",
    "var": "variance (sample) of",
    "percentile": "percentile",
    "first": "first",
    "last": "last",
    "share": "share of",
}
_OP = {
    "eq": "is",
    "ne": "is not",
    "lt": "is below",
    "le": "is at most",
    "gt": "is above",
    "ge": "is at least",
    "in": "is one of",
    "not_in": "is none of",
    "between": "is between",
    "contains": "contains",
    "startswith": "starts with",
    "endswith": "ends with",
    "is_null": "is missing",
    "not_null": "is present",
}
_CALC = {
    "difference": "{left} minus {right}",
    "ratio": "{left} divided by {right}",
    "percent": "{left} as a percentage of {right}",
    "percent_change": "the percent change from {left} to {right}",
    "sum": "{left} plus {right}",
    "product": "{left} times {right}",
}


def aggregate_phrase(agg: Aggregate) -> str:
    if agg.func == "count" and agg.column is None:
        return "number of rows"
    if agg.func == "count":
        return f"number of rows with {agg.column}"
    if agg.func == "percentile":
        return f"{agg.percentile:g}th percentile of {agg.column}"
    if agg.func == "share":
        return f"share of {agg.column or 'rows'}"
    word = _FUNC.get(agg.func, agg.func)
    return f"{word} {agg.column}"


def _value(value: object) -> str:
    if isinstance(value, list):
        items = [_value(v) for v in value]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " or " + items[-1]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def filter_phrase(item: Filter) -> str:
    if isinstance(item, Condition):
        subject = f"the {item.part} of {item.column}" if item.part else item.column
        if item.op in ("is_null", "not_null"):
            return f"{subject} {_OP[item.op]}"
        if item.op == "between" and isinstance(item.value, list) and len(item.value) == 2:
            return f"{subject} is between {_value(item.value[0])} and {_value(item.value[1])}"
        return f"{subject} {_OP[item.op]} {_value(item.value)}"
    assert isinstance(item, FilterGroup)
    parts = [filter_phrase(child) for child in item.items]
    if item.combine == "not":
        return f"not ({parts[0]})"
    return f" {item.combine} ".join(parts)


def describe(plan: Plan) -> str:
    """The sentence for ``plan``; see the module docstring."""
    text = _core(plan)
    return text[0].upper() + text[1:] + "."


def _where(plan: Plan) -> str:
    return f" where {filter_phrase(plan.filters)}" if plan.filters is not None else ""


def _core(plan: Plan) -> str:
    op = plan.operation
    where = _where(plan)
    if op == "aggregate":
        what = " and ".join(aggregate_phrase(a) for a in plan.aggregates) or "number of rows"
        if plan.group_by:
            keys = ", ".join(k.output_name for k in plan.group_by)
            text = f"{what} per {keys}{where}"
            if plan.sort and plan.limit == 1 and plan.answer_column:
                direction = "highest" if plan.sort[0].descending else "lowest"
                return f"the {plan.answer_column} with the {direction} {what}{where}"
            if plan.sort:
                direction = "highest first" if plan.sort[0].descending else "lowest first"
                text += f", {direction}"
            if plan.limit:
                text += f", top {plan.limit}"
            return text
        return f"{what}{where}"
    if op == "rows":
        if plan.sort and plan.limit:
            key = plan.sort[0]
            direction = "highest" if key.descending else "lowest"
            offset = getattr(plan, "offset", None) or 0
            shown = plan.answer_column or "rows"
            if plan.limit == 1:
                place = f"{_ordinal(offset + 1)} " if offset else ""
                return f"the {shown} of the row with the {place}{direction} {key.column}{where}"
            return f"the {plan.limit} {direction} {key.column} {'values' if shown == key.column else shown}{where}"
        shown = plan.answer_column or (", ".join(plan.select) if plan.select else "rows")
        return f"{shown} of the rows{where}"
    if op == "distinct":
        return f"the distinct values of {plan.select[0] if plan.select else 'the column'}{where}"
    if op == "statistic" and plan.statistic is not None:
        stat = plan.statistic
        columns = " and ".join(stat.columns) if stat.columns else "every column"
        if stat.kind == "correlation":
            return f"{stat.method or 'pearson'} correlation between {columns}{where}"
        return f"{stat.kind} of {columns}{where}"
    if op in ("any", "all") and plan.condition is not None:
        quantifier = "any row" if op == "any" else "every row"
        return f"whether {quantifier}{where} has {filter_phrase(plan.condition)}"
    if op == "compare" and isinstance(plan.left, Plan):
        right = _core(plan.right) if isinstance(plan.right, Plan) else _value(plan.right)
        word = _OP.get(plan.compare_op or "eq", "is")
        return f"whether the {_core(plan.left)} {word} {right}"
    if op == "pivot" and plan.pivot is not None:
        values = plan.pivot.values or "rows"
        return (
            f"{plan.pivot.func} of {values} by {plan.pivot.index} and {plan.pivot.columns}{where}"
        )
    calc = getattr(plan, "calc", None)
    if op == "calc" and calc is not None and isinstance(plan.left, Plan):
        right = _core(plan.right) if isinstance(plan.right, Plan) else _value(plan.right)
        return _CALC.get(calc, "{left} " + str(calc) + " {right}").format(
            left=f"the {_core(plan.left)}",
            right=right if not isinstance(plan.right, Plan) else f"the {right}",
        )
    return f"{op}{where}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
