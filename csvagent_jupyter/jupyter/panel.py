"""The upload and chat panel (ipywidgets 8), usable inline or in a JupyterLab side area.

Loads and questions run as kernel tasks (see tasks.py): each gets a progress bar fed
by its events, the file list and transcript update when it finishes, and a failure
shows its message in the panel while the rest keeps working.
"""

from __future__ import annotations

import html
import logging
from typing import Any

import ipywidgets as widgets

from ..events import ProgressEvent
from .state import get_agent
from .tasks import ProgressBar, run_with_progress

log = logging.getLogger("csvagent_jupyter")

WEBSOCKET_LIMIT_HINT = "For files over about 10 MB, type a path on the server: uploads go through the notebook's websocket."


class CSVPanel:
    """Upload or point at CSV files, see them load, ask questions, read the answers."""

    def __init__(self, agent: Any = None) -> None:
        self.agent = agent or get_agent()
        self.upload = widgets.FileUpload(
            accept=".csv,.tsv,.txt", multiple=True, description="Upload CSV"
        )
        self.path = widgets.Text(placeholder="…or a path on the server", layout={"width": "320px"})
        self.load_button = widgets.Button(description="Load path", icon="folder-open")
        self.files = widgets.HTML()
        self.jobs = widgets.VBox()
        self.transcript = widgets.Output(
            layout={"border": "1px solid #ddd", "max_height": "520px", "overflow": "auto"}
        )
        self.question = widgets.Textarea(
            placeholder="Ask about your data, e.g. average revenue by region",
            layout={"width": "100%"},
        )
        self.ask_button = widgets.Button(
            description="Ask", button_style="primary", icon="paper-plane"
        )
        self.model_label = widgets.HTML()
        self.message = widgets.HTML()
        self.upload.observe(self._on_upload, names="value")
        self.load_button.on_click(lambda _: self.load_path(self.path.value))
        self.ask_button.on_click(lambda _: self.ask(self.question.value))
        self.widget = widgets.VBox(
            [
                widgets.HTML("<b>CSV agent</b>"),
                self.model_label,
                widgets.HBox([self.upload, self.path, self.load_button]),
                widgets.HTML(f"<small>{WEBSOCKET_LIMIT_HINT}</small>"),
                self.files,
                self.jobs,
                self.message,
                self.transcript,
                self.question,
                self.ask_button,
            ],
            layout={"width": "100%"},
        )
        self.widget.add_class("csvagent-panel")
        self.refresh()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)

    # -- state shown ---------------------------------------------------------------------------
    def refresh(self) -> None:
        model = self.agent.model_name
        self.model_label.value = (
            "<small>Planner: offline (no model configured)</small>"
            if model == "offline"
            else f"<small>Planner: model {html.escape(model)}</small>"
        )
        rows = []
        for info in self.agent.files()[:20]:
            color = {"completed": "#2e7d32", "error": "#b00020"}.get(info.status, "#f9a825")
            status = f"<span style='color:{color}'>●</span> {info.status}"
            detail = (
                f"{info.rows:,} rows × {len(info.columns)} columns"
                if info.rows is not None
                else html.escape(info.error or "")
            )
            rows.append(
                f"<li class='csvagent-file csvagent-{info.status}'>{status} <b>{html.escape(info.name)}</b> — {detail}</li>"
            )
        self.files.value = (
            "<ul class='csvagent-files'>" + "".join(rows) + "</ul>"
            if rows
            else "<i>No file loaded yet.</i>"
        )

    def _show_message(self, text: str, *, error: bool = False) -> None:
        color = "#b00020" if error else "#333"
        self.message.value = f"<p style='color:{color}'>{html.escape(text)}</p>"

    # -- loading -------------------------------------------------------------------------------
    def _on_upload(self, change: dict[str, Any]) -> None:
        for item in change["new"] or ():
            self.load_bytes(bytes(item["content"]), item["name"])

    def load_bytes(self, data: bytes, name: str) -> Any:
        return self._load(
            name, lambda progress: self.agent.load(data, name=name, on_progress=progress)
        )

    def load_path(self, path: str) -> Any:
        path = path.strip()
        if not path:
            self._show_message("Type the path of a CSV file first.", error=True)
            return None
        return self._load(path, lambda progress: self.agent.load(path, on_progress=progress))

    def _load(self, title: str, work: Any) -> Any:
        bar = ProgressBar(title)
        self.jobs.children = (*self.jobs.children, bar.widget)

        def done(info: Any, error: BaseException | None) -> None:
            self.refresh()
            if error is not None:
                self._show_message(str(error), error=True)
            else:
                self._show_message(f"Loaded {info.name}: {info.rows:,} rows.")

        try:
            return run_with_progress(work, bar.update, on_done=done)
        except Exception as exc:  # a blocking load outside a kernel: the panel shows it
            log.info("load failed: %s", exc)
            return None

    # -- asking --------------------------------------------------------------------------------
    def ask(self, question: str) -> Any:
        question = question.strip()
        if not question:
            self._show_message("Type a question first.", error=True)
            return None
        bar = ProgressBar(question[:40])
        self.jobs.children = (*self.jobs.children, bar.widget)
        self.transcript.append_display_data(_QuestionView(question))

        def work(progress: Any) -> Any:
            return self.agent.ask(question, on_progress=progress)

        def done(result: Any, error: BaseException | None) -> None:
            if error is not None:
                self._show_message(str(error), error=True)
                bar.update(ProgressEvent("query_error", "", None, 1.0, str(error)))
                return
            self.transcript.append_display_data(result)
            self.question.value = ""

        try:
            return run_with_progress(work, bar.update, on_done=done)
        except Exception as exc:
            log.info("question failed: %s", exc)
            return None


class _QuestionView:
    def __init__(self, question: str) -> None:
        self.question = question

    def _repr_html_(self) -> str:
        return f"<p class='csvagent-question'><b>You:</b> {html.escape(self.question)}</p>"

    def __repr__(self) -> str:
        return f"You: {self.question}"


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
