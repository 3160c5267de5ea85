"""The audit trail (审计记录): what is recorded, and how a broken chain is found (A6, A11, A12).

Every sign-in (and failed one), view of a classified record or attachment, print, export, change,
approval and refusal is one :class:`AuditRecord`, numbered 1, 2, 3 … without gaps (``seq``). Each
record carries the SHA-256 of the one before it (``prev_hash``) and its own hash over its canonical
content (:func:`record_hash`): JSON with sorted keys, UTC times to the microsecond, the previous
hash included. A chain head remembers the last number and hash, so a row removed from the end is
noticed too.

:func:`find_break` walks the rows in order and names the first place the chain breaks:

* **edited** — a row whose content no longer gives its hash;
* **deleted** — a number missing (in the middle, or at the end against the head);
* **inserted** — a row beyond the head, or a row that does not follow the one before it.

What it cannot tell: a person who rewrites every hash after a change *and* the head. The trail
makes a change visible to anyone who has not also recomputed the chain; keeping a copy of the
head elsewhere (a printed verification) closes that gap.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Iterable

GENESIS = "0" * 64
"""The "previous hash" of the first record."""


class AuditAction(StrEnum):
    """What happened; the viewer filters by these."""

    SIGN_IN = "sign_in"  # 登录
    SIGN_IN_FAILED = "sign_in_failed"  # 登录失败
    VIEW = "view"  # 查看涉密档案、业主档案
    VIEW_ATTACHMENT = "view_attachment"  # 查看涉密附件
    PRINT = "print"  # 打印
    EXPORT = "export"  # 导出
    CHANGE = "change"  # 修改（档案、密级、账户、设置）
    APPROVE = "approve"  # 审批
    REFUSE = "refuse"  # 拒绝（超出密级、无权、审批本人申请……）
    KEY = "key"  # 密钥（建立、恢复密钥、重新加密）

    def label(self, lang: str = "zh") -> str:
        return _LABELS[self][0 if lang.startswith("zh") else 1]


_LABELS = {
    AuditAction.SIGN_IN: ("登录", "Sign-in"),
    AuditAction.SIGN_IN_FAILED: ("登录失败", "Failed sign-in"),
    AuditAction.VIEW: ("查看", "View"),
    AuditAction.VIEW_ATTACHMENT: ("查看附件", "View attachment"),
    AuditAction.PRINT: ("打印", "Print"),
    AuditAction.EXPORT: ("导出", "Export"),
    AuditAction.CHANGE: ("修改", "Change"),
    AuditAction.APPROVE: ("审批", "Approval"),
    AuditAction.REFUSE: ("拒绝", "Refusal"),
    AuditAction.KEY: ("密钥", "Keys"),
}


def parse_action(text: str) -> AuditAction:
    """An action from its code (``print``) or its name in either language (打印, Print)."""

    def folded(name: str) -> str:
        return name.strip().lower().replace("-", "_").replace(" ", "_")

    for action in AuditAction:
        if folded(text) in (action.value, action.label("zh"), folded(action.label("en"))):
            return action
    from estate_desk.domain.errors import InputProblem

    choices = ", ".join(f"{a.value} ({a.label()})" for a in AuditAction)
    raise InputProblem(
        zh=f"未知的审计动作：{text}。可选：{choices}", en=f"Unknown audit action: {text}. Choose: {choices}"
    )


@dataclass(frozen=True)
class AuditRecord:
    """One row of the trail, as hashed: who, what, on which record, why, where and when."""

    seq: int
    at: datetime  # timezone-aware
    user_id: int | None
    username: str
    action: str
    target_kind: str = ""  # document | attachment | owner | box | printout | user | setting | audit | …
    target_id: int | None = None
    target_text: str = ""  # what a reader recognises: 档号, a printout and its selection, a user name
    grade: int | None = None  # the record's grade, where there is one
    reason: str = ""  # why (printing, exporting), or why it was refused
    detail: str = ""  # JSON with sorted keys: anything else worth keeping
    workstation: str = ""  # the computer it happened at (A12: several workstations share one archive)
    target_grade: int | None = None  # how secret the target was then: a reader below it sees the row masked
    chain_format: int = 1  # 1: rows written before target_grade was hashed (their target_grade is backfilled)


CHAIN_FORMAT = 2
"""The format new rows are written in: their hash covers ``target_grade`` (and says it does)."""


def hidden_from(target_grade: int | None, clearance: int) -> bool:
    """Whether a row's target is above the reader's clearance: then the row shows who, when, what action
    and the grade, never the target's number, title or name, nor the reason and details (A6, A12)."""
    return target_grade is not None and int(target_grade) > int(clearance)


def canonical(record: AuditRecord, prev_hash: str) -> bytes:
    """The bytes a record's hash is taken over: its content and the previous hash, as sorted-key JSON.

    From format 2 the target's grade is part of it, so lowering it to unmask a row breaks the chain.
    A format-1 row (written before migration 0011) is hashed as it always was; its ``target_grade``
    was filled in afterwards from its target and is not covered by the chain.
    """
    content = {
        "seq": record.seq,
        "at": record.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "user_id": record.user_id,
        "username": record.username,
        "action": record.action,
        "target_kind": record.target_kind,
        "target_id": record.target_id,
        "target_text": record.target_text,
        "grade": record.grade,
        "reason": record.reason,
        "detail": record.detail,
        "workstation": record.workstation,
        "prev_hash": prev_hash,
    }
    if record.chain_format >= 2:  # older rows were hashed without these keys, and still verify
        content["chain_format"] = record.chain_format
        content["target_grade"] = record.target_grade
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def record_hash(record: AuditRecord, prev_hash: str) -> str:
    return hashlib.sha256(canonical(record, prev_hash)).hexdigest()


def detail_text(detail: dict[str, object] | None) -> str:
    """Extra facts as the canonical JSON the trail stores (empty when there are none)."""
    if not detail:
        return ""
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class StoredRecord:
    """A record as read back from the table: its content and the two hashes stored with it."""

    record: AuditRecord
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class ChainBreak:
    """Where the chain first breaks, and how."""

    seq: int
    kind: Literal["edited", "deleted", "inserted"]

    def message(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            what = {"edited": "被修改", "deleted": "被删除", "inserted": "是插入的（不是本程序写入）"}[self.kind]
            return f"审计记录在第 {self.seq} 条处断开：第 {self.seq} 条{what}。"
        what_en = {
            "edited": "was edited",
            "deleted": "was deleted",
            "inserted": "was inserted (not written by Estate Desk)",
        }
        return f"The audit trail breaks at row {self.seq}: row {self.seq} {what_en[self.kind]}."


@dataclass(frozen=True)
class ChainHead:
    """The last number and hash the trail has written (kept in its own row)."""

    last_seq: int
    last_hash: str


def find_break(rows: Iterable[StoredRecord], head: ChainHead | None) -> tuple[int, ChainBreak | None]:
    """Walk the rows in ``seq`` order; returns how many were read and the first break (None: intact).

    ``rows`` may be a generator over a large table: one row is held at a time. Without a head (its
    row is gone) only the rows themselves are checked.
    """
    expected_seq, prev = 1, GENESIS
    count = 0
    for row in rows:
        count += 1
        seq = row.record.seq
        if head is not None and seq > head.last_seq:
            return count, ChainBreak(seq, "inserted")
        if seq != expected_seq:
            return count, ChainBreak(expected_seq, "deleted")
        if record_hash(row.record, row.prev_hash) != row.hash:
            return count, ChainBreak(seq, "edited")
        if row.prev_hash != prev:  # the row before was replaced, its hash recomputed
            return count, ChainBreak(max(seq - 1, 1), "edited")
        expected_seq, prev = seq + 1, row.hash
    if head is None:
        return count, None
    if head.last_seq >= expected_seq:
        return count, ChainBreak(expected_seq, "deleted")
    if head.last_hash != prev:
        return count, ChainBreak(head.last_seq, "edited")
    return count, None
