"""The panel without a browser: its widgets, their traits and the messages of its custom widgets.

The browser test (test_browser.py) checks the same panel rendered in JupyterLab.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from csvagent_jupyter import Agent
from csvagent_jupyter.jupyter.panel import CSVPanel
from csvagent_jupyter.sample_data import mixed_frame, sales_frame, write_csv

from .conftest import DATA


@pytest.fixture
def panel_agent(data_dir: Path) -> Iterator[Agent]:
    with Agent(data_dir=data_dir) as agent:
        yield agent


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    return write_csv(sales_frame(), tmp_path / "sales.csv")


def entry_html(view: CSVPanel, index: int = 0) -> str:
    """The HTML of one transcript entry (0: the newest)."""
    outputs = view.transcript.children[index].outputs
    return "\n".join(o["data"].get("text/html", o["data"]["text/plain"]) for o in outputs)


def test_panel_loads_asks_and_shows_failures(panel_agent: Agent, sales_csv: Path) -> None:
    view = CSVPanel(panel_agent)
    assert "offline" in view.model_label.value
    assert "No file loaded" in view.files.value
    view.load_path(str(DATA / "ragged.csv"))
    assert (
        "error <b>ragged.csv</b>" in view.files.value and "more fields than" in view.message.value
    )
    view.load_path(str(DATA / "empty.csv"))
    assert (
        "empty.csv is empty" in view.message.value and "error <b>empty.csv</b>" in view.files.value
    )
    view.load_bytes(sales_csv.read_bytes(), "uploaded.csv")
    assert "completed <b>uploaded.csv</b> — 240 rows" in view.files.value
    assert view.jobs.children == ()  # finished bars collapse into the file list
    view.ask("average revenue by region")
    assert "You:</b> average revenue by region" in entry_html(view)
    assert "uploaded.csv" in entry_html(view) and "highest for" in entry_html(view)
    assert view.jobs.children == ()


def test_the_picker_chooses_the_file_a_question_goes_to(
    panel_agent: Agent, sales_csv: Path, tmp_path: Path
) -> None:
    small = write_csv(sales_frame(rows=50, seed=3), tmp_path / "small.csv")
    view = CSVPanel(panel_agent)
    assert view.picker.options[0][1] is None
    view.ask("how many orders are there?")
    assert "Load a file first" in view.message.value
    view.load_path(str(sales_csv))
    view.load_path(str(small))
    labels = [label for label, _ in view.picker.options]
    assert labels == ["small.csv (50 rows)", "sales.csv (240 rows)"]
    assert view.picker.label == "small.csv (50 rows)"  # a finished load is selected
    view.ask("how many orders are there?")
    assert "50" in entry_html(view)
    view.picker.value = view.picker.options[1][1]
    view.ask("how many orders are there?")
    assert "240" in entry_html(view) and "sales.csv" in entry_html(view)
    assert "50" in entry_html(view, 1)  # newest first: the earlier answer is below


def test_enter_in_the_question_box_asks(panel_agent: Agent, sales_csv: Path) -> None:
    view = CSVPanel(panel_agent)
    view.load_path(str(sales_csv))
    view.question.value = "how many orders are there?"
    view.question._handle(view.question, {"type": "submit", "text": view.question.value}, [])
    assert "240" in entry_html(view)
    view.question.value = "average revenue by region"
    view.ask_button.click()
    assert "highest for" in entry_html(view) and view.question.value == ""
    assert "Enter" in view.question._esm and "shiftKey" in view.question._esm


def test_suggestions_of_a_failed_question_are_buttons_that_ask_them(
    panel_agent: Agent, sales_csv: Path
) -> None:
    view = CSVPanel(panel_agent)
    view.load_path(str(sales_csv))
    view.ask("please summarise the vibes")
    assert "Cannot answer" in entry_html(view)
    buttons = view.suggestion_boxes[-1].children
    assert len(buttons) >= 2
    suggestion = buttons[0].description
    buttons[0].click()
    assert f"You:</b> {suggestion}" in entry_html(view).replace("&#x27;", "'")
    assert "Cannot answer" not in entry_html(view)


class Browser:
    """Plays the browser side of ChunkedUpload: sends slices, reads the kernel's replies."""

    def __init__(self, widget: Any, monkeypatch: pytest.MonkeyPatch) -> None:
        self.widget = widget
        self.replies: list[dict[str, Any]] = []
        monkeypatch.setattr(
            widget, "send", lambda content, buffers=None: self.replies.append(content)
        )

    def upload(self, name: str, data: bytes, chunk: int) -> None:
        self.message({"type": "start", "name": name, "size": len(data)})
        for offset in range(0, len(data), chunk):
            if self.replies[-1]["type"] == "error":
                return
            self.message(
                {"type": "chunk", "offset": offset}, [memoryview(data[offset : offset + chunk])]
            )
        self.message({"type": "end"})

    def message(self, content: dict[str, Any], buffers: list[Any] | None = None) -> None:
        self.widget._handle(self.widget, content, buffers or [])


def test_a_large_upload_arrives_in_slices_and_loads(
    panel_agent: Agent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = write_csv(mixed_frame(200_000, 10, seed=2), tmp_path / "big.csv")
    data = big.read_bytes()
    assert len(data) > 12 * 1024 * 1024  # over the websocket's 10 MB message limit
    view = CSVPanel(panel_agent)
    browser = Browser(view.upload, monkeypatch)
    progress: list[float] = []
    original = view._on_upload_progress

    def spy(name: str, received: int, size: int) -> None:
        progress.append(received / size)
        original(name, received, size)

    view.upload._on_progress = spy
    browser.upload("big.csv", data, view.upload.chunk_bytes)
    assert all(reply["type"] == "ack" for reply in browser.replies)
    assert len(browser.replies) == 2 + -(-len(data) // view.upload.chunk_bytes)
    assert progress[0] == 0.0 and progress[-1] == 1.0 and len(progress) > 10
    assert "completed <b>big.csv</b> — 200,000 rows" in view.files.value
    stored = next(panel_agent.settings.data_dir.glob("uploads/*-big.csv"))
    assert stored.read_bytes() == data


def test_an_upload_over_the_limit_or_out_of_order_is_refused(
    data_dir: Path, sales_csv: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Agent(data_dir=data_dir, max_file_bytes=1000) as agent:
        view = CSVPanel(agent)
        browser = Browser(view.upload, monkeypatch)
        browser.upload("sales.csv", sales_csv.read_bytes(), 1024)
        assert [reply["type"] for reply in browser.replies] == ["error"]  # no slice was sent
        assert "over the" in browser.replies[0]["message"]
        assert "over the" in view.message.value and "limit" in view.message.value
        view.upload.max_bytes = 10**9
        browser.replies.clear()
        browser.message({"type": "start", "name": "sales.csv", "size": 5000})
        browser.message({"type": "chunk", "offset": 1024}, [b"x" * 1024])
        assert (
            browser.replies[-1]["type"] == "error"
            and "out of order" in browser.replies[-1]["message"]
        )


def test_panel_work_runs_as_tasks_while_the_loop_stays_free(
    panel_agent: Agent, tmp_path: Path
) -> None:
    big = write_csv(mixed_frame(300_000, 12), tmp_path / "big.csv")
    view = CSVPanel(panel_agent)
    ticks: list[float] = []

    async def scenario() -> None:
        task = view.load_path(str(big))
        assert isinstance(task, asyncio.Task)
        bar = view.jobs.children[0].children[0]
        while not task.done():  # the loop keeps serving other work during the load
            ticks.append(bar.value)
            await asyncio.sleep(0.01)
        await task
        await asyncio.sleep(0)  # the completion callback runs on the loop
        assert bar.value == 1.0 and bar.bar_style == "success"
        question = view.ask("how many rows are there?")
        await question
        await asyncio.sleep(0)

    asyncio.run(scenario())
    assert len(ticks) > 3
    assert view.jobs.children == ()
    assert "completed <b>big.csv</b> — 300,000 rows" in view.files.value
    assert "300,000" in entry_html(view)
