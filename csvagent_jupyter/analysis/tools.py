"""LangChain tools over the analysis core: the only ways a model touches data.

Each tool takes a pydantic argument schema, returns bounded text, and reaches the
data only through the sampler, the validator and the executor: a model can choose
among them and fill in a Plan, never run code. Importing this module imports
langchain_core, so nothing at package import time does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd
from langchain_core.tools import StructuredTool
from pydantic import BaseModel, Field

from ..errors import CSVAgentError
from ..loading.profile import FileProfile
from .plan import ChartSpec, Plan, Statistic
from .result import jsonable
from .run import run_plan
from .sampler import describe_schema, smart_sample

MAX_TOOL_OUTPUT = 4000


@dataclass
class TableContext:
    """The table the tools work on, and what they may show of it."""

    frame: pd.DataFrame
    profile: FileProfile
    path: str | None
    schema_only: bool = False  # privacy: never show cell values


class DescribeArgs(BaseModel):
    columns: list[str] | None = Field(
        default=None, description="Only these columns (default: all)."
    )


class SampleArgs(BaseModel):
    columns: list[str] | None = Field(
        default=None, description="Only these columns (default: all)."
    )
    max_chars: int = Field(default=2000, ge=200, le=MAX_TOOL_OUTPUT)


class RunPlanArgs(BaseModel):
    plan: Plan


class StatisticArgs(BaseModel):
    statistic: Statistic


class ChartArgs(BaseModel):
    plan: Plan = Field(description="A plan whose result is a table.")
    chart: ChartSpec


def _bounded(text: str) -> str:
    return text if len(text) <= MAX_TOOL_OUTPUT else text[: MAX_TOOL_OUTPUT - 20] + "\n…(truncated)"


def _answer_text(context: TableContext, plan: Plan) -> str:
    try:
        result = run_plan(plan, context.frame, context.profile, context.path)
    except CSVAgentError as exc:
        return f"ERROR: {exc}"
    payload: dict[str, object] = {"kind": result.kind, "rows_out": result.rows_out}
    if context.schema_only:  # summaries quote values too, so neither goes out
        return _bounded(json.dumps(payload, default=str))
    payload["summary"] = result.summary
    if result.notes:
        payload["notes"] = result.notes
    # fewer rows rather than a cut: a JSON cut mid-number shows the model a wrong number
    for rows in (20, 10, 5, 2, 0):
        payload["value"] = jsonable(result.value, max_rows=rows)
        text = json.dumps(payload, default=str)
        if len(text) <= MAX_TOOL_OUTPUT:
            return text
    payload["value"] = "(too large to show; narrow the plan with select or limit)"
    return _bounded(json.dumps(payload, default=str))


def make_tools(context: TableContext) -> list[StructuredTool]:
    """The agent's tools, bound to one table."""

    def describe_data(columns: list[str] | None = None) -> str:
        return _bounded(
            describe_schema(context.profile, columns=columns, with_values=not context.schema_only)
        )

    def sample_rows(columns: list[str] | None = None, max_chars: int = 2000) -> str:
        if context.schema_only:
            return "Sampling is disabled: only the schema may be shared."
        return smart_sample(context.frame, columns=columns, budget=max_chars)

    def run_analysis_plan(plan: Plan) -> str:
        return _answer_text(context, plan)

    def compute_statistic(statistic: Statistic) -> str:
        return _answer_text(context, Plan(operation="statistic", statistic=statistic))

    def make_chart(plan: Plan, chart: ChartSpec) -> str:
        return _answer_text(context, plan.model_copy(update={"chart": chart}))

    return [
        StructuredTool.from_function(
            describe_data,
            name="describe_data",
            description="The table's schema and profile: column names, types, missing values, ranges, top values.",
            args_schema=DescribeArgs,
        ),
        StructuredTool.from_function(
            sample_rows,
            name="sample_rows",
            description="A few representative rows (every level of small categories, extremes, rows with gaps).",
            args_schema=SampleArgs,
        ),
        StructuredTool.from_function(
            run_analysis_plan,
            name="run_plan",
            description="Validate and run an analysis Plan; returns its summary and (bounded) value, or the validation error.",
            args_schema=RunPlanArgs,
        ),
        StructuredTool.from_function(
            compute_statistic,
            name="statistics",
            description="describe, missing values, outliers (IQR or z-score) or correlation of columns.",
            args_schema=StatisticArgs,
        ),
        StructuredTool.from_function(
            make_chart,
            name="make_chart",
            description="Run a plan and draw its result as a chart (bar, barh, line, scatter, hist, pie, box).",
            args_schema=ChartArgs,
        ),
    ]
