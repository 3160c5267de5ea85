"""Reading the audit trail (查阅审计记录): filtered by person, record, action and time, and exported.

The trail is visible only to the management office (管理处) and administrators (A12); anyone else
is refused, and the attempt is itself recorded. Exporting the trail is an export like any other:
recorded, with the filter used. Times are shown in the office's zone (China Standard Time).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy import Grade
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from sqlalchemy import ColumnElement

    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts import Actor
    from estate_desk.store.database import Database

AUDIT_READERS = frozenset({Role.MANAGEMENT_OFFICE, Role.ADMINISTRATOR})
"""Who reads the audit trail: the management office and administrators."""
DEFAULT_LIMIT = 500
HEADERS = ("序号", "时间", "用户", "动作", "对象", "密级", "原因", "详情", "工作站")


@dataclass(frozen=True)
class AuditFilter:
    """What to look for; every part optional. ``person`` is a user name, ``record`` any text of the target."""

    person: str | None = None
    action: AuditAction | None = None
    record: str | None = None
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime  # in the office's zone
    username: str
    action: AuditAction | str
    target_kind: str
    target_id: int | None
    target_text: str
    grade: Grade | None
    reason: str
    detail: str
    workstation: str

    def action_label(self, lang: str = "zh") -> str:
        return self.action.label(lang) if isinstance(self.action, AuditAction) else str(self.action)

    def cells(self, lang: str = "zh") -> list[str]:
        """The row as text cells, each on one line, in the order of :data:`HEADERS`."""
        return [" ".join(cell.split()) for cell in self._cells(lang)]

    def _cells(self, lang: str) -> list[str]:
        return [
            str(self.seq),
            f"{self.at:%Y-%m-%d %H:%M:%S}",
            self.username,
            self.action_label(lang),
            self.target_text or (f"{self.target_kind} {self.target_id}" if self.target_kind else ""),
            self.grade.label(lang) if self.grade is not None else "",
            self.reason,
            self.detail,
            self.workstation,
        ]


def require_reader(db: Database, actor: Actor) -> None:
    if actor.role not in AUDIT_READERS:
        raise audit.refused(
            db,
            actor,
            PermissionDenied(
                zh="审计记录只有管理处和系统管理员可以查看。",
                en="Only the management office and administrators may read the audit trail.",
                rule="A12",
            ),
            Target("audit", None, "审计记录"),
        )


def _row(e: AuditEvent) -> AuditRow:
    try:
        action: AuditAction | str = AuditAction(e.action)
    except ValueError:
        action = e.action
    grade = Grade(e.grade) if e.grade is not None and e.grade in set(Grade) else None
    return AuditRow(
        e.seq,
        e.at.astimezone(CHINA_TZ),
        e.username,
        action,
        e.target_kind,
        e.target_id,
        e.target_text,
        grade,
        e.reason,
        e.detail,
        e.workstation,
    )


def events(
    db: Database, actor: Actor, wanted: AuditFilter | None = None, *, limit: int = DEFAULT_LIMIT
) -> list[AuditRow]:
    """The newest events first that match ``wanted`` (at most ``limit``)."""
    require_reader(db, actor)
    wanted = wanted or AuditFilter()
    query = select(AuditEvent).order_by(AuditEvent.seq.desc())
    if wanted.person:
        query = query.where(AuditEvent.username == wanted.person.strip())
    if wanted.action is not None:
        query = query.where(AuditEvent.action == wanted.action.value)
    if wanted.record:
        text = wanted.record.strip()
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses: list[ColumnElement[bool]] = [AuditEvent.target_text.like(f"%{escaped}%", escape="\\")]
        if text.isdigit():
            clauses.append(AuditEvent.target_id == int(text))
        query = query.where(or_(*clauses))
    if wanted.since is not None:
        query = query.where(AuditEvent.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEvent.at < wanted.until)
    if limit > 0:
        query = query.limit(limit)
    with db.session() as s:
        return [_row(e) for e in s.scalars(query)]


def export_events(
    db: Database, clock: Clock, actor: Actor, out: Path, wanted: AuditFilter | None = None, *, reason: str = ""
) -> int:
    """Write the matching events (all of them, oldest first) to ``.xlsx`` or ``.csv``; returns the rows.

    The export itself is recorded in the trail, with the filter and the reason.
    """
    rows = list(reversed(events(db, actor, wanted, limit=0)))
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InputProblem(
            zh="审计记录导出为 .xlsx 或 .csv 文件。", en="The audit trail exports to .xlsx or .csv.", where=str(out)
        )
    temp = out.with_name(f".{out.name}.part")
    try:
        if suffix == ".csv":
            with temp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(HEADERS)
                writer.writerows(row.cells() for row in rows)
        else:
            from openpyxl import Workbook

            from estate_desk.services.roster_files import append_as_data

            book = Workbook()
            sheet = book.active
            assert sheet is not None
            sheet.title = "审计记录"
            sheet.append(list(HEADERS))
            for row in rows:
                append_as_data(sheet, row.cells())
            sheet.freeze_panes = "A2"
            book.save(temp)
        os.replace(temp, out)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise InputProblem(
            zh=f"无法写入 {out.name}：{exc.strerror or exc}",
            en=f"Cannot write {out.name}: {exc.strerror or exc}",
            where=str(out),
        ) from exc
    wanted = wanted or AuditFilter()
    try:
        with db.session() as s:
            audit.record(
                s,
                actor,
                AuditAction.EXPORT,
                Target("audit", None, "审计记录"),
                reason=reason,
                detail={
                    "file": out.name,
                    "rows": len(rows),
                    "person": wanted.person,
                    "action": wanted.action.value if wanted.action else None,
                    "record": wanted.record,
                    "since": wanted.since.isoformat() if wanted.since else None,
                    "until": wanted.until.isoformat() if wanted.until else None,
                },
                clock=clock,
            )
    except BaseException:
        out.unlink(missing_ok=True)
        raise
    return len(rows)
