"""The audit trail's details as a person reads them (审计详情): "密级 内部 → 秘密", "密码 已重设".

The trail stores each event's extra facts as canonical JSON (``domain/audit.detail_text``), which the
hash chain covers and the export keeps as it is. The window shows them through :func:`readable`:
each fact named in the reader's language, grades by their names, roles and actions by their labels,
a change as "before → after". A fact this table does not know is shown as ``name: value``, and a
detail that is not JSON (an older row, a plain note) as it was stored — never dropped.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.domain.secrecy.output_rights import Output

if TYPE_CHECKING:
    from collections.abc import Callable

NAMES: dict[str, tuple[str, str]] = {
    # accounts and keys
    "added": ("新用户", "new user"),
    "role": ("角色", "role"),
    "clearance": ("密级", "clearance"),
    "password": ("密码", "password"),
    "disabled": ("停用", "disabled"),
    "recovery": ("恢复密钥", "recovery key"),
    "keys": ("密钥", "keys"),
    "office": ("单位", "office"),
    "fonds": ("全宗号", "fonds"),
    # secrecy settings
    "encrypt_from": ("加密密级", "encrypted from"),
    "limit": ("最高密级", "up to"),
    "output": ("输出", "output"),
    "before": ("原为", "before"),
    "after": ("改为", "after"),
    "rule": ("规则", "rule"),
    "where": ("位置", "where"),
    # records and attachments
    "registered": ("登记", "registered"),
    "changed": ("修改", "changed"),
    "attachments_resealed": ("重新加密的附件", "attachments re-sealed"),
    "attachments": ("附件", "attachments"),
    "attached": ("附件", "attached"),
    "sha256": ("SHA-256", "SHA-256"),
    "encrypted": ("加密", "encrypted"),
    "fields": ("字段", "fields"),
    "from": ("从", "from"),
    "to": ("到", "to"),
    "title": ("题名", "title"),
    "doc_date": ("文件日期", "date"),
    "responsible": ("责任者", "responsible"),
    "doc_number": ("文号", "document number"),
    "pages": ("页数", "pages"),
    "remarks": ("备注", "remarks"),
    "secrecy": ("密级", "grade"),
    "room_id": ("房号", "room"),
    "owner_id": ("业主", "owner"),
    "equipment": ("设备", "equipment"),
    "has_paper": ("有纸质件", "paper copy"),
    "ticket_id": ("工单", "ticket"),
    # loans
    "borrower": ("借阅人", "borrower"),
    "items": ("档案", "items"),
    "form": ("方式", "form"),
    "chain": ("审批", "approvals"),
    "lent": ("借出", "lent"),
    "due": ("应还", "due"),
    "until": ("至", "until"),
    "channel": ("方式", "channel"),
    "request": ("借阅单", "request"),
    "approved": ("同意", "approved"),
    "step": ("审批步骤", "step"),
    "intact": ("完好", "intact"),
    "flagged": ("已标记", "flagged"),
    # disposal
    "void": ("作废", "void"),
    "on": ("日期", "on"),
    "was": ("原为", "was"),
    "reason": ("原因", "reason"),
    "hold": ("冻结", "hold"),
    "hold_lifted": ("解除冻结", "hold lifted"),
    "default_retention": ("默认保管期限", "default retention"),
    "proposed": ("拟销毁", "proposed"),
    "batch": ("批次", "batch"),
    "decision": ("决定", "decision"),
    "renewed": ("续存", "renewed"),
    "destroyed": ("已销毁", "destroyed"),
    "witnesses": ("监销人", "witnesses"),
    "method": ("方式", "method"),
    "place": ("地点", "place"),
    # exports and backups
    "file": ("文件", "file"),
    "rows": ("行数", "rows"),
    "person": ("用户", "user"),
    "action": ("动作", "action"),
    "record": ("对象", "record"),
    "since": ("自", "since"),
}
"""The name of each fact the services record, in Chinese and English."""

WORDS: dict[tuple[str, object], tuple[str, str]] = {
    ("password", "changed"): ("已修改", "changed"),
    ("password", "reset"): ("已重设", "reset"),
    ("recovery", "issued"): ("已签发", "issued"),
    ("keys", "none"): ("无", "none"),
}
"""Stored words that read better in the reader's language."""

GRADE_FACTS = frozenset({"clearance", "encrypt_from", "limit", "secrecy"})
"""Facts whose numbers are grades (密级)."""

CHANGES = GRADE_FACTS | {
    "changed",
    "default_retention",
    "title",
    "doc_date",
    "responsible",
    "doc_number",
    "pages",
    "remarks",
    "room_id",
    "owner_id",
    "equipment",
    "has_paper",
    "ticket_id",
}
"""Facts stored as ``[before, after]``: a setting, a grade or a record's field that was changed."""


def readable(detail: str, lang: str = "zh") -> str:
    """An event's stored detail as one line of text in ``lang``."""
    if not detail.strip():
        return ""
    try:
        facts = json.loads(detail)
    except ValueError:
        return detail
    if not isinstance(facts, dict):
        return _value("", facts, lang)
    zh = lang.startswith("zh")
    parts = [_fact(name, value, lang) for name, value in _paired(facts).items() if value is not None]
    return ("；" if zh else "; ").join(p for p in parts if p)


def _paired(facts: dict[str, object]) -> dict[str, object]:
    """``x_before`` and ``x_after`` become one change ``x: [before, after]``; so do ``before`` and ``after``
    of a setting whose values are grades or words."""
    out: dict[str, object] = {}
    for name, value in facts.items():
        base, _, when = name.rpartition("_")
        if when == "before" and f"{base}_after" in facts:
            out[base] = [value, facts[f"{base}_after"]]
        elif when == "after" and f"{base}_before" in facts:
            continue
        elif name == "before" and "after" in facts:
            out["changed"] = [value, facts["after"]]
        elif name == "after" and "before" in facts:
            continue
        else:
            out[name] = value
    return out


def _fact(name: str, value: object, lang: str) -> str:
    zh = lang.startswith("zh")
    label = _name(name, lang)
    if isinstance(value, dict) and name in ("changed", "was"):
        inner = [_fact(k, v, lang) for k, v in value.items() if v is not None]
        return f"{label} {'，'.join(inner)}" if zh else f"{label}: {', '.join(inner)}"
    shown = _change(name, value, lang) if _is_change(name, value) else _value(name, value, lang)
    return f"{label} {shown}" if zh else f"{label}: {shown}"


def _is_change(name: str, value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and name in CHANGES


def _change(name: str, value: object, lang: str) -> str:
    assert isinstance(value, list)
    before, after = value
    return f"{_value(name, before, lang)} → {_value(name, after, lang)}"


def _value(name: str, value: object, lang: str) -> str:
    zh = lang.startswith("zh")
    if value is None:
        return "—"
    word = WORDS.get((name, value)) if isinstance(value, str) else None
    if word is not None:
        return word[0] if zh else word[1]
    if isinstance(value, bool):
        return ("是" if value else "否") if zh else ("yes" if value else "no")
    if name in GRADE_FACTS and isinstance(value, int) and value in tuple(Grade):
        return Grade(value).label(lang)
    labelled = _LABELLED.get(name)
    if labelled is not None and isinstance(value, str):
        try:
            return labelled(value, lang)
        except ValueError:
            return value
    if isinstance(value, list):
        return ("、" if zh else ", ").join(_value(name, v, lang) for v in value)
    if isinstance(value, dict):
        return ("，" if zh else ", ").join(f"{k}={_value(name, v, lang)}" for k, v in value.items())
    if name == "sha256" and isinstance(value, str):
        return value[:12] + "…"
    return str(value)


def _name(name: str, lang: str) -> str:
    known = NAMES.get(name)
    if known is None:
        return name
    return known[0] if lang.startswith("zh") else known[1]


_LABELLED: dict[str, Callable[[str, str], str]] = {
    "role": lambda v, lang: Role(v).label(lang),
    "action": lambda v, lang: AuditAction(v).label(lang),
    "output": lambda v, lang: Output(v).label(lang),
}
"""Facts stored as an enum's value, shown by its label."""
