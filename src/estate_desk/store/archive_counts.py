"""The archive's maintained counts (计数表, issue 18): what start-up shows, without counting a million rows.

One row per (list, category, secrecy grade) holds how many documents are on that list:

* ``documents``: every document of the category (the archive's category tree shows these totals);
* ``to_digitise`` (待数字化): a paper original exists and no file is attached;
* ``paper_missing`` (纸质件未归位): a paper original exists and neither the document nor its volume
  stands in a box.

Void (作废) and destroyed (已销毁) records are counted as the lists have always counted them: they
stay in all three (a tombstone keeps its catalogue data and its place in the category). A reader's
count is the sum over the grades at most the reader's clearance (:func:`within`,
:func:`category_totals`): one short index range, whatever the size of the archive.

The counts are kept current by the session hooks of ``store/archive_count_hooks.py`` in the same
transaction as the change; :func:`counted` is the ``COUNT(*)`` the table must always equal (the
oracle of the tests and of ``verify``), :func:`rebuild_counts` refills the table from it after bulk
writes that bypass the ORM (the big-estate builder, a restore) or to repair a drift.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Integer, String, delete, exists, func, insert, literal, select, union_all
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from estate_desk.store.archive import Attachment, Document, Volume
from estate_desk.store.base import Base

if TYPE_CHECKING:
    from collections.abc import Collection, Iterable

    from sqlalchemy import Connection, Select, Table
    from sqlalchemy.orm import Session

DOCUMENTS = "documents"
TO_DIGITISE = "to_digitise"
PAPER_MISSING = "paper_missing"
LISTS = (DOCUMENTS, TO_DIGITISE, PAPER_MISSING)

Key = tuple[str, int, int]  # (list, category id, grade)


class ArchiveCount(Base):
    """How many documents of one category and one grade are on one list (derived, rebuilt on restore)."""

    __tablename__ = "archive_counts"

    list_name: Mapped[str] = mapped_column(String(16), primary_key=True)
    category_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # no foreign key: derived data
    grade: Mapped[int] = mapped_column(Integer, primary_key=True)
    documents: Mapped[int] = mapped_column(Integer, default=0)


_TABLE = cast("Table", ArchiveCount.__table__)


# --------------------------------------------------------------------------- reading


def within(session: Session | Connection, list_name: str, clearance: int) -> int:
    """How many documents a reader cleared to ``clearance`` sees on one list."""
    query = select(func.coalesce(func.sum(ArchiveCount.documents), 0)).where(
        ArchiveCount.list_name == list_name, ArchiveCount.grade <= clearance
    )
    return int(session.execute(query).scalar_one())


def category_totals(session: Session | Connection, clearance: int) -> dict[int, int]:
    """Each category's documents within the clearance (categories with none are left out)."""
    query = (
        select(ArchiveCount.category_id, func.sum(ArchiveCount.documents))
        .where(ArchiveCount.list_name == DOCUMENTS, ArchiveCount.grade <= clearance)
        .group_by(ArchiveCount.category_id)
    )
    return {int(c): int(n) for c, n in session.execute(query) if n}


def stored(session: Session | Connection) -> Counter[Key]:
    """The table as it stands (rows at zero left out)."""
    rows = session.execute(
        select(ArchiveCount.list_name, ArchiveCount.category_id, ArchiveCount.grade, ArchiveCount.documents)
    )
    return Counter({(name, int(c), int(g)): int(n) for name, c, g, n in rows if n})


# --------------------------------------------------------------------------- the oracle: COUNT(*)


def _has_attachment() -> Any:
    return exists().where(Attachment.document_id == Document.id)


def _paper_not_in_place() -> Any:
    return Document.has_paper.is_(True) & Document.box_id.is_(None) & Volume.box_id.is_(None)


def _grouped(name: str, query: Select[Any]) -> Select[Any]:
    return query.add_columns(literal(name).label("list_name")).group_by(Document.category_id, Document.secrecy)


def _counting() -> Select[Any]:
    """(category, grade, count, list) for every list, counted from the documents themselves."""
    base: Any = select(Document.category_id, Document.secrecy, func.count().label("n"))
    return union_all(
        _grouped(DOCUMENTS, base),
        _grouped(TO_DIGITISE, base.where(Document.has_paper.is_(True), ~_has_attachment())),
        _grouped(
            PAPER_MISSING,
            base.outerjoin(Volume, Document.volume_id == Volume.id).where(_paper_not_in_place()),
        ),
    ).subquery()  # type: ignore[return-value]


def counted(session: Session | Connection) -> Counter[Key]:
    """What the table must hold: ``COUNT(*)`` of every list by category and grade (a full scan)."""
    sub: Any = _counting()
    rows = session.execute(select(sub.c.list_name, sub.c.category_id, sub.c.secrecy, sub.c.n))
    return Counter({(name, int(c), int(g)): int(n) for name, c, g, n in rows if n})


def differences(session: Session | Connection) -> dict[Key, tuple[int, int]]:
    """Where the table and ``COUNT(*)`` disagree: key → (kept, counted)."""
    kept, actual = stored(session), counted(session)
    return {k: (kept[k], actual[k]) for k in sorted(set(kept) | set(actual)) if kept[k] != actual[k]}


def rebuild_on(connection: Connection) -> int:
    """Empty the table and fill it from ``COUNT(*)``; returns the number of rows written."""
    connection.execute(delete(_TABLE))
    sub: Any = _counting()
    query = select(sub.c.list_name, sub.c.category_id, sub.c.secrecy, sub.c.n)
    result = connection.execute(insert(_TABLE).from_select(["list_name", "category_id", "grade", "documents"], query))
    return int(result.rowcount or 0)


def rebuild_counts(session: Session) -> int:
    """Rebuild the counts inside the session's unit of work (after bulk or raw writes, or to repair)."""
    session.flush()
    return rebuild_on(session.connection())


# --------------------------------------------------------------------------- what documents add


def contributions(connection: Connection, document_ids: Collection[int]) -> Counter[Key]:
    """What these documents add to the table, as they stand in the database now."""
    found: Counter[Key] = Counter()
    ids = list(document_ids)
    for start in range(0, len(ids), 500):
        query = (
            select(
                Document.category_id,
                Document.secrecy,
                Document.has_paper,
                _has_attachment().label("digital"),
                Document.box_id,
                Volume.box_id,
            )
            .outerjoin(Volume, Document.volume_id == Volume.id)
            .where(Document.id.in_(ids[start : start + 500]))
        )
        for category, grade, paper, digital, box, volume_box in connection.execute(query):
            found[(DOCUMENTS, category, grade)] += 1
            if paper and not digital:
                found[(TO_DIGITISE, category, grade)] += 1
            if paper and box is None and volume_box is None:
                found[(PAPER_MISSING, category, grade)] += 1
    return found


def apply(connection: Connection, delta: Iterable[tuple[Key, int]]) -> None:
    """Add each change to its row, creating the row when it is the first of its kind."""
    rows = [{"list_name": k[0], "category_id": k[1], "grade": k[2], "documents": n} for k, n in delta if n]
    if not rows:
        return
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(_TABLE)
    upsert = statement.on_conflict_do_update(
        index_elements=["list_name", "category_id", "grade"],
        set_={"documents": _TABLE.c.documents + statement.excluded.documents},
    )
    connection.execute(upsert, rows)
