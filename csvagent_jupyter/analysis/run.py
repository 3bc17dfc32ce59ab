"""From a validated Plan to a finished Result: execute, chart, summarise, write the code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn

import pandas as pd

from ..loading.profile import FileProfile
from .charts import draw_chart
from .executor import execute
from .filtering import durations_as_clock
from .interpretation import describe
from .plan import Plan
from .result import Result, ResultKind, in_file_words
from .summary import summarize


def run_plan(
    plan: Plan, frame: pd.DataFrame, profile: FileProfile, path: Path | str | None
) -> Result:
    """Run ``plan`` on ``frame`` and return the Result (raises PlanError if it does not fit)."""
    plan = durations_as_clock(plan, frame)
    execution = execute(plan, frame, profile, path)
    value, table = execution.value, execution.table
    labels = {
        str(c["column"]): (str(c["labels"][0]), str(c["labels"][1]))
        for c in profile.conversions
        if c.get("kind") == "boolean" and c.get("labels")
    }
    code_lines = list(execution.code_lines)
    figure = None
    kind: ResultKind
    if plan.chart is not None:
        if table is None:
            raise_chart_error(plan)
        figure, chart_code = draw_chart(table, plan.chart, execution.table_variable)
        code_lines.append("")
        code_lines.extend(chart_code)
        kind = "chart"
    elif isinstance(value, pd.DataFrame):
        kind = "table"
    elif isinstance(value, list):
        kind = "list"
    else:
        kind = "scalar"
    summary = summarize(
        plan,
        in_file_words(value, labels),
        in_file_words(table, labels),
        execution.rows_in,
        compared=execution.compared,
    )
    if execution.notes:
        summary += " Note: " + " ".join(execution.notes)
    return Result(
        kind=kind,
        value=value,
        summary=summary,
        notes=list(execution.notes),
        code="\n".join(code_lines),
        plan=plan,
        figure=figure,
        table=table,
        execution_time=execution.seconds,
        rows_in=execution.rows_in,
        rows_out=execution.rows_out,
        interpretation=describe(plan),
        labels=labels,
    )


def raise_chart_error(plan: Plan) -> NoReturn:
    from ..errors import PlanError

    raise PlanError(
        f"A {plan.chart.kind if plan.chart else ''} chart needs a table of results, "
        "and this question has a single value."
    )


def answer_key(plan: Plan, frame: pd.DataFrame, profile: FileProfile) -> str | None:
    """The answer ``plan`` gives on ``frame``, as text two plans can be compared by; None when
    there is no answer worth comparing (an error, nothing matched, a missing value).

    The offline planner uses it to settle a question that reads two ways: when every close
    reading gives the same answer, the answer does not depend on the reading. Column names
    are left out (a count of flagged rows and a sum of a 0/1 flag agree), and floats are
    rounded to 9 significant digits so that summing in another order still agrees.
    """
    import json

    from ..errors import CSVAgentError
    from .result import jsonable

    try:
        execution = execute(plan.model_copy(update={"chart": None}), frame, profile)
    except (CSVAgentError, ValueError, TypeError, KeyError):
        return None
    value = execution.value
    if execution.rows_out == 0 or value is None:
        return None
    if isinstance(value, pd.DataFrame):
        value = value.reset_index(drop=True).to_numpy().tolist()
    data = jsonable(value, max_rows=1000)
    if data is None or data == [] or (isinstance(data, int | float) and data == 0):
        return None  # nothing matched (a count or sum of no rows): agreeing on it proves little
    return json.dumps(_rounded(data), sort_keys=True, default=str)


def _rounded(data: object) -> object:
    if isinstance(data, bool):
        return data
    if isinstance(data, float):
        rounded = float(f"{data:.9g}")
        return int(rounded) if rounded.is_integer() else rounded  # a count 2 and a sum 2.0
    if isinstance(data, list):
        return [_rounded(item) for item in data]
    if isinstance(data, str) and _MIDNIGHT.fullmatch(data):
        return data[:10]  # a day and the same day's midnight timestamp are one answer
    return data


_MIDNIGHT = re.compile(r"\d{4}-\d{2}-\d{2}[ T]00:00:00")
