"""A separate process for the concurrency tests: open one database, load files, say what is done.

    python tests/concurrent_worker.py DATABASE_URL DATA_DIR START_AT CSV [CSV ...]

Waits until the wall-clock time START_AT (so that all workers open the database at the
same moment), then loads each CSV and prints ``done <file id>`` once the load returned;
``progress`` lines are printed while loading, so a test can kill a worker mid-load.
"""

from __future__ import annotations

import sys
import time


def main() -> None:
    url, data_dir, start_at, *paths = sys.argv[1:]
    from csvagent_jupyter import Agent

    time.sleep(max(0.0, float(start_at) - time.time()))
    with Agent(database_url=url, data_dir=data_dir) as agent:
        for path in paths:
            # one write a line: the background phase reports its progress from its own
            # thread, and print() writes its words apart, so lines could interleave
            info = agent.load(path, on_progress=lambda _: _say("progress"))
            _say(f"done {info.id}")


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
