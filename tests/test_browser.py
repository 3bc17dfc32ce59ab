"""End to end in a real browser: JupyterLab on 127.0.0.1, headless Chromium driven by Playwright.

Runs the quickstart notebook, then uses the panel: uploads a CSV through the file
input, asks a question, waits for the table and the chart. Screenshots go to
``test-output/``. CI installs Debian's chromium and sets CSVAGENT_REQUIRE_BROWSER=1,
which makes this test mandatory; elsewhere it skips only when Chromium is absent.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if CHROMIUM is None:
    if os.environ.get("CSVAGENT_REQUIRE_BROWSER"):
        raise RuntimeError(
            "CSVAGENT_REQUIRE_BROWSER is set but no chromium is installed (apt-get install chromium)"
        )
    pytest.skip(
        "Chromium is not installed here (Debian package 'chromium'); CI runs this test",
        allow_module_level=True,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A JupyterLab server on 127.0.0.1 with a token, serving a copy of the notebooks."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "CSVAGENT_DATA_DIR": str(root / "data-dir"),
        "JUPYTER_CONFIG_DIR": str(root / "cfg"),
    }
    env.pop("OPENAI_API_KEY", None)
    log = (root / "lab.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root / 'notebooks'}", "--LabApp.expose_app_in_browser=True",
            "--ServerApp.disable_check_xsrf=True", "--allow-root", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        server.terminate()
        raise RuntimeError(f"JupyterLab did not start: {(root / 'lab.log').read_text()[-2000:]}")
    yield f"{base}|{token}|{root}"
    server.terminate()
    server.wait(timeout=30)


def test_quickstart_and_panel_in_jupyterlab(lab: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token, root = lab.split("|")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    upload = Path(root) / "notebooks" / "data" / "sales.csv"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)
        page.goto(f"{base}/lab/tree/01_quickstart.ipynb?token={token}")
        page.wait_for_function(
            "window.jupyterapp && window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.context"
        )
        page.wait_for_function(
            "window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status === 'idle'"
        )
        page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        outputs = page.locator(".jp-OutputArea-output")
        expect(outputs.filter(has_text="The answer is Laptop.")).to_have_count(1)
        expect(page.locator(".jp-OutputArea-output img").first).to_be_visible()
        expect(outputs.filter(has_text="could not tell what to compute")).to_have_count(1)
        page.screenshot(path=str(SCREENSHOTS / "quickstart.png"), full_page=True)

        # The panel, in a new cell at the end of the notebook.
        page.evaluate("window.jupyterapp.commands.execute('notebook:move-cursor-down')")
        page.evaluate(
            """async () => {
                const panel = window.jupyterapp.shell.currentWidget;
                const notebook = panel.content;
                notebook.activeCellIndex = notebook.widgets.length - 1;
                await window.jupyterapp.commands.execute('notebook:insert-cell-below');
                notebook.activeCell.model.sharedModel.setSource('import csvagent_jupyter\\ncsvagent_jupyter.panel()');
                await window.jupyterapp.commands.execute('notebook:run-cell');
            }"""
        )
        panel = page.locator(".csvagent-panel")
        expect(panel).to_be_visible()
        with page.expect_file_chooser() as chooser:  # the FileUpload widget's own file dialog
            panel.locator(".widget-upload").click()
        chooser.value.set_files(str(upload))
        expect(panel.locator(".csvagent-files")).to_contain_text("sales.csv — 240 rows")
        expect(panel).to_contain_text(["sales.csv", "sales.csv: 240 rows"][1])
        bar = panel.locator(".progress-bar").first
        expect(bar).to_have_attribute("style", re.compile(r"width: 100%"))
        panel.locator("textarea").fill("average revenue by region as a bar chart")
        panel.get_by_role("button", name="Ask").click()
        expect(panel.locator(".jp-OutputArea-output img")).to_have_count(1)
        expect(panel.locator(".jp-OutputArea-output table").first).to_contain_text("mean revenue")
        expect(panel).to_contain_text("Average revenue by region: highest for East")
        panel.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "panel.png"), full_page=True)
        browser.close()
