"""The archive table's list: a category's documents, filtered and sorted by the database, read by page.

:class:`DocumentWindow` is what the table model holds instead of the whole id list (issue 10): its
length is one COUNT and ``window[row]`` reads the page holding ``row`` when first asked. The
filters (:class:`DocumentFilter`: year, grade, box, dual-track state) and the order
(:class:`Order`) are part of the query, never applied in Python over fetched rows (issue 20).

Each order is a column of ``documents`` with the archive number (unique) after it, so the order is
total and a page can follow the one before it by keyset. An order is offered only where an index
gives it (:func:`sortable`): within a category, the archive number, the year and the title (the
indexes on (category, column, archive number, grade)); over all categories, the archive number
alone (its unique index) — sorting a million documents by year would sort them all for every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any, overload

from sqlalchemy import func, select, tuple_

from estate_desk.services.archive.numbering import code_forms_in
from estate_desk.services.archive.worklists import track_is
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store.archive import ArchiveBox, Document

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy.orm import Session

    from estate_desk.domain.archive.dual_track import Track
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


class SortKey(StrEnum):
    """A column the archive table can be sorted by in the database."""

    ARCHIVE_NO = "archive_no"  # 档号
    TITLE = "title"  # 题名
    YEAR = "year"  # 年度


_COLUMN = {SortKey.ARCHIVE_NO: Document.archive_no, SortKey.TITLE: Document.title, SortKey.YEAR: Document.year}


@dataclass(frozen=True)
class Order:
    key: SortKey = SortKey.ARCHIVE_NO
    descending: bool = False


ARCHIVE_ORDER = Order()


def sortable(category_id: int | None) -> frozenset[SortKey]:
    """The orders an index gives for this list: all three within a category, the archive number over all."""
    return frozenset(SortKey) if category_id is not None else frozenset({SortKey.ARCHIVE_NO})


@dataclass(frozen=True)
class DocumentFilter:
    """What the clerk narrows the list to; None is "any". ``box`` is a box code as typed or scanned."""

    year: int | None = None
    grade: Grade | None = None
    box: str | None = None
    track: Track | None = None

    def __bool__(self) -> bool:
        return any(v is not None for v in (self.year, self.grade, self.box, self.track))


NO_FILTER = DocumentFilter()


def _filter_where(s: Session, wanted: DocumentFilter) -> list[Any]:
    where: list[Any] = []
    if wanted.year is not None:
        where.append(Document.year == wanted.year)
    if wanted.grade is not None:
        where.append(Document.secrecy == int(wanted.grade))
    if wanted.box is not None:
        forms = code_forms_in(s, wanted.box.strip()) or [wanted.box.strip()]
        where.append(Document.box_id.in_(select(ArchiveBox.id).where(ArchiveBox.code.in_(forms))))
    if wanted.track is not None:
        where.append(track_is(wanted.track))
    return where


class DocumentWindow(Sequence[int]):
    """The ids of a category's documents (all categories for None), filtered and in one order, by page.

    ``window[row]`` reads the page holding ``row`` when first asked — by keyset from a page next to
    it that is already read (leafing on), else by OFFSET from the nearer end (a jump to the end
    reads the last page). With an index that gives the order, a page is one short index range, so
    a category of 500,000 documents opens, sorts and scrolls like one of fifty.
    """

    PAGE = 200

    def __init__(
        self,
        db: Database,
        actor: Actor,
        category_id: int | None,
        order: Order = ARCHIVE_ORDER,
        wanted: DocumentFilter = NO_FILTER,
    ) -> None:
        if order.key not in sortable(category_id):
            raise ValueError(f"no index orders this list by {order.key}")
        self._db, self.order = db, order
        self._columns = (
            [_COLUMN[order.key]] if order.key is SortKey.ARCHIVE_NO else [_COLUMN[order.key], Document.archive_no]
        )
        self._pages: dict[int, list[tuple[Any, ...]]] = {}  # page number → (id, *order values) rows
        self._where: list[Any] = [documents_visible(actor)]
        if category_id is not None:
            self._where.append(Document.category_id == category_id)
        with db.session() as s:
            self._where += _filter_where(s, wanted)
            self._count = s.scalar(select(func.count()).select_from(Document).where(*self._where)) or 0
        self.reads = 0  # pages read from the database; tests and benchmarks look

    # ---- the order as SQL: "after" and "before" a row, in the list's direction

    def _key(self) -> Any:
        return self._columns[0] if len(self._columns) == 1 else tuple_(*self._columns)

    def _values(self, values: Sequence[Any]) -> Any:
        return values[0] if len(values) == 1 else tuple_(*values)

    def _after(self, values: Sequence[Any]) -> Any:
        key, at = self._key(), self._values(values)
        return key < at if self.order.descending else key > at

    def _before(self, values: Sequence[Any]) -> Any:
        key, at = self._key(), self._values(values)
        return key > at if self.order.descending else key < at

    def _ordered(self, *, reverse: bool = False) -> list[Any]:
        descending = self.order.descending != reverse
        return [c.desc() if descending else c.asc() for c in self._columns]

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        number, offset = divmod(index, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read(number)
        return int(page[offset][0])

    def _read(self, number: int) -> list[tuple[Any, ...]]:
        size = min(self.PAGE, self._count - number * self.PAGE)
        query = select(Document.id, *self._columns).where(*self._where)
        before, after = self._pages.get(number - 1), self._pages.get(number + 1)
        if before is not None:  # leafing forwards: the next rows after the page before
            query = query.where(self._after(before[-1][1:])).order_by(*self._ordered())
            backwards = False
        elif after is not None:  # leafing backwards: the rows just before the page after
            query = query.where(self._before(after[0][1:])).order_by(*self._ordered(reverse=True))
            backwards = True
        elif number * self.PAGE <= self._count // 2:
            query = query.order_by(*self._ordered()).offset(number * self.PAGE)
            backwards = False
        else:  # nearer the end: count from there
            query = query.order_by(*self._ordered(reverse=True)).offset(self._count - number * self.PAGE - size)
            backwards = True
        with self._db.session() as s:
            rows = [tuple(r) for r in s.execute(query.limit(size))]
        if backwards:
            rows.reverse()
        if len(rows) < size:  # the archive changed under the window: pad so rows stay addressable
            rows += [(rows[-1] if rows else (0, *([""] * len(self._columns))))] * (size - len(rows))
        self._pages[number] = rows
        self.reads += 1
        return rows

    def __iter__(self) -> Iterator[int]:
        return (self[i] for i in range(self._count))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.position(value) is not None

    def position(self, document_id: int) -> int | None:
        """The row of a document in this window, or None when it is not in it: one COUNT."""
        with self._db.session() as s:
            values = s.execute(select(*self._columns).where(Document.id == document_id, *self._where)).first()
            if values is None:
                return None
            return s.scalar(select(func.count()).select_from(Document).where(*self._where, self._before(tuple(values))))
