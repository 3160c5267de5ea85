"""The counts the window reads at start, counted (before issue 18) and maintained (after), on one estate.

``python -m benchmarks.counts [--database URL] [--build HOUSEHOLDS,DOCUMENTS] [--repeat N]`` builds a
big estate (default 5,000 households / 100,000 documents) unless the database is given, then times, in
this one process, for an administrator (绝密) and a clerk cleared for 内部:

* before: the statements main sent — ``to_digitise_count`` (a scan with a correlated NOT EXISTS per
  document), ``paper_missing_count`` (a scan joined to the volumes), the category tree's totals (a
  grouped count of every visible document);
* after: the same three read from ``archive_counts``;
* the rebuild of the table (what migration 0014 costs an existing archive, and the builder's last step).

Wall-clock and CPU medians over ``--repeat`` runs, in milliseconds; the figures are noisy on a shared
machine, print ``uptime`` beside them.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, func, select

from estate_desk.domain.clock import SystemClock
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.demo import big_estate
from estate_desk.store import archive_counts
from estate_desk.store.archive import Attachment, Document, Volume
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from collections.abc import Callable


def _old_to_digitise(s: Any, clearance: int) -> int:
    digital = exists().where(Attachment.document_id == Document.id)
    query = select(func.count(Document.id)).where(Document.secrecy <= clearance, Document.has_paper.is_(True), ~digital)
    return int(s.scalar(query) or 0)


def _old(s: Any, clearance: int) -> tuple[int, int, dict[int, int]]:
    visible = Document.secrecy <= clearance
    to_digitise = _old_to_digitise(s, clearance)
    missing = s.scalar(
        select(func.count(Document.id))
        .outerjoin(Volume, Document.volume_id == Volume.id)
        .where(visible, Document.has_paper.is_(True), Document.box_id.is_(None), Volume.box_id.is_(None))
    )
    totals = dict(
        s.execute(select(Document.category_id, func.count()).where(visible).group_by(Document.category_id)).all()
    )
    return to_digitise, int(missing or 0), totals


def _new(s: Any, clearance: int) -> tuple[int, int, dict[int, int]]:
    return (
        archive_counts.within(s, archive_counts.TO_DIGITISE, clearance),
        archive_counts.within(s, archive_counts.PAPER_MISSING, clearance),
        archive_counts.category_totals(s, clearance),
    )


def _timed(repeat: int, run: Callable[[], object]) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        run()
        walls.append((time.perf_counter() - w) * 1000)
        cpus.append((time.process_time() - c) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.counts", description=__doc__.splitlines()[0])
    parser.add_argument("--database")
    parser.add_argument("--build", metavar="HOUSEHOLDS,DOCUMENTS", help="default 5000,100000 without --database")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    url = args.database or f"sqlite:///{Path(tempfile.mkdtemp()) / 'counts.sqlite3'}"
    db = open_database(url)
    if args.database is None or args.build:
        print(f"building the big estate in {url}")
        households, documents = (int(n) for n in (args.build or "5000,100000").split(","))
        summary = big_estate.build(db, SystemClock(), households=households, documents=documents)
        print(
            f"built {summary.documents:,} documents in {summary.seconds:.0f} s: counts {summary.timings['counts']:.2f} s"
        )
    for clearance in (Grade.TOP_SECRET, Grade.INTERNAL):
        with db.session() as s:
            assert _old(s, int(clearance)) == _new(s, int(clearance)), "maintained counts differ from COUNT(*)"
            before = _timed(max(1, args.repeat // 2), lambda s=s, c=int(clearance): _old(s, c))
            after = _timed(args.repeat, lambda s=s, c=int(clearance): _new(s, c))
            print(
                f"{clearance.label('en'):>10}: three start-up counts before {before[0]:8.1f} ms (CPU {before[1]:.1f}), "
                f"after {after[0]:.2f} ms (CPU {after[1]:.2f})"
            )
            single = _timed(max(1, args.repeat // 2), lambda s=s, c=int(clearance): _old_to_digitise(s, c))
            print(f"{'':>10}  to_digitise_count alone before {single[0]:8.1f} ms")
    with db.session() as s:
        rebuild = _timed(3, lambda: archive_counts.rebuild_counts(s))
    print(f"rebuild of the table (= migration 0014's fill): {rebuild[0]:.0f} ms (CPU {rebuild[1]:.0f})")
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
