"""Ask benchmark: end-to-end ``agent.ask`` (offline planner) and the bare executor, against
the same analysis written by hand in pandas, in the same process, on generated tables.

Targets: executor within 1.2x of hand-written pandas on a group-by over 1M x 20; end-to-end
ask within 1.2x + 30 ms. Prints medians over --repeat runs; the answer cache is off, so every
ask plans, validates, executes and logs.

    python benchmarks/ask.py [--sizes 10000x100,1000000x20] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import table_path

from csvagent_jupyter import Agent
from csvagent_jupyter.analysis.plan import Aggregate, GroupKey, Plan
from csvagent_jupyter.analysis.run import run_plan
from csvagent_jupyter.settings import Settings


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    function()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench(rows: int, columns: int, repeat: int) -> tuple[float, float, float]:
    """Median seconds of hand-written pandas, the executor and agent.ask on one table."""
    path = table_path(rows, columns)
    question = "average float_001 by cat_002"
    plan = Plan(
        operation="aggregate",
        aggregates=[Aggregate(func="mean", column="float_001")],
        group_by=[GroupKey(column="cat_002")],
    )
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings.from_env(data_dir=folder, answer_cache=False)
        with Agent(settings=settings) as agent:
            info = agent.load(path)
            frame = agent.frame()
            assert agent.ask(question).value.equals(run_plan(plan, frame, info.profile, path).value)

            def hand() -> object:
                return frame.groupby("cat_002", observed=True)["float_001"].mean().reset_index()

            hand_s = median_seconds(hand, repeat)
            exec_s = median_seconds(lambda: run_plan(plan, frame, info.profile, path), repeat)
            ask_s = median_seconds(lambda: agent.ask(question), repeat)
    return hand_s, exec_s, ask_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000x100,1000000x20")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    print(
        f"{'table':>12} {'hand':>9} {'executor':>9} {'ask':>9} {'exec/hand':>10} "
        f"{'ask/hand':>9} {'ask-1.2x hand':>14}"
    )
    for size in args.sizes.split(","):
        rows, columns = (int(x) for x in size.split("x"))
        hand_s, exec_s, ask_s = bench(rows, columns, args.repeat)
        print(
            f"{size:>12} {hand_s * 1e3:>7.1f}ms {exec_s * 1e3:>7.1f}ms {ask_s * 1e3:>7.1f}ms "
            f"{exec_s / hand_s:>9.2f}x {ask_s / hand_s:>8.2f}x {(ask_s - 1.2 * hand_s) * 1e3:>+12.1f}ms"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
