"""Two small custom widgets of the panel (anywidget): a chunked file upload and a question box.

``FileUpload`` sends a whole file as one websocket message, and the notebook server
drops the connection for messages over its limit (10 MB by default): a 15 MB CSV
then fails with "Connection lost" and nothing else. ``ChunkedUpload`` reads the file
in the browser slice by slice and sends one slice per message, each after the kernel
acknowledged the previous one, through the widget's own comm, so it keeps the
notebook's connection and authentication and size no longer matters.

``QuestionBox`` is a textarea where Enter asks and Shift+Enter starts a new line,
which ipywidgets' ``Textarea`` cannot do.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import anywidget
import traitlets

log = logging.getLogger("csvagent_jupyter")

CHUNK_BYTES = 1024 * 1024  # far below the websocket limit; small enough for smooth progress

_UPLOAD_ESM = """
function render({ model, el }) {
  el.classList.add("csvagent-upload");
  const label = document.createElement("label");
  label.className = "jupyter-button widget-button csvagent-upload-button";
  label.style.cssText = "display:inline-flex;align-items:center;gap:4px;cursor:pointer;padding:0 10px;width:auto";
  const input = document.createElement("input");
  input.type = "file";
  input.multiple = true;
  input.accept = model.get("accept");
  input.style.display = "none";
  label.append(input, document.createTextNode(model.get("description")));
  el.append(label);
  let waiting = null;  // resolves when the kernel acknowledges a message
  model.on("msg:custom", (msg) => {
    if (waiting && (msg.type === "ack" || msg.type === "error")) {
      const resolve = waiting; waiting = null; resolve(msg);
    }
  });
  const request = (content, buffers) => new Promise((resolve) => {
    waiting = resolve;
    model.send(content, undefined, buffers || []);
  });
  async function send(file) {
    const chunk = model.get("chunk_bytes");
    let reply = await request({ type: "start", name: file.name, size: file.size });
    if (reply.type === "error") return;
    for (let offset = 0; offset < file.size; offset += chunk) {
      const data = await file.slice(offset, offset + chunk).arrayBuffer();
      reply = await request({ type: "chunk", offset: offset }, [data]);
      if (reply.type === "error") return;
    }
    await request({ type: "end" });
  }
  input.addEventListener("change", async () => {
    const files = Array.from(input.files);
    input.value = "";
    for (const file of files) await send(file);
  });
}
export default { render };
"""

_QUESTION_ESM = """
function render({ model, el }) {
  el.classList.add("csvagent-question-box");
  Object.assign(el.style, { flex: "1 1 auto", minWidth: "0", display: "flex" });
  const area = document.createElement("textarea");
  area.className = "widget-textarea csvagent-question-input";
  area.rows = 2;
  // Keys typed here are text, not notebook shortcuts (Shift+Enter would run the cell).
  area.setAttribute("data-lm-suppress-shortcuts", "true");
  area.placeholder = model.get("placeholder");
  area.style.cssText = "width:100%;box-sizing:border-box;resize:vertical;font:inherit;padding:4px";
  area.value = model.get("value");
  area.addEventListener("input", () => { model.set("value", area.value); model.save_changes(); });
  area.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.shiftKey) {  // a new line, inserted here: the page may swallow the default
      area.setRangeText("\\n", area.selectionStart, area.selectionEnd, "end");
    }
    const text = area.value;
    if (!event.shiftKey) area.value = "";  // asked: the box is ready for the next question
    model.set("value", area.value);
    model.save_changes();
    if (!event.shiftKey) model.send({ type: "submit", text: text });
  });
  // The kernel only ever clears the box (after asking); echoes of what the user typed
  // must never overwrite newer typing.
  model.on("change:value", () => {
    if (model.get("value") === "") area.value = "";
  });
  el.append(area);
}
export default { render };
"""


class ChunkedUpload(anywidget.AnyWidget):
    """Upload files of any size: slices of ``chunk_bytes``, written to ``folder`` as they come.

    ``on_progress(name, received, size)`` follows an upload; ``on_file(path, name)``
    gets each complete file; ``on_error(name, message)`` a refusal (over ``max_bytes``).
    """

    _esm = _UPLOAD_ESM
    description = traitlets.Unicode("Upload CSV").tag(sync=True)
    accept = traitlets.Unicode(".csv,.tsv,.txt").tag(sync=True)
    chunk_bytes = traitlets.Int(CHUNK_BYTES).tag(sync=True)

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int,
        on_file: Callable[[Path, str], None],
        on_progress: Callable[[str, int, int], None] | None = None,
        on_error: Callable[[str, str], None] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.folder = folder
        self.max_bytes = max_bytes
        self._on_file = on_file
        self._on_progress = on_progress
        self._on_error = on_error
        self._current: dict[str, Any] | None = None
        self.on_msg(self._handle)

    def _handle(self, _widget: Any, content: dict[str, Any], buffers: list[Any]) -> None:
        kind = content.get("type")
        try:
            if kind == "start":
                self._start(str(content["name"]), int(content["size"]))
            elif kind == "chunk":
                self._chunk(int(content["offset"]), buffers)
            elif kind == "end":
                self._end()
            else:
                return
        except _Refused as refusal:
            self.send({"type": "error", "message": str(refusal)})
            return
        self.send({"type": "ack"})

    def _start(self, name: str, size: int) -> None:
        safe = Path(name).name or "upload.csv"
        if size > self.max_bytes:
            message = (
                f"{safe} is {size / 1e6:.1f} MB, over the {self.max_bytes / 1e6:.0f} MB limit "
                "(CSVAGENT_MAX_FILE_BYTES)."
            )
            self._fail(safe, message)
            raise _Refused(message)
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{uuid.uuid4().hex[:12]}-{safe}"
        self._current = {"name": safe, "size": size, "path": path, "received": 0}
        path.with_suffix(path.suffix + ".part").write_bytes(b"")
        self._report()

    def _chunk(self, offset: int, buffers: list[Any]) -> None:
        current = self._current
        if current is None or offset != current["received"]:
            raise _Refused("An upload slice came out of order; upload the file again.")
        data = b"".join(bytes(buffer) for buffer in buffers)
        with current["path"].with_suffix(current["path"].suffix + ".part").open("ab") as handle:
            handle.write(data)
        current["received"] += len(data)
        self._report()

    def _end(self) -> None:
        current, self._current = self._current, None
        if current is None:
            raise _Refused("An upload ended that never started.")
        part = current["path"].with_suffix(current["path"].suffix + ".part")
        if current["received"] != current["size"]:
            part.unlink(missing_ok=True)
            message = f"{current['name']}: the upload stopped at {current['received']:,} of {current['size']:,} bytes."
            self._fail(current["name"], message)
            raise _Refused(message)
        part.replace(current["path"])
        self._on_file(current["path"], current["name"])

    def _report(self) -> None:
        if self._on_progress is not None and self._current is not None:
            current = self._current
            self._on_progress(current["name"], current["received"], current["size"])

    def _fail(self, name: str, message: str) -> None:
        log.info("upload refused: %s", message)
        if self._on_error is not None:
            self._on_error(name, message)


class _Refused(Exception):
    """An upload step the widget refuses; the browser is told and stops sending."""


class QuestionBox(anywidget.AnyWidget):
    """A question textarea: Enter calls ``on_submit(text)``, Shift+Enter adds a line."""

    _esm = _QUESTION_ESM
    value = traitlets.Unicode("").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)

    def __init__(self, on_submit: Callable[[str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_submit = on_submit
        self.on_msg(self._handle)

    def _handle(self, _widget: Any, content: dict[str, Any], _buffers: list[Any]) -> None:
        if content.get("type") == "submit":
            self._on_submit(str(content.get("text", "")))
