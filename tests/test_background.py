"""Background work and exit: the cache write at the end of a script, reuse of a frame whose
cache is still being written, and internal errors kept out of stderr (the NullHandler)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import csvagent_jupyter.loading.cache as cache_module
import csvagent_jupyter.loading.loader as loader_module
from csvagent_jupyter import Agent
from csvagent_jupyter.sample_data import mixed_frame, write_csv

from .conftest import DATA


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_csv(mixed_frame(200_000, 10, seed=2), tmp_path_factory.mktemp("bg") / "big.csv")


def _script(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )


LOAD_AND_END = """
import sys
from csvagent_jupyter import Agent
agent = Agent(data_dir=sys.argv[1])
info = agent.load(sys.argv[2])
print(info.content_hash, info.reused)
"""


def test_a_script_that_ends_after_load_finishes_the_cache_quietly(
    big_csv: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    run = _script(LOAD_AND_END, str(data_dir), str(big_csv))
    assert run.returncode == 0 and run.stderr == "", run.stderr
    content_hash, reused = run.stdout.split()
    assert reused == "False"
    cache = data_dir / "cache" / f"{content_hash}.arrow"
    assert cache.exists() and not list(cache.parent.glob("*.tmp-*"))
    again = _script(LOAD_AND_END, str(data_dir), str(big_csv))
    assert again.returncode == 0 and again.stderr == ""
    assert again.stdout.split() == [content_hash, "True"]  # read from that cache


def test_a_write_still_running_at_exit_is_abandoned_quietly(big_csv: Path, tmp_path: Path) -> None:
    slow_exit = (
        "import time\n"
        "import csvagent_jupyter.loading.cache as cache\n"
        "cache.EXIT_WAIT_SECONDS = 0.2\n"
        "def slow(frame, final, temporary):\n"
        "    temporary.parent.mkdir(parents=True, exist_ok=True)\n"
        "    temporary.write_bytes(b'partial')\n"
        "    time.sleep(30)\n"
        "cache._write = slow\n"
    )
    data_dir = tmp_path / "data"
    started = time.perf_counter()
    run = _script(slow_exit + LOAD_AND_END, str(data_dir), str(big_csv))
    assert time.perf_counter() - started < 20  # the wait at exit is bounded
    assert run.returncode == 0 and run.stderr == "", run.stderr
    folder = data_dir / "cache"
    assert not list(folder.glob("*.arrow")) and not list(folder.glob("*.tmp-*"))
    again = _script(LOAD_AND_END, str(data_dir), str(big_csv))  # the next run parses again
    assert again.returncode == 0 and again.stderr == "", again.stderr
    assert again.stdout.split()[1] == "False" and list(folder.glob("*.arrow"))


def test_a_second_agent_reuses_the_frame_whose_cache_is_being_written(
    big_csv: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    real_write = cache_module._write

    def held_write(frame: pd.DataFrame, final: Path, temporary: Path) -> None:
        release.wait(30)
        real_write(frame, final, temporary)

    monkeypatch.setattr(cache_module, "_write", held_write)
    parses: list[Path] = []
    real_parse = loader_module.parse
    monkeypatch.setattr(
        loader_module,
        "parse",
        lambda path, *a, **k: parses.append(path) or real_parse(path, *a, **k),
    )
    try:
        with Agent(data_dir=data_dir) as first:
            info = first.load(big_csv)
            assert parses == [big_csv]
            second = Agent(data_dir=data_dir)
            started = time.perf_counter()
            again = second.load(big_csv)
            elapsed = time.perf_counter() - started
            assert parses == [big_csv], "the file was parsed a second time"
            assert again.reused and again.id == info.id
            assert second.frame() is first.frame()
            assert elapsed < 5  # it did not wait for the held write either
            release.set()
            second.close()
    finally:
        release.set()
    assert (data_dir / "cache" / f"{info.content_hash}.arrow").exists()


INTERNAL_ERROR = """
import sys
from csvagent_jupyter import Agent
{setup}
agent = Agent(data_dir=sys.argv[1])
agent.load(sys.argv[2])
def broken(*args, **kwargs):
    raise RuntimeError("an internal bug")
agent._answer = broken
result = agent.ask("how many rows")
print(result.kind, "|", result.summary)
agent.close()
"""


def test_internal_errors_in_ask_stay_out_of_stderr(tmp_path: Path) -> None:
    run = _script(INTERNAL_ERROR.format(setup=""), str(tmp_path / "d"), str(DATA / "tabs.csv"))
    assert run.returncode == 0
    assert run.stderr == ""
    kind, summary = run.stdout.strip().split(" | ")
    assert kind == "error" and "went wrong" in summary and "\n" not in summary


def test_logging_configuration_shows_the_traceback(tmp_path: Path) -> None:
    setup = "import logging; logging.basicConfig()"
    run = _script(INTERNAL_ERROR.format(setup=setup), str(tmp_path / "d"), str(DATA / "tabs.csv"))
    assert run.returncode == 0
    assert "Traceback" in run.stderr and "RuntimeError: an internal bug" in run.stderr


def test_the_library_logger_has_a_null_handler() -> None:
    import logging

    handlers = logging.getLogger("csvagent_jupyter").handlers
    assert any(isinstance(h, logging.NullHandler) for h in handlers)
