"""A record's history (A12): on-screen consultations of a confidential record next to its paper loans."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.loans.desk import ReturnCheck
from loan_support import Archive, make_archive

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def test_a12_a_consultation_on_screen_shows_next_to_the_paper_loans(archive: Archive, tmp_path: Path) -> None:
    no = archive.by_grade[Grade.SECRET]
    document_id = archive.ids[no]
    scan = tmp_path / "图纸.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    row = attachments.attach_file(archive.db, archive.clock, archive.clerk, document_id, scan)
    request = archive.approved(no, borrower=archive.office2)
    [line] = archive.lend(request, no)
    archive.clock.advance(days=1)
    attachments.open_for_preview(archive.db, archive.supervisor, row.id)  # cleared for 机密: a consultation
    archive.clock.advance(days=1)
    loan_desk.check_in(archive.db, archive.clock, archive.clerk, [ReturnCheck(line.loan_id or 0, 12)])
    history = loan_ledger.record_history(archive.db, archive.clock, archive.clerk, document_id)
    assert [(h.kind, h.who) for h in history] == [("loan", "office2"), ("consultation", "supervisor")]
    assert "归还" in history[0].text_zh and history[1].at == archive.clock.now().replace(day=24)


def test_a12_opening_an_internal_records_attachment_is_no_consultation(archive: Archive, tmp_path: Path) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    scan = tmp_path / "a.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 64)
    row = attachments.attach_file(archive.db, archive.clock, archive.clerk, archive.ids[no], scan)
    attachments.open_for_preview(archive.db, archive.staff, row.id)
    assert loan_ledger.record_history(archive.db, archive.clock, archive.clerk, archive.ids[no]) == []
    with pytest.raises(PermissionDenied):
        loan_ledger.record_history(archive.db, archive.clock, archive.staff, archive.ids[no])
