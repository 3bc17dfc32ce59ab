"""One to three plain sentences that state the answer with its numbers.

Written from the computed result only, so a summary can never claim what the data
did not show.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from .interpretation import OP_WORDS
from .plan import Aggregate, Condition, Filter, Plan

_FUNC_WORDS = {
    "count": "number",
    "count_distinct": "number of distinct",
    "sum": "total",
    "mean": "average",
    "median": "median",
    "min": "smallest",
    "max": "largest",
    "std": "standard deviation of",
    "var": "variance of",
    "percentile": "percentile of",
    "first": "first",
    "last": "last",
    "share": "share of",
    "outliers_iqr": "number of outliers (beyond 1.5 IQR, or the threshold) in",
    "outliers_zscore": "number of outliers (|z| above 3, or the threshold) in",
}


def fmt(value: Any) -> str:
    """A number as an analyst writes it: 1,234 / 1,234.57 / 0.0123; anything else as text."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if math.isnan(value):
            return "no value"
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        if abs(value) >= 1:
            return f"{value:,.2f}"
        return f"{value:.3g}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else str(value)
    if isinstance(value, pd.Timedelta) and not pd.isna(value):
        return _duration(value)
    return str(value)


def _duration(value: pd.Timedelta) -> str:
    """A duration as a clock reads it ("5:38.62", "1:02:05", "3 days 04:00:00"), not pandas'
    "0 days 00:05:38.620000"."""
    sign = "-" if value < pd.Timedelta(0) else ""
    total = abs(value)
    hundredths = round(total.total_seconds() * 100)  # to the hundredth, as race times are
    days, hundredths = divmod(hundredths, 86400 * 100)
    hours, hundredths = divmod(hundredths, 3600 * 100)
    minutes, hundredths = divmod(hundredths, 60 * 100)
    whole = f"{hundredths // 100:02d}"
    fraction = f".{hundredths % 100:02d}".rstrip("0") if hundredths % 100 else ""
    if days:
        return f"{sign}{days} day{'s' if days != 1 else ''} {int(hours):02d}:{int(minutes):02d}:{whole}{fraction}"
    if hours:
        return f"{sign}{int(hours)}:{int(minutes):02d}:{whole}{fraction}"
    return f"{sign}{int(minutes)}:{whole}{fraction}"


def label(value: Any) -> str:
    """A value that names something (a group, a distinct value): a year is 2024, not 2,024."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return fmt(value)


def fmt_list(values: list[Any], *, limit: int = 8, show: Any = None) -> str:
    """Up to ``limit`` values, formatted alike: decimals for all if any has them.

    "46.50, 36.70, 19.00", never "46.50, 36.70, 19." (which reads as a number cut short).
    """
    show = show or fmt
    shown = values[:limit]
    floats = [v for v in shown if isinstance(v, float) and not isinstance(v, bool)]
    if floats and any(not v.is_integer() for v in floats if v == v) and show is fmt:
        texts = [
            f"{v:,.2f}" if isinstance(v, float) and v == v and 1 <= abs(v) < 1e15 else fmt(v)
            for v in shown
        ]
    else:
        texts = [show(v) for v in shown]
    return ", ".join(texts) + (", …" if len(values) > limit else "")


def one_of(words: list[str], joiner: str = "or") -> str:
    """ "A", "A or B", "A, B or C"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {joiner} " + words[-1]


def describe_filter(item: Filter | None) -> str:
    if item is None:
        return ""
    if isinstance(item, Condition):
        column = f"{item.part} of {item.column}" if item.part else item.column
        if item.op in ("is_null", "not_null"):
            return f"{column} {OP_WORDS[item.op]}"
        value = item.value
        show = label if item.part is not None else fmt  # a year is 2024, not 2,024
        if isinstance(value, list):
            joiner = "and" if item.op == "between" else "nor" if item.op == "not_in" else "or"
            shown = one_of([show(v) for v in value], joiner)
        else:
            shown = show(value)
        return f"{column} {OP_WORDS[item.op]} {shown}"
    parts = [describe_filter(child) for child in item.items]
    if item.combine == "not":
        return "not (" + " and ".join(parts) + ")"
    return f" {item.combine} ".join(parts)


def describe_aggregate(agg: Aggregate) -> str:
    if agg.column is None:
        return "number of rows" if agg.func == "count" else "share of rows"
    if agg.func == "percentile":
        return f"{agg.percentile:g}th percentile of {agg.column}"
    return f"{_FUNC_WORDS[agg.func]} {agg.column}"


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe_then(plan: Plan) -> str:
    """The first ``then`` aggregate in words: "the number of department groups where …"."""
    agg = plan.then[0]
    if plan.operation == "aggregate":
        keys = " and ".join(key.output_name for key in plan.group_by)
        base = f"{keys} groups"
        test = describe_filter(plan.having)
        base += f" with {test}" if test else ""
    elif plan.operation == "distinct":
        base = f"distinct values of {plan.select[0]}"
    else:
        base = "rows"
    where = describe_filter(plan.filters)
    base += f" (rows where {where})" if where else ""
    if agg.column is None:
        return f"the number of {base}"
    return f"the {describe_aggregate(agg)} over the {base}"


def describe_side(plan: Plan) -> str:
    """A one-value plan in words: "average revenue where region is North", "the product …"."""
    where = describe_filter(plan.filters)
    scope = f" where {where}" if where else ""
    if plan.then:
        return describe_then(plan)
    if plan.operation == "calc":
        return f"the {(plan.calc or 'calculation').replace('_', ' ')} of two values"
    if plan.operation == "aggregate" and plan.aggregates and not plan.group_by:
        return f"the {describe_aggregate(plan.aggregates[0])}{scope}"
    if plan.answer_column and plan.sort:
        key = plan.sort[0]
        extreme = "largest" if key.descending else "smallest"
        rank = f"{ordinal(plan.offset + 1)} " if plan.offset else ""
        return f"the {plan.answer_column} with the {rank}{extreme} {key.column}{scope}"
    if plan.answer_column:
        return f"the {plan.answer_column}{scope}"
    return "the value"


def summarize(
    plan: Plan,
    value: Any,
    table: pd.DataFrame | None,
    rows_in: int,
    *,
    compared: tuple[Any, Any] | None = None,
) -> str:
    where = describe_filter(plan.filters)
    scope = f" where {where}" if where else ""
    operation = plan.operation
    if plan.then and not isinstance(value, pd.DataFrame):
        return f"{describe_then(plan)[0].upper()}{describe_then(plan)[1:]} is {fmt(value)}."
    if operation == "calc":
        return _summarize_calc(plan, value, compared)
    if operation == "aggregate" and table is None:
        agg = plan.aggregates[0]
        if value is None:
            return f"No rows{scope}, so there is no {describe_aggregate(agg)}."
        return f"The {describe_aggregate(agg)}{scope} is {fmt(value)}."
    if operation in ("any", "all"):
        test = describe_filter(plan.condition)
        if operation == "any":
            subject = "at least one row" if value else "no row"
        else:
            subject = "every row" if value else "not every row"
        return f"{'Yes' if value else 'No'}: {subject}{scope} satisfies “{test}”."
    if operation == "compare":
        answer = "Yes" if value else "No"
        if compared is None or plan.left is None:
            return f"{answer}."
        left_value, right_value = compared
        left = describe_side(plan.left)
        right = describe_side(plan.right) if isinstance(plan.right, Plan) else fmt(plan.right)
        relation = {
            "eq": "equals",
            "ne": "differs from",
            "lt": "is below",
            "le": "is at most",
            "gt": "is above",
            "ge": "is at least",
        }[plan.compare_op or "eq"]
        shown_right = f"{right} ({fmt(right_value)})" if isinstance(plan.right, Plan) else right
        negated = {"equals": "does not equal", "differs from": "does not differ from"}
        verdict = (
            relation if value else negated.get(relation, relation.replace("is ", "is not ", 1))
        )
        return f"{answer}: {left} ({fmt(left_value)}) {verdict} {shown_right}."
    if operation == "distinct":
        column = plan.select[0]
        if not value:
            return f"No values of {column}{scope}."
        shown = fmt_list(value, show=label)
        return f"{len(value):,} distinct value{'s' if len(value) != 1 else ''} of {column}{scope}: {shown}."
    if (
        operation == "statistic"
        and plan.statistic
        and plan.statistic.kind == "correlation"
        and table is None
    ):
        a, b = plan.statistic.columns
        if value is None:
            return f"There is no correlation between {a} and {b} (too few values)."
        strength = "strong" if abs(value) >= 0.7 else "moderate" if abs(value) >= 0.4 else "weak"
        direction = "positive" if value > 0 else "negative"
        return f"The correlation between {a} and {b} is {value:.3f} ({strength} {direction})."
    if operation == "statistic" and plan.statistic and plan.statistic.kind in NAMED_STATISTICS:
        return _summarize_named(plan, value, table, scope)
    if table is None:
        return f"The answer is {fmt(value)}."
    return _summarize_table(plan, value, table, scope)


NAMED_STATISTICS = {"skew", "kurtosis", "normality", "regression", "correlation_test"}
_NAMED = {
    "skew": "skewness",
    "kurtosis": "excess kurtosis",
    "normality": "Shapiro–Wilk normality p-value",
}


def _number(value: Any) -> str:
    """A statistic to 4 significant digits, or as a small number in full notation."""
    if value is None:
        return "no value"
    return f"{value:.4g}" if abs(value) >= 1e-4 or value == 0 else f"{value:.3e}"


def _summarize_named(plan: Plan, value: Any, table: pd.DataFrame | None, scope: str) -> str:
    statistic = plan.statistic
    assert statistic is not None
    kind, columns = statistic.kind, statistic.columns
    if kind in _NAMED:
        sentence = f"The {_NAMED[kind]} of {columns[0]}{scope} is {_number(value)}"
        if kind == "normality" and value is not None:
            verdict = "unlikely" if value < 0.05 else "plausible"
            sentence += f" (a normal distribution is {verdict} at the 5% level)"
        return sentence + "."
    x, y = columns
    if kind == "regression" and statistic.at is not None:
        return f"The regression of {y} on {x}{scope} predicts {fmt(value)} at {x} = {fmt(statistic.at)}."
    if table is None or table.empty or not isinstance(value, pd.DataFrame):
        return f"The answer is {fmt(value)}."
    row = table.iloc[0]
    if kind == "regression":
        return (
            f"Regression of {y} on {x}{scope}: slope {_number(row['slope'])}, intercept "
            f"{_number(row['intercept'])}, r² {_number(row['r_squared'])}, p-value "
            f"{_number(row['p_value'])} ({int(row['n']):,} rows)."
        )
    method = statistic.method or "pearson"
    return (
        f"The {method} correlation of {x} and {y}{scope} is {_number(row['r'])} with p-value "
        f"{_number(row['p_value'])} ({int(row['n']):,} rows)."
    )


def _summarize_calc(plan: Plan, value: Any, compared: tuple[Any, Any] | None) -> str:
    if plan.left is None or compared is None:
        return f"The answer is {fmt(value)}."
    left = describe_side(plan.left)
    right = describe_side(plan.right) if isinstance(plan.right, Plan) else fmt(plan.right)
    left_value, right_value = compared
    a = f"{left} ({fmt(left_value)})"
    b = f"{right} ({fmt(right_value)})" if isinstance(plan.right, Plan) else right
    higher, lower = (a, b) if left_value >= right_value else (b, a)
    sentence = {
        "difference": f"{a} minus {b} is {fmt(value)}",
        "absolute_difference": f"{higher} is {fmt(value)} more than {lower}"
        if value
        else f"{a} and {b} are equal",
        "ratio": f"The ratio of {a} to {b} is {fmt(value)}",
        "percent": f"{a} is {fmt(value)}% of {b}",
        "percent_change": f"From {a} to {b} the change is {'+' if value > 0 else ''}{fmt(value)}%",
        "sum": f"{a} plus {b} is {fmt(value)}",
        "product": f"{a} times {b} is {fmt(value)}",
    }[plan.calc or "difference"]
    return sentence[0].upper() + sentence[1:] + "."


def _summarize_table(plan: Plan, value: Any, table: pd.DataFrame, scope: str) -> str:
    rows = len(table)
    if plan.answer_column and not isinstance(value, list):
        if plan.offset and plan.sort:
            sort_key = plan.sort[0]
            extreme = "largest" if sort_key.descending else "smallest"
            rank = f"{ordinal(plan.offset + 1)} {extreme} {sort_key.column}"
            return f"The answer is {fmt(value)}{scope} (the {rank})."
        return f"The answer is {fmt(value)}{scope}."
    if isinstance(value, list):
        if not value:
            return f"No values{scope}."
        return f"{len(value):,} value{'s' if len(value) != 1 else ''}{scope}: {fmt_list(value)}."
    if plan.operation == "aggregate" and plan.group_by and plan.aggregates:
        having = describe_filter(plan.having)
        scope += f", groups with {having}" if having else ""
        key = plan.group_by[0].output_name
        measure = plan.aggregates[0].output_name
        if rows == 0:
            return f"No groups{scope}."
        what = describe_aggregate(plan.aggregates[0])
        if (plan.limit or plan.offset) and plan.sort:
            # only some groups are here: name them in order, claim nothing about the rest
            shown = ", ".join(
                f"{label(row[key])} ({fmt(row[measure])})" for _, row in table.head(8).iterrows()
            )
            more = ", …" if rows > 8 else ""
            return (
                f"{what.capitalize()} by {key}{scope}, {rows:,} group{'s' if rows != 1 else ''} "
                f"shown in order: {shown}{more}."
            )
        ordered = table.sort_values(measure, ascending=False, kind="stable")
        top, bottom = ordered.iloc[0], ordered.iloc[-1]
        sentence = f"{what.capitalize()} by {key}{scope}: highest for {label(top[key])} ({fmt(top[measure])})"
        if rows > 1:
            sentence += f", lowest for {label(bottom[key])} ({fmt(bottom[measure])})"
        return sentence + f"; {rows:,} group{'s' if rows != 1 else ''}."
    if plan.operation == "statistic" and plan.statistic:
        kind = plan.statistic.kind
        if kind == "missing":
            with_gaps = table[table["missing"] > 0]
            if with_gaps.empty:
                return "No column has missing values."
            # the first row with the most gaps (as idxmax), taken by position
            worst = with_gaps.iloc[int(with_gaps["missing"].to_numpy().argmax())]
            return (
                f"{len(with_gaps)} of {len(table)} columns have missing values; the most in {worst.name} "
                f"({fmt(int(worst['missing']))}, {fmt(float(worst['percent']))}%)."
            )
        if kind == "outliers":
            return f"{rows:,} outlier row{'s' if rows != 1 else ''} in {plan.statistic.columns[0]}{scope}."
        if kind == "describe":
            return f"Summary statistics of {table.shape[1]} column{'s' if table.shape[1] != 1 else ''}."
        return f"Correlation matrix of {table.shape[1]} numeric columns."
    if plan.operation == "pivot":
        return f"A pivot table of {rows:,} rows × {table.shape[1]:,} columns{scope}."
    return f"{rows:,} row{'s' if rows != 1 else ''}{scope}."
