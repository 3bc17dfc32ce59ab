"""Adapter for ../shared/bench/score.py: load the CSV with the package, ask the offline planner.

    python ../shared/bench/score.py --adapter benchmarks/tuning_adapter.py:answer \
        --set ../shared/bench/questions.jsonl --jobs 2
"""

from __future__ import annotations

import tempfile

from csvagent_jupyter import Agent


def answer(table_path: str, question: str) -> object:
    with tempfile.TemporaryDirectory() as folder, Agent(data_dir=folder) as agent:
        agent.load(table_path)
        result = agent.ask(question)
        if result.kind == "error":
            return None  # declined ("did you mean …"): no answer, not a wrong one
        return result.value
