"""The office's secrecy settings (密级设置, A6, A11): grade names, what is encrypted, who may print what.

Four settings, each in the ``settings`` table and each changed only by the management office or an
administrator, every change audited:

* ``secrecy.names`` — the display names of the five grades (some offices say 普通商密/核心商密);
* ``secrecy.encrypt_from`` — attachments of records at or above this grade are stored encrypted
  (default 秘密); changing it brings every stored file into line (``services/secrecy/sealing.py``);
* ``secrecy.output_rights`` — for each role, the most secret grade it may print and export (A11);
* ``digitise.ocr_index_sealed`` (``store/scan_text.INDEX_SEALED``) — whether the text read from the scans
  of sealed records (OCR, issue 17) is kept and searchable. The file stays encrypted either way, but the
  text would sit in the database unencrypted (found only by readers cleared for the grade), so it is off
  by default; switching it off takes the text already read out again.

A category's default grade (owner files 绝密, staff records 机密 …) lives on the category itself.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import (
    Grade,
    check_office_names,
    default_label,
    set_office_names,
)
from estate_desk.domain.secrecy.output_rights import Output, OutputRights
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.permissions import require_role
from estate_desk.services.secrecy import threshold
from estate_desk.store import scan_text
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Document
from estate_desk.store.scan_text import ScanPageText

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

NAMES = "secrecy.names"
OUTPUT_RIGHTS = "secrecy.output_rights"
SETTERS = frozenset({Role.MANAGEMENT_OFFICE, Role.ADMINISTRATOR})
"""Who changes the secrecy settings: the management office (管理处) and the administrator."""


def _get(s: Session, key: str) -> str | None:
    row = s.get(Setting, key)
    return row.value if row is not None else None


def _put(s: Session, key: str, value: str) -> None:
    row = s.get(Setting, key)
    if row is None:
        s.add(Setting(key=key, value=value))
    else:
        row.value = value


# --------------------------------------------------------------------------- names


def office_names(s: Session) -> dict[Grade, tuple[str, str]]:
    """The names the office gave the grades (those it did not rename are left out)."""
    try:
        stored = json.loads(_get(s, NAMES) or "{}")
    except ValueError:
        return {}
    names: dict[Grade, tuple[str, str]] = {}
    if isinstance(stored, dict):
        for level, pair in stored.items():
            if str(level).isdigit() and int(level) in set(Grade) and isinstance(pair, list) and len(pair) == 2:
                names[Grade(int(level))] = (str(pair[0]), str(pair[1]))
    return names


def apply_office_names(db: Database) -> None:
    """Put the office's grade names in force for this application (called at sign-in)."""
    with db.session() as s:
        names = office_names(s)
    try:
        set_office_names(names)
    except ValueError:
        set_office_names(None)


def rename_grades(db: Database, clock: Clock, actor: Actor, names: Mapping[Grade, tuple[str, str]]) -> None:
    """Give grades the office's names; grades not named keep theirs, a grade given its standard name
    goes back to it. Names must differ from each other (InputProblem)."""
    require_role(actor, SETTERS, zh="修改密级名称", en="rename the secrecy grades")
    check_office_names(names)
    with db.session() as s:
        before = office_names(s)
        merged = check_office_names({**before, **names})
        kept = {g: pair for g, pair in merged.items() if pair != (default_label(g), default_label(g, "en"))}
        _put(s, NAMES, json.dumps({str(int(g)): list(p) for g, p in sorted(kept.items())}, ensure_ascii=False))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, "密级名称"),
            detail={
                "before": {int(g): p[0] for g, p in before.items()},
                "after": {int(g): p[0] for g, p in kept.items()},
            },
            clock=clock,
        )
    set_office_names(kept)


# --------------------------------------------------------------------------- encryption threshold


def set_encrypt_from(db: Database, clock: Clock, actor: Actor, grade: Grade) -> int:
    """Encrypt attachments from ``grade`` up; the stored files are brought into line. Returns files changed."""
    from estate_desk.services.secrecy import sealing

    require_role(actor, SETTERS, zh="修改加密密级", en="change which grades are encrypted")
    sealing.require_keyring(actor)
    with db.session() as s:
        before = threshold.encrypt_from(s)
        _put(s, threshold.ENCRYPT_FROM, str(int(grade)))
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, "加密密级"),
            detail={"encrypt_from": [int(before), int(grade)]},
            clock=clock,
        )
    return sealing.bring_into_line(db, clock, actor)


# --------------------------------------------------------------------------- print and export rights (A11)


def output_rights(s: Session) -> OutputRights:
    return OutputRights.from_json(_get(s, OUTPUT_RIGHTS))


def current_output_rights(db: Database) -> OutputRights:
    with db.session() as s:
        return output_rights(s)


def set_output_limit(db: Database, clock: Clock, actor: Actor, output: Output, role: Role, grade: Grade) -> None:
    """Let ``role`` print (or export) records up to ``grade``."""
    require_role(actor, SETTERS, zh="修改打印导出授权", en="change who may print and export")
    with db.session() as s:
        rights = output_rights(s)
        before = rights.limit(output, role)
        _put(s, OUTPUT_RIGHTS, rights.with_limit(output, role, grade).to_json())
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, f"{output.label()}授权：{role.zh}"),
            detail={"output": output.value, "role": role.value, "limit": [int(before), int(grade)]},
            clock=clock,
        )


# --------------------------------------------------------------------------- text of sealed scans (issue 17)


def indexes_sealed_text(db: Database) -> bool:
    """Whether the office keeps (and searches) the OCR text of sealed records' scans."""
    with db.session() as s:
        return scan_text.index_sealed(s)


def set_index_sealed_text(db: Database, clock: Clock, actor: Actor, allow: bool) -> int:
    """Keep the OCR text of sealed records' scans (``allow``), or not; returns the pages whose text was
    taken out (switching it off empties what was read before; switching it on reads nothing by itself:
    the next OCR run reads the pages passed over)."""
    require_role(actor, SETTERS, zh="修改密级扫描件文字的检索", en="change whether sealed scans' text is searchable")
    with db.session() as s:
        before = scan_text.index_sealed(s)
        _put(s, scan_text.INDEX_SEALED, "1" if allow else "0")
        s.flush()
        emptied = 0
        if not allow:
            sealed = select(ScanPageText.attachment_id).join(Document, Document.id == ScanPageText.document_id)
            ids = s.scalars(sealed.where(Document.secrecy >= int(threshold.encrypt_from(s))).distinct()).all()
            emptied = scan_text.withhold_sealed(s, ids)
        audit.record(
            s,
            actor,
            AuditAction.CHANGE,
            Target("setting", None, "密级扫描件文字检索"),
            detail={"ocr_index_sealed": [before, allow], "pages_emptied": emptied},
            clock=clock,
        )
    return emptied
