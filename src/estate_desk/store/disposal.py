"""Legal holds, destruction batches and their items (鉴定销毁, A16, A17), and the guard that no row of
the archive is ever deleted.

A destroyed record is never a deleted row: it stays in ``documents`` as a tombstone (its catalogue
data, its archive number, ``destroyed_in`` naming the batch). So nothing may delete a document or a
volume — not the ORM (:func:`_refuse_deleting_records`, on every session), not a bulk ``DELETE``
through a session (:func:`_refuse_bulk_deletes`), and not plain SQL: migration 0007 puts a trigger on
both tables that aborts any ``DELETE``.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Date, ForeignKey, Integer, String, Text, UniqueConstraint, event, text
from sqlalchemy.orm import Mapped, ORMExecuteState, Session, mapped_column

from estate_desk.domain.errors import RuleViolation
from estate_desk.store.archive import Document, Volume
from estate_desk.store.base import Base, UTCDateTime

if TYPE_CHECKING:
    from collections.abc import Iterator


class LegalHold(Base):
    """A legal hold (冻结) on a document: an owner dispute, an audit, a lawsuit. While it is not lifted the
    record cannot be proposed for destruction."""

    __tablename__ = "legal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # dispute | audit | lawsuit | other
    reason: Mapped[str] = mapped_column(Text)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    set_at: Mapped[datetime] = mapped_column(UTCDateTime())
    lifted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    lifted_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    lift_reason: Mapped[str] = mapped_column(Text, default="")


class DestructionBatch(Base):
    """A destruction batch (销毁批次): proposed by the clerk, each item decided by a supervisor, carried out
    with witnesses; ``manifest_document_id`` is the manifest (销毁清册) filed in the archive (a plain id,
    not a foreign key, so documents and batches do not refer to each other in a cycle)."""

    __tablename__ = "destruction_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)  # Z001-XH-2026-001
    state: Mapped[str] = mapped_column(String(20), index=True)  # proposed | approved | carried_out
    proposed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    carried_out_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    carried_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    carried_out_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    method: Mapped[str] = mapped_column(String(20), default="")  # shred | pulp | burn
    place: Mapped[str] = mapped_column(String(200), default="")
    witnesses: Mapped[str] = mapped_column(Text, default="")  # one name per line (监销人)
    manifest_document_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class DestructionItem(Base):
    """One record in a batch, with the clerk's reason and the supervisor's decision.

    ``fingerprint`` is the record as it was proposed (``domain/disposal.record_fingerprint``); a record
    changed since cannot be approved or destroyed until the proposal is renewed.
    """

    __tablename__ = "destruction_items"
    __table_args__ = (UniqueConstraint("batch_id", "document_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("destruction_batches.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # 序号 in the manifest
    reason: Mapped[str] = mapped_column(Text)  # 销毁原因
    due: Mapped[str] = mapped_column(String(20))  # expired | void: why it was on the review list
    fingerprint: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(20), default="pending")  # pending | approved | rejected
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    remarks: Mapped[str] = mapped_column(Text, default="")  # 备注 in the manifest (files deleted …)


class DestructionFile(Base):
    """A stored file a carried-out batch must remove (recorded in the batch's unit of work, removed just
    after it commits; a crash in between leaves the row, and the next sweep finishes the work)."""

    __tablename__ = "destruction_files"
    __table_args__ = (UniqueConstraint("batch_id", "sha256", "sealed"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("destruction_batches.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    sealed: Mapped[bool] = mapped_column(default=False)
    names: Mapped[str] = mapped_column(Text, default="")
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)


# --------------------------------------------------------------------------- no deleting records

_KEPT = (Document, Volume)


def _refused(what: str) -> RuleViolation:
    return RuleViolation(
        zh=f"档案记录不能删除（{what}）：只能经批准的销毁批次销毁，销毁后保留目录信息。",
        en=f"Archive records are never deleted ({what}): only an approved destruction batch destroys one, "
        "and its catalogue entry is kept.",
        rule="A17",
    )


@event.listens_for(Session, "before_flush")
def _refuse_deleting_records(session: Session, _context: Any, _instances: Any) -> None:
    for row in session.deleted:
        if isinstance(row, _KEPT):
            raise _refused(getattr(row, "archive_no", None) or getattr(row, "code", "") or type(row).__name__)


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_deletes(state: ORMExecuteState) -> None:
    if state.is_delete and state.bind_mapper is not None and state.bind_mapper.class_ in _KEPT:
        raise _refused(state.bind_mapper.class_.__tablename__)


@contextmanager
def guard_lifted(conn: Connection) -> Iterator[None]:
    """Inside one transaction, let ``conn`` empty ``documents`` and ``volumes``: only for a forced restore,
    which replaces the whole archive with a backup (issue 9), never for a record. The triggers of
    migration 0007 are put back before the transaction commits, so no other connection ever sees them gone.
    """
    if conn.dialect.name == "sqlite":
        saved = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_never\\_deleted' ESCAPE '\\'"
            )
        ).all()
        for name, _sql in saved:
            conn.execute(text(f'DROP TRIGGER "{name}"'))
        yield
        for _name, sql in saved:
            conn.execute(text(sql))
        return
    tables = [t.__tablename__ for t in _KEPT]
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} DISABLE TRIGGER {table}_never_deleted"))
    yield
    for table in tables:
        conn.execute(text(f"ALTER TABLE {table} ENABLE TRIGGER {table}_never_deleted"))
