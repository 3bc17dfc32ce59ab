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
from typing import Any

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


def _open_notebook(page: Any, base: str, token: str, name: str) -> None:
    page.goto(f"{base}/lab/tree/{name}?token={token}")
    page.wait_for_function(
        "window.jupyterapp && window.jupyterapp.shell.currentWidget && window.jupyterapp.shell.currentWidget.context"
    )
    page.wait_for_function(
        "window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status === 'idle'"
    )
    page.add_style_tag(content=".Toastify { display: none !important; }")  # the news toast


def _run_new_cell(page: Any, source: str) -> None:
    """Add a cell at the end of the open notebook and run it."""
    page.evaluate(
        """async (source) => {
            const notebook = window.jupyterapp.shell.currentWidget.content;
            notebook.activeCellIndex = notebook.widgets.length - 1;
            await window.jupyterapp.commands.execute('notebook:insert-cell-below');
            notebook.activeCell.model.sharedModel.setSource(source);
            await window.jupyterapp.commands.execute('notebook:run-cell');
        }""",
        source,
    )


def _in_viewport(page: Any, locator: Any) -> bool:
    """The element is entirely visible in the browser window (not clipped, not scrolled away)."""
    box = locator.bounding_box()
    size = page.viewport_size
    return (
        box is not None
        and box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= size["width"] + 1
        and box["y"] + box["height"] <= size["height"] + 1
    )


def test_quickstart_and_panel_in_jupyterlab(lab: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token, root = lab.split("|")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    upload = Path(root) / "notebooks" / "data" / "sales.csv"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(120_000)
        _open_notebook(page, base, token, "01_quickstart.ipynb")
        page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
        page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
        outputs = page.locator(".jp-OutputArea-output")
        expect(outputs.filter(has_text="The answer is Laptop.")).to_have_count(1)
        expect(page.locator(".jp-OutputArea-output img").first).to_be_visible()
        expect(outputs.filter(has_text="could not tell what to compute")).to_have_count(1)
        page.screenshot(path=str(SCREENSHOTS / "quickstart.png"), full_page=True)

        # The panel, in a new cell at the end of the notebook.
        _run_new_cell(page, "import csvagent_jupyter\ncsvagent_jupyter.panel()")
        panel = page.locator(".csvagent-panel")
        expect(panel).to_be_visible()
        panel.locator(".csvagent-upload input[type=file]").set_input_files(str(upload))
        expect(panel.locator(".csvagent-files")).to_contain_text("sales.csv — 240 rows")
        expect(panel).to_contain_text("Loaded sales.csv: 240 rows.")
        expect(panel.locator(".csvagent-progress")).to_have_count(0)  # finished bars collapse
        picker = panel.locator("select")
        expect(picker).to_contain_text("sales.csv (240 rows)")

        # Enter asks; Shift+Enter only adds a line.
        box = panel.locator(".csvagent-question-input")
        assert box.bounding_box()["width"] > 0.6 * panel.bounding_box()["width"]  # fills the row
        box.fill("average revenue by region")
        box.press("Shift+Enter")
        expect(box).to_have_value("average revenue by region\n")
        box.press_sequentially("as a bar chart")
        expect(panel.locator(".csvagent-entry")).to_have_count(0)
        box.press("Enter")
        newest = panel.locator(".csvagent-entry").first
        expect(newest.locator(".csvagent-question")).to_contain_text(
            "average revenue by region as a bar chart"
        )
        expect(newest.locator("img")).to_have_count(1)
        expect(newest.locator("table").first).to_contain_text("mean revenue")
        expect(newest).to_contain_text("Average revenue by region: highest for East")
        expect(box).to_have_value("")

        # A second file from a path; the picker chooses which file a question goes to.
        small = Path(root) / "notebooks" / "data" / "small.csv"
        small.write_text(
            upload.read_text().splitlines()[0]
            + "\n"
            + "\n".join(upload.read_text().splitlines()[1:31])
            + "\n"
        )
        panel.locator("input[placeholder*='path on the server']").fill(str(small))
        panel.get_by_role("button", name="Load path").click()
        expect(panel.locator(".csvagent-files")).to_contain_text("small.csv — 30 rows")
        expect(picker).to_have_value(re.compile(".+"))
        assert "small.csv" in picker.locator("option:checked").inner_text()
        picker.select_option(label="sales.csv (240 rows)")
        box.fill("how many orders are there?")
        box.press("Enter")
        expect(panel.locator(".csvagent-entry")).to_have_count(2)
        newest = panel.locator(".csvagent-entry").first
        expect(newest).to_contain_text("240")
        expect(newest).to_contain_text("sales.csv")
        newest.scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "panel.png"), full_page=False)

        # A failed question offers its suggestions as buttons that ask them.
        box.fill("please summarise the vibes")
        box.press("Enter")
        suggestion = panel.locator(".csvagent-suggestion").first
        expect(suggestion).to_be_visible()
        asked = suggestion.inner_text().strip()
        suggestion.click()
        expect(panel.locator(".csvagent-entry").first).to_contain_text(asked)
        expect(panel.locator(".csvagent-entry")).to_have_count(4)
        newest = panel.locator(".csvagent-entry").first
        expect(newest.locator(".csvagent-result")).to_have_count(1)
        assert _in_viewport(page, box), "the question box scrolled away"

        # 15 MB: over the websocket's 10 MB message limit, so it goes up in slices.
        big = Path(root) / "big.csv"
        _write_big_csv(big, 15 * 1024 * 1024)
        panel.locator(".csvagent-upload input[type=file]").set_input_files(str(big))
        expect(panel.locator(".csvagent-progress")).to_contain_text("uploading", timeout=60_000)
        page.screenshot(path=str(SCREENSHOTS / "panel-uploading.png"), full_page=False)
        expect(panel.locator(".csvagent-files")).to_contain_text("big.csv — ", timeout=180_000)
        expect(page.get_by_text("Connection lost")).to_have_count(0)
        expect(panel).to_contain_text("Loaded big.csv")
        page.screenshot(path=str(SCREENSHOTS / "panel-after-15mb-upload.png"), full_page=False)
        browser.close()


def _write_big_csv(path: Path, size: int) -> None:
    lines = ["id,region,amount,when"]
    regions = ["North", "South", "East", "West"]
    total, number = 0, 0
    while total < size:
        line = f"{number},{regions[number % 4]},{(number * 37) % 10007 / 7:.2f},2024-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
        lines.append(line)
        total += len(line) + 1
        number += 1
    path.write_text("\n".join(lines) + "\n")


def test_side_panel_fits_and_keeps_the_ask_button_reachable(lab: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token, _root = lab.split("|")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(120_000)
        _open_notebook(page, base, token, "01_quickstart.ipynb")
        _run_new_cell(
            page,
            "%load_ext csvagent_jupyter\n%csv load data/sales.csv --wait\nimport csvagent_jupyter\ncsvagent_jupyter.panel(side=True)",
        )
        side = (
            page.locator(".jp-SideBar, .jp-SidePanel, .jp-LinkedOutputView, .jp-main-dock-panel")
            .locator(".csvagent-panel")
            .last
        )
        expect(side).to_be_visible()
        box = side.locator(".csvagent-question-input")
        for question in [
            "average revenue by region",
            "total units by channel",
            "how many orders are there?",
        ]:
            box.fill(question)
            box.press("Enter")
        # three questions answered in the kernel one after another: allow a loaded machine time
        expect(side.locator(".csvagent-entry")).to_have_count(3, timeout=20_000)
        expect(side.locator(".csvagent-entry").first).to_contain_text("240")
        ask = side.get_by_role("button", name="Ask")
        page.screenshot(path=str(SCREENSHOTS / "panel-side.png"), full_page=False)
        assert _in_viewport(page, ask), "the Ask button is clipped or out of view"
        assert _in_viewport(page, side.locator(".csvagent-entry").first), (
            "the newest answer is out of view"
        )
        panel_box = side.bounding_box()
        for element in side.locator("button, select, textarea, input[type=text]").all():
            if element.is_visible():
                inner = element.bounding_box()
                assert inner["x"] + inner["width"] <= panel_box["x"] + panel_box["width"] + 1, (
                    "clipped at the right edge"
                )
        browser.close()
