"""The scan inbox: a synthetic stack with every bad case planted, split and linked by the real pipeline.

Every record ends with exactly its pages (the attached PDF's page count), and the 待处理 queue holds
exactly the planted problems — whether the stack comes as a PDF, a multi-page TIFF or a set of images.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select
from stack_support import Stack, foreign_sheet, page_image, register, sheet_images, smudge

from estate_desk.domain.digitise.splitting import Reason
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, inbox, pending
from estate_desk.store.archive import Attachment, Document
from estate_desk.store.digitise import DigitiseScan, InboxSource, PendingItem

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


class Planted:
    """A batch of four records (A, B, C, D; C at 秘密), a record E of another batch, and the stack:

    1 stray page | 2 sheet A | 3–4 A | 5 sheet B | 6 B | 7 sheet C, its code smudged | 8–9 C |
    10 another estate's sheet | 11 its page | 12 sheet E (not in the batch) | 13 E | 14 sheet A again |
    15 A again | 16 sheet D | 17–19 D | 20 end of batch
    """

    def __init__(self, db: Database, clock: FakeClock, clerk: Actor, folder: Path) -> None:
        self.ids = register(db, clock, ["甲", "乙"]) + register(db, clock, ["丙"], secrecy=Grade.SECRET)
        self.ids += register(db, clock, ["丁"])
        other = register(db, clock, ["戊"])
        self.batch = batches.new_batch(db, clock, clerk, document_ids=self.ids)
        other_batch = batches.new_batch(db, clock, clerk, document_ids=other)
        batches.advance(db, clock, clerk, self.batch)
        a, b, c, d, end = sheet_images(db, clerk, self.batch, folder)
        e = sheet_images(db, clerk, other_batch, folder)[0]
        with db.session() as s:
            d_number = s.get(Document, self.ids[3]).archive_no  # type: ignore[union-attr]
        pages = [page_image("stray")]
        pages += [a, page_image("A1"), page_image("A2", colour=True), b, page_image("B1")]
        pages += [smudge(c), page_image("C1"), page_image("C2")]
        pages += [foreign_sheet("Z999", d_number), page_image("F1")]
        pages += [e, page_image("E1"), a, page_image("A again")]
        pages += [d, page_image("D1"), page_image("D2"), page_image("D3"), end]
        self.stack = Stack(pages)

    expected_pages: ClassVar[dict[int, int]] = {
        0: 2,
        1: 1,
        3: 3,
    }  # record index → pages attached (C waits: its sheet is unreadable)
    expected_problems: ClassVar[list[tuple[Reason, int | None, str]]] = [
        (Reason.BEFORE_FIRST_SHEET, None, "1"),
        (Reason.UNREADABLE_CODE, 7, "8,9"),
        (Reason.OTHER_ESTATE, 10, "11"),
        (Reason.NOT_IN_BATCH, 12, "13"),
        (Reason.SCANNED_TWICE, 14, "15"),
    ]


@pytest.fixture
def planted(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Planted:
    return Planted(ready_db, clock, clerk, tmp_path)


def _pdf_pages(db: Database, actor: Actor, document_id: int) -> list[int]:
    """The page count of each attachment of a record (decrypted in memory where sealed)."""
    counts = []
    for row in attachments.attachments_of(db, actor, document_id):
        preview = attachments.open_for_preview(db, actor, row.id)
        pdf = pdfium.PdfDocument(preview.data if preview.data is not None else preview.path)
        counts.append(len(pdf))
        pdf.close()
    return counts


def _assert_split(db: Database, actor: Actor, planted: Planted, result: inbox.ImportResult) -> None:
    for index, document_id in enumerate(planted.ids):
        expected = planted.expected_pages.get(index)
        assert _pdf_pages(db, actor, document_id) == ([expected] if expected else [])
    with db.session() as s:
        rows = s.scalars(select(PendingItem).order_by(PendingItem.id)).all()
        assert [(Reason(r.reason), r.sheet_page, r.source_pages) for r in rows] == planted.expected_problems
    assert [(p.reason, p.sheet, ",".join(map(str, p.pages))) for p in result.pending] == planted.expected_problems
    assert sorted(len(x.pages) for x in result.linked) == [1, 2, 3]


@pytest.mark.parametrize("form", ["pdf", "tiff", "png", "jpg"])
def test_a_stack_splits_at_its_sheets_and_every_planted_problem_waits_in_the_queue(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path, form: str
) -> None:
    if form == "pdf":
        files: Path | list[Path] = planted.stack.as_pdf(tmp_path / "stack.pdf")
    elif form == "tiff":
        files = planted.stack.as_tiff(tmp_path / "stack.tif")
    else:
        files = planted.stack.as_images(tmp_path / "pages", form)
    result = inbox.import_stack(ready_db, clerk, files, planted.batch)
    assert result.pages == 20 and not result.already
    _assert_split(ready_db, clerk, planted, result)


def test_scans_are_named_by_archive_number_derived_from_the_kept_source_and_sealed_at_secret(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path
) -> None:
    source = planted.stack.as_pdf(tmp_path / "stack.pdf")
    result = inbox.import_stack(ready_db, clerk, source, planted.batch)
    with ready_db.session() as s:
        kept = s.scalars(select(InboxSource)).one()
        assert kept.sha256 == inbox.file_sha256(source) and kept.pages == 20 and kept.status == "problems"
        assert kept.encrypted  # the stack holds a 秘密 record's pages … but C's did not attach; the batch has C
        derived = s.scalars(select(DigitiseScan)).all()
        assert {d.source_id for d in derived} == {kept.id}
        numbers = {d.id: d.archive_no for d in s.scalars(select(Document))}
    assert {x.name for x in result.linked} == {numbers[x.document_id] + ".pdf" for x in result.linked}
    assert attachments.blob_store().exists(kept.sha256, sealed=True)


def test_a_secret_records_scan_is_sealed_like_any_attachment(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    secret = register(ready_db, clock, ["秘密件"], secrecy=Grade.SECRET)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=secret)
    batches.advance(ready_db, clock, clerk, batch)
    sheet, end = sheet_images(ready_db, clerk, batch, tmp_path)
    stack = Stack([sheet, page_image("S1"), page_image("S2"), end]).as_pdf(tmp_path / "s.pdf")
    inbox.import_stack(ready_db, clerk, stack, batch)
    with ready_db.session() as s:
        attachment = s.scalars(select(Attachment).where(Attachment.document_id == secret[0])).one()
        assert attachment.encrypted and attachment.kind == "scan"
    assert attachments.blob_store().exists(attachment.sha256, sealed=True)
    assert _pdf_pages(ready_db, clerk, secret[0]) == [2]


def test_the_same_file_imported_twice_attaches_nothing_twice(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path
) -> None:
    source = planted.stack.as_tiff(tmp_path / "stack.tif")
    inbox.import_stack(ready_db, clerk, source, planted.batch)
    copy = tmp_path / "again.tif"
    copy.write_bytes(source.read_bytes())
    again = inbox.import_stack(ready_db, clerk, copy, planted.batch)
    assert again.already and not again.linked
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 3
        assert s.scalar(select(func.count()).select_from(PendingItem)) == len(planted.expected_problems)


def test_a_set_of_images_mixing_imported_and_new_files_is_refused(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path
) -> None:
    files = planted.stack.as_images(tmp_path / "pages")
    inbox.import_stack(ready_db, clerk, files, planted.batch)
    extra = Stack([page_image("new")]).as_images(tmp_path / "more")
    with pytest.raises(InputProblem, match="imported before"):
        inbox.import_stack(ready_db, clerk, [*files[:3], *extra], planted.batch)


def test_nothing_is_kept_when_the_unit_of_work_fails_midway(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = planted.stack.as_pdf(tmp_path / "stack.pdf")
    real = inbox.attach_bytes
    calls = []

    def failing(*args: object, **kwargs: object) -> Attachment:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(inbox, "attach_bytes", failing)
    with pytest.raises(OSError):
        inbox.import_stack(ready_db, clerk, source, planted.batch)
    with ready_db.session() as s:
        for table in (Attachment, InboxSource, PendingItem, DigitiseScan):
            assert s.scalar(select(func.count()).select_from(table)) == 0
    monkeypatch.setattr(inbox, "attach_bytes", real)
    result = inbox.import_stack(ready_db, clerk, source, planted.batch)
    _assert_split(ready_db, clerk, planted, result)


def _holding(data: bytes) -> Callable[[Path], Path]:
    def write(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return write


def _encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(100, 700, "locked")
    canvas.save()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_holding(b""), "0 bytes"),
        (_holding(b"not a scan"), "not a PDF or an image"),
        (_holding(b"%PDF-1.7\nbroken"), "damaged"),
        (_holding(b"\x89PNG\r\n\x1a\nbroken"), "damaged"),
        (_encrypted_pdf, "encrypted"),
    ],
)
def test_whole_file_problems_are_refused_with_a_message_and_nothing_is_kept(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path, make: object, message: str
) -> None:
    path = make(tmp_path / "scan.pdf")  # type: ignore[operator]
    with pytest.raises(InputProblem, match=message) as caught:
        inbox.import_stack(ready_db, clerk, path, planted.batch)
    assert "scan.pdf" in caught.value.zh
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(InboxSource)) == 0


def test_a_batch_not_at_scanning_takes_no_scans(
    ready_db: Database, clock: FakeClock, clerk: Actor, planted: Planted, tmp_path: Path
) -> None:
    batches.advance(ready_db, clock, clerk, planted.batch)
    assert batches.batch_view(ready_db, clerk, planted.batch).summary.step is Step.CHECK
    with pytest.raises(RuleViolation, match="Scanning"):
        inbox.import_stack(ready_db, clerk, planted.stack.as_pdf(tmp_path / "s.pdf"), planted.batch)


def test_the_batch_counts_its_scanned_records_and_open_problems(
    ready_db: Database, clerk: Actor, planted: Planted, tmp_path: Path
) -> None:
    inbox.import_stack(ready_db, clerk, planted.stack.as_pdf(tmp_path / "s.pdf"), planted.batch)
    summary = batches.batch_view(ready_db, clerk, planted.batch).summary
    assert (summary.records, summary.scanned, summary.pending) == (4, 3, 5)
    waiting = pending.open_items(ready_db, clerk, planted.batch)
    assert [(w.reason, w.sheet_page, w.pages) for w in waiting] == planted.expected_problems
    assert {w.source for w in waiting} == {"s.pdf"}


def test_a_pending_item_is_settled_once_and_leaves_the_open_queue(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, planted: Planted, tmp_path: Path
) -> None:
    inbox.import_stack(ready_db, clerk, planted.stack.as_pdf(tmp_path / "s.pdf"), planted.batch)
    stray, *rest = pending.open_items(ready_db, clerk, planted.batch)
    with pytest.raises(PermissionDenied):
        pending.settle(ready_db, clock, receptionist, stray.id, pending.Settlement.DROPPED)
    pending.settle(ready_db, clock, clerk, stray.id, pending.Settlement.DROPPED, "空白页")
    assert pending.open_items(ready_db, clerk, planted.batch) == rest
    with pytest.raises(RuleViolation, match="settled already"):
        pending.settle(ready_db, clock, clerk, stray.id, pending.Settlement.RESCAN)
    with ready_db.session() as s:
        item = s.get(PendingItem, stray.id)
        assert item is not None and (item.settled, item.settled_by, item.detail) == ("dropped", clerk.user_id, "空白页")
    assert batches.batch_view(ready_db, clerk, planted.batch).summary.pending == 4


def test_a_record_linked_by_another_workstation_meanwhile_waits_instead_of_attaching_twice(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = register(ready_db, clock, ["甲"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    sheet, end = sheet_images(ready_db, clerk, batch, tmp_path)
    first = Stack([sheet, page_image("first"), end]).as_pdf(tmp_path / "first.pdf")
    second = Stack([sheet, page_image("second"), page_image("second 2"), end]).as_pdf(tmp_path / "second.pdf")
    inbox.import_stack(ready_db, clerk, first, batch)
    real_split = inbox.split
    monkeypatch.setattr(inbox, "split", lambda r, e, b, scanned: real_split(r, e, b, ()))  # read before the first
    result = inbox.import_stack(ready_db, clerk, second, batch)
    assert not result.linked and [(p.reason, p.pages) for p in result.pending] == [(Reason.SCANNED_TWICE, (2, 3))]
    assert _pdf_pages(ready_db, clerk, ids[0]) == [1]
