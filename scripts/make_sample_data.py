"""Write the notebooks' sample data (deterministic: the same bytes on every machine)."""

from __future__ import annotations

from pathlib import Path

from csvagent_jupyter.sample_data import write_quickstart_data

if __name__ == "__main__":
    path = write_quickstart_data(Path(__file__).resolve().parent.parent / "notebooks" / "data")
    print(f"wrote {path}")
