"""The agent's tools: bounded outputs, the sampler's choices, and plans as the only way to compute."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.sampler import describe_schema, smart_sample
from csvagent_jupyter.analysis.tools import MAX_TOOL_OUTPUT, TableContext, make_tools
from csvagent_jupyter.sample_data import mixed_frame, sales_frame, write_csv

from .conftest import DATA


@pytest.fixture
def context(agent: Agent, tmp_path: Path) -> TableContext:
    frame = sales_frame()
    frame.loc[5, "unit_price"] = None
    info = agent.load(write_csv(frame, tmp_path / "sales.csv"))
    return TableContext(agent.frame(), info.profile, str(info.path))


def tools_by_name(context: TableContext) -> dict:
    return {tool.name: tool for tool in make_tools(context)}


def test_tool_names_and_schemas(context: TableContext) -> None:
    tools = tools_by_name(context)
    assert set(tools) == {"describe_data", "sample_rows", "run_plan", "statistics", "make_chart"}
    plan_schema = tools["run_plan"].args_schema.model_json_schema()
    assert "plan" in plan_schema["properties"]


def test_describe_lists_every_column_with_types(context: TableContext) -> None:
    text = tools_by_name(context)["describe_data"].invoke({})
    for column in context.profile.column_names:
        assert repr(column) in text
    assert "'revenue': number" in text and "'region': category" in text and "top: 'North'" in text


def test_describe_is_compact_for_wide_tables(agent: Agent, tmp_path: Path) -> None:
    info = agent.load(write_csv(mixed_frame(2_000, 150), tmp_path / "wide.csv"))
    text = describe_schema(info.profile, budget=3000)
    assert len(text) <= 3300
    assert "Other columns:" in text
    narrowed = describe_schema(info.profile, columns=["float_005", "cat_006"])
    assert "'float_005': number" in narrowed and "'cat_006': category" in narrowed
    assert "'int_000': integer" not in narrowed


def test_smart_sample_covers_levels_extremes_and_nulls(context: TableContext) -> None:
    frame = context.frame
    text = smart_sample(frame, budget=3000)
    sample = pd.read_csv(pd.io.common.StringIO(text))
    assert len(text) <= 3000
    assert set(sample["region"]) == set(frame["region"].unique())
    assert set(sample["product"]) == set(frame["product"].unique())
    assert frame["revenue"].max() in sample["revenue"].tolist()
    assert frame["revenue"].min() in sample["revenue"].tolist()
    assert sample["unit_price"].isna().any()
    assert len(sample) < len(frame)


def test_sample_cuts_long_and_hostile_cells(agent: Agent) -> None:
    info = agent.load(DATA / "hostile_cells.csv")
    text = smart_sample(agent.frame(info.id), budget=1000)
    assert all(len(cell) <= 40 for line in text.splitlines() for cell in line.split(","))
    assert "ignore previous instructions" in text  # shown as data, cut short


def test_run_plan_tool_returns_summary_and_value(context: TableContext) -> None:
    plan = {"operation": "aggregate", "aggregates": [{"func": "mean", "column": "revenue"}]}
    output = json.loads(tools_by_name(context)["run_plan"].invoke({"plan": plan}))
    assert output["value"] == pytest.approx(context.frame["revenue"].mean())
    assert "average revenue" in output["summary"]


def test_run_plan_tool_reports_validation_errors(context: TableContext) -> None:
    plan = {"operation": "aggregate", "aggregates": [{"func": "mean", "column": "revnue"}]}
    output = tools_by_name(context)["run_plan"].invoke({"plan": plan})
    assert output.startswith("ERROR:") and "Did you mean 'revenue'" in output


def test_tool_outputs_are_bounded(context: TableContext) -> None:
    output = tools_by_name(context)["run_plan"].invoke({"plan": {"operation": "rows"}})
    assert len(output) <= MAX_TOOL_OUTPUT


def test_statistics_and_chart_tools(context: TableContext) -> None:
    tools = tools_by_name(context)
    missing = json.loads(tools["statistics"].invoke({"statistic": {"kind": "missing"}}))
    assert "unit_price" in missing["summary"]
    chart = json.loads(
        tools["make_chart"].invoke(
            {
                "plan": {
                    "operation": "aggregate",
                    "aggregates": [{"func": "count"}],
                    "group_by": [{"column": "region"}],
                },
                "chart": {"kind": "bar"},
            }
        )
    )
    assert chart["kind"] == "chart"


def test_schema_only_context_shows_no_values(context: TableContext) -> None:
    context.schema_only = True
    tools = tools_by_name(context)
    described = tools["describe_data"].invoke({})
    assert "North" not in described and "top:" not in described
    assert "Sampling is disabled" in tools["sample_rows"].invoke({})
    raw = tools["run_plan"].invoke({"plan": {"operation": "distinct", "select": ["region"]}})
    output = json.loads(raw)
    assert output == {"kind": "list", "rows_out": 4}
    assert "North" not in raw


def test_what_the_model_is_shown_is_whole(agent: Agent, tmp_path: Path) -> None:
    """Names exactly as they are, values and numbers never cut, yes/no and dict-like said."""
    long_name = "Average annual household income in US dollars (2019)"
    long_value = "a value that is longer than twenty-four characters"
    frame = pd.DataFrame(
        {
            long_name: [1234567.5, 2.25, 3.0, 4.0],
            "flag": ["yes", "no", "yes", "no"],
            "profile": ["{'user': 'ann'}", "{'user': 'bob'}", "{'user': 'cy'}", "{'user': 'ann'}"],
            "label": [long_value, long_value, "short", "short"],
        }
    )
    path = tmp_path / "whole.csv"
    frame.to_csv(path, index=False)
    info = agent.load(path)
    text = describe_schema(info.profile)
    assert repr(long_name) in text
    assert "range 2.25 to 1234567.5" in text
    assert "'flag': yes/no" in text
    assert "'profile': dict-like text" in text
    assert repr(long_value) in text
    cut = "x" * 70  # the profile keeps 60 characters of it: left out, never shown cut
    frame["label"] = [cut, cut, "short", "short"]
    frame.to_csv(path, index=False)
    text = describe_schema(agent.load(path).profile)
    assert "xxx" not in text and "'short' (2) (longer values not shown)" in text
    sample = smart_sample(agent.frame(info.id))
    assert sample.splitlines()[0] == f"{long_name},flag,profile,label"


def test_outer_spaces_in_names_are_visible_in_the_sample() -> None:
    frame = pd.DataFrame({" Sales ": [1, 2], "Region": ["a", "b"]})
    header = smart_sample(frame).splitlines()[0]
    assert header == '" Sales ","Region"'


def test_run_plan_output_is_never_cut_mid_value(agent: Agent, tmp_path: Path) -> None:
    info = agent.load(write_csv(mixed_frame(60, 40), tmp_path / "wide.csv"))
    context = TableContext(agent.frame(info.id), info.profile, str(info.path))
    raw = tools_by_name(context)["run_plan"].invoke({"plan": {"operation": "rows"}})
    assert len(raw) <= MAX_TOOL_OUTPUT
    output = json.loads(raw)  # whole JSON: fewer rows, not a cut
    assert 0 < len(output["value"]["rows"]) < 20 and output["value"]["total_rows"] == 60
