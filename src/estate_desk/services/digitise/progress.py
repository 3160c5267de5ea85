"""How far the paper has come into the computer archive (A5): the figures of the digitisation progress.

* :func:`by_category_year` — per category and year, the records with a paper original, how many of them
  have their scan (or any file: a record attached by hand counts too), and the same in registered pages
  (页数), so the share is "% of registered pages";
* :func:`batch_rates` — each batch's pages scanned per hour, from the time it went to 扫描 to its last
  import (none until that is at least six minutes);
* :func:`overview` — the totals, the batches out and the 待处理 items still open; :func:`at_the_scanner`
  the last two alone, cheap enough for the today page.

Within the reader's clearance, like every list of the archive. The figures are read when asked for
(the workbench's progress tab, the today page), never at start.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import case, exists, func, select

from estate_desk.domain.digitise.steps import Step
from estate_desk.services.digitise.batches import require_keeper
from estate_desk.services.secrecy.clearance import documents_visible
from estate_desk.store.archive import Attachment, Category, Document
from estate_desk.store.digitise import DigitiseBatch, DigitiseStepLog, InboxSource, PendingItem

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


MIN_HOURS = 0.1  # a rate over a few minutes says nothing of the scanner's pace (a feeder: about 60 pages a minute)


@dataclass(frozen=True)
class Progress:
    """Records and registered pages with a paper original, and how many of them are digitised."""

    records: int
    digitised: int
    pages: int
    digitised_pages: int

    def share(self) -> float | None:
        """Digitised share of the registered pages, in per cent (of records when no pages are registered)."""
        if self.pages:
            return 100.0 * self.digitised_pages / self.pages
        return 100.0 * self.digitised / self.records if self.records else None


@dataclass(frozen=True)
class CategoryYear:
    category: str  # the category's code
    name_zh: str
    name_en: str
    year: int
    progress: Progress


@dataclass(frozen=True)
class BatchRate:
    code: str
    step: Step
    pages: int  # pages delivered by the scanner to the batch
    hours: float | None  # from 扫描 to the last import
    per_hour: float | None


@dataclass(frozen=True)
class Overview:
    total: Progress
    pending: int  # 待处理 items not yet settled, all batches
    batches_open: int  # batches not yet back in the archive room


def by_category_year(db: Database, actor: Actor) -> list[CategoryYear]:
    """The progress of every category and year that has records with a paper original."""
    require_keeper(actor, "查看数字化进度", "see the digitisation progress")
    digital = exists().where(Attachment.document_id == Document.id)
    query = (
        select(
            Category.code,
            Category.name_zh,
            Category.name_en,
            Document.year,
            func.count(),
            func.sum(case((digital, 1), else_=0)),
            func.coalesce(func.sum(Document.pages), 0),
            func.sum(case((digital, Document.pages), else_=0)),
        )
        .join(Category, Document.category_id == Category.id)
        .where(documents_visible(actor), Document.has_paper.is_(True))
        .group_by(Category.code, Category.name_zh, Category.name_en, Document.year)
        .order_by(Category.code, Document.year)
    )
    with db.session() as s:
        return [
            CategoryYear(code, zh, en, year, Progress(n, int(done or 0), int(pages or 0), int(done_pages or 0)))
            for code, zh, en, year, n, done, pages, done_pages in s.execute(query)
        ]


def total_of(rows: list[CategoryYear]) -> Progress:
    return Progress(
        sum(r.progress.records for r in rows),
        sum(r.progress.digitised for r in rows),
        sum(r.progress.pages for r in rows),
        sum(r.progress.digitised_pages for r in rows),
    )


def batch_rates(db: Database, actor: Actor) -> list[BatchRate]:
    """Every batch's pages per hour at the scanner, newest batch first."""
    require_keeper(actor, "查看数字化进度", "see the digitisation progress")
    started = (
        select(DigitiseStepLog.batch_id, func.min(DigitiseStepLog.at).label("at"))
        .where(DigitiseStepLog.step == Step.SCAN.value)
        .group_by(DigitiseStepLog.batch_id)
        .subquery()
    )
    delivered = (
        select(
            InboxSource.batch_id,
            func.sum(InboxSource.pages).label("pages"),
            func.max(InboxSource.imported_at).label("last"),
        )
        .group_by(InboxSource.batch_id)
        .subquery()
    )
    query = (
        select(DigitiseBatch.code, DigitiseBatch.step, started.c.at, delivered.c.pages, delivered.c.last)
        .outerjoin(started, started.c.batch_id == DigitiseBatch.id)
        .outerjoin(delivered, delivered.c.batch_id == DigitiseBatch.id)
        .order_by(DigitiseBatch.id.desc())
    )
    rates = []
    with db.session() as s:
        for code, step, start, pages, last in s.execute(query):
            hours = (last - start).total_seconds() / 3600 if start is not None and last is not None else None
            per_hour = pages / hours if pages and hours is not None and hours >= MIN_HOURS else None
            rates.append(BatchRate(code, Step(step), int(pages or 0), hours, per_hour))
    return rates


def at_the_scanner(db: Database) -> tuple[int, int]:
    """The batches not yet back in the archive room and the 待处理 items open: two small counts, cheap
    enough for the today page (they name no record, so any reader of the today page may see them)."""
    with db.session() as s:
        out = s.scalar(select(func.count()).select_from(DigitiseBatch).where(DigitiseBatch.step != Step.RETURNED.value))
        pending = s.scalar(select(func.count()).select_from(PendingItem).where(PendingItem.settled == "open"))
    return int(out or 0), int(pending or 0)


def overview(db: Database, actor: Actor) -> Overview:
    """The whole archive's progress, the 待处理 items open and the batches out."""
    total = total_of(by_category_year(db, actor))
    out, pending = at_the_scanner(db)
    return Overview(total, pending, out)
