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
from estate_desk.store import archive_counts
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

    First page first (issue 18): making a window reads its first page — one index-ordered LIMIT —
    and no COUNT. The length is then known from that page when it is short, or from the maintained
    counts (``store/archive_counts``) for a category's (or the whole archive's) unfiltered list;
    else :attr:`known` is None, and the table shows the first page while :meth:`count_rows` runs on the
    worker. ``len()`` is always exact: it counts there and then when nobody has yet.
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
            first = [tuple(r) for r in s.execute(self._first_page())]
            self._count: int | None = len(first) if len(first) < self.PAGE else None
            if self._count is None and not wanted:
                self._count = _maintained(s, int(actor.clearance), category_id, len(first))
        self._pages[0] = first
        self.reads = 1  # pages read from the database; tests and benchmarks look

    def _first_page(self) -> Any:
        """The first rows in the list's order: an index range with a LIMIT, whatever the list's length."""
        return select(Document.id, *self._columns).where(*self._where).order_by(*self._ordered()).limit(self.PAGE)

    @property
    def known(self) -> int | None:
        """The list's length when it is known without a COUNT (or after :meth:`count_rows`), else None."""
        return self._count

    @property
    def first_rows(self) -> int:
        """How many rows the first page holds: what a table can show before the length is known."""
        return len(self._pages[0])

    def count_rows(self) -> int:
        """COUNT the list (on the worker: the table shows the first page meanwhile) and keep the length."""
        with self._db.session() as s:
            counted = s.scalar(select(func.count()).select_from(Document).where(*self._where)) or 0
        self._count = counted
        return counted

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
        return self._count if self._count is not None else self.count_rows()

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        first = self._pages[0]
        if 0 <= index < len(first):  # the first page is read: no length needed
            return int(first[index][0])
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        number, offset = divmod(index, self.PAGE)
        page = self._pages.get(number)
        if page is None:
            page = self._read(number)
        return int(page[offset][0])

    def _read(self, number: int) -> list[tuple[Any, ...]]:
        total = len(self)
        size = min(self.PAGE, total - number * self.PAGE)
        query = select(Document.id, *self._columns).where(*self._where)
        before, after = self._pages.get(number - 1), self._pages.get(number + 1)
        if before is not None:  # leafing forwards: the next rows after the page before
            query = query.where(self._after(before[-1][1:])).order_by(*self._ordered())
            backwards = False
        elif after is not None:  # leafing backwards: the rows just before the page after
            query = query.where(self._before(after[0][1:])).order_by(*self._ordered(reverse=True))
            backwards = True
        elif number * self.PAGE <= total // 2:
            query = query.order_by(*self._ordered()).offset(number * self.PAGE)
            backwards = False
        else:  # nearer the end: count from there
            query = query.order_by(*self._ordered(reverse=True)).offset(total - number * self.PAGE - size)
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
        return (self[i] for i in range(len(self)))

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.position(value) is not None

    def position(self, document_id: int) -> int | None:
        """The row of a document in this window, or None when it is not in it: one COUNT."""
        with self._db.session() as s:
            values = s.execute(select(*self._columns).where(Document.id == document_id, *self._where)).first()
            if values is None:
                return None
            return s.scalar(select(func.count()).select_from(Document).where(*self._where, self._before(tuple(values))))


def _maintained(s: Session, clearance: int, category_id: int | None, read: int) -> int | None:
    """A category's (None: the whole archive's) visible documents from the maintained counts, or None
    when the counts cannot hold (fewer than the rows just read: a drift that ``verify`` reports)."""
    if category_id is None:
        total = archive_counts.within(s, archive_counts.DOCUMENTS, clearance)
    else:
        total = archive_counts.category_totals(s, clearance).get(category_id, 0)
    return total if total >= read else None
