"""``make demo``: the quickstart without a browser. Loads the sample sales CSV and prints answers."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .agent import Agent
from .sample_data import write_quickstart_data

QUESTIONS = [
    "how many orders are there?",
    "average revenue by region",
    "which product has the highest total revenue?",
    "are there any orders with more than 18 units?",
    "total revenue by month as a line chart",
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_quickstart_data(Path(folder) / "data")
        with Agent(data_dir=Path(folder) / "agent") as agent:
            info = agent.load(path)
            print(f"Loaded {info.name}: {info.rows:,} rows × {len(info.columns)} columns")
            for column in info.ready_profile.column_profiles:
                print(f"  {column.name:<12} {column.type:<9} {column.distinct:>5} distinct")
            ask = getattr(agent, "ask", None)
            if ask is None:
                return
            for question in QUESTIONS:
                result = ask(question)
                print(f"\n>>> {question}")
                if result.interpretation:  # what was computed, in one sentence
                    print(result.interpretation)
                print(result.summary)
                if result.kind == "table":
                    print(result.value.head(10).to_string())


if __name__ == "__main__":
    main()
