"""What ``%csv`` and ``%ask`` show in a real InteractiveShell: text, tables, numbers, settings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell

from csvagent_jupyter.analysis.result import Result
from csvagent_jupyter.jupyter import state
from csvagent_jupyter.sample_data import sales_frame, write_csv

from .conftest import DATA
from .test_jupyter import run


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    return write_csv(sales_frame(), tmp_path / "sales.csv")


def shown(ip: InteractiveShell, code: str, capsys: pytest.CaptureFixture[str]) -> str:
    """What the cell displays as its Out[] text."""
    capsys.readouterr()
    result = ip.run_cell(code)
    assert result.success, result.error_in_exec or result.error_before_exec
    return capsys.readouterr().out


def test_help_model_status_use_and_session_show_plain_text(
    ip: InteractiveShell, sales_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = shown(ip, "%csv help", capsys)
    assert "%csv subcommands:\n  load PATH" in text and "\\n" not in text
    assert "Questions are planned by: offline" in shown(ip, "%csv model", capsys)
    assert "'" not in shown(ip, "%csv model", capsys)  # not a quoted string
    assert "No job yet." in shown(ip, "%csv status", capsys)
    assert "'" not in shown(ip, "%csv status", capsys)
    run(ip, f"%csv load {sales_csv} --wait")
    used = shown(ip, "%csv use sales.csv", capsys)
    assert "Questions now go to sales.csv (240 rows)." in used and "FileInfo" not in used
    session = shown(ip, "%csv session new", capsys)
    assert session.strip().endswith("(0 questions).") and "SessionInfo(" not in session
    assert len(session.strip().splitlines()) == 1


def test_files_marks_the_file_in_use_failed_loads_and_counts_rows_as_integers(
    ip: InteractiveShell, sales_csv: Path, tmp_path: Path
) -> None:
    other = write_csv(sales_frame(rows=50, seed=3), tmp_path / "small.csv")
    run(ip, f"%csv load {sales_csv} --wait")
    with pytest.raises(UsageError):
        run(ip, f"%csv load {DATA / 'ragged.csv'} --wait")
    run(ip, f"%csv load {other} --wait")
    run(ip, "%csv use sales.csv")
    files = run(ip, "%csv files")
    assert files["name"].tolist() == ["small.csv", "sales.csv", "ragged.csv"]  # failed last
    assert str(files["rows"].dtype) == "Int64" and files["rows"].tolist()[:2] == [50, 240]
    assert files.set_index("name").loc["sales.csv", "in use"] == "●"
    assert files.set_index("name").loc["small.csv", "in use"] == ""
    assert files.set_index("name").loc["ragged.csv", "status"] == "FAILED"
    assert "more fields" in files.set_index("name").loc["ragged.csv", "error"]
    assert "240" in files.to_string() and "240.0" not in files.to_string()


def test_drop_removes_a_file_and_its_cache(ip: InteractiveShell, sales_csv: Path) -> None:
    info = run(ip, f"%csv load {sales_csv} --wait")
    agent = state.get_agent()
    agent.cache.wait(info.content_hash)
    cache = agent.cache.path_for(info.content_hash)
    assert cache.exists()
    run(ip, "%ask how many orders are there")
    assert "Dropped sales.csv" in run(ip, "%csv drop sales.csv")
    assert not cache.exists()
    assert "No file is loaded yet" in run(ip, "%csv files")
    with pytest.raises(UsageError, match=r"No file is called 'sales\.csv'"):
        run(ip, "%csv drop sales.csv")
    assert len(run(ip, "%csv history")) == 1  # the questions stay in the log
    assert run(ip, f"%csv load {sales_csv} --wait").rows == 240  # and it can come back


def test_history_has_a_file_column_and_replay_takes_an_id_prefix(
    ip: InteractiveShell, sales_csv: Path, tmp_path: Path
) -> None:
    other = write_csv(sales_frame(rows=50, seed=3), tmp_path / "small.csv")
    run(ip, f"%csv load {sales_csv} --wait")
    first = run(ip, "%ask average revenue by region")
    run(ip, f"%csv load {other} --wait")
    run(ip, "%ask how many orders are there")
    history = run(ip, "%csv history")
    assert history["file"].tolist() == ["sales.csv", "small.csv"]
    replayed = run(ip, f"%csv replay {first.query_id[:8]}")
    pd.testing.assert_frame_equal(replayed.value, first.value)
    with pytest.raises(UsageError, match=r"no query 'zzz'; %csv history lists them"):
        run(ip, "%csv replay zzz")
    with pytest.raises(UsageError, match="more than one query"):
        run(ip, "%csv replay ''")


def test_ask_with_a_trailing_question_mark_reaches_the_magic(
    ip: InteractiveShell, sales_csv: Path
) -> None:
    run(ip, f"%csv load {sales_csv} --wait")
    assert run(ip, "%ask how many orders are there?").value == 240
    run(ip, "answer = %ask how many orders are there?")
    assert ip.user_ns["answer"].value == 240
    run(ip, "%ask -o units how many orders have more than 15 units?")
    assert ip.user_ns["units"] == int((sales_frame()["units"] > 15).sum())
    run(ip, "x = 1 if True else 2  # a normal line ending in ? stays Python?")
    assert ip.user_ns["x"] == 1


def test_autolimit_sets_the_rows_shown_and_config_shows_values_in_effect(
    ip: InteractiveShell, sales_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(ip, f"%csv load {sales_csv} --wait")
    run(ip, "%config CSVAgent.autolimit = 5")
    result = run(ip, "%ask total revenue by month")
    html = result._repr_mimebundle_()[0]["text/html"]
    assert html.count("<tr>") == 5 and "5 of " in html  # the header row is <tr style=...>
    assert len(result.value) > 5  # the value keeps them all
    run(ip, "%config CSVAgent.autolimit = 20")
    text = shown(ip, "%config CSVAgent", capsys)
    data_dir = str(state.get_agent().settings.data_dir)
    assert f"Current: {data_dir!r}" in text and "Current: 'offline'" in text


def test_numbers_in_tables_have_separators_and_sensible_precision() -> None:
    table = pd.DataFrame(
        {
            "region": ["East", "West", "North"],
            "total": [6_353_603_575.8812, 12.5, np.nan],
            "orders": pd.array([1_500_001, 3, None], dtype="Int64"),
            "year": [2023, 2024, 2025],
            "share": [0.01234, 0.5, 0.25],
        }
    )
    result = Result(kind="table", value=table, summary="Totals")
    html = result._repr_mimebundle_()[0]["text/html"]
    text = repr(result)
    for shown_text in (html, text):
        assert "6,353,603,575.88" in shown_text and "e+09" not in shown_text
        assert "1,500,001" in shown_text and "12.50" in shown_text
        assert "2024" in shown_text and "2,024" not in shown_text  # years are not quantities
        assert "0.012" in shown_text and "0.500" in shown_text
    assert result.value is table and table["total"].iloc[0] == 6_353_603_575.8812


@pytest.mark.parametrize("kind", ["bar", "barh", "line", "pie", "scatter", "hist", "box"])
@pytest.mark.parametrize("dtype", ["Float64", "Int64"])
def test_charts_draw_results_with_missing_values(kind: str, dtype: str) -> None:
    from csvagent_jupyter.analysis.charts import draw_chart, figure_png
    from csvagent_jupyter.analysis.plan import ChartSpec

    table = pd.DataFrame(
        {
            "region": pd.array(["East", "West", None, "North"], dtype="string"),
            "total": pd.array([1, None, 3, 4], dtype=dtype),
            "other": pd.array([2, 5, None, 1], dtype=dtype),
        }
    )
    spec = ChartSpec(kind=kind, x="total", y="other") if kind == "scatter" else ChartSpec(kind=kind)
    figure, code = draw_chart(table, spec)
    assert figure_png(figure).startswith(b"\x89PNG") and code[-1] == "plt.show()"


def test_a_chart_of_a_result_with_missing_values(ip: InteractiveShell, tmp_path: Path) -> None:
    frame = sales_frame()
    frame["revenue"] = frame["revenue"].astype("Float64")
    frame.loc[frame["region"] == "East", "revenue"] = pd.NA
    path = tmp_path / "gaps.csv"
    frame.to_csv(path, index=False)
    run(ip, f"%csv load {path} --wait")
    chart = run(ip, "%%ask --chart\naverage revenue by region")
    assert chart.kind == "chart" and chart.figure is not None


def test_an_internal_error_shows_one_line_without_a_traceback(
    ip: InteractiveShell,
    sales_csv: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(ip, f"%csv load {sales_csv} --wait")

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("float() argument must be a string or a real number, not 'NAType'")

    monkeypatch.setattr(type(state.get_agent()), "ask", broken)
    result = ip.run_cell("%ask how many orders are there")
    assert not result.success
    out = capsys.readouterr()
    assert "Internal error (TypeError" in out.err and "Traceback" not in out.err + out.out
    run(ip, "%config CSVAgent.show_traceback = True")
    with pytest.raises(TypeError):
        run(ip, "%ask how many orders are there")
