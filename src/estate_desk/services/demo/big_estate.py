"""A big synthetic estate on demand (issue 10): 50,000 households and a million documents in minutes.

What a property company running dozens of estates keeps in one archive, for the benchmarks in
``benchmarks/``: buildings of up to 33 floors, owners with realistic Chinese names (common and
rare surnames, compound ones such as 欧阳 and 亓官), documents in all seven categories — half of
them owner files (业主档案) — boxes standing in cabinets, 2,000 open tickets at the front desk, and a
year's borrowing ledger (``services/demo/big_estate_loans.py``: requests, decisions, loans out, overdue
and returned).

It is deterministic: the same seed and sizes give the same archive, row for row. It does not go
through the UI's one-at-a-time path: rows are planned in Python and written in batches with
SQLAlchemy Core (``executemany``), with explicit ids so nothing has to be read back; the search
index is filled in bulk afterwards (:func:`estate_desk.store.search_fill.fill_index`, the same
entries the session hooks write one by one), and so are the archive's maintained counts
(:func:`estate_desk.store.archive_counts.rebuild_on`). Numbering counters (档号, box numbers, the desk's
change counter) are left where the next registration through the services continues.

The steps live beside it: the plan and the bulk helpers (``big_estate_plan.py``), names
(``big_estate_names.py``), buildings, rooms and owners (``big_estate_households.py``), documents, boxes
and cabinets (``big_estate_documents.py``) and the front desk's tickets (``big_estate_tickets.py``).
Further fillers (the loans first) extend it through :data:`FILLERS`: each gets the connection and the
:class:`~estate_desk.services.demo.big_estate_plan.Plan` after the archive, the estate and the tickets are
written, before the index.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.roles import Role
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.demo.big_estate_documents import write_documents
from estate_desk.services.demo.big_estate_households import write_estate
from estate_desk.services.demo.big_estate_loans import loans
from estate_desk.services.demo.big_estate_plan import Plan, table_of
from estate_desk.services.demo.big_estate_tickets import OPEN_TICKETS, write_tickets
from estate_desk.store import archive_counts
from estate_desk.store.accounts import User
from estate_desk.store.archive import ArchiveBox, Cabinet, Document
from estate_desk.store.desk import Ticket
from estate_desk.store.estate import Building, Owner, Ownership, Room
from estate_desk.store.search_fill import fill_index, sync_sequences

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Connection

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database

PASSWORD = "demo-2024"
USERS: tuple[tuple[str, str, Role], ...] = (
    ("clerk", "李秀英", Role.ARCHIVE_CLERK),
    ("desk", "王芳", Role.RECEPTIONIST),
    ("boss", "张建国", Role.SUPERVISOR),  # approves secret loans (A12)
    ("office", "赵敏", Role.MANAGEMENT_OFFICE),  # approves owner files and special cases (A12)
)

FILLERS: list[Callable[[Connection, Plan], None]] = [loans]  # further fillers run in order


@dataclass(frozen=True)
class BigSummary:
    households: int
    documents: int
    boxes: int
    cabinets: int
    tickets: int
    index_entries: int
    seconds: float
    timings: dict[str, float]


def build(
    db: Database,
    clock: Clock,
    *,
    households: int = 50_000,
    documents: int = 1_000_000,
    seed: int = 2024,
    progress: Callable[[str], None] | None = None,
) -> BigSummary:
    """Set up an empty database as the big estate. Refused when the archive is already set up."""
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    made = setup.initialise(
        db,
        clock,
        office_name="翠湖物业集团档案中心",
        fonds_code="Z001",
        admin_username="admin",
        admin_password=PASSWORD,
        admin_display_name="系统管理员",
    )
    plan = Plan(households, documents, seed, clock, random.Random(seed))
    with db.session() as s:
        for username, display, role in USERS:
            accounts.add_user(
                s, clock, username=username, password=PASSWORD, role=role, display_name=display, keys=made.keys
            )
        s.flush()
        plan.user_ids = {name: user_id for name, user_id in s.execute(select(User.username, User.id))}
        connection = s.connection()
        steps: tuple[tuple[str, Callable[[Connection, Plan], None]], ...] = (
            ("estate", write_estate),
            ("documents", write_documents),
            ("tickets", write_tickets),
            *((f.__name__, f) for f in FILLERS),
        )
        for name, step in steps:
            began = time.perf_counter()
            step(connection, plan)
            plan.timings[name] = time.perf_counter() - began
            say(f"{name}: {plan.timings[name]:.1f} s")
        began = time.perf_counter()
        entries = fill_index(connection)
        plan.timings["search index"] = time.perf_counter() - began
        say(f"search index: {plan.timings['search index']:.1f} s")
        began = time.perf_counter()
        archive_counts.rebuild_on(connection)  # the Core writes above bypass the counts' session hooks
        plan.timings["counts"] = time.perf_counter() - began
        sync_sequences(connection, [table_of(m) for m in (Building, Room, Owner, Ownership, Cabinet, ArchiveBox)])
        sync_sequences(connection, [table_of(m) for m in (Document, Ticket)])
    if db.engine.dialect.name == "sqlite":
        with db.engine.connect() as c:
            c.exec_driver_sql("ANALYZE")
    elif db.engine.dialect.name == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.exec_driver_sql("ANALYZE")
    return BigSummary(
        households,
        len(plan.document_ids),
        len(plan.box_ids),
        plan.cabinets,
        OPEN_TICKETS,
        entries,
        time.perf_counter() - started,
        plan.timings,
    )
