#!/usr/bin/env python3
"""Judge one pytest run of CI: its exit status, and every skip against the allow-list.

    python .ci/check_skips.py --run sqlite --status 0 [--allow .ci/expected-skips] LOG

LOG is pytest's output with the short summary of skips (``-ra`` or ``-rs``): lines like
``SKIPPED [2] tests/store/test_lan.py:61: LAN mode is PostgreSQL: …``. Each skip is printed, marked
expected (with the allow-list's reason) or UNEXPECTED. The run fails (exit 1) when pytest failed,
when it ran no test (status 5), when a skip is not on the allow-list, or when the skips listed
do not add up to the count on pytest's closing line (the summary was not asked for). A skip
hides a test that CI believes ran: only a named one, with a reason, may happen.

The allow-list holds one skip a line: ``RUN | FILE | REASON | WHY``. RUN is sqlite, postgresql
or *; FILE and REASON are shell-style patterns (fnmatch) for the test file and the skip's
reason; WHY says why CI may skip it (required). ``#`` starts a comment line.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

RUNS = ("sqlite", "postgresql")
NO_TESTS = 5  # pytest's exit status when it collected nothing
_SKIP = re.compile(r"^SKIPPED \[(\d+)\] (.+?):(\d+): (.*)$")
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CLOSING = re.compile(r"^=*\s*\d+ \w+.* in [\d.]+s")  # "=== 1203 passed, 4 skipped in 611.2s (0:10:11) ==="


@dataclass(frozen=True)
class Skip:
    count: int
    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"[{self.count}] {self.file}:{self.line}: {self.reason}"


@dataclass(frozen=True)
class Expected:
    run: str
    file: str
    reason: str
    why: str

    def matches(self, run: str, skip: Skip) -> bool:
        return self.run in ("*", run) and fnmatchcase(skip.file, self.file) and fnmatchcase(skip.reason, self.reason)


class AllowListError(ValueError):
    pass


def parse_allow_list(text: str) -> list[Expected]:
    entries: list[Expected] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split(" | ")]
        if len(fields) != 4 or not all(fields):
            raise AllowListError(f"line {number}: write RUN | FILE | REASON | WHY, all four: {raw!r}")
        run, file, reason, why = fields
        if run not in (*RUNS, "*"):
            raise AllowListError(f"line {number}: RUN is one of {', '.join(RUNS)} or *, not {run!r}")
        entries.append(Expected(run, file, reason, why))
    return entries


def parse_skips(log: str) -> list[Skip]:
    skips = []
    for raw in log.splitlines():
        found = _SKIP.match(_ANSI.sub("", raw).rstrip())
        if found:
            skips.append(Skip(int(found[1]), found[2], int(found[3]), found[4]))
    return skips


def skipped_on_closing_line(log: str) -> int | None:
    """The ``N skipped`` of pytest's last summary line (0 when none skipped); None without such a line."""
    lines = [_ANSI.sub("", line).strip() for line in log.splitlines()]
    for line in reversed(lines):
        if _CLOSING.match(line) or re.match(r"^=*\s*no tests ran", line):
            found = re.search(r"(\d+) skipped", line)
            return int(found[1]) if found else 0
    return None


def judge(run: str, status: int, log: str, allowed: list[Expected]) -> tuple[bool, list[str]]:
    """(passed, the lines to print) for one pytest run."""
    out: list[str] = []
    ok = True
    skips = parse_skips(log)
    total = sum(skip.count for skip in skips)
    out.append(f"== skips on {run}: {total} test(s) in {len(skips)} place(s)")
    unexpected = []
    for skip in skips:
        entry = next((e for e in allowed if e.matches(run, skip)), None)
        if entry is None:
            unexpected.append(skip)
            out.append(f"  UNEXPECTED {skip}")
        else:
            out.append(f"  expected   {skip}  — {entry.why}")
    used = {e for e in allowed for skip in skips if e.matches(run, skip)}
    for entry in allowed:
        if entry.run in ("*", run) and entry not in used:
            out.append(f"  (allowed but not skipped this time: {entry.file} | {entry.reason})")
    closing = skipped_on_closing_line(log)
    if status == NO_TESTS:
        ok = False
        out.append(f"FAIL {run}: pytest ran no test (exit status 5)")
    elif status != 0:
        ok = False
        out.append(f"FAIL {run}: pytest exited with status {status}")
    if closing is None:
        ok = False
        out.append(f"FAIL {run}: no pytest closing line in the log: the run did not finish")
    elif closing != total:
        ok = False
        out.append(
            f"FAIL {run}: pytest reports {closing} skipped but the summary lists {total}: run pytest with -ra or -rs"
        )
    if unexpected:
        ok = False
        out.append(
            f"FAIL {run}: {len(unexpected)} unexpected skip(s) — install what they need, or name them with a "
            "reason in .ci/expected-skips: " + "; ".join(f"{s.file}:{s.line}" for s in unexpected)
        )
    if ok:
        out.append(f"OK {run}: pytest passed; every skip is an expected one")
    return ok, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--run", required=True, choices=RUNS)
    parser.add_argument("--status", type=int, required=True, help="pytest's exit status")
    parser.add_argument("--allow", type=Path, default=Path(__file__).with_name("expected-skips"))
    parser.add_argument("log", type=Path)
    args = parser.parse_args(argv)
    try:
        allowed = parse_allow_list(args.allow.read_text(encoding="utf-8"))
    except AllowListError as exc:
        print(f"FAIL {args.allow}: {exc}")
        return 1
    ok, lines = judge(args.run, args.status, args.log.read_text(encoding="utf-8", errors="replace"), allowed)
    print("\n".join(lines))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
