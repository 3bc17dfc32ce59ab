"""Background loads and the cells after them, in a real InteractiveShell on a running event loop.

A kernel runs every cell on its asyncio loop; ``asyncio.run`` around ``run_cell`` gives
the shell the same situation, so ``%csv load`` starts a real background task and the
next cell runs while the load is still going.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from IPython.core.error import UsageError
from IPython.core.interactiveshell import InteractiveShell

from csvagent_jupyter.jupyter import state
from csvagent_jupyter.sample_data import mixed_frame, sales_frame, write_csv

from .conftest import DATA
from .test_jupyter import run


@pytest.fixture
def big_csv(tmp_path: Path) -> Path:
    return write_csv(mixed_frame(200_000, 10, seed=3), tmp_path / "big.csv")


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    return write_csv(sales_frame(), tmp_path / "sales.csv")


def in_loop(scenario: Any) -> Any:
    """Run ``scenario()`` (which runs cells) on a running event loop, as a kernel does."""

    async def main() -> Any:
        return scenario()

    return asyncio.run(main())


def test_a_question_after_a_background_load_waits_for_that_file(
    ip: InteractiveShell, sales_csv: Path, big_csv: Path
) -> None:
    def scenario() -> Any:
        run(ip, f"%csv load {sales_csv} --wait")
        assert run(ip, f"%csv load {big_csv}") is None  # returns at once, with its bar
        load = state.get_loads().intended
        assert load is not None and load.loading
        answer = run(ip, "%%ask\nhow many rows are there?")
        assert load.bar.bar.value == 1.0 and load.bar.bar.bar_style == "success"
        return answer

    answer = in_loop(scenario)
    assert answer.value == 200_000  # big.csv, not sales.csv (240 rows)
    assert state.get_agent().file().name == "big.csv"


def test_dash_f_waits_for_a_file_that_is_still_loading(
    ip: InteractiveShell, sales_csv: Path, big_csv: Path
) -> None:
    def scenario() -> Any:
        run(ip, f"%csv load {big_csv}")
        run(ip, f"%csv load {sales_csv} --wait")  # the user chose sales.csv since
        by_name = run(ip, "%%ask -f big.csv\nhow many rows are there?")
        default = run(ip, "%%ask\nhow many rows are there?")
        return by_name, default

    by_name, default = in_loop(scenario)
    assert by_name.value == 200_000
    assert default.value == 240  # big.csv finishing later did not take over


@pytest.mark.parametrize(
    ("source", "message"),
    [(DATA / "empty.csv", "is empty"), (Path("/nowhere/missing.csv"), "no such file")],
)
def test_a_failed_background_load_shows_on_its_bar_and_stops_the_next_cell(
    ip: InteractiveShell, sales_csv: Path, source: Path, message: str
) -> None:
    def scenario() -> Any:
        run(ip, f"%csv load {sales_csv} --wait")
        run(ip, f"%csv load {source}")
        load = state.get_loads().intended
        with pytest.raises(UsageError, match=message):
            run(ip, "%%ask\nhow many rows are there?")
        with pytest.raises(UsageError, match=message):
            run(ip, "%csv info")  # every cell that depends on it, until the user chooses
        files = run(ip, "%csv files").set_index("name")
        assert files.loc[source.name, "status"] == "FAILED"
        assert files.loc[source.name, "in use"] == "●" and files.loc["sales.csv", "in use"] == ""
        return load

    load = in_loop(scenario)
    assert load.bar.bar.bar_style == "danger" and load.bar.bar.value == 1.0
    assert "color:#b00020" in load.bar.label.value
    assert load.bar.text.count(source.name) == 1, load.bar.text  # the file name once
    run(ip, "%csv use sales.csv")
    assert run(ip, "%ask how many rows are there?").value == 240


def test_a_bar_label_names_the_file_once_and_wraps(ip: InteractiveShell, sales_csv: Path) -> None:
    def scenario() -> Any:
        run(ip, f"%csv load {DATA / 'ragged.csv'}")
        load = state.get_loads().intended
        with pytest.raises(UsageError, match="more fields than"):
            run(ip, "%ask how many rows")
        return load

    load = in_loop(scenario)
    assert load.bar.text.startswith("ragged.csv") and load.bar.text.count("ragged.csv:") == 1
    assert "white-space:normal" in load.bar.label.value  # wraps instead of cutting
