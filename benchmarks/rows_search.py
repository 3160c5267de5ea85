"""Search as you type, to the first page of results, against ``LIKE '%…%'`` on the base tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import event, func, select, text

from benchmarks import scan_pages
from benchmarks.common import Context, Line, percentile, row, timed_ms
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.estate.rooms import try_parse_room_code
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import scan_search, search
from estate_desk.services.demo import big_estate
from estate_desk.store.archive import Document
from estate_desk.store.database import open_database
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

TARGET = "p95 ≤ 20 ms; ≥ 10× naive"

# The naive way: LIKE '%…%' over the base tables, exact and prefix matches first, 20 per kind.
_NAIVE: tuple[tuple[str, str, tuple[str, ...], str, str], ...] = (
    ("owners", "id, name", ("name", "pinyin", "pinyin_initials"), "name", ""),
    ("rooms", "id, code", ("code",), "code", ""),
    ("boxes", "id, code", ("code",), "code", ""),
    ("volumes", "id, title", ("code", "title"), "code", ""),
    ("documents", "id, title, archive_no", ("archive_no", "doc_number", "title"), "archive_no", "secrecy <= :level"),
)


def naive_search(db: Database, actor: Actor, query: str) -> int:
    found = 0
    with db.engine.connect() as c:
        for form in search.query_forms(query):
            for table, columns, fields, order, extra in _NAIVE:
                where = " OR ".join(f"{f} LIKE :contains" for f in fields)
                sql = (
                    f"SELECT {columns} FROM {table} WHERE ({where}) {'AND ' + extra if extra else ''} "
                    f"ORDER BY CASE WHEN {order} = :q THEN 0 WHEN {order} LIKE :prefix THEN 1 ELSE 2 END, {order} "
                    "LIMIT 20"
                )
                params = {"contains": f"%{form}%", "prefix": f"{form}%", "q": form, "level": int(actor.clearance)}
                found += len(c.execute(text(sql), params).all())
    return found


def queries(db: Database) -> list[tuple[str, str]]:
    """What the clerk types, taken from the estate itself (so it works at every scale)."""
    with db.session() as s:
        owners = s.scalar(select(func.count()).select_from(Owner)) or 1
        two = s.scalar(select(Owner.name).where(func.length(Owner.name) == 2).order_by(Owner.id).limit(1))
        three = s.execute(
            select(Owner.name, Owner.pinyin, Owner.pinyin_initials)
            .where(func.length(Owner.name) == 3)
            .order_by(Owner.id)
            .offset(owners // 3)
            .limit(1)
        ).one()
        room = s.scalar(select(Room.code).order_by(Room.id).offset(owners // 2).limit(1)) or ""
        documents = s.scalar(select(func.max(Document.id))) or 1
        archive_no = s.scalar(select(Document.archive_no).where(Document.id >= documents // 2).limit(1)) or ""
    parsed = try_parse_room_code(room)
    typed_room = (
        f"{parsed.building}-{parsed.unit}-{parsed.room}" if parsed and parsed.unit else room
    )  # as the clerk types it
    return [
        ("1 character", "王"),
        ("2 characters (a name)", two or "王伟"),
        ("3+ characters (a name)", three.name),
        ("3+ characters (title words)", "装修责任书"),
        ("pinyin in full", three.pinyin),
        ("pinyin initials", three.pinyin_initials),
        ("room code", room),
        ("room code as typed", typed_room),
        ("room number alone", str(parsed.room) if parsed else room),  # every building's room of that number
        ("archive number", archive_no),
        ("archive number prefix", archive_no[: archive_no.rfind("-") + 2]),
    ]


def admin(db: Database) -> Actor:
    return accounts.authenticate(db, SystemClock(), "admin", big_estate.PASSWORD)


@row("search", "search as you type")
def search_row(context: Context) -> list[Line]:
    db = open_database(context.url)
    actor = admin(db)
    naive_runs = 2 if context.tiny else max(3, context.repeat // 5)
    lines = []
    for label, query in queries(db):
        search.search(db, actor, query)  # warm the caches as typing the first letters would
        ours = [timed_ms(lambda q=query: search.search(db, actor, q)) for _ in range(context.repeat)]
        hits = len(search.search(db, actor, query))
        naive = [timed_ms(lambda q=query: naive_search(db, actor, q)) for _ in range(naive_runs)]
        met = percentile(ours, 95) <= 20 and sorted(naive)[len(naive) // 2] >= 10 * sorted(ours)[len(ours) // 2]
        lines.append(Line(f"search: {label} «{query}»", TARGET, ours, naive, note=f"{hits} hits", met=met))
    lines += page_lines(context, db, actor, naive_runs)
    db.dispose()
    return lines


SCAN_PAGES = 20_000  # pages of OCR text the big estate is given for the page kind (tiny: 200)


def page_lines(context: Context, db: Database, actor: Actor, naive_runs: int) -> list[Line]:
    """The window's page search (kind ``page``: OCR text of scans) on every keystroke, on synthetic pages."""
    pages = scan_pages.ensure_pages(db, 200 if context.tiny else SCAN_PAGES)
    lines, level = [], int(actor.clearance)
    for label, query in scan_pages.QUERIES:
        scan_search.search_pages(db, actor, query)
        ours = [timed_ms(lambda q=query: scan_search.search_pages(db, actor, q)) for _ in range(context.repeat)]
        hits = len(scan_search.search_pages(db, actor, query))
        naive = [timed_ms(lambda q=query: scan_pages.naive_pages(db, level, q)) for _ in range(naive_runs)]
        met = percentile(ours, 95) <= 20 and sorted(naive)[len(naive) // 2] >= 10 * sorted(ours)[len(ours) // 2]
        note = f"{hits} hits; {pages:,} pages of text"
        lines.append(Line(f"search: {label} «{query}»", TARGET, ours, naive, note=note, met=met))
    return lines


def captured_statements(db: Database, actor: Actor, query: str) -> list[tuple[str, Any]]:
    """The SELECTs one search runs (a ``WITH …`` one among them), with their parameters."""
    statements: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        search.search(db, actor, query)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return statements


def plans(db: Database, actor: Actor, query: str) -> list[tuple[str, list[str]]]:
    """(statement, plan lines) for every SELECT of one search: EXPLAIN QUERY PLAN / EXPLAIN."""
    out = []
    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as c:
        for statement, params in captured_statements(db, actor, query):
            explain = ("EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN ") + statement
            rows = c.exec_driver_sql(explain, params).all()
            out.append((statement, [r[-1] if sqlite else r[0] for r in rows]))
    return out


_SCANNED = frozenset({"documents", "search_entries", "search_keys", "search_grams"})


def scans_documents(plan: list[str]) -> bool:
    """A full scan of the documents table or a search table (in table or index order) in a plan."""
    for line in plan:
        words = line.replace("Seq Scan on", "SCAN").replace("Parallel ", "").split()
        for n, word in enumerate(words[:-1]):
            if word == "SCAN" and words[n + 1] in _SCANNED:
                return True
    return False
