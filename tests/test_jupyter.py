"""The IPython extension in a real InteractiveShell: magics, %config, errors, and the panel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell

from csvagent_jupyter.analysis.result import Result
from csvagent_jupyter.jupyter import state
from csvagent_jupyter.jupyter.panel import CSVPanel
from csvagent_jupyter.sample_data import sales_frame, write_csv

from .conftest import DATA


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    return write_csv(sales_frame(), tmp_path / "sales.csv")


def run(ip: InteractiveShell, code: str) -> Any:
    """Run a cell; return its value, or raise what it raised (errors must fail the cell)."""
    result = ip.run_cell(code)
    if result.error_before_exec or result.error_in_exec:
        raise result.error_in_exec or result.error_before_exec
    return result.result


def test_extension_registers_and_unregisters(ip: InteractiveShell) -> None:
    assert "ask" in ip.magics_manager.magics["cell"] and "ask" in ip.magics_manager.magics["line"]
    assert "csv" in ip.magics_manager.magics["line"]
    assert any(type(c).__name__ == "CSVAgent" for c in ip.configurables)
    ip.run_line_magic("unload_ext", "csvagent_jupyter")
    assert (
        "csv" not in ip.magics_manager.magics["line"]
        and "ask" not in ip.magics_manager.magics["cell"]
    )
    assert not any(type(c).__name__ == "CSVAgent" for c in ip.configurables)
    ip.run_line_magic("load_ext", "csvagent_jupyter")


def test_loading_the_extension_stays_light() -> None:
    code = (
        "import sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "ip = InteractiveShell.instance(); ip.run_line_magic('load_ext', 'csvagent_jupyter')\n"
        "print([m for m in ('langchain', 'langchain_openai', 'matplotlib', 'pandas', 'sqlalchemy') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_load_files_info_and_ask(ip: InteractiveShell, sales_csv: Path) -> None:
    info = run(ip, f"%csv load {sales_csv} --wait")
    assert info.rows == 240
    files = run(ip, "%csv files")
    assert isinstance(files, pd.DataFrame) and files["name"].tolist() == ["sales.csv"]
    profile = run(ip, "%csv info")
    assert "revenue" in profile["column"].tolist()
    result = run(ip, "%%ask\naverage revenue by region")
    assert isinstance(result, Result) and result.kind == "table"
    assert ip.user_ns["_"] is result
    assert run(ip, "%ask how many orders are there").value == 240  # a final "?" is IPython help


def test_ask_options(ip: InteractiveShell, sales_csv: Path, tmp_path: Path) -> None:
    run(ip, f"%csv load {sales_csv} --wait")
    other = write_csv(sales_frame(rows=50, seed=3), tmp_path / "small.csv")
    run(ip, f"%csv load {other} --wait")
    run(ip, "%%ask -o answer -f sales.csv\nhow many orders are there?")
    assert ip.user_ns["answer"] == 240
    chart = run(ip, "%%ask --chart\naverage revenue by region")
    assert chart.kind == "chart"
    table = run(ip, "%%ask --table -f sales.csv\naverage revenue by region as a bar chart")
    assert table.kind == "table" and table.figure is None
    run(ip, "%%ask --code -m offline\nhow many orders are there?")
    assert "pd.read_csv" in ip.rl_next_input
    session = run(ip, "%csv session new")
    run(ip, f"%%ask -s {session.id}\ntotal revenue by region")
    assert [h.question for h in state.get_agent().history(session=session.id)] == [
        "total revenue by region"
    ]


def test_the_cell_body_is_never_parsed_for_options(ip: InteractiveShell, sales_csv: Path) -> None:
    run(ip, f"%csv load {sales_csv} --wait")
    result = run(ip, "%%ask\nhow many orders have -o more than 15 units?")
    assert result.value == int((sales_frame()["units"] > 15).sum())
    assert "o" not in ip.user_ns


def test_errors_fail_the_cell_with_a_short_message(
    ip: InteractiveShell, sales_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from IPython.core.error import UsageError

    with pytest.raises(UsageError, match="No file is loaded"):
        run(ip, "%ask how many rows")
    run(ip, f"%csv load {sales_csv} --wait")
    result = ip.run_cell("%%ask\nplease summarise the vibes")
    assert not result.success
    shown = capsys.readouterr()
    assert "could not tell" in shown.err + shown.out
    assert "Try one of these:\n  %ask " in shown.err + shown.out
    assert "Traceback" not in shown.err + shown.out
    with pytest.raises(UsageError, match="more fields than"):
        run(ip, f"%csv load {DATA / 'ragged.csv'} --wait")
    with pytest.raises(UsageError, match="no subcommand 'frobnicate'"):
        run(ip, "%csv frobnicate")


def test_show_traceback_setting(ip: InteractiveShell) -> None:
    from csvagent_jupyter.errors import RaggedRowsError

    run(ip, "%config CSVAgent.show_traceback = True")
    with pytest.raises(RaggedRowsError):
        run(ip, f"%csv load {DATA / 'ragged.csv'} --wait")


def test_config_and_environment_set_the_same_settings(
    ip: InteractiveShell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(ip, "%csv model") == "Questions are planned by: offline"
    run(ip, "%config CSVAgent.model = 'openai:gpt-4o-mini'")
    assert run(ip, "%csv model") == "Questions are planned by: openai:gpt-4o-mini"
    run(ip, "%csv model offline")
    assert state.get_agent().model_name == "offline"
    run(ip, f"%config CSVAgent.data_dir = '{tmp_path / 'elsewhere'}'")
    assert state.get_agent().settings.data_dir == tmp_path / "elsewhere"
    monkeypatch.setenv("CSVAGENT_MAX_FILE_BYTES", "1234")
    run(ip, f"%config CSVAgent.data_dir = '{tmp_path / 'third'}'")
    assert state.get_agent().settings.max_file_bytes == 1234
    run(ip, "%config CSVAgent.max_file_bytes = 99")
    assert state.get_agent().settings.max_file_bytes == 99


def test_history_sessions_status_replay_preview_help(ip: InteractiveShell, sales_csv: Path) -> None:
    run(ip, f"%csv load {sales_csv} --wait")
    first = run(ip, "%ask average revenue by region")
    history = run(ip, "%csv history -n 5")
    assert history["question"].tolist() == ["average revenue by region"]
    assert len(run(ip, "%csv sessions")) >= 1
    status = run(ip, "%csv status")
    # the load, its exact profile (a job of its own, see loading/outline.py), the question
    assert set(status["type"]) == {"file_upload", "file_profile", "query_processing"}
    assert set(status["status"]) == {"completed"}
    replayed = run(ip, f"%csv replay {first.query_id}")
    pd.testing.assert_frame_equal(replayed.value, first.value)
    preview = run(ip, "%csv preview average revenue by region")
    assert "Question: average revenue by region" in preview.text
    assert "%csv subcommands" in run(ip, "%csv help")
    resumed = run(
        ip, f"%csv session resume {first.query_id and state.get_agent().sessions()[0].id}"
    )
    assert resumed.turns >= 1
    assert isinstance(run(ip, "%csv panel"), CSVPanel)


@pytest.fixture(params=["function", "magic"])
def entry(request: pytest.FixtureRequest, ip: InteractiveShell, sales_csv: Path) -> Any:
    """Every behaviour through both entry points: the Python API and the magics."""
    run(ip, f"%csv load {sales_csv} --wait")
    if request.param == "function":
        return lambda question: state.get_agent().ask(question)
    return lambda question: run(ip, f"%%ask\n{question}")


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("average revenue by region", "table"),
        ("how many orders are there?", "scalar"),
        ("total revenue by month as a line chart", "chart"),
    ],
)
def test_same_answers_through_both_entry_points(entry: Any, question: str, kind: str) -> None:
    assert entry(question).kind == kind
