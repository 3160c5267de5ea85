"""The query plans of every search kind, for BENCHMARKS.md: ``python -m benchmarks.plans --database URL``.

EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL, for every SELECT one search runs, with the planner's
defaults; it exits non-zero when any plan scans the documents table or a search table whole.
"""

from __future__ import annotations

import argparse

from benchmarks.rows_search import admin, plans, queries, scans_documents
from estate_desk.store.database import open_database


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    args = parser.parse_args(argv)
    db = open_database(args.database)
    actor = admin(db)
    scanned = 0
    for label, query in queries(db):
        print(f"\n#### {label}: «{query}»\n\n```")
        for statement, plan in plans(db, actor, query):
            print(" ".join(statement.split())[:400])
            for line in plan:
                print("    " + line)
            scanned += scans_documents(plan)
        print("```")
    print(f"\nplans with a full scan of documents or search tables: {scanned}")
    db.dispose()
    return 1 if scanned else 0


if __name__ == "__main__":
    raise SystemExit(main())
