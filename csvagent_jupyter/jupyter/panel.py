"""The upload and chat panel (ipywidgets 8), usable inline or in a JupyterLab side area.

Loads and questions run as kernel tasks (see tasks.py): each gets a progress bar fed
by its events while it runs; when it finishes the bar goes away and the file list or
the transcript shows the outcome. A failure shows its message in the panel while the
rest keeps working.

Layout, top to bottom: uploads, files, running work, then the question (with the file
it goes to) and the answers, newest first, so that a new answer is always in view
and the Ask button never scrolls away, also in a narrow side area.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..events import ProgressEvent
from .state import get_agent
from .tasks import ProgressBar, run_with_progress
from .widgets import ChunkedUpload, QuestionBox

log = logging.getLogger("csvagent_jupyter")

UPLOAD_HINT = (
    "Uploads of any size go in 1 MB slices; for a file already on the server, type its path."
)
NO_FILE = "(no file loaded)"


class CSVPanel:
    """Upload or point at CSV files, see them load, pick one, ask questions, read the answers."""

    def __init__(self, agent: Any = None) -> None:
        self.agent = agent or get_agent()
        self.upload = ChunkedUpload(
            self.agent.settings.data_dir / "uploads",
            max_bytes=self.agent.settings.max_file_bytes,
            on_file=self._on_uploaded,
            on_progress=self._on_upload_progress,
            on_error=lambda _name, message: self._show_message(message, error=True),
        )
        self._upload_bars: dict[str, ProgressBar] = {}
        self.suggestion_boxes: list[widgets.HBox] = []
        self.path = widgets.Text(
            placeholder="…or a path on the server", layout={"flex": "1 1 160px", "width": "auto"}
        )
        self.load_button = widgets.Button(
            description="Load path", icon="folder-open", layout={"width": "auto"}
        )
        self.files = widgets.HTML()
        self.jobs = widgets.VBox(layout={"width": "100%"})
        self.picker = widgets.Dropdown(
            options=[(NO_FILE, None)],
            layout={"flex": "1 1 auto", "width": "auto", "min_width": "0"},
        )
        self.question = QuestionBox(
            on_submit=self.ask,
            placeholder="Ask about your data, e.g. average revenue by region (Enter asks, Shift+Enter: new line)",
            layout={"flex": "1 1 auto", "width": "auto", "min_width": "0"},
        )
        self.ask_button = widgets.Button(
            description="Ask",
            button_style="primary",
            icon="paper-plane",
            layout={"width": "auto", "flex": "0 0 auto"},
        )
        self.model_label = widgets.HTML()
        self.message = widgets.HTML()
        self.transcript = widgets.VBox(
            layout={"width": "100%", "max_height": "640px", "overflow": "auto"}
        )
        self.transcript.add_class("csvagent-transcript")
        self.load_button.on_click(lambda _: self.load_path(self.path.value))
        self.ask_button.on_click(lambda _: self._ask_typed())
        self.widget = widgets.VBox(
            [
                widgets.HTML("<b>CSV agent</b>"),
                self.model_label,
                widgets.HBox(
                    [self.upload, self.path, self.load_button],
                    layout={"flex_flow": "row wrap", "width": "100%", "align_items": "center"},
                ),
                widgets.HTML(f"<small>{UPLOAD_HINT}</small>"),
                self.files,
                self.jobs,
                self.message,
                widgets.HBox(
                    [widgets.HTML("Ask about&nbsp;"), self.picker],
                    layout={"width": "100%", "align_items": "center"},
                ),
                widgets.HBox(
                    [self.question, self.ask_button],
                    layout={"width": "100%", "align_items": "flex-start"},
                ),
                self.transcript,
            ],
            layout={"width": "100%", "max_width": "100%", "overflow": "hidden"},
        )
        self.widget.add_class("csvagent-panel")
        self.refresh()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    # -- state shown ---------------------------------------------------------------------------
    def refresh(self, *, select: str | None = None) -> None:
        """Redraw the file list and the picker; ``select`` a file id (a load just finished)."""
        model = self.agent.model_name
        self.model_label.value = (
            "<small>Planner: offline (no model configured)</small>"
            if model == "offline"
            else f"<small>Planner: model {html.escape(model)}</small>"
        )
        files = self.agent.files()
        rows = []
        for info in files[:20]:
            color = {"completed": "#2e7d32", "error": "#b00020"}.get(info.status, "#f9a825")
            status = f"<span style='color:{color}'>●</span> {info.status}"
            detail = (
                f"{info.rows:,} rows × {len(info.columns)} columns"
                if info.rows is not None
                else f"<span style='color:#b00020'>{html.escape(info.error or '')}</span>"
            )
            rows.append(
                f"<li class='csvagent-file csvagent-{info.status}' style='overflow-wrap:anywhere'>"
                f"{status} <b>{html.escape(info.name)}</b> — {detail}</li>"
            )
        self.files.value = (
            "<ul class='csvagent-files' style='margin:4px 0;padding-left:18px'>"
            + "".join(rows)
            + "</ul>"
            if rows
            else "<i>No file loaded yet.</i>"
        )
        completed = [f for f in files if f.status == "completed"]
        options = [(f"{f.name} ({f.rows:,} rows)", f.id) for f in completed] or [(NO_FILE, None)]
        wanted = select or self.picker.value or self.agent.current_file_id
        ids = [value for _, value in options]
        self.picker.options = options
        self.picker.value = wanted if wanted in ids else ids[0]

    def _show_message(self, text: str, *, error: bool = False) -> None:
        color = "#b00020" if error else "#333"
        self.message.value = (
            f"<p style='color:{color};overflow-wrap:anywhere;margin:2px 0'>{html.escape(text)}</p>"
        )

    def _add_bar(self, title: str) -> ProgressBar:
        bar = ProgressBar(title)
        self.jobs.children = (*self.jobs.children, bar.widget)
        return bar

    def _remove_bar(self, bar: ProgressBar) -> None:
        """Finished work leaves the running list: its outcome is in the files or the answers."""
        self.jobs.children = tuple(c for c in self.jobs.children if c is not bar.widget)

    # -- loading -------------------------------------------------------------------------------
    def _on_upload_progress(self, name: str, received: int, size: int) -> None:
        bar = self._upload_bars.get(name)
        if bar is None:
            bar = self._upload_bars[name] = self._add_bar(name)
        fraction = received / size if size else 1.0
        bar.update(
            ProgressEvent(
                "file_progress",
                "",
                None,
                0.5 * fraction,  # the upload is the first half of the bar, the load the second
                f"uploading {received / 1e6:.1f} of {size / 1e6:.1f} MB",
            )
        )

    def _on_uploaded(self, path: Path, name: str) -> Any:
        bar = self._upload_bars.pop(name, None)
        return self._load(
            name,
            lambda progress: self.agent.load(path, name=name, on_progress=progress),
            bar=bar,
            offset=0.5 if bar is not None else 0.0,
        )

    def load_bytes(self, data: bytes, name: str) -> Any:
        return self._load(
            name, lambda progress: self.agent.load(data, name=name, on_progress=progress)
        )

    def load_path(self, path: str) -> Any:
        path = path.strip()
        if not path:
            self._show_message("Type the path of a CSV file first.", error=True)
            return None
        return self._load(
            Path(path).name, lambda progress: self.agent.load(path, on_progress=progress)
        )

    def _load(
        self, title: str, work: Any, *, bar: ProgressBar | None = None, offset: float = 0.0
    ) -> Any:
        bar = bar or self._add_bar(title)

        def on_event(event: ProgressEvent) -> None:
            if offset and event.event == "file_progress":
                scaled = offset + (1 - offset) * event.progress
                event = ProgressEvent(
                    event.event, event.job_id, event.subject_id, scaled, event.message
                )
            bar.update(event)

        def done(info: Any, error: BaseException | None) -> None:
            if error is not None:
                bar.fail(str(error))
                self._show_message(str(error), error=True)
                self.refresh()
            else:
                bar.succeed(f"{info.name}: {info.rows:,} rows")
                self._show_message(f"Loaded {info.name}: {info.rows:,} rows.")
                self.refresh(select=info.id)
            self._remove_bar(bar)

        try:
            return run_with_progress(work, on_event, on_done=done)
        except Exception as exc:  # a blocking load outside a kernel: the panel shows it
            log.info("load failed: %s", exc)
            return None

    # -- asking --------------------------------------------------------------------------------
    def ask(self, question: str) -> Any:
        question = question.strip()
        if not question:
            self._show_message("Type a question first.", error=True)
            return None
        file_id = self.picker.value
        if file_id is None:
            self._show_message("Load a file first: upload one or type its path.", error=True)
            return None
        bar = self._add_bar(question[:60])
        entry = widgets.Output(layout={"border_bottom": "1px solid #ddd", "padding": "4px 0"})
        entry.add_class("csvagent-entry")
        entry.append_display_data(_QuestionView(question, self._file_name(file_id)))
        self.transcript.children = (entry, *self.transcript.children)  # newest first, in view

        def work(progress: Any) -> Any:
            return self.agent.ask(question, file=file_id, on_progress=progress)

        def done(result: Any, error: BaseException | None) -> None:
            self._remove_bar(bar)
            if error is not None:
                self._show_message(str(error), error=True)
                entry.append_display_data(_ErrorView(str(error)))
                return
            entry.append_display_data(result)
            suggestions = list(getattr(result, "suggestions", None) or []) if not result.ok else []
            if suggestions:
                self._offer(entry, suggestions)

        try:
            return run_with_progress(work, bar.update, on_done=done)
        except Exception as exc:
            log.info("question failed: %s", exc)
            return None

    def _ask_typed(self) -> Any:
        """The Ask button: ask what is in the box and empty it (Enter empties it in the browser)."""
        question, self.question.value = self.question.value, ""
        return self.ask(question)

    def _offer(self, entry: widgets.Output, suggestions: list[str]) -> None:
        """The suggestions of a failed question, as buttons that ask them."""
        buttons = []
        for text in suggestions:
            button = widgets.Button(
                description=text,
                tooltip=f"Ask: {text}",
                layout={"width": "auto", "max_width": "100%"},
            )
            button.add_class("csvagent-suggestion")
            button.on_click(lambda _, text=text: self.ask(text))
            buttons.append(button)
        box = widgets.HBox(buttons, layout={"flex_flow": "row wrap", "width": "100%"})
        box.add_class("csvagent-suggestions")
        self.suggestion_boxes.append(box)
        entry.append_display_data(box)

    def _file_name(self, file_id: str) -> str:
        return next((label for label, value in self.picker.options if value == file_id), "")


class _QuestionView:
    def __init__(self, question: str, file_label: str = "") -> None:
        self.question = question
        self.file_label = file_label

    def _repr_html_(self) -> str:
        about = (
            f" <small style='color:#666'>— {html.escape(self.file_label)}</small>"
            if self.file_label
            else ""
        )
        return f"<p class='csvagent-question'><b>You:</b> {html.escape(self.question)}{about}</p>"

    def __repr__(self) -> str:
        return f"You: {self.question}"


class _ErrorView:
    def __init__(self, message: str) -> None:
        self.message = message

    def _repr_html_(self) -> str:
        return f"<p style='color:#b00020'>{html.escape(self.message)}</p>"

    def __repr__(self) -> str:
        return self.message


def panel(side: bool = False, agent: Any = None) -> Any:
    """Make the panel; ``side=True`` puts it in a JupyterLab side area (sidecar)."""
    view = CSVPanel(agent)
    if side:
        from IPython.display import display
        from sidecar import Sidecar

        area = Sidecar(title="CSV agent")
        with area:
            display(view.widget)
        return None
    return view
