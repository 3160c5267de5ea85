"""One page upside down inside a record whose cover sheet was upright is found by its text and turned (issue 17).

The quality check reads which way each page's text runs (``services/digitise/text_direction.py``, the ``ocr``
extra) and names the record and the page; ``services/digitise/page_turns.py`` turns it by its PDF page
rotation as a new version of the record's scan, the earlier kept, the turn in the audit trail. The tests
that need the real classifier skip cleanly without the extra.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select
from stack_support import Stack, hide_ocr_extra, register, run_digitise, sheet_images, text_page

from estate_desk.domain.digitise.quality import Flaw, PageMeasure, judge
from estate_desk.domain.digitise.settings import make_settings
from estate_desk.domain.errors import InputProblem, RuleViolation
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, decisions, inbox, ocr, page_turns, quality_check, text_direction
from estate_desk.store.archive import Document
from estate_desk.store.audit import AuditEvent
from estate_desk.store.digitise import DigitiseScan
from estate_desk.store.scan_text import ScanPageText

if TYPE_CHECKING:
    from pathlib import Path

    from PIL import Image

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

DPI = 200  # the batch's least resolution (OCR renders at it)


def test_a_page_upside_down_is_a_finding_named_by_its_page() -> None:
    pages = [PageMeasure(1, dpi=300, ink=0.05), PageMeasure(2, dpi=300, ink=0.05, upside_down=True)]
    [finding] = judge(2, pages, min_dpi=300, colour_expected=False)
    assert (finding.flaw, finding.page) == (Flaw.UPSIDE_DOWN, 2)
    assert "第 2 页上下颠倒" in finding.zh and "Page 2 is upside down" in finding.en
    assert Flaw.UPSIDE_DOWN.label() == "页面倒置"


def _scanned(
    db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, records: list[list[Image.Image]]
) -> tuple[int, list[int]]:
    """Records (内部) scanned through the real inbox, every cover sheet fed upright."""
    ids = register(db, clock, [f"装修档案{n}" for n in range(len(records))], pages=3, secrecy=Grade.INTERNAL)
    batch = batches.new_batch(db, clock, clerk, document_ids=ids, settings=make_settings(dpi=DPI))
    batches.advance(db, clock, clerk, batch)
    *covers, end = sheet_images(db, clerk, batch, tmp_path)
    stack = [image for cover, pages in zip(covers, records, strict=True) for image in (cover, *pages)]
    result = inbox.import_stack(db, clerk, Stack([*stack, end]).as_pdf(tmp_path / "stack.pdf"), batch)
    assert len(result.linked) == len(ids) and not result.pending
    return batch, ids


def _rotations(db: Database, clerk: Actor, attachment_id: int) -> list[int]:
    pdf = pdfium.PdfDocument(attachments.open_for_preview(db, clerk, attachment_id).read_bytes())
    try:
        return [page.get_rotation() for page in pdf]
    finally:
        pdf.close()


def _scans(db: Database, document_id: int) -> list[tuple[int, bool]]:
    with db.session() as s:
        rows = s.execute(
            select(DigitiseScan.attachment_id, DigitiseScan.current)
            .where(DigitiseScan.document_id == document_id)
            .order_by(DigitiseScan.id)
        ).all()
    return [(a, c) for a, c in rows]


@pytest.mark.db
def test_a_page_named_by_hand_is_turned_as_a_new_version_the_earlier_kept_and_audited(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    pages = [text_page(1), text_page(2).rotate(180), text_page(3)]
    batch, [record] = _scanned(ready_db, clock, clerk, tmp_path, [pages])
    [(earlier, _)] = _scans(ready_db, record)
    with ready_db.session() as s:  # OCR had read the record before the turn
        for page in (1, 2, 3):
            s.add(
                ScanPageText(
                    attachment_id=earlier, document_id=record, page=page, secrecy=1, text=f"第{page}页",
                    boxes="[]", dpi=DPI, read_at=clock.now(),
                )
            )  # fmt: skip
    turned = page_turns.turn_pages(ready_db, clock, clerk, batch, record, [2])
    assert turned.pages == (2,) and turned.earlier_attachment_id == earlier
    assert _scans(ready_db, record) == [(earlier, False), (turned.attachment_id, True)]
    assert _rotations(ready_db, clerk, earlier) == [0, 0, 0]  # the earlier version is untouched
    assert _rotations(ready_db, clerk, turned.attachment_id) == [0, 180, 0]
    with ready_db.session() as s:
        kept = s.execute(
            select(ScanPageText.page, ScanPageText.text).where(ScanPageText.attachment_id == turned.attachment_id)
        ).all()
        details = [
            json.loads(d) for d in s.scalars(select(AuditEvent.detail).where(AuditEvent.target_kind == "digitise"))
        ]
        left = s.scalars(select(ScanPageText.page).where(ScanPageText.attachment_id == earlier)).all()
    assert sorted(kept) == [(1, "第1页"), (3, "第3页")]  # the turned page is read again, upright
    assert left == []  # search leads to the current version only
    [audited] = [d for d in details if "pages_turned" in d]
    assert audited["pages_turned"] == {turned.archive_no: [2]} and audited["earlier_scan"] == earlier
    # the next OCR run reads the new version's turned page only
    counted: list[int] = []
    ocr.read_scans(
        ready_db, clock, clerk, ocr.scans_of_batch(ready_db, clerk, batch), reader=lambda _: counted.append(1) or []
    )
    assert len(counted) == 1


@pytest.mark.db
def test_turning_is_refused_for_a_page_not_there_and_after_the_check(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, [record] = _scanned(ready_db, clock, clerk, tmp_path, [[text_page(1)]])
    with pytest.raises(InputProblem, match="there is no page 4"):
        page_turns.turn_pages(ready_db, clock, clerk, batch, record, [4])
    batches.advance(ready_db, clock, clerk, batch)  # 质检: still allowed
    page_turns.turn_pages(ready_db, clock, clerk, batch, record, [1])
    assert len(_scans(ready_db, record)) == 2
    decisions.accept(ready_db, clock, clerk, batch, [record])
    batches.advance(ready_db, clock, clerk, batch)  # 挂接: the scan is what was checked
    with pytest.raises(RuleViolation, match="'Scanning' or 'Quality check' only"):
        page_turns.turn_pages(ready_db, clock, clerk, batch, record, [1])


def test_without_the_extra_the_direction_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_ocr_extra(monkeypatch)
    with pytest.raises(ocr.OcrNotInstalled):
        text_direction.direction_reader()
    assert quality_check.optional_direction_reader() is None
    check = quality_check.RecordCheck(1, "Z", "t", ())
    assert check.passed and not check.direction_checked  # "not checked" is said beside it, never hidden


def test_a_page_with_too_few_lines_is_not_judged() -> None:
    assert not text_direction.Direction(2, 2).upside_down and not text_direction.Direction(2, 2).judged
    assert text_direction.Direction(5, 4).upside_down and not text_direction.Direction(5, 3).upside_down


@pytest.mark.db
def test_one_page_upside_down_inside_a_record_is_found_named_and_turned_and_upright_pages_are_not_flagged(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
    from estate_desk.services.digitise.text_direction import direction_reader

    reader = direction_reader()
    records = [[text_page(1), text_page(2)], [text_page(1), text_page(2).rotate(180)]]
    batch, [upright, one_turned] = _scanned(ready_db, clock, clerk, tmp_path, records)
    checks = quality_check.check_batch(ready_db, clerk, batch, direction=reader)
    assert all(c.direction_checked for c in checks)
    found = [(c.document_id, f.page) for c in checks for f in c.findings if f.flaw is Flaw.UPSIDE_DOWN]
    assert found == [(one_turned, 2)]  # named by record and page; no upright page flagged
    [turned] = page_turns.turn_found(ready_db, clock, clerk, batch, reader)
    assert (turned.document_id, turned.pages) == (one_turned, (2,))
    assert len(_scans(ready_db, upright)) == 1  # the upright record has no new version
    again = quality_check.check_batch(ready_db, clerk, batch, direction=reader)
    assert not [f for c in again for f in c.findings if f.flaw is Flaw.UPSIDE_DOWN]
    # OCR of the turned page: the upright page's text, its boxes in the upright rendering
    ocr.read_scans(ready_db, clock, clerk, ocr.scans_of_record(ready_db, clerk, turned.archive_no))
    with ready_db.session() as s:
        row = s.scalars(
            select(ScanPageText).where(ScanPageText.attachment_id == turned.attachment_id, ScanPageText.page == 2)
        ).one()
    assert "业主：欧阳" in row.text and "第2页" in row.text
    boxes = json.loads(row.boxes)
    first = min(boxes, key=lambda b: b[0][0][1])  # the topmost line: the page's first, as on paper
    last = max(boxes, key=lambda b: b[0][0][1])
    assert "装修申请表" in first[1] and "经办人" in last[1]  # turned, the first line would be at the bottom


@pytest.mark.db
def test_digitise_turn_and_check_on_the_command_line(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    batch, [record] = _scanned(ready_db, clock, clerk, tmp_path, [[text_page(1), text_page(2)]])
    with ready_db.session() as s:
        archive_no = s.scalars(select(Document.archive_no).where(Document.id == record)).one()
    code, out = run_digitise(capsys, ready_db, "check", str(batch), "--no-turns")
    assert "Pages upside down: not checked" in out
    code, out = run_digitise(capsys, ready_db, "turn", str(batch), "--record", archive_no)
    assert code != 0 and "--record and --page together" in out
    monkeypatch.setattr(text_direction, "direction_reader", lambda: (_ for _ in ()).throw(ocr.OcrNotInstalled()))
    code, out = run_digitise(capsys, ready_db, "turn", str(batch))
    assert code != 0 and "OCR) is not installed" in out and "Traceback" not in out
    code, out = run_digitise(capsys, ready_db, "turn", str(batch), "--record", archive_no, "--page", "2")
    assert code == 0 and f"{archive_no}\tpage 2 turned (new version)" in out and "Traceback" not in out
    code, out = run_digitise(capsys, ready_db, "turn", str(batch), "--record", archive_no, "--page", "9")
    assert code != 0 and "there is no page 9" in out and "Traceback" not in out
    with ready_db.session() as s:
        assert s.scalar(
            select(DigitiseScan.attachment_id).where(DigitiseScan.document_id == record, DigitiseScan.current)
        )
