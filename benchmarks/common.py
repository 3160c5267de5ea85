"""What every benchmark row shares: the printed line, the context, the registry and the clocks."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Line:
    """One printed line: our figures and the naive ones (milliseconds unless ``unit`` says otherwise)."""

    what: str
    target: str
    ours: list[float]
    naive: list[float] = field(default_factory=list)
    unit: str = "ms"
    note: str = ""  # what the baseline is, sizes, memory …
    met: bool | None = None  # the target, judged by the row

    def median(self) -> float:
        return statistics.median(self.ours)

    def p95(self) -> float:
        return percentile(self.ours, 95)


@dataclass
class Context:
    url: str
    repeat: int
    tiny: bool
    workdir: Path


Row = Callable[[Context], list[Line]]
ROWS: dict[str, tuple[str, Row]] = {}  # key → (what, function), in the table's order


def row(key: str, what: str) -> Callable[[Row], Row]:
    def register(function: Row) -> Row:
        ROWS[key] = (what, function)
        return function

    return register


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return math.nan
    k = (len(ordered) - 1) * pct / 100
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def timed_ms(action: Callable[[], Any]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _status_mb(field: str) -> float | None:
    """A memory figure of this process from /proc/self/status (MB), where there is one."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def peak_rss_mb() -> float:
    """The process's peak resident memory (MB). VmHWM where there is one: Linux keeps ``ru_maxrss`` across
    ``exec``, so a row's child would report the runner's peak (e.g. the estate it just built) as its own."""
    import resource

    found = _status_mb("VmHWM")
    return found if found is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    """The process's resident memory now (MB), from /proc where there is one."""
    found = _status_mb("VmRSS")
    return found if found is not None else peak_rss_mb()
