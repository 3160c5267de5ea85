"""The big estate's plan and its bulk writing helpers (issue 10): what every filler gets and writes with.

:class:`Plan` is what the builder (``services/demo/big_estate.py``) has written so far — sizes, id ranges, the
clock and the random source — handed to each step and to the further fillers
(``services/demo/big_estate_loans.py``). The helpers write rows in batches with SQLAlchemy Core
(``executemany``) under explicit ids, so nothing has to be read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, insert, select

if TYPE_CHECKING:
    import random

    from sqlalchemy import Connection, Table

    from estate_desk.domain.clock import Clock

BATCH = 10_000  # rows per executemany


@dataclass
class Plan:
    """What the builder has written so far, for fillers: sizes, id ranges, the clock and the random source."""

    households: int
    documents: int
    seed: int
    clock: Clock
    rng: random.Random
    room_ids: list[int] = field(default_factory=list)  # room i is owned by owner_ids[i]
    owner_ids: list[int] = field(default_factory=list)
    room_codes: list[str] = field(default_factory=list)
    owner_names: list[str] = field(default_factory=list)
    document_ids: range = range(0)
    box_ids: range = range(0)
    cabinets: int = 0
    user_ids: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # step → seconds


def write_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        connection.execute(insert(table), rows[start : start + BATCH])


def next_id(connection: Connection, model: Any) -> int:
    return int(connection.scalar(select(func.coalesce(func.max(model.id), 0))) or 0) + 1


def table_of(model: Any) -> Table:
    return cast("Table", model.__table__)
