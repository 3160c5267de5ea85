"""Reading the audit trail (查阅审计记录): filtered by person, record, action and time, and exported.

The trail is visible only to the management office (管理处) and administrators (A12); anyone else
is refused, and the attempt is itself recorded. Exporting the trail is an export like any other:
recorded, with the filter used, and checked against the export rights of the reader's role (A11) for the most
secret record it names. Times are shown in the office's zone (China Standard Time).

**Masked above the reader's clearance (A6, A12).** A row whose target was more secret, when it
happened, than the reader is cleared for (``target_grade``) keeps who, when, what action, the grade
and the workstation; its target's number, title or name, its id, the reason and the details are
never read out of this module (:func:`_row`) — not in the list, the window or an export. The
``record`` filter matches only rows the reader sees unmasked, so searching for a title one is not
cleared for finds nothing rather than confirming, row by row, that it is there.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from estate_desk.domain.audit import AuditAction, hidden_from
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.domain.secrecy.output_rights import Output
from estate_desk.services import audit
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import audit_detail
from estate_desk.services.secrecy.print_rights import require_output
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from sqlalchemy import ColumnElement

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

AUDIT_READERS = frozenset({Role.MANAGEMENT_OFFICE, Role.ADMINISTRATOR})
"""Who reads the audit trail: the management office and administrators."""
DEFAULT_LIMIT = 500
HEADERS = ("序号", "时间", "用户", "动作", "对象", "密级", "原因", "详情", "工作站")
MASKED = ("（高于本人密级，不显示）", "(above your clearance: not shown)")


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
    masked: bool = False  # the target was above the reader's clearance: target, reason and details withheld

    def action_label(self, lang: str = "zh") -> str:
        return self.action.label(lang) if isinstance(self.action, AuditAction) else str(self.action)

    def cells(self, lang: str = "zh") -> list[str]:
        """The row as text cells, each on one line, in the order of :data:`HEADERS`; the details as stored
        (JSON), as an export keeps them."""
        return [" ".join(cell.split()) for cell in self._cells(lang)]

    def shown_cells(self, lang: str = "zh") -> list[str]:
        """The cells as the window shows them: the details as readable text ("密级 内部 → 秘密")."""
        cells = self.cells(lang)
        cells[HEADERS.index("详情")] = " ".join(audit_detail.readable(self.detail, lang).split())
        return cells

    def target_label(self, lang: str = "zh") -> str:
        if self.masked:
            return MASKED[0] if lang.startswith("zh") else MASKED[1]
        return self.target_text or (f"{self.target_kind} {self.target_id}" if self.target_kind else "")

    def _cells(self, lang: str) -> list[str]:
        return [
            str(self.seq),
            f"{self.at:%Y-%m-%d %H:%M:%S}",
            self.username,
            self.action_label(lang),
            self.target_label(lang),
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


def _grade(value: int | None) -> Grade | None:
    return Grade(value) if value is not None and value in set(Grade) else None


def _row(e: AuditEvent, clearance: int) -> AuditRow:
    """One row as this reader may read it: masked when its target was above the reader's clearance."""
    try:
        action: AuditAction | str = AuditAction(e.action)
    except ValueError:
        action = e.action
    row = AuditRow(
        e.seq,
        e.at.astimezone(CHINA_TZ),
        e.username,
        action,
        e.target_kind,
        e.target_id,
        e.target_text,
        _grade(e.grade),
        e.reason,
        e.detail,
        e.workstation,
    )
    if hidden_from(e.target_grade, clearance):  # who, when, what action and the grade stay; the target goes
        return replace(
            row, target_id=None, target_text="", grade=_grade(e.target_grade), reason="", detail="", masked=True
        )
    return row


def _within(clearance: int) -> ColumnElement[bool]:
    """Rows the reader sees unmasked: no secret target, or one no higher than the clearance."""
    return or_(AuditEvent.target_grade.is_(None), AuditEvent.target_grade <= clearance)


def events(
    db: Database, actor: Actor, wanted: AuditFilter | None = None, *, limit: int = DEFAULT_LIMIT
) -> list[AuditRow]:
    """The newest events first that match ``wanted`` (at most ``limit``), masked by the reader's clearance."""
    return [row for row, _ in _events(db, actor, wanted, limit=limit)]


def _events(db: Database, actor: Actor, wanted: AuditFilter | None, *, limit: int) -> list[tuple[AuditRow, int | None]]:
    """The rows as the reader may read them, each with its target's recorded grade."""
    require_reader(db, actor)
    clearance = int(actor.clearance)
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
        # Only rows the reader may read are searched by their target: a masked row never answers
        # "yes, this title is in the trail".
        query = query.where(or_(*clauses), _within(clearance))
    if wanted.since is not None:
        query = query.where(AuditEvent.at >= wanted.since)
    if wanted.until is not None:
        query = query.where(AuditEvent.at < wanted.until)
    if limit > 0:
        query = query.limit(limit)
    with db.session() as s:
        return [(_row(e, clearance), e.target_grade) for e in s.scalars(query)]


def _exported(found: list[tuple[AuditRow, int | None]], actor: Actor, wanted: AuditFilter) -> Target:
    """The export as a target: as secret as the most secret row it holds readable, and — when a record
    was searched for — as the exporter's clearance (the text searched for may be that secret)."""
    grades = [grade for row, grade in found if grade is not None and not row.masked]
    if wanted.record:
        grades.append(int(actor.clearance))
    return Target("audit", None, "审计记录", max(grades, default=None))


def export_events(
    db: Database, clock: Clock, actor: Actor, out: Path, wanted: AuditFilter | None = None, *, reason: str = ""
) -> int:
    """Write the matching events (all of them, oldest first) to ``.xlsx`` or ``.csv``; returns the rows.

    The export itself is recorded in the trail, with the filter and the reason.
    """
    found = list(reversed(_events(db, actor, wanted, limit=0)))
    rows = [row for row, _ in found]
    # an export like any other (A11): as secret as the most secret record it names, the trail itself 内部
    grade = max([Grade.INTERNAL, *(r.grade for r in rows if r.grade is not None and not r.masked)], key=int)
    require_output(
        db, actor, Output.EXPORT, grade, Target("audit", None, "审计记录", int(grade)), "审计记录", "Audit trail"
    )
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

            from estate_desk.services.spreadsheets import append_as_data

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
                _exported(found, actor, wanted),
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
