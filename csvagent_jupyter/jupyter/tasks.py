"""Long work as asyncio tasks on the kernel's event loop, with progress bars that follow it.

Inside a kernel the event loop is already running, so a load or a model call becomes
a task whose CPU-bound part runs in a worker thread; progress events hop back to the
loop thread (``call_soon_threadsafe``) to update widgets, and the kernel stays free to
run other cells. Outside a running loop (a plain script) the same call just blocks.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from ..events import ProgressEvent

log = logging.getLogger("csvagent_jupyter")
T = TypeVar("T")


class ProgressBar:
    """A labelled ipywidgets progress bar driven by progress events."""

    def __init__(self, title: str) -> None:
        import ipywidgets as widgets

        self.title = title
        self.bar = widgets.FloatProgress(
            value=0.0, min=0.0, max=1.0, description="", layout={"width": "260px"}
        )
        self.label = widgets.Label(value=f"{title}: queued")
        self.widget = widgets.HBox([self.bar, self.label])

    def update(self, event: ProgressEvent) -> None:
        self.bar.value = event.progress
        if event.event.endswith("_complete"):
            self.bar.bar_style = "success"
            self.label.value = event.message or f"{self.title}: done"
        elif event.event.endswith("_error"):
            self.bar.value = 1.0  # a full red bar: finished, with an error
            self.bar.bar_style = "danger"
            self.label.value = f"{self.title}: {event.message}"
        else:
            self.label.value = f"{self.title}: {event.message or 'working'} ({event.progress:.0%})"


def running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def run_with_progress(
    work: Callable[[Callable[[ProgressEvent], None]], T],
    on_event: Callable[[ProgressEvent], None],
    *,
    on_done: Callable[[T | None, BaseException | None], None] | None = None,
    background: bool = True,
) -> asyncio.Task[T] | T:
    """Run ``work(progress_callback)``: as a task in a worker thread when a loop is running
    (and ``background``), else right here. ``on_event`` is always called on the loop thread."""
    loop = running_loop()
    if loop is None or not background:
        try:
            value = work(on_event)
        except BaseException as exc:
            _notify(on_done, None, exc)
            raise
        _notify(on_done, value, None)
        return value

    def threadsafe(event: ProgressEvent) -> None:
        loop.call_soon_threadsafe(on_event, event)

    task: asyncio.Task[T] = loop.create_task(_in_thread(loop, work, threadsafe))
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    task.add_done_callback(lambda done: _notify(on_done, *_outcome(done)))
    task.add_done_callback(_log_failure)
    return task


async def _in_thread(loop: asyncio.AbstractEventLoop, work: Callable[..., T], callback: Any) -> T:
    return await loop.run_in_executor(None, work, callback)


def _outcome(task: asyncio.Task[Any]) -> tuple[Any, BaseException | None]:
    if task.cancelled():
        return None, asyncio.CancelledError()
    error = task.exception()
    return (None, error) if error is not None else (task.result(), None)


def _notify(
    on_done: Callable[[Any, BaseException | None], None] | None,
    value: Any,
    error: BaseException | None,
) -> None:
    if on_done is not None:
        on_done(value, error)


_pending: set[asyncio.Task[Any]] = set()


async def wait_for_jobs() -> None:
    """Wait until every background load and question started from this kernel is done."""
    while _pending:
        await asyncio.gather(*list(_pending), return_exceptions=True)


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.info("background task failed: %s", task.exception())
