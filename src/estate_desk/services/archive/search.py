"""One search field for everything (统一检索): owners, rooms, boxes, volumes and documents, within clearance.

A query is matched against the search index (``store/search_index.py``) three ways, each an
index lookup with a LIMIT — never a scan of the archive's tables:

* whole keys, exact or as a prefix: names, pinyin in full and by initials (``zhangsan``, ``zs``),
  room codes, archive numbers (档号), document numbers (文号), box and volume codes, titles;
* one or two characters inside a name or title (张, 张三, 王堃, 吉𠮷): the character/pair table;
* three characters or more anywhere in those fields: the trigram index (FTS5 on SQLite, pg_trgm
  on PostgreSQL).

A room code in any form the parser reads (``3-2-1502``, ``3号楼1502室``, ``３栋２单元１５０２``,
``三栋二单元1502``, ``3#楼2-1502``) is searched in its canonical form too (``3栋2单元1502``); a form
that reads two ways (``0302-2002``) in both. An archive number (档号) — whole or its beginning — and a box
or volume code are searched as stored too, however they were typed: ``Z001-YZ-2016-Y-0`` (no "·", which
is on no keyboard), full-width, with a barcode's "." finds ``Z001-YZ·2016-Y-0…`` by the same key range
(:func:`~estate_desk.domain.archive.numbers.normalise_code`). A query that looks like a phone number is searched
among owners' phones in their normalised form, so ``13800138000`` finds ``+86 138-0013-8000``.

**Structured keys by B-tree (issue 18).** The inside pass (pairs or trigrams) is skipped — for every kind —
when the whole-key ranges already answer a structured reading of the query (:func:`answered_by_keys`):

* an archive number or box/volume code, whole or its beginning (:func:`~estate_desk.domain.archive.numbers.normalise_code`
  read it: it starts with the fonds and has a code's separators), when its range found any key; or
* a room (any written form, :func:`~estate_desk.domain.estate.rooms.room_readings`) or a phone number, when
  a key is *exactly* that room's code (or its unit-less alias) or that phone — so ``10-0001``, the tail of
  ``…-D10-0001`` read as "building 10, room 1", still searches inside the archive numbers; or
* a bare room number (``1502``: three or four digits, no leading zero), when a key is exactly that number
  (``室:1502``, :func:`~estate_desk.store.search_entries.room_number_keys`): room 1502 of every building and
  every document or volume whose title names one of them.

Common trigrams (``z00``, ``001``) then never come into it. What the inside pass would have added is
what *contains* the code or room without starting with it: a document whose title starts with the room is
a key hit already (titles are keys), so what is left out is ``13栋2单元1502`` for ``3-2-1502`` — another
building — a title quoting another record's 档号 in the middle, and a 档号 whose tail is also a room that
exists (``10-2701`` for room 10栋2701 does not list ``…-D10-2701``; ``D10-2701`` does). For a bare room number it
is what holds the digits inside another number: another room (``1101`` for ``101``) and what is titled with it,
a 档号, box or volume code with them in its year or serial (``2016``, ``0101`` for ``201``, ``101``). A query with no
structured reading (names, titles, pinyin, a 档号's tail, a number that is no room) is searched inside as before;
``tests/archive/test_structured_search.py`` compares both ways on the demo estate, kind by kind.

Hits come grouped by kind; within a kind, exact matches first, then prefixes, then the rest; rooms and owners in the natural order
of owner files (A9), codes and archive numbers in natural order. The reader sees only what their
clearance allows, by the rules of ``services/secrecy/clearance.py``: a record's grade (密级) at most the
reader's clearance; a volume as secret as its most secret item; owner files are 绝密 (A12), so
owners — by name, pinyin or initials — and who owns a room only for 绝密.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from estate_desk.domain.archive.numbers import DEFAULT_PATTERN, normalise_code
from estate_desk.domain.disposal.rules import STATUS_DESTROYED, VOID_MARK
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.phones import phone_digits
from estate_desk.domain.estate.rooms import (
    format_room_code,
    natural_key,
    room_readings,
    room_sort_key,
    try_parse_room_code,
)
from estate_desk.services.archive import search_lookups as lookups
from estate_desk.services.archive.numbering import number_pattern
from estate_desk.services.secrecy import clearance
from estate_desk.store.archive import ArchiveBox, Cabinet, Document
from estate_desk.store.estate import Owner, Ownership, Room
from estate_desk.store.search_entries import normalise, phone_key, room_number_key
from estate_desk.store.search_tables import SearchEntry

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sqlalchemy.orm import Session

    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

LIMIT = 20  # hits per kind
MAX_QUERY = 100  # characters of a query that count
_FETCH = 3  # candidates fetched per hit wanted, so ordering has some room
# A query that is (part of) a phone number: digits with the separators people type, 5 digits at least
_PHONE_QUERY = re.compile(r"(?=(?:\D*\d){5})\+?[0-9][0-9 \-()]*")
# A bare room number (1502, 302): three or four digits, no leading zero (0101 is a 档号's serial, not a room)
_ROOM_NUMBER_QUERY = re.compile(r"[1-9][0-9]{2,3}")


class HitKind(StrEnum):
    """What a hit is; the groups come in this order."""

    OWNER = "owner"  # 业主
    ROOM = "room"  # 房间
    BOX = "box"  # 档案盒
    VOLUME = "volume"  # 案卷
    DOCUMENT = "document"  # 件

    def label(self, lang: str = "zh") -> str:
        return _LABELS[self][0 if lang.startswith("zh") else 1]


_KINDS = tuple(kind.value for kind in HitKind)  # the key ranges of every kind, in one statement

_LABELS = {
    HitKind.OWNER: ("业主", "Owners"),
    HitKind.ROOM: ("房间", "Rooms"),
    HitKind.BOX: ("档案盒", "Boxes"),
    HitKind.VOLUME: ("案卷", "Volumes"),
    HitKind.DOCUMENT: ("档案", "Documents"),
}


class Rank(IntEnum):
    EXACT = 0
    PREFIX = 1
    CONTAINS = 2


@dataclass(frozen=True)
class Hit:
    """One result: owner, room, box, volume or document, with what the list shows."""

    kind: HitKind
    id: int
    title: str
    detail: str
    void: bool = False  # 作废 (A16), or a destroyed record's tombstone (A17): shown only when asked for
    status: str = ""  # what the list shows beside it: 作废, 已销毁


@dataclass(frozen=True)
class _Found:
    rank: Rank
    title: str
    detail: str


@dataclass(frozen=True)
class QueryForms:
    """The normalised forms a query is searched in, and its structured readings (:func:`answered_by_keys`):
    ``codes`` — an archive number or box/volume code, whole or its beginning; ``places`` — a room or a phone."""

    forms: tuple[str, ...]
    codes: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()


def read_query(text: str, pattern: str = DEFAULT_PATTERN) -> QueryForms:
    """The forms a query is searched in: as typed, the archive number or box/volume code as stored (whole
    or its beginning, read by the office's ``pattern``), the canonical room code, the phone key, pinyin
    without spaces."""
    query = normalise(text)[:MAX_QUERY]
    if not query:
        return QueryForms(())
    code = normalise_code(text, pattern)  # Z001-YZ-2016-Y-0 → z001-yz·2016-y-0, the key the index holds
    codes = [normalise(code)[:MAX_QUERY]] if code is not None else []
    places: list[str] = []
    with contextlib.suppress(InputProblem):  # every room the text can mean: 0302-2002 as 302栋2002 and 3栋2单元2002
        places += [normalise(format_room_code(room)) for room in room_readings(text)]
    if _ROOM_NUMBER_QUERY.fullmatch(query):  # 1502: room 1502 of every building, and what names one
        places.append(room_number_key(query))
    phone = phone_key(phone_digits(text)) if _PHONE_QUERY.fullmatch(query) else None
    if phone is not None:
        places.append(phone)
    forms = [query, *codes, *places]
    if " " in query and query.replace(" ", "").isascii() and query.replace(" ", "").isalpha():
        forms.append(query.replace(" ", ""))  # "zhang san"
    return QueryForms(tuple(dict.fromkeys(forms)), frozenset(codes), frozenset(places))


def query_forms(text: str, pattern: str = DEFAULT_PATTERN) -> list[str]:
    """The normalised forms a query is searched in (:func:`read_query`)."""
    return list(read_query(text, pattern).forms)


def answered_by_keys(query: QueryForms, keys_found: dict[str, set[str]]) -> bool:
    """Whether the whole-key ranges answer ``query`` alone, so the inside pass is not run (the rule of the
    module docstring). ``keys_found``: the keys each form's ranges found, within the reader's clearance."""
    return any(keys_found.get(form) for form in query.codes) or any(
        form in keys_found.get(form, ()) for form in query.places
    )


def _find(
    s: Session, query: QueryForms, clearance: int, limit: int, *, everywhere: bool = False
) -> dict[HitKind, dict[int, _Found]]:
    """Candidates of every kind: whole keys first; inside names and titles for kinds still short of hits,
    unless the query is answered as a structured key (:func:`answered_by_keys`; ``everywhere`` runs the
    inside pass regardless, as every query did before issue 18)."""
    found: dict[HitKind, dict[int, _Found]] = {kind: {} for kind in HitKind}
    keys_found: dict[str, set[str]] = {}

    def keep(kind: HitKind, rank: Rank, row: Any) -> None:
        known = found[kind].get(row.ref_id)
        if known is None or rank < known.rank:
            found[kind][row.ref_id] = _Found(rank, row.title, row.detail)

    for form in query.forms:
        params = lookups.key_params(form, clearance, limit * _FETCH)
        rows = s.execute(lookups.key_lookup(_KINDS, params["upper"] is not None), params).all()
        keys_found[form] = {row.found for row in rows}
        for row in rows:
            keep(HitKind(row.hit_kind), Rank.EXACT if row.found == form else Rank.PREFIX, row)
    if answered_by_keys(query, keys_found) and not everywhere:
        return found
    short = tuple(kind.value for kind in HitKind if len(found[kind]) < limit)
    dialect = s.get_bind().dialect.name
    for form in query.forms if short else ():
        params = lookups.inside_params(short, form, clearance, limit * _FETCH)
        for row in s.execute(lookups.inside_lookup(dialect, short, len(form) <= 2), params):
            if form in row.found:
                keep(HitKind(row.hit_kind), Rank.CONTAINS, row)
    return found


def _grouped(rows: Iterable[Any]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for key, value in rows:
        out.setdefault(key, []).append(value)
    return out


def _rooms_of(s: Session, owner_ids: list[int]) -> dict[int, list[str]]:
    """Owner id → the codes of the rooms they own now (an ownership without an end date)."""
    return _grouped(
        s.execute(
            select(Ownership.owner_id, Room.code)
            .join(Room, Room.id == Ownership.room_id)
            .where(Ownership.owner_id.in_(owner_ids), Ownership.end_date.is_(None))
        )
    )


def _owners_of(s: Session, room_ids: list[int]) -> dict[int, list[str]]:
    """Room id → the names of its present owners."""
    return _grouped(
        s.execute(
            select(Ownership.room_id, Owner.name)
            .join(Owner, Owner.id == Ownership.owner_id)
            .where(Ownership.room_id.in_(room_ids), Ownership.end_date.is_(None))
        )
    )


def _room_key(code: str | None) -> tuple[int, tuple[int, ...], str]:
    parsed = try_parse_room_code(code) if code else None
    if parsed is None:
        return (1, (), code or "")
    return (0, room_sort_key(parsed), "")


def _hits(s: Session, kind: HitKind, found: dict[int, _Found], actor: Actor, limit: int) -> list[Hit]:
    """The hits of one kind with their details, in order: rank first, then the kind's natural order."""
    ids = list(found)
    order: dict[int, tuple[Any, ...]]
    if kind is HitKind.OWNER:
        rooms = _rooms_of(s, ids)
        for codes in rooms.values():
            codes.sort(key=_room_key)
        details = {i: "、".join(rooms.get(i, [])) for i in ids}
        order = {i: (_room_key(rooms[i][0] if rooms.get(i) else None), found[i].title) for i in ids}
    elif kind is HitKind.ROOM:
        names = _owners_of(s, ids) if clearance.may_see_owner_files(actor) else {}
        details = {i: "、".join(names.get(i, [])) for i in ids}
        order = {i: (_room_key(found[i].title), "") for i in ids}
    elif kind is HitKind.BOX:
        places = s.execute(
            select(ArchiveBox.id, Cabinet.name, ArchiveBox.shelf, ArchiveBox.position)
            .join(Cabinet, Cabinet.id == ArchiveBox.cabinet_id)
            .where(ArchiveBox.id.in_(ids))
        )
        details = {i: "" for i in ids} | {i: f"{name} · {shelf}-{pos}" for i, name, shelf, pos in places}
        order = {i: (natural_key(found[i].title), "") for i in ids}
    else:  # documents and volumes: the detail is the archive number / volume code
        details = {i: found[i].detail for i in ids}
        order = {i: (natural_key(found[i].detail), found[i].title) for i in ids}
    ranked = sorted(ids, key=lambda i: (found[i].rank, order[i], i))[:limit]
    return [Hit(kind, i, found[i].title, details[i]) for i in ranked]


def _not_current(s: Session, kind: HitKind, ids: list[int]) -> dict[int, str]:
    """Of these documents or volumes, the void (作废) and destroyed (已销毁) ones, with that status.

    The index says which are not current (one lookup on its (kind, id) key); only those few are read."""
    if kind not in (HitKind.DOCUMENT, HitKind.VOLUME):
        return {}
    stale = list(
        s.scalars(
            select(SearchEntry.ref_id).where(
                SearchEntry.kind == kind.value, SearchEntry.ref_id.in_(ids), SearchEntry.current.is_(False)
            )
        )
    )
    if not stale or kind is HitKind.VOLUME:
        return dict.fromkeys(stale, VOID_MARK)
    destroyed = set(s.scalars(select(Document.id).where(Document.id.in_(stale), Document.destroyed_in.is_not(None))))
    return {i: STATUS_DESTROYED if i in destroyed else VOID_MARK for i in stale}


def search(
    db: Database, actor: Actor, text: str, *, limit: int = LIMIT, include_void: bool = False, everywhere: bool = False
) -> list[Hit]:
    """What the one search field finds for ``text``: up to ``limit`` hits of each kind, grouped by kind.

    Void and destroyed documents and void volumes are left out unless ``include_void`` (A16); then they
    come with their mark. ``everywhere`` runs the inside pass even for a query the whole keys answer
    (:func:`answered_by_keys`): the search as it was before issue 18, which the tests compare against."""
    text = "".join(ch for ch in text if ord(ch) >= 32 and ord(ch) != 127)  # scanner noise; PostgreSQL refuses NUL
    if not normalise(text) or limit < 1:
        return []
    level = int(actor.clearance)
    hits: list[Hit] = []
    with db.session() as s:
        candidates = _find(s, read_query(text, number_pattern(s)), level, limit, everywhere=everywhere)
        for kind in HitKind:
            found = candidates[kind]
            if kind is HitKind.VOLUME and found:  # a volume is as secret as its most secret item
                visible = clearance.visible_volume_ids(s, actor, list(found))
                found = {i: f for i, f in found.items() if i in visible}
            marks = _not_current(s, kind, list(found)) if found else {}
            if not include_void:
                found = {i: f for i, f in found.items() if i not in marks}
            if found:
                hits += [
                    dataclasses.replace(h, void=True, status=marks[h.id]) if h.id in marks else h
                    for h in _hits(s, kind, found, actor, limit)
                ]
    return hits
