"""Write the example notebooks from the cell lists below and execute them in place.

The notebooks are tests (``pytest --nbval``): their stored outputs are what a fresh
run must reproduce. Edit the cells here, then run ``python scripts/make_notebooks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

SETUP = """import os, tempfile

# A fresh, private data directory (database, cache) for this notebook run.
os.environ["CSVAGENT_DATA_DIR"] = tempfile.mkdtemp(prefix="csvagent-")
os.environ.pop("OPENAI_API_KEY", None)  # the examples use the offline planner
%load_ext csvagent_jupyter"""

QUICKSTART = [
    (
        "md",
        "# csvagent-jupyter: quickstart\n\nAsk plain-English questions about a CSV file and get a table, a chart, a short summary and the pandas code that reproduces the answer. No model or key is needed: the built-in offline planner answers these.",
    ),
    ("code", SETUP),
    (
        "md",
        "Load a CSV. It is validated, typed and profiled; `--wait` blocks until done (without it the load runs in the background with a progress bar).",
    ),
    ("code", "%csv load data/sales.csv --wait"),
    ("code", "%csv info"),
    ("md", "## A table"),
    ("code", "%%ask\naverage revenue by region"),
    ("md", "## A single value"),
    ("code", "%%ask\nhow many orders are there?"),
    ("md", "## A yes/no question"),
    ("code", "%%ask\nare there any orders with more than 18 units?"),
    ("md", "## A chart"),
    ("code", "%%ask\ntotal revenue by month as a line chart"),
    ("md", "## A follow-up changes the previous question"),
    ("code", "%%ask\nonly for 2024"),
    (
        "md",
        "## Keep the answer, and the code that reproduces it\n\n`-o NAME` stores the answer's value; every answer carries its pandas code (also shown folded under the result).",
    ),
    ("code", "%%ask -o best_product\nwhich product has the highest total revenue?"),
    ("code", "best_product"),
    ("code", "result = %ask average revenue by region\nprint(result.code)"),
    (
        "md",
        "## When a question cannot be answered\n\nThe cell fails with a one-line reason and questions that would work on this file.",
    ),
    ("code:raises-exception", "%%ask\nplease summarise the vibes"),
]

SESSIONS = [
    (
        "md",
        "# Sessions, history and replay\n\nEvery question is logged (question, plan, planner, timing, answer) in the database; conversations can be resumed and any logged plan re-run without a planner.",
    ),
    ("code", SETUP),
    ("code", "%csv load data/sales.csv --wait"),
    ("code", "session = %csv session new\nsession.turns"),
    ("code", "%%ask\ntotal units by channel"),
    ("code", "%%ask\nsort descending"),
    ("code", 'history = %csv history\nhistory[["question", "status", "planner", "cached"]]'),
    (
        "md",
        "Asking the same question again in another conversation with the same context is answered from the cache, and the log says so.",
    ),
    ("code", "other = %csv session new\nagain = %ask total units by channel\nagain.cached"),
    ("md", "Replay re-runs a logged plan on the same data, with no planner involved."),
    ("code", 'first_id = history["id"].iloc[0]\nreplayed = %csv replay {first_id}\nreplayed.value'),
    ("md", "Resume the first conversation: follow-ups continue where it left off."),
    ("code", "resumed = %csv session resume {session.id}\nresumed.turns"),
    ("code", "%%ask\ntop 2 instead"),
]

LARGE = [
    (
        "md",
        "# Large files and progress\n\nLoads run as background tasks in the kernel: a progress bar follows the parse, and other cells keep running. Once the table is typed, questions can be asked; the exact profile and the columnar cache of a large file finish in the background (a `file_profile` job). A second load of the same content comes from that cache.",
    ),
    ("code", SETUP),
    (
        "code",
        'from pathlib import Path\nfrom csvagent_jupyter.sample_data import mixed_frame, write_csv\n\nbig = write_csv(mixed_frame(300_000, 12), Path(tempfile.mkdtemp()) / "big.csv")\nf"{big.stat().st_size / 1e6:.0f} MB"',
    ),
    (
        "code:nbval-ignore-output",
        "# A live progress bar (its output is not compared by the tests)\n%csv load {big}",
    ),
    ("md", "The kernel is free while the file loads:"),
    ("code", "sum(range(10))"),
    (
        "code",
        'import csvagent_jupyter\nawait csvagent_jupyter.wait_for_jobs()\nstatus = %csv status\nstatus[["type", "status", "progress"]]',
    ),
    ("code", "%%ask\naverage float_001 by cat_002"),
    (
        "code",
        "import time\nstart = time.perf_counter()\nagain = csvagent_jupyter.current_agent().load(big)\n(again.reused, time.perf_counter() - start < 2)",
    ),
]

RUN_ALL = [
    (
        "md",
        "# Run All: background loads, questions in order, and a failed load that stops the run\n\n`%csv load` without `--wait` returns at once and loads in the background with a progress bar. A question in a later cell is always about the file loaded last: if that file is still loading, the cell waits for it (showing its bar), then answers.",
    ),
    ("code", SETUP),
    (
        "code",
        'from pathlib import Path\nfrom csvagent_jupyter.sample_data import mixed_frame, write_csv\n\nfolder = Path(tempfile.mkdtemp())\nbig = write_csv(mixed_frame(300_000, 12), folder / "big.csv")\nempty = folder / "empty.csv"\nempty.write_bytes(b"")\n%csv load data/sales.csv --wait',
    ),
    (
        "md",
        "Start loading the big file; the cell returns at once (its live bar is not compared by the tests).",
    ),
    ("code:nbval-ignore-output", "%csv load {big}"),
    (
        "md",
        "The next question waits for big.csv, not the earlier sales.csv. (Its output shows the bar while it waits, so the tests check the stored value in the next cell instead.)",
    ),
    ("code:nbval-ignore-output", "%%ask -o rows\nhow many rows are there?"),
    ("code", "rows"),
    (
        "md",
        "## Questions end with `?`\n\nIPython would read `%ask …?` as a help request; the extension passes the question through whole.",
    ),
    ("code", "%ask how many rows are there?"),
    (
        "md",
        "## A failed load stops the run\n\nA background load that fails turns its bar red with the reason, and the next cell that needs the file fails with that reason, so Run All stops there instead of answering about another file.",
    ),
    ("code:nbval-ignore-output", "%csv load {empty}"),
    ("code:raises-exception", "%%ask\nhow many rows are there?"),
    ("code", 'files = %csv files\nfiles[["in use", "name", "status", "rows", "error"]]'),
    ("md", "Choosing a file again carries on."),
    ("code", "%csv use big.csv"),
    ("code", "%ask how many rows are there?"),
]

MODELS = [
    (
        "md",
        "# Models\n\nWith a chat model configured the same `%%ask` answers much more. The model only ever chooses among the project's tools and returns a validated *plan*; it never writes code that runs.\n\nChoice, strongest first: `%%ask -m provider:model` for one question, `%csv model` / `%config CSVAgent.model`, the `CSVAGENT_MODEL` variable, OpenAI (`openai:gpt-4o-mini`) when `OPENAI_API_KEY` is set, else the offline planner.",
    ),
    ("code", SETUP),
    ("code", "%csv load data/sales.csv --wait"),
    ("code", "%csv model"),
    ("md", "## OpenAI"),
    (
        "code:nbval-skip",
        '# Not run by the tests: needs an OpenAI API key and network access\nos.environ["OPENAI_API_KEY"] = "sk-..."\n%csv model openai:gpt-4o-mini\n%ask which channel grew fastest between the two years',
    ),
    (
        "md",
        "## Any LangChain provider\n\nAny `provider:model` that `langchain.chat_models.init_chat_model` knows works once its package is installed (e.g. `pip install langchain-anthropic`).",
    ),
    (
        "code:nbval-skip",
        "# Not run by the tests: needs the provider's package, key and network access\n%csv model anthropic:claude-sonnet-4-5",
    ),
    ("md", "## A local OpenAI-compatible server (Ollama, vLLM, llama.cpp)"),
    (
        "code:nbval-skip",
        '# Not run by the tests: needs a local model server listening on 127.0.0.1:11434\n%config CSVAgent.openai_base_url = "http://127.0.0.1:11434/v1"\n%csv model openai:llama3.1\n%ask average revenue by region',
    ),
    (
        "md",
        "## Privacy: see exactly what would be sent\n\n`%csv preview` shows the messages and tools a model would receive, without sending anything. The model sees the schema, a profile and a small sample, never the whole table.",
    ),
    (
        "code",
        'import csvagent_jupyter\nprint(csvagent_jupyter.current_agent().preview("average revenue by region").text[:1500])',
    ),
    (
        "md",
        "With `schema_only` the model gets column names and types only: no cell values, no sample.",
    ),
    (
        "code",
        '%config CSVAgent.schema_only = True\n%csv load data/sales.csv --wait\nprint(csvagent_jupyter.current_agent().preview("average revenue by region").text[:1200])',
    ),
]


def build(name: str, cells: list[tuple[str, str]]) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    for kind, source in cells:
        cell = (
            nbformat.v4.new_markdown_cell(source)
            if kind == "md"
            else nbformat.v4.new_code_cell(source)
        )
        if ":" in kind:  # nbval markers as tags, since a cell magic must stay on the first line
            cell.metadata["tags"] = [kind.split(":", 1)[1]]
        notebook.cells.append(cell)
    path = NOTEBOOKS / f"{name}.ipynb"
    # Cells tagged nbval-skip need a service (a key, a network, a local server): they are
    # shown, never run, here as under nbval.
    skipped = {
        i: c.source
        for i, c in enumerate(notebook.cells)
        if "nbval-skip" in c.metadata.get("tags", [])
    }
    for index in skipped:
        notebook.cells[index].source = ""
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    for index, source in skipped.items():
        notebook.cells[index].source = source
        notebook.cells[index].outputs = []
        notebook.cells[index].execution_count = None
    for cell in notebook.cells:  # ids and timings would change on every run
        cell.pop("id", None)
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    return path


if __name__ == "__main__":
    wanted = set(sys.argv[1:])
    for name, cells in [
        ("01_quickstart", QUICKSTART),
        ("02_sessions_and_history", SESSIONS),
        ("03_large_files_and_progress", LARGE),
        ("04_models", MODELS),
        ("05_run_all_and_background_loads", RUN_ALL),
    ]:
        if not wanted or name in wanted:
            print("wrote", build(name, cells))
