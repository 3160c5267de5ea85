"""Deciding on each record after 质检: accepted, or rescanned with a reason — the rescan replacing the scan inside
the batch while the earlier file is kept — and every refusal of the rule."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from sqlalchemy import select
from stack_support import Stack, page_image, register, sheet_images

from estate_desk.domain.digitise.decisions import Decision, check_decision
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, decisions, inbox, quality_check
from estate_desk.services.digitise.quality_check import RecordCheck
from estate_desk.services.digitise.text_direction import Direction
from estate_desk.store.archive import Attachment
from estate_desk.store.audit import AuditEvent
from estate_desk.store.digitise import DigitiseDecision, DigitiseScan

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _pages(db: Database, actor: Actor, attachment_id: int) -> int:
    preview = attachments.open_for_preview(db, actor, attachment_id)
    pdf = pdfium.PdfDocument(preview.data if preview.data is not None else preview.path)
    try:
        return len(pdf)
    finally:
        pdf.close()


class Scanned:
    """Records A and B (2 pages each) of one batch, scanned: A short of a page, B whole; the batch at 质检."""

    def __init__(self, db: Database, clock: FakeClock, clerk: Actor, folder: Path) -> None:
        self.db, self.clock, self.clerk, self.folder = db, clock, clerk, folder
        self.a, self.b = register(db, clock, ["甲", "乙"])
        self.batch = batches.new_batch(db, clock, clerk, document_ids=[self.a, self.b])
        batches.advance(db, clock, clerk, self.batch)  # 扫描
        self.sheet_a, self.sheet_b, self.end = sheet_images(db, clerk, self.batch, folder)
        stack = Stack([self.sheet_a, page_image("A1"), self.sheet_b, page_image("B1"), page_image("B2"), self.end])
        inbox.import_stack(db, clerk, stack.as_pdf(folder / "first.pdf"), self.batch)
        batches.advance(db, clock, clerk, self.batch)  # 质检

    def scans_of(self, document_id: int) -> list[DigitiseScan]:
        with self.db.session() as s:
            query = select(DigitiseScan).where(DigitiseScan.document_id == document_id).order_by(DigitiseScan.id)
            return list(s.scalars(query))


@pytest.fixture
def scanned(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Scanned:
    return Scanned(ready_db, clock, clerk, tmp_path)


def _record(db: Database, actor: Actor, batch: int, document_id: int) -> batches.BatchRecord:
    return next(r for r in batches.batch_view(db, actor, batch).records if r.document_id == document_id)


@pytest.mark.db
def test_a_rescan_replaces_the_scan_inside_the_batch_and_keeps_the_earlier_file(
    ready_db: Database, clock: FakeClock, clerk: Actor, scanned: Scanned
) -> None:
    decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.a, "  漏扫第 2 页 ")
    record = _record(ready_db, clerk, scanned.batch, scanned.a)
    assert (record.status, record.decision) == ("waiting", "rescan")
    batches.advance(ready_db, clock, clerk, scanned.batch, Step.SCAN, note="A 重扫")
    again = Stack([scanned.sheet_a, page_image("A1 again"), page_image("A2"), scanned.end])
    result = inbox.import_stack(ready_db, clerk, again.as_pdf(scanned.folder / "again.pdf"), scanned.batch)
    assert [(x.document_id, len(x.pages)) for x in result.linked] == [(scanned.a, 2)] and not result.pending

    old, new = scanned.scans_of(scanned.a)
    assert (old.current, new.current) == (False, True) and old.source_id != new.source_id
    assert (_pages(ready_db, clerk, old.attachment_id), _pages(ready_db, clerk, new.attachment_id)) == (1, 2)
    with ready_db.session() as s:  # nothing deleted: the earlier scan is still attached and stored
        kept = s.get(Attachment, old.attachment_id)
        assert kept is not None and kept.document_id == scanned.a
    assert attachments.blob_store().exists(kept.sha256, sealed=kept.encrypted)
    record = _record(ready_db, clerk, scanned.batch, scanned.a)
    assert (record.status, record.decision) == ("scanned", "")  # awaiting a decision on the new scan
    [row] = decisions.decisions_of(ready_db, clerk, scanned.batch)
    assert (row.archive_no, row.decision, row.reason, row.by) == (
        record.archive_no,
        Decision.RESCAN,
        "漏扫第 2 页",
        "clerk",
    )
    with ready_db.session() as s:
        kept_decision = s.scalars(select(DigitiseDecision)).one()
        assert (kept_decision.scan_id, kept_decision.by_user, kept_decision.at) == (old.id, clerk.user_id, clock.now())
        trail = [
            json.loads(e.detail) for e in s.scalars(select(AuditEvent).where(AuditEvent.target_kind == "digitise"))
        ]
        assert {"digitise": "rescan", "record": record.archive_no, "reason": "漏扫第 2 页"} in trail

    batches.advance(ready_db, clock, clerk, scanned.batch)  # 质检 reads the current scan: A is whole now
    checks = {c.document_id: c for c in quality_check.check_batch(ready_db, clerk, scanned.batch)}
    assert not any("missing" in f.message("en") for f in checks[scanned.a].findings)
    decisions.accept(ready_db, clock, clerk, scanned.batch, [scanned.a, scanned.b])
    assert {r.decision for r in batches.batch_view(ready_db, clerk, scanned.batch).records} == {"accepted"}


@pytest.mark.db
def test_a_record_not_sent_to_rescan_scanned_again_still_waits_as_scanned_twice(
    ready_db: Database, clock: FakeClock, clerk: Actor, scanned: Scanned
) -> None:
    batches.advance(ready_db, clock, clerk, scanned.batch, Step.SCAN)
    again = Stack([scanned.sheet_a, page_image("A1 again"), scanned.end])
    result = inbox.import_stack(ready_db, clerk, again.as_pdf(scanned.folder / "again.pdf"), scanned.batch)
    assert not result.linked and [p.reason.value for p in result.pending] == ["scanned_twice"]
    assert [s.current for s in scanned.scans_of(scanned.a)] == [True]


@pytest.mark.db
def test_accept_all_passed_accepts_only_records_that_pass_and_await_a_decision(
    ready_db: Database, clock: FakeClock, clerk: Actor, scanned: Scanned, monkeypatch: pytest.MonkeyPatch
) -> None:
    verdicts = [RecordCheck(scanned.a, "A", "甲", ()), RecordCheck(scanned.b, "B", "乙", ())]
    asked: list[object] = []

    def check(db: Database, actor: Actor, batch: int, direction: object = None) -> list[RecordCheck]:
        asked.append(direction)  # the check looks for pages upside down when given the direction reader
        return verdicts

    monkeypatch.setattr(decisions, "check_batch", check)

    def reader(image: object) -> Direction:
        return Direction(0, 0)

    assert decisions.accept_passed(ready_db, clock, clerk, scanned.batch, reader) == [scanned.a, scanned.b]
    assert asked == [reader]
    assert decisions.accept_passed(ready_db, clock, clerk, scanned.batch) == []  # decided already
    real = quality_check.check_batch(ready_db, clerk, scanned.batch)  # 150 dpi, grey: nothing passes for real
    monkeypatch.setattr(decisions, "check_batch", lambda db, actor, batch, direction=None: real)
    decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.b, "颜色")
    assert decisions.accept_passed(ready_db, clock, clerk, scanned.batch) == []


@pytest.mark.db
def test_every_refusal_of_a_decision(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, scanned: Scanned
) -> None:
    with pytest.raises(PermissionDenied):
        decisions.accept(ready_db, clock, receptionist, scanned.batch, [scanned.a])
    with pytest.raises(InputProblem, match="Say why"):
        decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.a, "   ")
    decisions.accept(ready_db, clock, clerk, scanned.batch, [scanned.a])
    with pytest.raises(RuleViolation, match="accepted already"):
        decisions.accept(ready_db, clock, clerk, scanned.batch, [scanned.b, scanned.a])
    assert _record(ready_db, clerk, scanned.batch, scanned.b).decision == ""  # all or none
    decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.a, "第 2 页模糊")  # an accepted scan may be redone
    with pytest.raises(RuleViolation, match="waiting to be rescanned"):
        decisions.accept(ready_db, clock, clerk, scanned.batch, [scanned.a])
    with pytest.raises(RuleViolation, match="waiting to be rescanned"):
        decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.a, "又一次")
    outsider = register(ready_db, clock, ["丙"])[0]
    with pytest.raises(NotFound, match="is not in digitisation batch"):
        decisions.accept(ready_db, clock, clerk, scanned.batch, [outsider])
    batches.advance(ready_db, clock, clerk, scanned.batch, Step.SCAN)  # back for A's rescan
    with pytest.raises(RuleViolation, match="'Quality check' or 'Acceptance' only"):
        decisions.accept(ready_db, clock, clerk, scanned.batch, [scanned.b])


def test_the_rule_refuses_a_record_with_no_scan_and_keeps_the_reason_stripped() -> None:
    with pytest.raises(RuleViolation, match="no scan in this batch yet"):
        check_decision("B1", "Z001-YZ·2023-0001", Step.CHECK, False, None, Decision.ACCEPTED, "")
    assert check_decision("B1", "N", Step.ACCEPT, True, Decision.ACCEPTED, Decision.RESCAN, " 错页 ") == "错页"
    with pytest.raises(RuleViolation, match="at 'Scanning'"):
        check_decision("B1", "N", Step.SCAN, True, None, Decision.ACCEPTED, "")


@pytest.mark.db
def test_a5_a_batch_does_not_move_past_the_check_while_a_record_waits_for_its_rescan(
    ready_db: Database, clock: FakeClock, clerk: Actor, scanned: Scanned
) -> None:
    decisions.rescan(ready_db, clock, clerk, scanned.batch, scanned.a, "漏扫第 2 页")
    with pytest.raises(RuleViolation) as refused:
        batches.advance(ready_db, clock, clerk, scanned.batch)  # on to 挂接, with A's rescan not in
    number = _record(ready_db, clerk, scanned.batch, scanned.a).archive_no
    assert number in refused.value.zh and "等待重扫" in refused.value.zh and "rescanned" in refused.value.en
    assert batches.batch_view(ready_db, clerk, scanned.batch).summary.step is Step.CHECK
    batches.advance(ready_db, clock, clerk, scanned.batch, Step.SCAN, note="A 重扫")
    again = Stack([scanned.sheet_a, page_image("A1"), page_image("A2"), scanned.end])
    inbox.import_stack(ready_db, clerk, again.as_pdf(scanned.folder / "again.pdf"), scanned.batch)
    batches.advance(ready_db, clock, clerk, scanned.batch)  # 质检
    assert batches.advance(ready_db, clock, clerk, scanned.batch).summary.step is Step.LINK
