"""What rendering a file showed, remembered by its content (四性检测's usability items, DA/T 70).

Opening every page of every scan is most of a whole-archive four-properties run (300 scans of three pages:
about 7 s of CPU on the benchmark machine, BENCHMARKS.md), and the weekly check would repeat it for scans
that have not changed. The store is content-addressed, so a file's format and rendering are a function of its SHA-256: a file read
again, hashed, and found to be the content it was (its hash the recorded one) is not rendered again but
judged on what rendering it showed last time. Everything else is still done on every run: reading it
through the attachments' door, hashing it (authenticity) and the virus scan (ClamAV's signatures change).

The memo is a setting (:data:`MEMO_SETTING`), so every workstation of a LAN shares it. It names the
rendering libraries' versions: after an upgrade (pypdfium2, Pillow) every file is rendered again. Only
files the archive still holds are kept, so it never grows past the archive's files.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from estate_desk.domain.digitise.file_properties import Rendering
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Attachment

if TYPE_CHECKING:
    from estate_desk.store.database import Database

MEMO_SETTING = "four_properties.rendered"

Memo = dict[str, tuple[str | None, Rendering | None]]  # sha256 → (format told by content, rendering)


def engine() -> str:
    """The rendering libraries and their versions: a memo made by others is not used."""
    import PIL
    import pypdfium2

    return f"pypdfium2 {pypdfium2.PYPDFIUM_INFO} / pdfium {pypdfium2.PDFIUM_INFO} / Pillow {PIL.__version__}"


def load(db: Database) -> Memo:
    with db.session() as s:
        raw = s.scalar(select(Setting.value).where(Setting.key == MEMO_SETTING))
    try:
        data: dict[str, Any] = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if data.get("engine") != engine():
        return {}
    memo: Memo = {}
    for sha, (kind, shown) in data.get("files", {}).items():
        memo[str(sha)] = (
            kind,
            Rendering(int(shown[0]), tuple(int(p) for p in shown[1]), str(shown[2]), str(shown[3]))
            if shown is not None
            else None,
        )
    return memo


def save(db: Database, memo: Memo) -> None:
    """Keep the memo, for the files the archive still holds."""
    with db.session() as s:
        held = set(s.scalars(select(Attachment.sha256).distinct()))
        files = {
            sha: (kind, None if r is None else (r.pages, list(r.broken_pages), r.problem_zh, r.problem_en))
            for sha, (kind, r) in memo.items()
            if sha in held
        }
        value = json.dumps({"engine": engine(), "files": files}, ensure_ascii=False, separators=(",", ":"))
        row = s.get(Setting, MEMO_SETTING)
        if row is None:
            s.add(Setting(key=MEMO_SETTING, value=value))
        else:
            row.value = value
