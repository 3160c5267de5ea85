"""CPU time of every search kind (``time.process_time``), for comparing two versions on a shared machine.

``python -m benchmarks.search_cpu --database URL [--repeat N]``: the search row's queries, each run N
times after a warm-up; prints median and p95 in milliseconds of CPU (the process's own, so other jobs on
the cores inflate it far less than wall-clock time).
"""

from __future__ import annotations

import argparse
import time

from benchmarks.common import percentile
from benchmarks.rows_search import admin, queries
from estate_desk.services.archive import search
from estate_desk.store.database import open_database


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    db = open_database(args.database)
    actor = admin(db)
    print("| search kind | CPU median | CPU p95 | hits |\n|---|---:|---:|---:|")
    for label, query in queries(db):
        search.search(db, actor, query)
        runs = []
        for _ in range(args.repeat):
            start = time.process_time()
            hits = search.search(db, actor, query)
            runs.append((time.process_time() - start) * 1000)
        runs.sort()
        print(f"| {label} «{query}» | {runs[len(runs) // 2]:.2f} | {percentile(runs, 95):.2f} | {len(hits)} |")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
