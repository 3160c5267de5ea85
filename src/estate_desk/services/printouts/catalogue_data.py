"""What the catalogues list (编制目录, A7, A9): rows read from the archive, within the reader's clearance.

Each function takes the reader and a :class:`~estate_desk.services.printouts.kinds.Selection` (checked by
:mod:`estate_desk.services.printouts.scope`) and returns a
:class:`~estate_desk.printing.catalogues.Catalogue` whose rows are in print order: owner files by
building → floor → room (A9), items in a box as they stand in it, the register by archive number.
"""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.disposal.rules import STATUS_DESTROYED
from estate_desk.domain.estate.rooms import RoomCode, natural_key, room_sort_key
from estate_desk.printing.catalogues import (
    ITEM_CATALOGUE,
    OWNER_CATALOGUE,
    REGISTER,
    VOLUME_CATALOGUE,
    Catalogue,
    Cover,
    ItemLine,
    OwnerFileLine,
    RegisterLine,
    VolumeLine,
    item_rows,
    owner_file_rows,
    register_rows,
    volume_rows,
)
from estate_desk.services.archive import boxes
from estate_desk.services.printouts.scope import (
    Resolved,
    any_confidential,
    category_tree,
    grade_label,
    resolved,
    retention_label,
    void_column,
)
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, Category, Document, Volume
from estate_desk.store.estate import Building, Owner, Ownership, Room

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Selection
    from estate_desk.store.database import Database

OWNER_CATEGORY = "YZ"  # 业主及各办公部门档案 (A4): owner files are its documents tied to a room


# --------------------------------------------------------------------------- owner files (A9)


def file_number(numbers: Sequence[str]) -> str:
    """The archive numbers of one owner's file, in short: consecutive items as "first～last",
    other runs after "、", each without the series already written ("Z001-YZ·2016-Y-0001～0003、0007")."""
    runs: list[tuple[str, str, str]] = []  # series, first item, last item
    for number in numbers:
        series, sep, item = number.rpartition("-")
        if not sep or not item.isdigit():
            series, item = number, ""
        if runs and item and runs[-1][0] == series and runs[-1][2].isdigit() and int(item) == int(runs[-1][2]) + 1:
            runs[-1] = (series, runs[-1][1], item)
        else:
            runs.append((series, item, item))
    parts: list[str] = []
    for n, (series, first, last) in enumerate(runs):
        text = first if n and runs[n - 1][0] == series and first else (f"{series}-{first}" if first else series)
        parts.append(text if last == first else f"{text}～{last}")
    return "、".join(parts)


def _in_number_order(items: list[Any]) -> list[Any]:
    """One file's items by archive number, naturally ordered (…-9 before …-10).

    Items of one series with plain item numbers — nearly every owner's file — sort by the number;
    anything else by :func:`natural_key`, which gives the same order and costs ten times more.
    """
    series = {r.archive_no.rpartition("-")[0] for r in items}
    tails = [r.archive_no.rpartition("-")[2] for r in items]
    if len(series) == 1 and all(t.isascii() and t.isdigit() for t in tails):
        return sorted(items, key=lambda r: (int(r.archive_no.rpartition("-")[2]), r.archive_no))
    return sorted(items, key=lambda r: natural_key(r.archive_no))


def owner_catalogue(db: Database, actor: Actor, selection: Selection) -> Catalogue:
    """The owner-file catalogue (业主档案目录): one line per owner's file, building → floor → room (A9).

    The documents are read in file order (room, owner, box) and each file is made into its line as
    soon as it is complete, so only the lines — not the 500,000 documents of a big estate — are
    held in memory.
    """
    scope = resolved(db, selection)
    box_rank = {box_id: n for n, box_id in enumerate(scope.box_ids or ())}
    by_box = scope.box_ids is not None
    confidential = False
    keyed: list[tuple[tuple[object, ...], OwnerFileLine]] = []
    with db.session() as s:
        owner_ids, _ = category_tree(s, OWNER_CATEGORY)
        move_ins: dict[tuple[int, int], Any] = {}
        for room_id, owner_id, move_in in s.execute(
            select(Ownership.room_id, Ownership.owner_id, Ownership.move_in_date).order_by(Ownership.start_date)
        ):
            move_ins[(room_id, owner_id)] = move_in  # the latest ownership of that owner wins
        query = (
            select(
                Document.archive_no,
                Document.pages,
                Document.remarks,
                Document.secrecy,
                void_column().label("void"),
                Document.box_id,
                Document.room_id,
                Document.owner_id,
                Room.code.label("room_code"),
                Room.unit,
                Room.number.label("room_number"),
                Building.number.label("building_number"),
                Owner.name.label("owner_name"),
            )
            .join(Room, Document.room_id == Room.id)
            .join(Building, Room.building_id == Building.id)
            .outerjoin(Owner, Document.owner_id == Owner.id)
            .where(*scope.document_filters(actor), Document.category_id.in_(owner_ids))
            .order_by(Document.room_id, func.coalesce(Document.owner_id, 0))
        )
        rows = s.execute(query.execution_options(yield_per=5000))

        def file_of(row: Any) -> tuple[int, int, int]:
            box = box_rank.get(row.box_id, 0) if by_box else 0
            return (box, row.room_id, row.owner_id or 0)

        for _, same_file in groupby(rows, key=lambda r: (r.room_id, r.owner_id or 0)):
            files: dict[tuple[int, int, int], list[Any]] = {}
            for row in same_file:
                files.setdefault(file_of(row), []).append(row)
            for key, found in files.items():
                items = _in_number_order(found)
                confidential = confidential or any_confidential([r.secrecy for r in items])
                first = items[0]
                room = RoomCode.of(first.building_number, first.unit, first.room_number)
                order = (key[0], room_sort_key(room), first.owner_name or "", key[2])
                keyed.append((order, _owner_file_line(items, move_ins.get((key[1], key[2])))))
    keyed.sort(key=lambda pair: pair[0])
    return Catalogue(
        OWNER_CATALOGUE,
        scope.office,
        scope.fonds_code,
        scope.text,
        tuple(owner_file_rows([line for _, line in keyed])),
        confidential,
    )


def _owner_file_line(items: list[Any], move_in: Any) -> OwnerFileLine:
    voided = sum(1 for r in items if r.void)
    notes = [f"{items[0].room_code}（{len(items)}件）"]
    if 0 < voided < len(items):
        notes.append(f"含作废 {voided} 件")
    notes += [r.remarks.strip() for r in items if r.remarks.strip()]
    return OwnerFileLine(
        file_number([r.archive_no for r in items]),
        items[0].owner_name or "",
        move_in,
        sum(r.pages for r in items),
        "；".join(notes),
        void=voided == len(items),
    )


# --------------------------------------------------------------------------- items and the register


def remarks_of(document: Document) -> str:
    """备注 as printed: a destroyed record's tombstone says 已销毁 first (A17)."""
    if document.destroyed_in is None:
        return document.remarks
    return f"{STATUS_DESTROYED} {document.remarks}".strip()


def _documents(db: Database, actor: Actor, scope: Resolved) -> list[Any]:
    with db.session() as s:
        rows = s.execute(
            select(Document, void_column(), ArchiveBox.code, Category.name_zh)
            .join(Category, Category.id == Document.category_id)
            .outerjoin(ArchiveBox, Document.box_id == ArchiveBox.id)
            .where(*scope.document_filters(actor))
        ).all()
    return list(rows)


def _in_box_order(db: Database, actor: Actor, scope: Resolved, rows: list[Any]) -> list[Any]:
    """Boxes in order, and in each box its contents as they stand (owner files by room, A9)."""
    if scope.box_ids is None:
        return sorted(rows, key=lambda r: natural_key(r[0].archive_no))
    rank: dict[int, int] = {}
    for box_id in scope.box_ids:
        for doc_id in boxes.box_contents(db, actor, box_id).document_ids:
            rank.setdefault(doc_id, len(rank))
    return sorted(rows, key=lambda r: (rank.get(r[0].id, len(rank)), natural_key(r[0].archive_no)))


def _span(values: Sequence[str], fallback: str) -> str:
    unique = list(dict.fromkeys(values))
    return "、".join(unique) if unique else fallback


def item_catalogue(db: Database, actor: Actor, selection: Selection) -> Catalogue:
    """The item catalogue (归档文件目录) with its cover: fonds, year, retention, category."""
    scope = resolved(db, selection)
    rows = _in_box_order(db, actor, scope, _documents(db, actor, scope))
    lines = [
        ItemLine(
            d.archive_no,
            d.doc_number,
            d.responsible,
            d.title,
            d.doc_date,
            grade_label(d.secrecy),
            d.pages,
            remarks_of(d),
            void=bool(voided),
        )
        for d, voided, _box, _category in rows
    ]
    years = sorted({d.year for d, *_ in rows})
    year_text = str(scope.year) if scope.year is not None else "—"
    if years and scope.year is None:
        year_text = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    fields = [
        ("全宗名称", scope.office),
        ("全宗号", scope.fonds_code),
        ("年度", year_text),
        ("保管期限", _span([retention_label(d.retention) for d, *_ in rows], "—")),
        ("门类", _span([c for *_, c in rows], "、".join(scope.category_names) or "—")),
    ]
    if scope.box_ids is not None:
        fields.append(("档案盒", _span([b for _d, _v, b, _c in rows if b], "—")))
    fields.append(("件数 / 页数", f"{len(rows)} 件 / {sum(d.pages for d, *_ in rows)} 页"))
    return Catalogue(
        ITEM_CATALOGUE,
        scope.office,
        scope.fonds_code,
        scope.text,
        tuple(item_rows(lines)),
        any_confidential([d.secrecy for d, *_ in rows]),
        cover=Cover(ITEM_CATALOGUE.title, tuple(fields)),
    )


def register_book(db: Database, actor: Actor, selection: Selection) -> Catalogue:
    """The register book (登记簿, A7): every numbered item, in archive-number order."""
    scope = resolved(db, selection)
    rows = sorted(_documents(db, actor, scope), key=lambda r: natural_key(r[0].archive_no))
    lines = [
        RegisterLine(
            d.archive_no,
            d.created_at.astimezone(CHINA_TZ).date(),
            d.title,
            d.responsible,
            d.doc_date,
            grade_label(d.secrecy),
            retention_label(d.retention),
            d.pages,
            box or "",
            remarks_of(d),
            void=bool(voided),
        )
        for d, voided, box, _category in rows
    ]
    return Catalogue(
        REGISTER,
        scope.office,
        scope.fonds_code,
        scope.text,
        tuple(register_rows(lines)),
        any_confidential([d.secrecy for d, *_ in rows]),
    )


# --------------------------------------------------------------------------- volumes


def volume_catalogue(db: Database, actor: Actor, selection: Selection) -> Catalogue:
    """The volume catalogue (案卷目录): each volume with its dates, pages and retention.

    A volume is as secret as its most secret item: one above the reader's clearance is left out
    (``services/secrecy/clearance.py``); dates, pages and counts are of the items the reader may see.
    """
    scope = resolved(db, selection)
    query = select(Volume, ArchiveBox.code).outerjoin(ArchiveBox, ArchiveBox.id == Volume.box_id)
    if scope.box_ids is not None:
        query = query.where(Volume.box_id.in_(scope.box_ids))
    if scope.category_ids is not None:
        query = query.where(Volume.category_id.in_(scope.category_ids))
    if scope.year is not None:
        query = query.where(Volume.year == scope.year)
    if scope.volume_id is not None:
        query = query.where(Volume.id == scope.volume_id)
    with db.session() as s:
        volumes = s.execute(query).all()
        ids = [v.id for v, _ in volumes]
        visible = clearance.visible_volume_ids(s, actor, ids)
        totals = dict(
            s.execute(
                select(Document.volume_id, func.count()).where(Document.volume_id.in_(ids)).group_by(Document.volume_id)
            ).all()
        )
        seen = {
            row.volume_id: row
            for row in s.execute(
                select(
                    Document.volume_id,
                    func.count().label("items"),
                    func.min(Document.doc_date).label("first"),
                    func.max(Document.doc_date).label("last"),
                    func.coalesce(func.sum(Document.pages), 0).label("pages"),
                    func.max(Document.secrecy).label("grade"),
                )
                .where(Document.volume_id.in_(ids), clearance.documents_visible(actor))
                .group_by(Document.volume_id)
            )
        }
    lines: list[VolumeLine] = []
    levels: list[int] = []
    for volume, box_code in sorted(volumes, key=lambda row: natural_key(row[0].code)):
        stats = seen.get(volume.id)
        if volume.id not in visible or (stats is None and totals.get(volume.id)):
            continue  # more secret than the reader's clearance
        levels.append(stats.grade if stats else 0)
        remarks = [f"{stats.items if stats else 0} 件"]
        if box_code:
            remarks.append(f"盒 {box_code}")
        if not volume.closed:
            remarks.append("未封卷")
        lines.append(
            VolumeLine(
                volume.code,
                volume.title,
                stats.first if stats else None,
                stats.last if stats else None,
                int(stats.pages) if stats else 0,
                retention_label(volume.retention),
                "，".join(remarks),
            )
        )
    return Catalogue(
        VOLUME_CATALOGUE,
        scope.office,
        scope.fonds_code,
        scope.text,
        tuple(volume_rows(lines)),
        any_confidential(levels),
    )
