"""Plans keep working across versions, and the Plan reader accepts what models write.

``data/plans/v1_query_log.json`` holds plans exactly as the query log stored them
before version 2 (saved by that code, with their answers). Each is read back,
migrated, run, and must give the answer it gave then.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from csvagent_jupyter.analysis.plan import PLAN_VERSION, FilterGroup, Plan, read_plan
from csvagent_jupyter.analysis.result import jsonable
from csvagent_jupyter.analysis.run import run_plan
from csvagent_jupyter.errors import PlanError

from .conftest import DATA
from .test_analysis import check_generated_code, load_sales

SAVED = json.loads((DATA / "plans" / "v1_query_log.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory):
    yield from load_sales(tmp_path_factory.mktemp("versions"))


def _same(actual: Any, expected: Any) -> bool:
    if isinstance(expected, float) and isinstance(actual, float):
        return actual == pytest.approx(expected, rel=1e-12)
    if isinstance(expected, list) and isinstance(actual, list) and len(actual) == len(expected):
        return all(_same(a, b) for a, b in zip(actual, expected, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict) and actual.keys() == expected.keys():
        return all(_same(actual[k], expected[k]) for k in expected)
    return actual == expected


@pytest.mark.parametrize("record", SAVED, ids=[r["name"] for r in SAVED])
def test_version_1_plans_replay_with_the_same_answer(loaded, record: dict[str, Any]) -> None:
    assert "version" not in record["plan"]  # saved before versions existed
    plan = read_plan(record["plan"])
    assert plan.version == PLAN_VERSION
    _, info, frame = loaded
    result = run_plan(plan, frame, info.profile, info.path)
    check_generated_code(result)
    assert result.kind == record["kind"] or (record["kind"], result.kind) == ("scalar", "list")
    assert _same(jsonable(result.value), record["value"]), record["name"]


def test_version_1_fields_that_were_ignored_are_dropped_on_read_but_rejected_when_new(
    loaded,
) -> None:
    [record] = [r for r in SAVED if r["name"] == "v1 ignored aggregates on a statistic"]
    assert read_plan(record["plan"]).aggregates == []
    _, info, frame = loaded
    fresh = Plan.model_validate(record["plan"])  # written now, not read from storage
    with pytest.raises(PlanError, match="`aggregates` has no effect on operation 'statistic'"):
        run_plan(fresh, frame, info.profile, info.path)


def test_stored_v2_plan_round_trips_and_unknown_versions_are_refused() -> None:
    plan = Plan(operation="rows", offset=2, limit=1)
    stored = plan.model_dump(mode="json")
    assert stored["version"] == PLAN_VERSION
    assert read_plan(stored) == plan
    assert read_plan(plan.model_dump_json()) == plan
    with pytest.raises(ValueError, match="Unknown Plan version 99"):
        read_plan({**stored, "version": 99})


def test_replay_of_a_version_1_query_log_row(tmp_path: Path) -> None:
    """The real path: a v1 plan in the SQLite query log, replayed by Agent.replay."""
    from csvagent_jupyter import Agent
    from csvagent_jupyter.sample_data import sales_frame, write_csv

    [record] = [r for r in SAVED if r["name"] == "v1 ignored list answer on a table"]
    with Agent(data_dir=tmp_path / "agent") as agent:
        agent.load(write_csv(sales_frame(), tmp_path / "sales.csv"))
        first = agent.run(Plan(operation="rows", limit=1))
        agent.store.update_query(first.query_id, plan=record["plan"])
        replayed = agent.replay(first.query_id)
    assert replayed.ok and replayed.kind == "table"
    assert replayed.value.columns.tolist() == ["order_id", "region"]


# -- what models write ---------------------------------------------------------------------------
def test_filters_as_a_list_mean_and() -> None:
    plan = Plan.model_validate(
        {
            "operation": "rows",
            "filters": [{"column": "a", "op": "eq", "value": 1}, {"column": "b", "op": "is_null"}],
            "having": [],
        }
    )
    assert isinstance(plan.filters, FilterGroup) and plan.filters.combine == "and"
    assert len(plan.filters.items) == 2 and plan.having is None


def test_the_submit_plan_wrapper_is_accepted() -> None:
    inner = {"operation": "aggregate", "aggregates": [{"func": "count"}]}
    assert Plan.model_validate({"plan": inner}) == Plan.model_validate(inner)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {
                "operation": "statistic",
                "statistic": {"kind": "missing"},
                "aggregates": [{"func": "count"}],
            },
            "`aggregates` has no effect on operation 'statistic'",
        ),
        (
            {"operation": "rows", "select": ["region", "units"], "answer": "list"},
            "answer='list' lists the values of a one-column result",
        ),
        (
            {"operation": "aggregate", "aggregates": [{"func": "count"}], "answer": "list"},
            "answer='list'",
        ),
        (
            {
                "operation": "any",
                "condition": {"column": "units", "op": "gt", "value": 1},
                "limit": 3,
            },
            "`limit` has no effect on operation 'any'",
        ),
        (
            {
                "operation": "compare",
                "left": {"operation": "aggregate", "aggregates": [{"func": "count"}]},
                "compare_op": "gt",
                "right": 1,
                "calc": "ratio",
            },
            "`calc` has no effect on operation 'compare'",
        ),
    ],
)
def test_fields_an_operation_ignores_are_rejected(loaded, fields: dict, message: str) -> None:
    _, info, frame = loaded
    with pytest.raises(PlanError, match=message):
        run_plan(Plan.model_validate(fields), frame, info.profile, info.path)


def test_unused_fields_of_derives_and_aggregates_are_rejected_and_migrated(loaded) -> None:
    _, info, frame = loaded
    derive = {"name": "y", "kind": "date_part", "column": "order_date", "part": "year", "bins": 3}
    plan = {
        "operation": "aggregate",
        "derive": [derive],
        "aggregates": [{"func": "max", "column": "y", "percentile": 90}],
    }
    with pytest.raises(PlanError, match="`bins` has no effect on date_part"):
        run_plan(Plan.model_validate(plan), frame, info.profile, info.path)
    without_bins = {**plan, "derive": [{k: v for k, v in derive.items() if k != "bins"}]}
    with pytest.raises(PlanError, match="`percentile` has no effect on aggregate 'max'"):
        run_plan(Plan.model_validate(without_bins), frame, info.profile, info.path)
    stored = read_plan(plan)  # as v1 stored it: v1 ignored both, so reading drops them
    assert stored.derive[0].bins is None and stored.aggregates[0].percentile is None
    result = run_plan(stored, frame, info.profile, info.path)
    assert result.value == int(frame["order_date"].dt.year.max())


def test_a_logged_tables_missing_cells_are_null_whatever_their_type() -> None:
    """The query log stores a table as JSON: a missing cell is null in every column type
    (a float NaN, pandas' NA of nullable numbers, text and booleans, a missing category or
    time), never the text "nan", "<NA>" or "NaT"."""
    table = pd.DataFrame(
        {
            "group": pd.Categorical(["a", None]),
            "share": [0.5, np.nan],
            "count": pd.array([3, None], dtype="Int64"),
            "when": pd.to_datetime(["2024-01-01", None]),
            "label": pd.array(["x", None], dtype="string"),
            "flag": pd.array([True, None], dtype="boolean"),
        }
    ).set_index("group")
    logged = jsonable(table)
    assert logged["columns"] == ["group", "share", "count", "when", "label", "flag"]
    assert logged["rows"] == [
        ["a", 0.5, 3, "2024-01-01 00:00:00", "x", True],
        [None, None, None, None, None, None],
    ]
    assert json.loads(json.dumps(logged)) == logged
