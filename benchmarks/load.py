"""Load benchmark: csvagent's load against bare pandas.read_csv, as the targets of issue 13 state it.

For generated mixed tables (numbers, integers with gaps, 20-level categories, ISO dates,
2 % missing), each measured in fresh processes, medians over ``--repeat`` runs:

- **usable**: ``Agent.load`` returned, questions can be asked (parse, typing of numbers,
  an outline of the profile);                                     target <= 1.3x read_csv
  (``worst``: the largest ratio of one round, a load against the read_csv of the same
  round, since the target holds for every run, and medians hide the worst);
- **ready**: the typed table at hand (``Agent.frame``): a large table's text columns are
  typed after the load returns, and a question waits for that (see loading/deferred.py);
- **profiled**: the exact profile stored too (``Agent.wait_profiled``); target <= 2x
- **reload**: the same file loaded again by a new process, from the cache; target <= 0.4x
- **peak**: peak memory of the whole load (background included), against read_csv's;
  target <= 1.2x
- **answer**: from the start of the load to the answer of ``average float_001 by cat_002``
  (the offline planner, which waits for the exact profile), in seconds.

The 10k x 100 table has an absolute target too: usable in at most 0.1 s.

    python benchmarks/load.py [--sizes 10000x100,1000000x20,1000000x100] [--repeat 3] [--huge]

``--huge`` adds the 10M x 20 table (about 1.7 GB of CSV, generated once into
benchmarks/.data, or ``--data``). Peak memory is measured in a fresh child process per path,
as the rise of that process's own high-water mark of resident memory (VmHWM, reset after the
warm-up) above its resident memory when the timed work starts, so neither the warm-up nor
one path's garbage counts against another. Tables are generated in a process of their own:
a child started by a parent that had just built a large table would otherwise inherit the
parent's high-water mark in ``ru_maxrss`` (Linux carries it across fork and exec), and the
peak it reported would be the generator's, not the load's.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
DEFAULT_SIZES = "10000x100,1000000x20,1000000x100"
HUGE = "10000000x20"
QUESTION = "average float_001 by cat_002"


def _generate(rows: int, columns: int, path: str) -> None:
    from csvagent_jupyter.sample_data import mixed_frame, write_csv

    temporary = Path(path + ".part")
    write_csv(mixed_frame(rows, columns), temporary)
    temporary.replace(path)


def table_path(rows: int, columns: int, data: Path = DATA) -> Path:
    """The table's CSV, generated once, by a process of its own (see the module's docstring)."""
    path = data / f"mixed_{rows}x{columns}.csv"
    if not path.exists():
        process = mp.get_context("spawn").Process(target=_generate, args=(rows, columns, str(path)))
        process.start()
        process.join()
        if process.exitcode != 0 or not path.exists():
            raise SystemExit(f"could not generate {path} (exit code {process.exitcode})")
    return path


def _status_kb(field: str) -> int | None:
    """A field of /proc/self/status in KiB (VmRSS, VmHWM), or None where there is none."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def _peak_meter() -> Callable[[], float]:
    """This process's peak memory from now on: a function giving its rise in MiB.

    Linux resets the high-water mark of resident memory (VmHWM) to the current size when
    "5" is written to clear_refs; the peak is then VmHWM less the resident size now.
    Elsewhere ru_maxrss is the fallback, which cannot be reset (nor is it after an exec).
    """
    try:
        with open("/proc/self/clear_refs", "w") as clear:
            clear.write("5")
        baseline = _status_kb("VmRSS")
    except OSError:
        baseline = None
    if baseline is not None:
        return lambda: ((_status_kb("VmHWM") or 0) - baseline) / 1024
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return lambda: (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024


def _run(kind: str, path: str, data_dir: str, queue: mp.Queue) -> None:
    import pandas as pd

    from csvagent_jupyter import Agent
    from csvagent_jupyter.sample_data import mixed_frame, write_csv

    # Warm up imports and the database with a small table of the same kinds of columns first:
    # what is timed is the steady state of a session, not Python importing pyarrow.compute or
    # the planner on the first load and question, nor pyarrow's Feather reader on the first
    # load from the cache (a second Agent reloads the warm-up table). The warm-up uses the
    # database of the timed load, as a session does: SQLAlchemy compiles each statement once
    # per engine, and the timed Agent shares the warm-up's engine.
    warm = write_csv(mixed_frame(2_000, 8, seed=1), Path(data_dir) / "warm-up.csv")
    pd.read_csv(warm)
    if kind != "read_csv":
        with Agent(data_dir=data_dir, model="offline") as warm_agent:
            warm_agent.load(warm)
            warm_agent.ask(QUESTION)
        with Agent(data_dir=data_dir, model="offline") as warm_agent:
            assert warm_agent.load(warm).reused
    gc.collect()  # the warm-up's garbage is not the load's
    peak_mb = _peak_meter()
    result: dict[str, float] = {}
    if kind == "read_csv":
        start = time.perf_counter()
        frame = pd.read_csv(path)
        result["usable"] = time.perf_counter() - start
        rows = len(frame)
    else:
        agent = Agent(data_dir=data_dir, model="offline")
        start = time.perf_counter()
        agent.load(path)
        result["usable"] = time.perf_counter() - start
        agent.frame()
        result["ready"] = time.perf_counter() - start
        agent.wait_profiled()
        result["profiled"] = time.perf_counter() - start
        if kind == "answer":
            answer = agent.ask(QUESTION)
            assert answer.ok, answer.summary
            result["answer"] = time.perf_counter() - start
        rows = len(agent.frame())
        agent.close()  # waits for the background cache write
    queue.put({**result, "peak_mb": peak_mb(), "rows": rows})


def measure(kind: str, path: Path, data_dir: Path) -> dict[str, float]:
    context = mp.get_context("spawn")
    queue: mp.Queue = context.Queue()
    process = context.Process(target=_run, args=(kind, str(path), str(data_dir), queue))
    process.start()
    result = queue.get(timeout=1800)
    process.join()
    return result


def bench(rows: int, columns: int, repeat: int, data: Path = DATA) -> dict[str, float | str]:
    path = table_path(rows, columns, data)
    with open(path, "rb") as handle:  # warm the page cache so every path starts equal
        while handle.read(64 * 1024 * 1024):
            pass
    runs: dict[str, list[dict[str, float]]] = {"read_csv": [], "load": [], "reload": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as data_dir:
            for kind, label in (("read_csv", "read_csv"), ("answer", "load"), ("load", "reload")):
                runs[label].append(measure(kind, path, Path(data_dir)))

    def med(label: str, key: str) -> float:
        return statistics.median(run[key] for run in runs[label])

    read_csv, peak_rc = med("read_csv", "usable"), max(med("read_csv", "peak_mb"), 1.0)
    return {
        "table": f"{rows}x{columns}",
        "mb": round(path.stat().st_size / 1e6, 1),
        "read_csv_s": round(read_csv, 3),
        "usable_s": round(med("load", "usable"), 3),
        "ready_s": round(med("load", "ready"), 3),
        "profiled_s": round(med("load", "profiled"), 3),
        "answer_s": round(med("load", "answer"), 3),
        "reload_s": round(med("reload", "usable"), 3),
        "usable_ratio": round(med("load", "usable") / read_csv, 2),
        "usable_worst": round(
            max(
                load["usable"] / plain["usable"]
                for load, plain in zip(runs["load"], runs["read_csv"], strict=True)
            ),
            2,
        ),
        "ready_ratio": round(med("load", "ready") / read_csv, 2),
        "profiled_ratio": round(med("load", "profiled") / read_csv, 2),
        "reload_ratio": round(med("reload", "usable") / read_csv, 2),
        "read_csv_peak_mb": round(peak_rc),
        "load_peak_mb": round(med("load", "peak_mb")),
        "peak_ratio": round(med("load", "peak_mb") / peak_rc, 2),
    }


COLUMNS = [
    ("table", "table", 12, ""),
    ("MB", "mb", 7, ""),
    ("read_csv", "read_csv_s", 9, "s"),
    ("usable", "usable_s", 8, "s"),
    ("ready", "ready_s", 8, "s"),
    ("profiled", "profiled_s", 9, "s"),
    ("answer", "answer_s", 8, "s"),
    ("reload", "reload_s", 8, "s"),
    ("usable/rc", "usable_ratio", 10, "x"),
    ("worst", "usable_worst", 6, "x"),
    ("ready/rc", "ready_ratio", 9, "x"),
    ("profiled/rc", "profiled_ratio", 12, "x"),
    ("reload/rc", "reload_ratio", 10, "x"),
    ("peak rc", "read_csv_peak_mb", 8, "M"),
    ("peak load", "load_peak_mb", 10, "M"),
    ("peak/rc", "peak_ratio", 8, "x"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="rows x columns, comma-separated")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--huge", action="store_true", help=f"add {HUGE} (about 1.7 GB of CSV)")
    parser.add_argument("--json", action="store_true", help="one JSON object per table")
    parser.add_argument("--data", type=Path, default=DATA, help="where the generated CSVs are kept")
    args = parser.parse_args()
    sizes = args.sizes.split(",") + ([HUGE] if args.huge else [])
    if not args.json:
        print(" ".join(f"{title:>{width}}" for title, _, width, _ in COLUMNS))
    for size in sizes:
        rows, columns = (int(x) for x in size.split("x"))
        row = bench(rows, columns, 1 if rows * columns >= 200_000_000 else args.repeat, args.data)
        if args.json:
            print(json.dumps(row))
        else:
            print(" ".join(f"{f'{row[key]}{unit}':>{width}}" for _, key, width, unit in COLUMNS))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
