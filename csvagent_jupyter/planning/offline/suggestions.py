"""Readings as questions the user can ask: canonical English for a candidate Plan.

When the planner is not sure it shows its best readings as questions. Each is worded
in the planner's own canonical phrasing (the idea of "Building a Semantic Parser
Overnight": every logical form has an English rendering), so that asking it gives
exactly that reading; tests ask every suggestion back.
"""

from __future__ import annotations

from ...analysis.interpretation import file_position
from ...analysis.plan import Aggregate, Condition, Filter, FilterGroup, Plan

_FUNC_WORD = {
    "mean": "average",
    "sum": "total",
    "median": "median",
    "max": "maximum",
    "min": "minimum",
    "std": "sample standard deviation of",
    "var": "variance of",
}
_OP_WORD = {"gt": "above", "lt": "below", "ge": "at least", "le": "at most"}


def _value(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _condition(item: Condition) -> str | None:
    if item.part == "year" and item.op == "eq":
        # the column said, so that the reading is the one asked back beside another year
        return f"with {item.column} in {_value(item.value)}"
    if item.part is not None:
        return None
    if item.op == "eq":
        return f"where {item.column} is {_value(item.value)}"
    if item.op in _OP_WORD:
        return f"with {item.column} {_OP_WORD[item.op]} {_value(item.value)}"
    if item.op == "is_null":
        return f"with missing {item.column}"
    return None


def _filters(item: Filter | None) -> str | None:
    if item is None:
        return ""
    if isinstance(item, Condition):
        text = _condition(item)
        return None if text is None else " " + text
    if isinstance(item, FilterGroup) and item.combine == "and":
        parts = [_filters(child) for child in item.items]
        if any(p is None for p in parts):
            return None
        text = "".join(p for p in parts if p)
        first = text.find(" where ") + len(" where ")
        return text[:first] + text[first:].replace(" where ", " and ")  # never "where … where"
    return None


def _measure(agg: Aggregate) -> str | None:
    if agg.func == "count" and agg.column is None:
        return "number of rows"
    if agg.func == "count_distinct":
        return f"number of different {agg.column}"
    word = _FUNC_WORD.get(agg.func)
    return f"{word} {agg.column}" if word and agg.column else None


def as_question(plan: Plan) -> str | None:
    """The canonical question for ``plan``, or None when it has no canonical wording."""
    where = _filters(plan.filters)
    if where is None or plan.having is not None or plan.then or plan.offset:
        return None  # no canonical wording yet: better no suggestion than a different question
    if plan.operation == "aggregate" and len(plan.aggregates) == 1:
        agg = plan.aggregates[0]
        measure = _measure(agg)
        if measure is None:
            return None
        if not plan.group_by:
            if agg.func == "count":
                return f"how many rows are there{where}"
            if agg.func == "count_distinct":
                return f"how many different {agg.column} are there{where}"
            return f"{measure}{where}"
        key = plan.group_by[0]
        if key.bucket is not None or len(plan.group_by) > 1:
            return None
        if plan.limit == 1 and plan.sort and plan.answer_column == key.column:
            direction = "highest" if plan.sort[0].descending else "lowest"
            return f"which {key.column} has the {direction} {measure}{where}"
        return f"{measure} by {key.column}{where}"
    if plan.operation == "distinct" and plan.select:
        return f"list the different {plan.select[0]}{where}"
    in_file = file_position(plan)
    if plan.operation == "rows" and in_file and plan.limit == 1 and plan.answer_column:
        return f"what is the {plan.answer_column} of the {in_file} row in file order{where}"
    if plan.operation == "rows" and plan.sort and plan.limit == 1 and plan.answer_column:
        years = {d.name: d.column for d in plan.derive if d.kind == "year" and d.column}
        if plan.sort[0].column in years:  # the year written in a text column of dates
            when = "latest" if plan.sort[0].descending else "earliest"
            return f"which {plan.answer_column} has the {when} {years[plan.sort[0].column]}{where}"
        direction = "highest" if plan.sort[0].descending else "lowest"
        if plan.answer_column == plan.sort[0].column:
            return (
                f"{'maximum' if direction == 'highest' else 'minimum'} {plan.answer_column}{where}"
            )
        return f"which {plan.answer_column} has the single {direction} {plan.sort[0].column}{where}"
    if plan.operation == "rows" and plan.answer_column and not plan.sort and not plan.limit:
        return f"list the {plan.answer_column}{where}"  # "who won the 2023 final"
    if plan.operation == "statistic" and plan.statistic and plan.statistic.kind == "correlation":
        a, b = plan.statistic.columns
        return f"correlation between {a} and {b}{where}"
    return None
