"""Two kernels, one database: several processes open and write one fresh SQLite file at once,
and one of them is killed mid-load. Real processes, a real SQLite file."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from csvagent_jupyter.sample_data import mixed_frame, write_csv

from .conftest import DATA

WORKER = Path(__file__).with_name("concurrent_worker.py")
PROCESSES = 4
ROUNDS = 5


def _start(url: str, data_dir: Path, start_at: float, paths: list[Path]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), url, str(data_dir), str(start_at), *map(str, paths)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _done_ids(stdout: str) -> list[str]:
    return [line.split()[1] for line in stdout.splitlines() if line.startswith("done ")]


def _check_database(url: str, expected_ids: list[str]) -> None:
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("pragma integrity_check")).scalar_one() == "ok"
        rows = dict(connection.execute(text("select id, status from files")).all())
        assert connection.execute(text("select count(*) from csvagent_schema")).scalar_one() == 1
    engine.dispose()
    missing = [i for i in expected_ids if rows.get(i) != "completed"]
    assert not missing, f"reported done but not recorded as completed: {missing}"


@pytest.mark.timeout(300)
def test_processes_open_one_fresh_database_at_once(tmp_path: Path) -> None:
    files = [DATA / "tabs.csv", DATA / "pipes.csv", DATA / "semicolon.csv"]
    for round_number in range(ROUNDS):
        url = f"sqlite:///{tmp_path / f'round{round_number}.sqlite3'}"
        start_at = time.time() + 2.0  # after every interpreter has started and imported
        workers = [
            _start(url, tmp_path / f"data{round_number}-{n}", start_at, files)
            for n in range(PROCESSES)
        ]
        done: list[str] = []
        for worker in workers:
            stdout, stderr = worker.communicate(timeout=120)
            assert worker.returncode == 0, f"round {round_number}: a process died:\n{stderr}"
            assert stderr == "", stderr
            done += _done_ids(stdout)
        assert len(done) == PROCESSES * len(files)
        _check_database(url, done)


@pytest.mark.timeout(300)
def test_a_process_killed_mid_load_harms_no_other(tmp_path: Path) -> None:
    big = write_csv(mixed_frame(600_000, 12, seed=5), tmp_path / "big.csv")
    small = [
        DATA / "tabs.csv",
        DATA / "pipes.csv",
        DATA / "semicolon.csv",
        DATA / "messy_values.csv",
    ]
    for round_number in range(2):
        url = f"sqlite:///{tmp_path / f'kill{round_number}.sqlite3'}"
        start_at = time.time() + 2.0
        victim = _start(url, tmp_path / f"victim{round_number}", start_at, [big])
        others = [
            _start(url, tmp_path / f"other{round_number}-{n}", start_at, small * 3)
            for n in range(PROCESSES - 1)
        ]
        assert victim.stdout is not None
        for line in victim.stdout:  # wait until it is inside the load, then kill it
            if line.startswith("progress"):
                break
        time.sleep(0.2)
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=30)
        assert victim.returncode == -signal.SIGKILL
        done: list[str] = []
        for worker in others:
            stdout, stderr = worker.communicate(timeout=120)
            assert worker.returncode == 0, f"a surviving process failed:\n{stderr}"
            done += _done_ids(stdout)
        assert len(done) == (PROCESSES - 1) * len(small) * 3
        _check_database(url, done)
        # and the database still takes new work
        after = _start(url, tmp_path / f"after{round_number}", time.time(), [DATA / "tabs.csv"])
        stdout, stderr = after.communicate(timeout=60)
        assert after.returncode == 0, stderr
        _check_database(url, _done_ids(stdout))


@pytest.mark.postgres
@pytest.mark.timeout(300)
def test_processes_create_the_schema_at_once_on_postgresql(tmp_path: Path) -> None:
    """The same race on a server database: the retry sees the other process's tables."""
    from .conftest import POSTGRES_URL, _reset_postgres

    if not POSTGRES_URL:
        pytest.skip("no PostgreSQL server: set CSVAGENT_TEST_POSTGRES_URL to run these")
    for round_number in range(3):
        _reset_postgres(POSTGRES_URL)
        start_at = time.time() + 2.0
        workers = [
            _start(POSTGRES_URL, tmp_path / f"pg{round_number}-{n}", start_at, [DATA / "tabs.csv"])
            for n in range(PROCESSES)
        ]
        for worker in workers:
            stdout, stderr = worker.communicate(timeout=120)
            assert worker.returncode == 0, f"round {round_number}: a process died:\n{stderr}"
            assert len(_done_ids(stdout)) == 1
