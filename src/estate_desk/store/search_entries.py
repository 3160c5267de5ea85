"""What the search index holds for each record (检索条目): normalised text, keys, grams, and their sources.

Every searched text and query is normalised the same way (NFKC, case-folded: full-width ``３栋`` reads
as ``3栋``). An owner is found by name, pinyin, initials and phone (``tel:`` keys), a room by its code
with and without the unit and by its number alone (``室:`` keys), a document (件) by 档号, 文号 and title at
its own grade, a volume (案卷) by code and title, both also by the number of a room the title names, and a
box (档案盒) by code. :data:`SOURCES` names the models indexed and the columns each entry is built
from, for the session hooks (``store/search_index.py``) and the bulk fill (``store/search_fill.py``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from estate_desk.domain.estate.rooms import RoomCode, format_room_code, try_parse_room_code
from estate_desk.domain.secrecy.grades import OWNER_FILE_GRADE, Grade
from estate_desk.store.archive import ArchiveBox, Document, Volume
from estate_desk.store.estate import Owner, Room
from estate_desk.store.scan_text import ScanPageText
from estate_desk.store.search_tables import KEY_LENGTH

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from estate_desk.store.base import Base

_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The searched form of a text or a query: NFKC (full-width → half-width), case-folded, one space."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
    return _SPACES.sub(" ", folded).strip()


def grams(text: str) -> set[str]:
    """Single characters and adjacent pairs (code points, so 𠮷 is one), without spaces."""
    out = {ch for ch in text if not ch.isspace()}
    out.update(text[i : i + 2] for i in range(len(text) - 1) if not any(ch.isspace() for ch in text[i : i + 2]))
    return out


@dataclass(frozen=True)
class Entry:
    """What the index holds for one record (built from an ORM object or a row alike)."""

    kind: str
    ref_id: int
    secrecy: int
    title: str
    detail: str
    keys: frozenset[str]
    text: str
    grams: frozenset[str]
    current: bool = True  # False for a void (作废) or destroyed (已销毁) record, left out of default searches


def _entry(
    kind: str,
    ref_id: int,
    secrecy: int,
    title: str,
    detail: str,
    keys: Iterable[str | None],
    texts: Iterable[str | None],
    gram_texts: Iterable[str | None] = (),
) -> Entry:
    normal_keys = frozenset(k for k in (normalise(k or "")[:KEY_LENGTH] for k in keys) if k)
    lines = list(dict.fromkeys(t for t in (normalise(t or "") for t in texts) if t))
    gram_set = frozenset(g for t in gram_texts for g in grams(normalise(t or "")))
    return Entry(kind, ref_id, secrecy, title[:400], detail[:200], normal_keys, "\n".join(lines), gram_set)


def _pinyin(name: str) -> tuple[str, str]:
    from pypinyin import Style, lazy_pinyin  # its dictionaries take half a second to load: not at start-up

    full = "".join(p for p in lazy_pinyin(name, errors="ignore") if p.strip())
    initials = "".join(p[0] for p in lazy_pinyin(name, style=Style.FIRST_LETTER, errors="ignore") if p.strip())
    return full.lower(), initials.lower()


PHONE_KEY = "tel:"
"""What an owner's phone key starts with (``tel:13800138000``): a query is looked up among phones only when
it looks like one, so typing ``15`` for a room does not list every owner whose phone starts with 15."""


def phone_key(digits: str) -> str | None:
    """The search key of a normalised phone number (:func:`estate_desk.domain.estate.phones.phone_digits`)."""
    return PHONE_KEY + digits if digits else None


ROOM_NUMBER_KEY = "室:"
"""What a room number's key starts with (``室:1502``): every room numbered 1502, in any building, and every
document or volume whose title names one, so that a bare room number typed alone is a B-tree range too."""
_ROOM_MENTION = re.compile(r"[0-9]+栋(?:[0-9]+单元)?([1-9][0-9]*)")  # a canonical room code, as titles quote it


def room_number_key(number: str) -> str:
    """The search key of a room number (``1502`` → ``室:1502``)."""
    return ROOM_NUMBER_KEY + number


def room_number_keys(text: str) -> set[str]:
    """The room-number keys of the canonical room codes ``text`` names (``3栋2单元1502 业主公约`` → ``室:1502``)."""
    return {room_number_key(m.group(1)) for m in _ROOM_MENTION.finditer(normalise(text))}


def owner_entry(row: Any) -> Entry:
    """An owner's file is 绝密 (A12): found by name, pinyin (``zhangsan``), initials (``zs``) and the phone
    in its normalised form (``tel:13800138000``, however it was typed)."""
    name = row.name or ""
    full, initials = row.pinyin or "", row.pinyin_initials or ""
    if not full and name:  # written without pinyin: derive it as services.estate.name_pinyin does
        full, initials = _pinyin(name)
    phone = phone_key(getattr(row, "phone_digits", "") or "")  # the column came with migration 0012
    return _entry("owner", row.id, int(OWNER_FILE_GRADE), name, "", (name, full, initials, phone), (name,), (name,))


def room_entry(row: Any) -> Entry:
    """A room by its canonical code, and without the unit (``3栋1502``), as ``3号楼1502室`` says it."""
    code = row.code or ""
    parsed = try_parse_room_code(code)
    alias = format_room_code(RoomCode.of(parsed.building, None, parsed.room)) if parsed and parsed.unit else None
    keys = (code, alias, *room_number_keys(code))  # the number from the code, as migration 0021 derives it
    return _entry("room", row.id, int(Grade.PUBLIC), code, "", keys, (code, alias))


def document_entry(row: Any) -> Entry:
    """A document (件) by 档号, 文号 and title (题名), at its own grade; marked when void or destroyed."""
    fields = (row.archive_no, row.doc_number, row.title)
    keys = (*fields, *room_number_keys(row.title or ""))
    entry = _entry("document", row.id, row.secrecy, row.title or "", row.archive_no or "", keys, fields, (row.title,))
    return replace(entry, current=not getattr(row, "void", False) and getattr(row, "destroyed_in", None) is None)


def volume_entry(row: Any) -> Entry:
    fields = (row.code, row.title)
    keys = (*fields, *room_number_keys(row.title or ""))
    entry = _entry("volume", row.id, int(Grade.PUBLIC), row.title or "", row.code or "", keys, fields, (row.title,))
    return replace(entry, current=not getattr(row, "void", False))


def box_entry(row: Any) -> Entry:
    return _entry("box", row.id, int(Grade.PUBLIC), row.code or "", "", (row.code,), (row.code,))


def page_entry(row: Any) -> Entry:
    """A page of a scan by the text read on it (free text: grams and trigrams, no whole keys); the title
    and 档号 a hit shows are the record's, looked up when searching (a page row does not copy them)."""
    text = "" if row.withheld else row.text or ""
    return _entry("page", row.id, row.secrecy, "", str(row.page), (), (text,), (text,))


@dataclass(frozen=True)
class Source:
    """A model whose rows are indexed: the columns an entry is built from, and how."""

    model: type[Base]
    kind: str
    columns: tuple[str, ...]
    build: Callable[[Any], Entry]


SOURCES: tuple[Source, ...] = (
    Source(Owner, "owner", ("id", "name", "pinyin", "pinyin_initials", "phone_digits"), owner_entry),
    Source(Room, "room", ("id", "code"), room_entry),
    Source(
        Document,
        "document",
        ("id", "archive_no", "doc_number", "title", "secrecy", "void", "destroyed_in"),
        document_entry,
    ),
    Source(Volume, "volume", ("id", "code", "title", "void"), volume_entry),
    Source(ArchiveBox, "box", ("id", "code"), box_entry),
    Source(ScanPageText, "page", ("id", "page", "secrecy", "withheld", "text"), page_entry),
)
