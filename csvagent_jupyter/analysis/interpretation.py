"""One plain-English sentence of what a Plan computes, rendered from the Plan itself.

Shown above every answer and stored in the query log, so that a misreading is seen
at a glance ("Average salary per department, highest first") whichever planner wrote
the Plan. It describes the computation, never the data.
"""

from __future__ import annotations

import re

import pandas as pd

from .plan import Aggregate, Condition, Derive, Filter, FilterGroup, Plan, required_conditions

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
    "outliers_iqr": "number of IQR outliers in",
    "outliers_zscore": "number of z-score outliers in",
}
OP_WORDS = {  # how a condition reads in a sentence (summaries use it too)
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
    "absolute_difference": "the gap between {left} and {right} (the larger minus the smaller)",
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
        return (
            f"{agg.percentile if agg.percentile is not None else 50:g}th percentile of {agg.column}"
        )
    if agg.func == "share":
        return f"share of {agg.column or 'rows'}"
    word = _FUNC.get(agg.func, agg.func)
    return f"{word} {agg.column}"


def _value(value: object) -> str:
    if isinstance(value, list):
        items = [_value(v) for v in value]
        if any("," in item for item in items):  # cells holding lists: where each one ends
            items = [f'"{item}"' for item in items]
        if len(items) <= 1:
            return "".join(items)
        return ", ".join(items[:-1]) + " or " + items[-1]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _named_days(item: Condition) -> Condition:
    """Weekday numbers (Monday is 0) and month numbers (January is 1) as names, so a reader
    need not know the numbering."""
    names: tuple[str, ...]
    if item.part == "weekday":
        names, first = _WEEKDAY_NAMES, 0
    elif item.part == "month":
        names, first = _MONTH_NAMES, 1
    else:
        return item

    def name(value: object) -> object:
        if isinstance(value, int) and first <= value < first + len(names):
            return names[value - first]
        return value

    value = [name(v) for v in item.value] if isinstance(item.value, list) else name(item.value)
    return item.model_copy(update={"value": value})


_DATE_OP_WORDS = {
    "gt": "is after",
    "ge": "is on or after",
    "lt": "is before",
    "le": "is on or before",
}


def _is_date(value: object) -> bool:
    """A date written as a plan carries it ("2021-06-30"), or a timestamp."""
    return isinstance(value, pd.Timestamp) or (
        isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    )


def filter_phrase(item: Filter) -> str:
    if isinstance(item, Condition):
        item = _named_days(item)
        subject = f"the {item.part} of {item.column}" if item.part else item.column
        if item.op in ("is_null", "not_null"):
            return f"{subject} {OP_WORDS[item.op]}"
        if item.op == "between" and isinstance(item.value, list) and len(item.value) == 2:
            return f"{subject} is between {_value(item.value[0])} and {_value(item.value[1])}"
        if item.op in ("in", "not_in") and isinstance(item.value, list) and len(item.value) == 1:
            single = "is" if item.op == "in" else "is not"
            return f"{subject} {single} {_value(item.value[0])}"
        if item.op in _DATE_OP_WORDS and _is_date(item.value):
            return f"{subject} {_DATE_OP_WORDS[item.op]} {_value(item.value)}"
        return f"{subject} {OP_WORDS[item.op]} {_value(item.value)}"
    assert isinstance(item, FilterGroup)
    parts = [filter_phrase(child) for child in item.items]
    if item.combine == "not":
        return f"not ({parts[0]})"
    return f" {item.combine} ".join(parts)


def describe(plan: Plan) -> str:
    """The sentence for ``plan``; see the module docstring."""
    text = _with_then(plan) if plan.then else _core(plan)
    ordered_by_file = file_position(plan) is not None
    neighbours = [d for d in plan.derive if d.kind == "window" and d.func in ("previous", "next")]
    # "which month in 2024": one year's months, never "all years together"
    one_year = {
        c.column
        for c in required_conditions(plan.filters)
        if c.part == "year" and c.op == "eq" and not isinstance(c.value, list)
    }
    derived = [
        _derive_phrase(d)
        for d in plan.derive
        if (d.kind in _SPELLED_OUT or (_pools_years(d) and d.column not in one_year))
        and not (ordered_by_file and d.name == plan.sort[0].column)
        and d not in neighbours  # "Title of the row before" says what it is by its name
    ]
    if derived:
        text += ", with " + " and ".join(derived)
    if neighbours:
        text += ", in file order"
    return text[0].upper() + text[1:] + "."


def file_position(plan: Plan) -> str | None:
    """ "first" or "last" when ``plan`` orders its rows by their position in the file alone."""
    if len(plan.sort) != 1:
        return None
    key = plan.sort[0]
    for derive in plan.derive:
        if (
            derive.name == key.column
            and derive.kind == "window"
            and derive.func == "row_number"
            and not derive.partition_by
        ):
            return "last" if key.descending else "first"
    return None


_WINDOW = {
    "rank": "the rank of {column}",
    "row_number": "the row number",
    "cumsum": "the running total of {column}",
    "pct_change": "the percent change of {column} from the previous row",
    "zscore": "the z-score of {column}",
    "minus_mean": "{column} minus its mean",
    "share": "{column} as a percent of its total",
    "mean": "the average {column}",
    "sum": "the total {column}",
    "min": "the minimum {column}",
    "max": "the maximum {column}",
    "count": "the count of {column}",
    "previous": "{column} of the row before",
    "next": "{column} of the row after",
}
_SPELLED_OUT = {
    "date_diff", "window", "extract", "split", "duration", "year", "leading_number",
    "column_of_max", "column_of_min",
    "lower", "upper", "strip",
}  # fmt: skip


def _pools_years(derive: Derive) -> bool:
    """A calendar month taken from a date: August of every year counts as one month, which a
    reader of "the month with the most rows" on two years of data may not expect."""
    return derive.kind == "date_part" and derive.part in ("month", "month_name", "quarter")


def _derive_phrase(derive: Derive) -> str:
    """How a derived column that a reader could not guess from its name is computed."""
    if _pools_years(derive):
        unit = "quarter" if derive.part == "quarter" else "month"
        return f"{derive.name} = the calendar {unit} of {derive.column}, all years together"
    if derive.kind == "date_diff":
        return f"{derive.name} = {derive.left} minus {derive.right} in {derive.unit or 'days'}"
    if derive.kind == "extract":
        return f"{derive.name} = the {derive.key!r} field of {derive.column}"
    if derive.kind == "split":
        return (
            f"{derive.name} = part {derive.index} of {derive.column} split on {derive.delimiter!r}"
        )
    if derive.kind in ("column_of_max", "column_of_min"):
        extreme = "largest" if derive.kind == "column_of_max" else "smallest"
        return f"{derive.name} = which of {', '.join(derive.columns)} is {extreme} in the row"
    if derive.kind in ("lower", "upper", "strip"):
        word = {"lower": "in lower case", "upper": "in upper case", "strip": "without outer spaces"}
        return f"{derive.name} = {derive.column} {word[derive.kind]}"
    if derive.kind == "leading_number":
        scale = re.search(r"\((thousand|million|billion)\)$", derive.name)
        if scale:  # cells in another scale ("$1.02 billion") are converted into this one
            return f"{derive.name} = the amount {derive.column} gives, in {scale[1]}s"
        return f"{derive.name} = the number {derive.column} starts with"
    if derive.kind == "year":
        return f"{derive.name} = the year written in {derive.column}"
    if derive.kind == "duration":
        return f"{derive.name} = {derive.column} as a duration in {derive.unit or 'seconds'}"
    phrase = _WINDOW.get(derive.func or "", str(derive.func)).format(column=derive.column)
    if derive.func == "rank":
        phrase += " (1 = largest)" if derive.descending else " (1 = smallest)"
    per = f" per {', '.join(derive.partition_by)}" if derive.partition_by else ""
    return f"{derive.name} = {phrase}{per}"


def _with_then(plan: Plan) -> str:
    """A plan whose result is aggregated again: "number of department groups with …"."""
    inner = plan.model_copy(update={"then": []})
    what = " and ".join(
        "number" if a.func == "count" and a.column is None else aggregate_phrase(a)
        for a in plan.then
    )
    if plan.operation == "aggregate" and plan.group_by:
        keys = ", ".join(k.output_name for k in plan.group_by)
        having = f" with {filter_phrase(plan.having)}" if plan.having is not None else ""
        return f"{what} of {keys} groups{having}{_where(plan)}"
    return f"{what} over: {_core(inner)}"


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
            if plan.having is not None:
                text += f", groups with {filter_phrase(plan.having)}"
            if plan.sort and plan.limit == 1 and plan.answer_column and plan.offset:
                direction = "highest" if plan.sort[0].descending else "lowest"
                place = _ordinal(plan.offset + 1)
                return f"the {plan.answer_column} with the {place} {direction} {what}{where}"
            if plan.sort and plan.limit == 1 and plan.answer_column:
                direction = "highest" if plan.sort[0].descending else "lowest"
                single = plan.aggregates[0] if len(plan.aggregates) == 1 else None
                if (
                    single is not None
                    and single.column is not None
                    and single.func == ("max" if plan.sort[0].descending else "min")
                ):  # the group of the one row with the extreme value
                    return (
                        f"the {plan.answer_column} of the row with the {direction} "
                        f"{single.column}{where}"
                    )
                return f"the {plan.answer_column} with the {direction} {what}{where}"
            if plan.sort:
                direction = "highest first" if plan.sort[0].descending else "lowest first"
                text += f", {direction}"
            if plan.offset:
                text += f", skipping the first {plan.offset}"
            if plan.limit:
                text += f", top {plan.limit}"
            return text
        return f"{what}{where}"
    if op == "rows":
        in_file_order = file_position(plan)
        if in_file_order is not None and plan.limit == 1 and not plan.offset:
            shown = plan.answer_column or "row"
            return f"the {shown} of the {in_file_order} row in file order{where}"
        if plan.sort and plan.limit:
            key = plan.sort[0]
            direction = "highest" if key.descending else "lowest"
            offset = plan.offset or 0
            shown = plan.answer_column or "rows"
            if plan.limit == 1:
                place = f"{_ordinal(offset + 1)} " if offset else ""
                return f"the {shown} of the row with the {place}{direction} {key.column}{where}"
            if shown in (key.column, "rows"):
                return f"the {plan.limit} {direction} {key.column} {'values' if shown == key.column else shown}{where}"
            # "The Name of the 3 rows with the highest Volume (km³)", never "Volume Name"
            return f"the {shown} of the {plan.limit} rows with the {direction} {key.column}{where}"
        shown = plan.answer_column or (", ".join(plan.select) if plan.select else "rows")
        return f"{shown} of the rows{where}"
    if op == "distinct":
        return f"the distinct values of {plan.select[0] if plan.select else 'the column'}{where}"
    if op == "statistic" and plan.statistic is not None:
        stat = plan.statistic
        columns = " and ".join(stat.columns) if stat.columns else "every column"
        if stat.kind == "correlation":
            return f"{stat.method or 'pearson'} correlation between {columns}{where}"
        if stat.kind == "correlation_test":
            return (
                f"{stat.method or 'pearson'} correlation and its p-value between {columns}{where}"
            )
        if stat.kind == "regression" and len(stat.columns) == 2:
            x, y = stat.columns
            at = f", predicted at {x} = {_value(stat.at)}" if stat.at is not None else ""
            field = f" ({plan.answer_column})" if plan.answer_column else ""
            return f"linear regression of {y} on {x}{field}{where}{at}"
        if stat.kind == "normality":
            return f"Shapiro–Wilk normality test p-value of {columns}{where}"
        if stat.kind in ("skew", "kurtosis"):
            word = "skewness" if stat.kind == "skew" else "excess kurtosis"
            return f"{word} of {columns}{where}"
        if stat.kind == "missing" and plan.answer_column == "column":
            having = f" with {filter_phrase(plan.having)}" if plan.having is not None else ""
            return f"the columns{having} in the missing values of {columns}{where}"
        return f"{stat.kind} of {columns}{where}"
    if op in ("any", "all") and plan.condition is not None:
        quantifier = "any row" if op == "any" else "every row"
        return f"whether {filter_phrase(plan.condition)} in {quantifier}{where}"
    if op == "compare" and isinstance(plan.left, Plan):
        right = _core(plan.right) if isinstance(plan.right, Plan) else _value(plan.right)
        word = OP_WORDS.get(plan.compare_op or "eq", "is")
        return f"whether the {_core(plan.left)} {word} {right}"
    if op == "pivot" and plan.pivot is not None:
        values = plan.pivot.values or "rows"
        return (
            f"{plan.pivot.func} of {values} by {plan.pivot.index} and {plan.pivot.columns}{where}"
        )
    calc = plan.calc
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
