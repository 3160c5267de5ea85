"""Writing and checking the audit trail (审计记录, A6, A11, A12).

:func:`record` appends one event inside the caller's unit of work, so the event and the action it
records are committed together or not at all. A refusal rolls its unit of work back, so
:func:`record_apart` writes the event in a unit of work of its own (refusals, failed sign-ins,
printouts). Each append first locks the chain's head row (``UPDATE … WHERE id = 1``, a row lock
like ``SELECT … FOR UPDATE`` on PostgreSQL, the write lock on SQLite): two workstations appending
at once queue on it, so numbers never repeat and the chain never forks.

:func:`verify` walks the whole trail in bounded memory (``estate-desk audit verify``).
"""

from __future__ import annotations

import logging
import socket
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from estate_desk.domain.audit import (
    CHAIN_FORMAT,
    GENESIS,
    AuditAction,
    AuditRecord,
    ChainBreak,
    ChainHead,
    StoredRecord,
    detail_text,
    find_break,
    record_hash,
)
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.errors import UserError
from estate_desk.store.audit import AuditChain, AuditEvent

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Engine

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

log = logging.getLogger(__name__)
E = TypeVar("E", bound=UserError)
HEAD_ID = 1
_VERIFY_PAGE = 1000


@lru_cache(maxsize=1)
def workstation() -> str:
    """The computer's name, so the trail says where on the LAN something happened (A12)."""
    try:
        return socket.gethostname()[:120]
    except OSError:  # pragma: no cover - a machine without a name
        return ""


def _clock(actor: Actor | None, clock: Clock | None) -> Clock:
    """The clock to stamp an event with: the one given, the signed-in session's, else the system's."""
    if clock is not None:
        return clock
    if actor is not None and actor.clock is not None:
        return actor.clock
    return SystemClock()


@dataclass(frozen=True)
class Target:
    """What an event is about: a kind, an id and the text a reader recognises (档号, a user name …).

    ``grade`` is how secret the target is (a record's grade, an owner file's 绝密, the most secret
    record a printout, loan or destruction batch names): a reader cleared below it sees the row
    masked. ``granted`` is a clearance the event gives a user: shown in the grade column, it makes
    nothing secret.
    """

    kind: str = ""
    id: int | None = None
    text: str = ""
    grade: int | None = None
    granted: int | None = None


NO_TARGET = Target()


def _lock_head(s: Session) -> tuple[int, str]:
    """Take the chain's head row for this transaction; returns (last seq, last hash)."""
    locked = s.execute(
        update(AuditChain)
        .where(AuditChain.id == HEAD_ID)
        .values(last_seq=AuditChain.last_seq)
        .returning(AuditChain.last_seq, AuditChain.last_hash)
    ).first()
    if locked is not None:
        return int(locked[0]), str(locked[1])
    # The head row is gone (a new database made without migrations, or someone deleted it): start it
    # again from the last event, and say so in the trail itself.
    last = s.execute(select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)).first()
    seq, digest = (int(last[0]), str(last[1])) if last is not None else (0, GENESIS)
    s.add(AuditChain(id=HEAD_ID, last_seq=seq, last_hash=digest))
    s.flush()
    if last is not None:
        log.warning("audit chain head was missing; restored from row %s", seq)
        return _append(
            s,
            seq,
            digest,
            None,
            "",
            AuditAction.CHANGE,
            Target("audit", None, "审计链头缺失，已按最后一条恢复"),
            "",
            "",
            SystemClock(),
        )
    return seq, digest


def _append(
    s: Session,
    last_seq: int,
    last_hash: str,
    user_id: int | None,
    username: str,
    action: AuditAction,
    target: Target,
    reason: str,
    detail: str,
    clock: Clock,
) -> tuple[int, str]:
    entry = AuditRecord(
        seq=last_seq + 1,
        at=clock.now(),
        user_id=user_id,
        username=username[:80],
        action=action.value,
        target_kind=target.kind[:20],
        target_id=target.id,
        target_text=target.text[:400],
        grade=target.grade if target.grade is not None else target.granted,
        reason=reason,
        detail=detail,
        workstation=workstation(),
        target_grade=target.grade,
        chain_format=CHAIN_FORMAT,
    )
    digest = record_hash(entry, last_hash)
    s.add(
        AuditEvent(
            seq=entry.seq,
            at=entry.at,
            user_id=entry.user_id,
            username=entry.username,
            action=entry.action,
            target_kind=entry.target_kind,
            target_id=entry.target_id,
            target_text=entry.target_text,
            grade=entry.grade,
            reason=entry.reason,
            detail=entry.detail,
            workstation=entry.workstation,
            target_grade=entry.target_grade,
            chain_format=entry.chain_format,
            prev_hash=last_hash,
            hash=digest,
        )
    )
    s.execute(update(AuditChain).where(AuditChain.id == HEAD_ID).values(last_seq=entry.seq, last_hash=digest))
    return entry.seq, digest


def record(
    s: Session,
    actor: Actor | None,
    action: AuditAction,
    target: Target = NO_TARGET,
    *,
    reason: str = "",
    detail: dict[str, object] | None = None,
    username: str | None = None,
    clock: Clock | None = None,
) -> int:
    """Append one event in the caller's unit of work; returns its number.

    ``username`` names who it was when there is no signed-in actor (a failed sign-in).
    """
    seq, digest = _lock_head(s)
    seq, _ = _append(
        s,
        seq,
        digest,
        actor.user_id if actor is not None else None,
        actor.username if actor is not None else (username or ""),
        action,
        target,
        reason,
        detail_text(detail),
        _clock(actor, clock),
    )
    s.flush()
    return seq


def _engine(where: Database | Session | Engine) -> Engine:
    from sqlalchemy import Engine

    if isinstance(where, Session):
        bind = where.get_bind()
        return bind if isinstance(bind, Engine) else bind.engine
    if isinstance(where, Engine):
        return where
    return where.engine


def record_apart(
    where: Database | Session | Engine,
    actor: Actor | None,
    action: AuditAction,
    target: Target = NO_TARGET,
    *,
    reason: str = "",
    detail: dict[str, object] | None = None,
    username: str | None = None,
    clock: Clock | None = None,
) -> int | None:
    """Append one event in a unit of work of its own (the caller's is about to be rolled back).

    Returns its number, or None when the database would not take it (logged; the refusal stands).
    """
    try:
        with Session(_engine(where)) as s, s.begin():
            return record(s, actor, action, target, reason=reason, detail=detail, username=username, clock=clock)
    except Exception:
        log.exception("could not write an audit event (%s %s)", action.value, target.text)
        return None


def refused(where: Database | Session | Engine, actor: Actor | None, error: E, target: Target = NO_TARGET) -> E:
    """Record a refusal with its explanation, and hand the error back to be raised."""
    facts: dict[str, object] = {k: v for k, v in (("rule", error.rule), ("where", error.where)) if v}
    record_apart(where, actor, AuditAction.REFUSE, target, reason=error.zh, detail=facts or None)
    return error


# --------------------------------------------------------------------------- verify


@dataclass(frozen=True)
class VerifyReport:
    """What ``audit verify`` says: how many rows were read, and where the chain breaks (None: intact)."""

    rows: int
    broken: ChainBreak | None
    head_missing: bool = False

    @property
    def ok(self) -> bool:
        return self.broken is None and not self.head_missing

    def message(self, lang: str = "zh") -> str:
        if self.broken is not None:
            return self.broken.message(lang)
        if self.head_missing:
            return (
                f"审计链头记录缺失（已读 {self.rows} 条）：可能被人删除。"
                if lang.startswith("zh")
                else f"The audit chain's head row is missing ({self.rows} rows read): it may have been deleted."
            )
        return (
            f"审计记录完整：共 {self.rows} 条，哈希链无断点。"
            if lang.startswith("zh")
            else f"The audit trail is intact: {self.rows} rows, the hash chain unbroken."
        )


def _stored(s: Session) -> Iterator[StoredRecord]:
    last = 0
    while True:
        page = s.scalars(
            select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(_VERIFY_PAGE)
        ).all()
        if not page:
            return
        for row in page:
            yield StoredRecord(
                AuditRecord(
                    seq=row.seq,
                    at=row.at,
                    user_id=row.user_id,
                    username=row.username,
                    action=row.action,
                    target_kind=row.target_kind,
                    target_id=row.target_id,
                    target_text=row.target_text,
                    grade=row.grade,
                    reason=row.reason,
                    detail=row.detail,
                    workstation=row.workstation,
                    target_grade=row.target_grade,
                    chain_format=row.chain_format,
                ),
                row.prev_hash,
                row.hash,
            )
        last = page[-1].seq
        s.expunge_all()


def verify(db: Database) -> VerifyReport:
    """Check every row's hash and link, and the head: names the first row where the chain breaks."""
    with db.session() as s:
        head_row = s.get(AuditChain, HEAD_ID)
        head = ChainHead(head_row.last_seq, head_row.last_hash) if head_row is not None else None
        rows, broken = find_break(_stored(s), head)
    return VerifyReport(rows, broken, head_missing=head is None and broken is None)
