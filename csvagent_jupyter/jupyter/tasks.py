"""Long work as asyncio tasks on the kernel's event loop, with progress bars that follow it.

Inside a kernel the event loop is already running, so a load or a model call becomes
a task whose CPU-bound part runs in a worker thread; progress events hop back to the
loop thread (``call_soon_threadsafe``) to update widgets, and the kernel stays free to
run other cells. Outside a running loop (a plain script) the same call just blocks.

The worker thread's own ``concurrent.futures.Future`` is kept too (``Background``):
a later cell runs *on* the loop thread, so it cannot await the task, but it can block
on that future while it feeds the bar itself (see ``Background.wait``).
"""

from __future__ import annotations

import asyncio
import html
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Generic, TypeVar

from ..events import ProgressEvent

log = logging.getLogger("csvagent_jupyter")
T = TypeVar("T")

_LABEL_STYLE = "white-space:normal;overflow-wrap:break-word;word-break:normal;line-height:1.3"


class ProgressBar:
    """A labelled ipywidgets progress bar driven by progress events.

    The label is an HTML widget that wraps (a ``Label`` cuts long messages mid-word),
    and names the file once: loader messages already start with the file name.
    """

    def __init__(self, title: str) -> None:
        import ipywidgets as widgets

        self.title = title
        self.finished = False
        self.failed = False
        self.bar = widgets.FloatProgress(
            value=0.0,
            min=0.0,
            max=1.0,
            description="",
            layout={"width": "200px", "flex": "0 0 auto"},
        )
        self.label = widgets.HTML(layout={"flex": "1 1 auto", "min_width": "0"})
        self._set_label("queued")
        self.widget = widgets.HBox(
            [self.bar, self.label], layout={"width": "100%", "align_items": "center"}
        )
        self.widget.add_class("csvagent-progress")

    @property
    def text(self) -> str:
        """The label as plain text (what a user reads)."""
        return self._text

    def _set_label(self, message: str, *, error: bool = False) -> None:
        text = message if message.startswith(self.title) else f"{self.title}: {message}"
        self._text = text
        color = "color:#b00020;" if error else ""
        self.label.value = f"<span style='{_LABEL_STYLE};{color}'>{html.escape(text)}</span>"

    def update(self, event: ProgressEvent) -> None:
        if self.finished:  # late events (they hop through the loop) never undo the end state
            return
        if event.event.endswith("_complete"):
            self.succeed(event.message or "done")
        elif event.event.endswith("_error"):
            self.fail(event.message)
        else:
            self.bar.value = event.progress
            self._set_label(f"{event.message or 'working'} ({event.progress:.0%})")

    def succeed(self, message: str = "done") -> None:
        self.finished = True
        self.bar.value = 1.0
        self.bar.bar_style = "success"
        self._set_label(message)

    def fail(self, message: str) -> None:
        """A full red bar with the one-line message: finished, with an error."""
        self.finished = self.failed = True
        self.bar.value = 1.0
        self.bar.bar_style = "danger"
        self._set_label(message.splitlines()[0] if message else "failed", error=True)


def running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


_executor = ThreadPoolExecutor(max_workers=4, thread_name_prefix="csvagent-work")


class Background(Generic[T]):
    """Work running in a worker thread: an asyncio task for the loop, a future for cells."""

    def __init__(self, future: Future[T], task: asyncio.Task[T]) -> None:
        self.future = future
        self.task = task
        self.latest: ProgressEvent | None = None

    def done(self) -> bool:
        return self.future.done()

    def wait(self, on_event: Callable[[ProgressEvent], None] | None = None) -> T:
        """Block this (loop) thread until the work is done; feeds ``on_event`` the newest
        progress meanwhile, since the loop that would deliver it is the one waiting."""
        shown: ProgressEvent | None = None
        while True:
            try:
                return self.future.result(timeout=0.1)
            except FutureTimeout:
                if on_event is not None and self.latest is not None and self.latest is not shown:
                    shown = self.latest
                    on_event(shown)


def run_with_progress(
    work: Callable[[Callable[[ProgressEvent], None]], T],
    on_event: Callable[[ProgressEvent], None],
    *,
    on_done: Callable[[T | None, BaseException | None], None] | None = None,
    background: bool = True,
) -> asyncio.Task[T] | T:
    """Run ``work(progress_callback)``: as a task in a worker thread when a loop is running
    (and ``background``), else right here. ``on_event`` is always called on the loop thread."""
    if running_loop() is None or not background:
        try:
            value = work(on_event)
        except BaseException as exc:
            _notify(on_done, None, exc)
            raise
        _notify(on_done, value, None)
        return value
    return start_background(work, on_event, on_done=on_done).task


def start_background(
    work: Callable[[Callable[[ProgressEvent], None]], T],
    on_event: Callable[[ProgressEvent], None],
    *,
    on_done: Callable[[T | None, BaseException | None], None] | None = None,
) -> Background[T]:
    """Start ``work`` in a worker thread of the running loop; see ``Background``."""
    loop = asyncio.get_running_loop()
    holder: list[Background[T]] = []
    ready = threading.Event()

    def threadsafe(event: ProgressEvent) -> None:
        ready.wait()
        holder[0].latest = event
        loop.call_soon_threadsafe(on_event, event)

    future = _executor.submit(work, threadsafe)
    task: asyncio.Task[T] = loop.create_task(_await(future))
    background = Background(future, task)
    holder.append(background)
    ready.set()
    _pending.add(task)
    task.add_done_callback(_pending.discard)
    task.add_done_callback(lambda done: _notify(on_done, *_outcome(done)))
    task.add_done_callback(_log_failure)
    return background


async def _await(future: Future[T]) -> T:
    return await asyncio.wrap_future(future)


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
    if on_done is None:
        return
    try:
        on_done(value, error)
    except Exception:  # a display callback must never turn a finished job into a failure
        log.exception("a completion callback raised")


_pending: set[asyncio.Task[Any]] = set()


async def wait_for_jobs() -> None:
    """Wait until every background load and question started from this kernel is done, and
    the background profiles of the loads too (their job rows then read "completed")."""
    from ..loading.background import background

    while True:
        if _pending:
            await asyncio.gather(*list(_pending), return_exceptions=True)
            continue
        profiles = background.pending_futures()
        if not profiles:
            return
        await asyncio.gather(*map(asyncio.wrap_future, profiles), return_exceptions=True)


def _log_failure(task: asyncio.Task[Any]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.info("background task failed: %s", task.exception())
