"""Edit conflicts between workstations (LAN mode, A12): the second save is told, never overwrites.

Documents, volumes, boxes, owners and tickets carry a ``row_version`` that every save raises
(SQLAlchemy's ``version_id_col``). An edit service takes the version the user started from; when
the record has moved on, :func:`check_version` refuses the save with an
:class:`~estate_desk.domain.errors.EditConflict` that lists, field by field, the other person's
value and the user's, and — where the audit trail tells — who saved it and when. Two saves racing
past the check are still caught: the UPDATE names the version it read, so the loser's UPDATE
matches no row and :func:`flush_or_conflict` explains it the same way.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import EditConflict
from estate_desk.store.accounts import User
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy.orm import Session

FIELD_LABELS = {
    "title": ("题名", "title"),
    "doc_date": ("文件日期", "date"),
    "responsible": ("责任者", "responsible"),
    "doc_number": ("文号", "document number"),
    "pages": ("页数", "pages"),
    "remarks": ("备注", "remarks"),
    "secrecy": ("密级", "grade"),
    "room_id": ("房间", "room"),
    "owner_id": ("业主", "owner"),
    "equipment": ("设备", "equipment"),
    "has_paper": ("有原件", "original on paper"),
    "ticket_id": ("工单", "ticket"),
    "name": ("姓名", "name"),
    "phone": ("电话", "phone"),
    "address": ("联系地址", "address"),
    "id_number": ("证件号", "ID number"),
    "kind": ("类型", "kind"),
}
KINDS = {
    "document": ("档案", "record"),
    "volume": ("案卷", "volume"),
    "box": ("档案盒", "box"),
    "owner": ("业主档案", "owner file"),
    "ticket": ("工单", "ticket"),
}


def _last_change(s: Session, kind: str, target_id: int) -> AuditEvent | None:
    return s.scalar(
        select(AuditEvent)
        .where(
            AuditEvent.target_kind == kind,
            AuditEvent.target_id == target_id,
            AuditEvent.action == AuditAction.CHANGE.value,
        )
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    )


def _audited_fields(event: AuditEvent | None) -> dict[str, Any]:
    """Fields the last audited change lists with their value before it ({} when it does not say)."""
    if event is None or not event.detail:
        return {}
    try:
        detail = json.loads(event.detail)
    except ValueError:
        return {}
    changed = detail.get("changed") if isinstance(detail, dict) else None
    if isinstance(changed, dict):
        return {str(k): (v[0] if isinstance(v, list) and v else None) for k, v in changed.items()}
    return {}  # e.g. owner files record only the fields' names (their values stay in the owner's history)


def _display_name(s: Session, event: AuditEvent | None) -> str | None:
    if event is None:
        return None
    user = s.get(User, event.user_id) if event.user_id is not None else None
    return user.display_name if user is not None and user.display_name else event.username


def _plain(value: object) -> object:
    return value if value is None or isinstance(value, (str, int, float, bool)) else str(value)


def _text(value: object) -> str:
    return "（空）" if value in (None, "") else str(value)


def build_conflict(s: Session, row: Any, kind: str, label: str, yours: Mapping[str, object]) -> EditConflict:
    """The refusal for ``row`` (as it is now in the database) against the values the user saves."""
    event = _last_change(s, kind, row.id)
    changes: list[tuple[str, object, object]] = []
    for field, value in yours.items():
        theirs = getattr(row, field, None)
        if _plain(theirs) != _plain(value):
            changes.append((field, _plain(theirs), _plain(value)))
    for field, before in _audited_fields(event).items():
        if field not in yours and hasattr(row, field):
            changes.append((field, _plain(getattr(row, field)), _plain(before)))
    who = _display_name(s, event)
    when = event.at.astimezone(CHINA_TZ) if event is not None else None
    kind_zh, kind_en = KINDS.get(kind, (kind, kind))
    by_zh = f"已被 {who} 于 {when:%Y-%m-%d %H:%M} 修改" if who and when else "已被其他工作站修改"
    by_en = f"was changed by {who} at {when:%Y-%m-%d %H:%M}" if who and when else "was changed at another workstation"
    lines_zh = [f"  {FIELD_LABELS.get(f, (f, f))[0]}：对方 {_text(t)} ／ 您 {_text(y)}" for f, t, y in changes]
    lines_en = [f"  {FIELD_LABELS.get(f, (f, f))[1]}: theirs {_text(t)} / yours {_text(y)}" for f, t, y in changes]
    zh = (
        f"{kind_zh}“{label}”在您打开之后{by_zh}，您的修改未保存（不会覆盖对方的修改）。"
        + ("差异：\n" + "\n".join(lines_zh) if changes else "对方修改的是其他内容。")
        + "\n请核对后重新打开再保存。"
    )
    en = (
        f"The {kind_en} '{label}' {by_en} after you opened it; your changes were not saved "
        "(theirs are not overwritten). "
        + ("Differences:\n" + "\n".join(lines_en) if changes else "They changed other details.")
        + "\nCheck, reopen it and save again."
    )
    return EditConflict(
        zh, en, changes=tuple(changes), changed_by=who, changed_at=when, current_version=row.row_version
    )


def check_version(
    s: Session, row: Any, expected: int | None, kind: str, label: str, yours: Mapping[str, object]
) -> None:
    """Refuse the save when the record is no longer at the version the user started from."""
    if expected is not None and row.row_version != expected:
        raise build_conflict(s, row, kind, label, yours)


def flush_or_conflict(s: Session, row: Any, kind: str, label: str, yours: Mapping[str, object]) -> None:
    """Write the row now; when its UPDATE lost the race (another save came first, so no row is left at
    the version read) the unit of work is rolled back and the refusal explains what changed."""
    try:
        s.flush()
    except StaleDataError as exc:
        s.rollback()
        current = s.get(type(row), row.id)
        if current is None:
            kind_zh, kind_en = KINDS.get(kind, (kind, kind))
            raise EditConflict(
                zh=f"{kind_zh}“{label}”已被其他工作站删除，未保存。",
                en=f"The {kind_en} '{label}' was removed at another workstation; nothing was saved.",
            ) from exc
        raise build_conflict(s, current, kind, label, yours) from exc
