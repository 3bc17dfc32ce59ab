"""Background loads started by ``%csv load``, and which file a cell's question goes to.

``%csv load big.csv`` returns at once, so during "Run All" the next ``%%ask`` may run
while big.csv is still loading. That question is about big.csv (the file the user
chose last), never about whatever finished loading before: the cell waits for the
load, showing its bar, then asks. A load that failed makes every cell that depends
on it fail with the load's own message, so "Run All" stops there, until the user
loads another file or picks one with ``%csv use``.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from IPython.core.error import UsageError

from .tasks import Background, ProgressBar, running_loop, start_background

log = logging.getLogger("csvagent_jupyter")

SHOW_BAR_AFTER = 0.3  # seconds a cell waits for a load before it shows the load's bar


@dataclass
class NotebookLoad:
    """One background load: what the user called it, its bar and its work."""

    name: str
    source: str
    bar: ProgressBar
    work: Background[Any]

    @property
    def failed(self) -> bool:
        return self.work.done() and self.work.future.exception() is not None

    @property
    def loading(self) -> bool:
        return not self.work.done()


class Loads:
    """The notebook's background loads and the load that questions are waiting for."""

    def __init__(self) -> None:
        self.loads: list[NotebookLoad] = []
        self.intended: NotebookLoad | None = None  # the newest load: the file in use once done

    def start(
        self, agent: Any, source: str, *, name: str | None, skip_bad_lines: bool | None
    ) -> NotebookLoad | Any:
        """Start a load in the background (or load right away outside a running loop)."""
        from IPython.display import display

        title = name or Path(source).name
        bar = ProgressBar(title)
        display(bar.widget)
        if running_loop() is None:  # a plain script or shell: nothing can run meanwhile
            self.intended = None
            try:
                info = agent.load(
                    source, name=name, on_progress=bar.update, skip_bad_lines=skip_bad_lines
                )
            except Exception as exc:
                bar.fail(str(exc))
                raise
            bar.succeed(f"{info.name}: {info.rows:,} rows")
            return info

        def work(progress: Any) -> Any:
            return agent.load(
                source, name=name, on_progress=progress, skip_bad_lines=skip_bad_lines, use=False
            )

        load: NotebookLoad | None = None

        def done(info: Any, error: BaseException | None) -> None:
            assert load is not None
            self._finished(agent, load, info, error)

        load = NotebookLoad(title, source, bar, start_background(work, bar.update, on_done=done))
        self.loads = [*(item for item in self.loads if item.loading), load]
        self.intended = load
        return load

    def _finished(
        self, agent: Any, load: NotebookLoad, info: Any, error: BaseException | None
    ) -> None:
        """A load ended: its bar shows how; if it is still the newest, its file is in use."""
        if error is not None:
            load.bar.fail(str(error))
            return
        if not load.bar.finished:
            load.bar.succeed(f"{info.name}: {info.rows:,} rows")
        if self.intended is load:
            agent.use(info.id)
            self.intended = None

    def forget_intent(self) -> None:
        """The user chose a file (``%csv use``, a blocking load): pending loads no longer decide."""
        self.intended = None

    def file_for(self, agent: Any, ref: str | None) -> str | None:
        """The file a cell's question goes to: ``ref`` or the file in use, once any load of it
        has finished. Raises the load's error as a UsageError if that load failed."""
        if ref is None:
            load = self.intended
        else:
            load = next(
                (item for item in reversed(self.loads) if ref in (item.name, item.source)), None
            )
            if load is not None and not load.loading and not load.failed:
                return ref
        if load is None:
            return ref
        info = self._wait(load)
        if ref is None:
            self._finished(agent, load, info, None)
            return info.id
        return info.id

    @staticmethod
    def _wait(load: NotebookLoad) -> Any:
        with contextlib.suppress(Exception):  # a load about to end shows no second bar
            load.work.future.exception(timeout=SHOW_BAR_AFTER)
        if load.loading:
            from IPython.display import display

            display(load.bar.widget)  # the same bar, here too: this cell waits for it
            log.info("waiting for %s to finish loading", load.name)
        try:
            info = load.work.wait(load.bar.update)
        except Exception as exc:
            load.bar.fail(str(exc))
            raise UsageError(str(exc)) from None
        if not load.bar.finished:
            load.bar.succeed(f"{info.name}: {info.rows:,} rows")
        return info

    def status_of(self, file_name: str) -> str | None:
        """ "loading" when a load of this name is still running, else None."""
        return "loading" if any(i.loading and i.name == file_name for i in self.loads) else None
