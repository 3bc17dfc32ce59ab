"""A real IPython kernel: a background load leaves the kernel free for other cells."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from jupyter_client.manager import start_new_kernel
from sqlalchemy import create_engine, text

from csvagent_jupyter.sample_data import mixed_frame, write_csv


def execute(client, code: str, timeout: float = 120) -> dict:
    """Run code in the kernel; return the reply content and what it printed or displayed."""
    msg_id = client.execute(code)
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    assert reply["content"]["status"] == "ok", reply["content"]
    return reply["content"]


def job_status(database: Path) -> list[tuple[str, float]]:
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        rows = connection.execute(
            text("select status, progress from jobs where job_type = 'file_upload'")
        ).all()
    engine.dispose()
    return [(status, progress) for status, progress in rows]


@pytest.mark.slow
def test_other_cells_run_while_a_large_file_loads(tmp_path: Path) -> None:
    big = write_csv(mixed_frame(1_000_000, 12, seed=5), tmp_path / "big.csv")
    data_dir = tmp_path / "kernel-data"
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    try:
        execute(
            client,
            f"import os; os.environ['CSVAGENT_DATA_DIR'] = {str(data_dir)!r}\n%load_ext csvagent_jupyter",
        )
        execute(
            client, "import csvagent_jupyter; csvagent_jupyter.current_agent().files()"
        )  # warm the database
        started = time.perf_counter()
        execute(client, f"%csv load {big}")
        execute(client, "answer = sum(range(1000))")
        other_cell = time.perf_counter() - started
        # The load's job row is written by its worker thread once the file is checked, which
        # may come a moment after the next cell ran: wait for the row, not for the load.
        during = job_status(data_dir / "csvagent.sqlite3")
        deadline = time.perf_counter() + 10
        while not during and time.perf_counter() < deadline:
            time.sleep(0.01)
            during = job_status(data_dir / "csvagent.sqlite3")
        assert during and during[0][0] in ("queued", "processing"), during  # still loading
        execute(client, "await csvagent_jupyter.wait_for_jobs()")
        after = job_status(data_dir / "csvagent.sqlite3")
        assert after == [("completed", 100.0)]
        assert other_cell < 5
        execute(
            client,
            "assert answer == 499500 and csvagent_jupyter.current_agent().files()[0].rows == 1_000_000",
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def execute_any(client, code: str, timeout: float = 120) -> tuple[dict, list[dict]]:
    """Run code; return the reply content (ok or error) and the iopub messages of the cell."""
    msg_id = client.execute(code)
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    messages = []
    while True:
        message = client.get_iopub_msg(timeout=timeout)
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            break
    return reply["content"], messages


@pytest.mark.slow
def test_run_all_asks_the_file_loading_in_the_background_and_stops_at_a_failed_load(
    tmp_path: Path,
) -> None:
    big = write_csv(mixed_frame(600_000, 12, seed=8), tmp_path / "big.csv")
    small = write_csv(mixed_frame(1_000, 4, seed=9), tmp_path / "small.csv")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    try:
        execute(
            client,
            f"import os; os.environ['CSVAGENT_DATA_DIR'] = {str(tmp_path / 'data')!r}\n"
            f"%load_ext csvagent_jupyter\n%csv load {small} --wait",
        )
        # the bar shows once a cell has waited SHOW_BAR_AFTER; from the first moment here, so
        # that a fast load cannot slip under the threshold and leave nothing to see
        execute(client, "import csvagent_jupyter.jupyter.loads as loads; loads.SHOW_BAR_AFTER = 0")
        execute(client, f"%csv load {big}")  # returns at once, as in "Run All"
        reply, messages = execute_any(client, "%%ask -o rows\nhow many rows are there?")
        assert reply["status"] == "ok"
        shown = [m["content"] for m in messages if m["msg_type"] == "display_data"]
        assert any("FloatProgress" in c["data"]["text/plain"] for c in shown)  # its bar
        execute(client, "assert rows == 600_000, rows")  # big.csv, not small.csv

        execute(client, f"%csv load {empty}")
        reply, messages = execute_any(client, "%%ask\nhow many rows are there?")
        assert reply["status"] == "error"  # "Run All" stops here
        text = "".join(m["content"].get("text", "") for m in messages if m["msg_type"] == "stream")
        assert "UsageError: empty.csv is empty" in text and "Traceback" not in text
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
