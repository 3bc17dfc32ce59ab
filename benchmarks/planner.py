"""Score the offline planner on both tuning sets in ../shared/bench: accuracy and precision.

    python benchmarks/planner.py            # both sets, 2 jobs
    python benchmarks/planner.py --set analyst --show 20

Accuracy is correct ÷ asked; precision is correct ÷ answered (a question the planner
declines, with "did you mean …", is not an answer). Both matter: a wrong number with no
sign of doubt is worse for an analyst than "I could not tell".
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"
SETS = {"wtq": BENCH / "questions.jsonl", "analyst": BENCH / "analyst"}
ADAPTER = ROOT / "benchmarks" / "tuning_adapter.py"


def run(name: str, out: Path, jobs: int) -> list[dict[str, object]]:
    command = [
        sys.executable,
        str(BENCH / "score.py"),
        "--adapter",
        f"{ADAPTER}:answer",
        "--set",
        str(SETS[name]),
        "--jobs",
        str(jobs),
        "--quiet",
        "--out",
        str(out),
    ]
    subprocess.run(
        command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return list(json.loads(out.read_text())["results"])


def answered(row: dict[str, object]) -> bool:
    return row["status"] == "ok" and row["prediction"] is not None


def report(name: str, rows: list[dict[str, object]], show: int) -> None:
    def line(label: str, subset: list[dict[str, object]]) -> str:
        n = len(subset)
        given = [r for r in subset if answered(r)]
        correct = sum(1 for r in subset if r["correct"])
        precision = correct / len(given) if given else float("nan")
        return (
            f"  {label:<24} accuracy {correct / n if n else float('nan'):.3f} ({correct}/{n})"
            f"  answered {len(given):>3}  precision {precision:.3f}"
        )

    print(f"{name}:")
    print(line("all", rows))
    for cls in ("simple", "complex"):
        print(line(cls, [r for r in rows if r["difficulty_class"] == cls]))
    family = Counter(str(r.get("family") or r.get("answer_type")) for r in rows)
    for key in sorted(family):
        print(line(key, [r for r in rows if str(r.get("family") or r.get("answer_type")) == key]))
    wrong = [r for r in rows if answered(r) and not r["correct"]]
    for r in wrong[:show]:
        print(
            f"    WRONG {r['id']}: {r['question']!r} gold={r['gold']!r} got={str(r['prediction'])[:80]}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=[*SETS, "both"], default="both")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=0, help="list this many wrong answers")
    parser.add_argument("--out", type=Path, default=None, help="folder for score.py's JSON files")
    args = parser.parse_args()
    if not BENCH.exists():
        sys.exit(f"{BENCH} is not there: the tuning sets live beside the project folder.")
    names = list(SETS) if args.set == "both" else [args.set]
    with tempfile.TemporaryDirectory() as folder:
        where = args.out or Path(folder)
        where.mkdir(parents=True, exist_ok=True)
        for name in names:
            report(name, run(name, where / f"{name}.json", args.jobs), args.show)


if __name__ == "__main__":
    main()
