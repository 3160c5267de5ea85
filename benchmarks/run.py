"""Estate Desk's benchmarks (issue 10): every row of the targets table, each beside a naive baseline.

Run from the repository root (after ``python -m pip install -e .``)::

    python -m benchmarks --database sqlite+pysqlite:////path/big.sqlite3      # an existing big estate
    python -m benchmarks --build 50000,1000000 --database URL                 # build it first (empty db)
    python -m benchmarks --scale tiny                                         # CI smoke: a tiny estate

Every row runs in a fresh child process (so start-up and memory are the row's own), repeats its
work, and prints the median and p95 in milliseconds and, measured in the same run, the same work
done the naive way, with the ratio. ``--only search,board`` runs some rows; ``--repeat`` changes
how often. The method, the machine and the latest figures are in ``BENCHMARKS.md``.

A row is a function ``(Context) -> list[Line]`` in :data:`ROWS`; more rows are added with :func:`row`.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

# Rows live in rows_*.py; importing them registers them.
from benchmarks import (  # noqa: F401
    ocr,
    ocr_ui,
    rows_archive,
    rows_backup,
    rows_digitise,
    rows_output,
    rows_schedule,
    rows_search,
    turns,
)
from benchmarks.common import ROWS, Context, Line

# The table, in order; rows registered later come after these.
ORDER = ("search", "archive", "startup", "startup100k", "labels", "catalogue", "board", "roster", "backup")

REPO = Path(__file__).resolve().parent.parent
TINY = (60, 600)


# --------------------------------------------------------------------------- driving


def _child(args: argparse.Namespace) -> int:
    from estate_desk.store.database import open_database

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    context = Context(args.database, args.repeat, args.tiny, Path(args.workdir))
    open_database(args.database).dispose()  # migrations, once, outside the timings
    lines = ROWS[args.one][1](context)
    print("@@RESULT@@" + json.dumps([asdict(line) for line in lines], ensure_ascii=False), flush=True)
    sys.stderr.flush()
    os._exit(0)  # the figures are out; skip Qt's and the GC's teardown, which is not what is measured


def _fmt(value: float) -> str:
    if math.isnan(value):
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 1 else f"{value:.2f}"


def _ratio(ratio: float) -> str:
    """naive ÷ ours; below 10 with two figures (a backup is slower than the plain copy it is compared to)."""
    return "—" if math.isnan(ratio) else f"{ratio:,.0f}×" if ratio >= 10 else f"{ratio:.2g}×"


def _print(lines: list[Line]) -> None:
    print("| what | median | p95 | naive median | ratio | target | met | note |")
    print("|---|---:|---:|---:|---:|---|---|---|")
    for line in lines:
        naive = statistics.median(line.naive) if line.naive else math.nan
        ratio = naive / line.median() if line.naive and line.median() > 0 else math.nan
        unit = "" if line.unit == "ms" else f" {line.unit}"
        met = {True: "yes", False: "**no**", None: ""}[line.met]
        print(
            f"| {line.what} | {_fmt(line.median())}{unit} | {_fmt(line.p95())}{unit} | "
            f"{_fmt(naive)}{unit if line.naive else ''} | {_ratio(ratio)} | "
            f"{line.target} | {met} | {line.note} |",
            flush=True,
        )


def _build(url: str, households: int, documents: int) -> None:
    from estate_desk.domain.clock import SystemClock
    from estate_desk.services.demo import big_estate
    from estate_desk.store.database import open_database

    db = open_database(url)
    summary = big_estate.build(
        db, SystemClock(), households=households, documents=documents, progress=lambda m: print("  " + m)
    )
    print(f"built {summary.households} households, {summary.documents} documents in {summary.seconds:.1f} s")
    db.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--database", help="the big estate's database URL (default: a temporary SQLite file)")
    parser.add_argument("--build", metavar="HOUSEHOLDS,DOCUMENTS", help="build the big estate first (empty database)")
    parser.add_argument("--scale", choices=("tiny", "big"), default="big", help="tiny: CI smoke, a tiny estate")
    parser.add_argument("--repeat", type=int, default=20, help="runs per measurement (naive ones fewer)")
    parser.add_argument("--only", help="comma-separated row keys: " + ",".join(ROWS))
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--tiny", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--workdir", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return _child(args)
    workdir = Path(tempfile.mkdtemp(prefix="estate-desk-bench-"))
    os.environ.setdefault("ESTATE_DESK_HOME", str(workdir))
    tiny = args.scale == "tiny"
    url = args.database or f"sqlite+pysqlite:///{workdir}/bench.sqlite3"
    if args.build or not args.database:
        households, documents = TINY if tiny or not args.build else map(int, args.build.split(","))
        _build(url, households, documents)
    repeat = 1 if tiny else args.repeat
    keys = args.only.split(",") if args.only else sorted(ROWS, key=lambda k: ORDER.index(k) if k in ORDER else 99)
    unknown = [k for k in keys if k not in ROWS]
    if unknown:
        parser.error(f"unknown rows: {', '.join(unknown)}")
    everything: list[Line] = []
    failed = []
    for key in keys:
        print(f"== {ROWS[key][0]}", flush=True)
        command = [sys.executable, "-m", "benchmarks", "--one", key, "--database", url, "--repeat", str(repeat)]
        command += ["--workdir", str(workdir)] + (["--tiny"] if tiny else [])
        path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p)  # a worktree's src kept
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=os.environ | {"PYTHONPATH": path})
        result = [ln for ln in done.stdout.splitlines() if ln.startswith("@@RESULT@@")]
        if done.returncode != 0 or not result:
            print(done.stdout[-2000:], done.stderr[-4000:], sep="\n")
            failed.append(key)
            continue
        lines = [Line(**item) for item in json.loads(result[-1].removeprefix("@@RESULT@@"))]
        _print(lines)
        everything += lines
    print("\n== all rows")
    _print(everything)
    if failed:
        print(f"rows that failed to run: {', '.join(failed)}")
        return 1
    return 0
