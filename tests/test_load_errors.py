"""Every malformed input gets its own clear error, and the failure is recorded, not lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.errors import (
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    LoadError,
    NotTextError,
    RaggedRowsError,
)

from .conftest import DATA

CASES = [
    ("empty.csv", EmptyFileError, ["empty.csv", "0 bytes"]),
    ("blank_lines.csv", EmptyFileError, ["blank_lines.csv", "no columns"]),
    ("header_only.csv", EmptyFileError, ["header_only.csv", "no data rows"]),
    ("zip_disguised.csv", NotTextError, ["zip_disguised.csv", "ZIP", "export"]),
    ("nul_bytes.csv", NotTextError, ["nul_bytes.csv", "binary"]),
    (
        "ragged.csv",
        RaggedRowsError,
        ["ragged.csv", "lines 4, 7", "3 columns", "skip_bad_lines=True"],
    ),
    ("unclosed_quote.csv", LoadError, ["unclosed_quote.csv", "quote", "line 3"]),
]


@pytest.mark.parametrize(("filename", "error", "phrases"), CASES, ids=[c[0] for c in CASES])
def test_malformed_file_gets_a_clear_error(
    agent: Agent, filename: str, error: type[LoadError], phrases: list[str]
) -> None:
    with pytest.raises(error) as caught:
        agent.load(DATA / filename)
    message = str(caught.value)
    for phrase in phrases:
        assert phrase in message, f"{phrase!r} missing from: {message}"
    assert caught.value.filename == filename


@pytest.mark.parametrize("filename", [c[0] for c in CASES])
def test_failed_load_is_recorded_and_leaves_no_cache(agent: Agent, filename: str) -> None:
    with pytest.raises(LoadError) as caught:
        agent.load(DATA / filename)
    [record] = agent.files()
    assert record.status == "error"
    assert record.error == str(caught.value)
    assert agent.files(include_failed=False) == []
    assert (
        not any(agent.settings.cache_dir.glob("*")) if agent.settings.cache_dir.exists() else True
    )
    failed_jobs = [job for job in agent.store.list_jobs() if job.status == "failed"]
    if record.content_hash:  # failures after hashing also have a failed job
        assert failed_jobs and failed_jobs[0].error_message == str(caught.value)


def test_ragged_lines_name_the_line_numbers(agent: Agent) -> None:
    with pytest.raises(RaggedRowsError) as caught:
        agent.load(DATA / "ragged.csv")
    assert caught.value.lines == [4, 7]


def test_skip_bad_lines_reports_exactly_what_was_skipped(agent: Agent) -> None:
    info = agent.load(DATA / "ragged.csv", skip_bad_lines=True)
    assert info.rows == 5
    assert info.skipped_lines == [4, 7]
    assert any("Skipped 2 malformed line(s): 4, 7" in note for note in info.profile.notes)
    assert agent.frame()["id"].tolist() == [1, 2, 4, 5, 7]


def test_missing_file(agent: Agent, tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="no such file"):
        agent.load(tmp_path / "nope.csv")
    assert agent.files()[0].status == "error"


def test_folder_is_not_a_file(agent: Agent, tmp_path: Path) -> None:
    with pytest.raises(FileMissingError, match="is a folder"):
        agent.load(tmp_path)


def test_size_limit_is_configurable_and_explained(data_dir: Path) -> None:
    with (
        Agent(data_dir=data_dir, max_file_bytes=100) as small,
        pytest.raises(FileTooLargeError) as caught,
    ):
        small.load(DATA / "nul_bytes.csv")
    message = str(caught.value)
    assert (
        "818 bytes" in message and "100 bytes" in message and "CSVAGENT_MAX_FILE_BYTES" in message
    )


def test_size_limit_from_environment(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSVAGENT_MAX_FILE_BYTES", "50")
    with Agent(data_dir=data_dir) as limited, pytest.raises(FileTooLargeError):
        limited.load(DATA / "messy_values.csv")


def test_bytes_that_no_encoding_explains(agent: Agent, tmp_path: Path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03, 0x04, 0x05] * 50))
    with pytest.raises(NotTextError, match="UTF-8"):
        agent.load(path)


def test_a_file_larger_than_memory_is_refused_before_it_is_read(
    agent: Agent, monkeypatch: pytest.MonkeyPatch
) -> None:
    import csvagent_jupyter.loading.loader as loader_module

    monkeypatch.setattr(loader_module, "available_memory", lambda: 1000)
    parsed: list[object] = []
    monkeypatch.setattr(loader_module, "parse", lambda *a, **k: parsed.append(a))
    with pytest.raises(FileTooLargeError) as caught:
        agent.load(DATA / "nul_bytes.csv")  # 818 bytes: about 1.6 KB of memory
    message = str(caught.value)
    assert parsed == []
    assert "takes about" in message and "1,000 bytes available" in message
    [record] = agent.files()
    assert record.status == "error" and record.error == message


def test_available_memory_is_read_from_the_system() -> None:
    from csvagent_jupyter.loading.loader import available_memory

    free = available_memory()
    assert free is not None and free > 0
