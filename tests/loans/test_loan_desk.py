"""The loan desk (A6, A11, A12): lending by scanned code, double lending, returns with page counts,
partial returns, renewals, overdue loans and recalls with a fake clock, copies."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from estate_desk.domain.archive.numbers import barcode_form
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied, RuleViolation
from estate_desk.domain.loans.rules import Form, LoanPeriod, RequestState
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.loans import desk as loan_desk
from estate_desk.services.loans import due as loan_due
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.loans import requests as loans
from estate_desk.services.loans import rules as loan_rules
from estate_desk.services.loans.desk import ReturnCheck
from estate_desk.store.loans import Loan, LoanRecall
from loan_support import Archive, make_archive, raises_zh

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture
def archive(ready_db: Database, clock: FakeClock) -> Archive:
    return make_archive(ready_db, clock)


def _loans(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Loan)) or 0)


def test_a12_an_approved_request_lends_what_its_barcodes_name(archive: Archive) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no)
    scanned = barcode_form(no)
    assert scanned is not None and scanned != no  # the label's barcode carries "." for "·"
    assert loan_desk.request_for_code(archive.db, archive.clerk, scanned) == request.id
    assert loan_desk.request_for_code(archive.db, archive.clerk, request.number) == request.id
    [line] = loan_desk.check_out(archive.db, archive.clock, archive.clerk, request.id, scanned)
    assert (line.archive_no, line.pages_out, line.due_on) == (no, 12, date(2026, 11, 30))
    assert line.out and line.approvers == "clerk"


def test_a12_a_pending_or_refused_request_lends_nothing(archive: Archive) -> None:
    request = archive.ask(archive.by_grade[Grade.INTERNAL])
    with raises_zh(RuleViolation, "待审批"):
        archive.lend(request, archive.by_grade[Grade.INTERNAL])
    assert _loans(archive.db) == 0


def test_bad_input_a_barcode_of_no_request_and_an_item_the_request_does_not_cover(archive: Archive) -> None:
    request = archive.approved(archive.by_grade[Grade.INTERNAL])
    with raises_zh(NotFound, "不属于任何借阅申请"):
        loan_desk.request_for_code(archive.db, archive.clerk, "XX-0000")
    with raises_zh(NotFound, "不属于任何待借出的借阅申请"):
        loan_desk.request_for_code(archive.db, archive.clerk, archive.by_grade[Grade.PUBLIC])
    with raises_zh(NotFound, "不属于任何借阅申请"):
        archive.lend(request, "XX-0000")
    with raises_zh(InputProblem, "不包括"):
        archive.lend(request, archive.by_grade[Grade.PUBLIC])
    assert _loans(archive.db) == 0


def test_a6_an_original_already_out_cannot_be_lent_again_and_the_clerk_is_told_who_has_it(archive: Archive) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    first = archive.approved(no)
    second = archive.approved(no, borrower=archive.supervisor)
    archive.lend(first, no)
    with raises_zh(RuleViolation, f"借阅人 staff（{first.number}），应于 2026-11-30 归还"):
        archive.lend(second, no)
    assert _loans(archive.db) == 1


def test_a6_a_box_lent_whole_puts_every_document_in_it_out(archive: Archive) -> None:
    box = archive.approved(archive.box_code)
    lines = archive.lend(box, archive.box_code)
    assert sorted(line.archive_no for line in lines) == sorted(archive.box_docs)
    volume = archive.approved(archive.volume_code, borrower=archive.supervisor)
    with raises_zh(RuleViolation, "原件已借出"):
        archive.lend(volume, archive.volume_code)


def test_a12_a_document_inside_a_requested_volume_can_be_lent_alone(archive: Archive) -> None:
    request = archive.approved(archive.volume_code)
    [line] = archive.lend(request, archive.volume_docs[0])
    assert line.archive_no == archive.volume_docs[0]
    rest = archive.lend(request, archive.volume_code)
    assert [r.archive_no for r in rest] == [archive.volume_docs[1]]
    with raises_zh(InputProblem, "已在本申请下借出"):
        archive.lend(request, archive.volume_code)


def test_a12_partial_returns_and_page_count_differences_are_recorded_and_flagged(archive: Archive) -> None:
    request = archive.approved(archive.volume_code)
    archive.lend(request, archive.volume_code)
    first, second = archive.volume_docs
    [out] = loan_desk.to_return(archive.db, archive.clock, archive.clerk, barcode_form(first) or first)
    assert out.pages_out == 5
    archive.clock.advance(days=2)
    [back] = loan_desk.check_in(archive.db, archive.clock, archive.clerk, [ReturnCheck(out.loan_id or 0, 4)])
    assert back.flagged and "借出 5 页，归还 4 页" in back.difference and back.returned_at == archive.clock.now()
    assert loans.loan_request(archive.db, archive.clerk, request.id).state is RequestState.APPROVED  # partial
    assert [
        line.archive_no
        for line in loan_ledger.current_loans(archive.db, archive.clock, archive.staff, user_id=archive.staff.user_id)
    ] == [second]
    [out2] = loan_desk.to_return(archive.db, archive.clock, archive.clerk, archive.volume_code)
    with raises_zh(InputProblem, "请写明情况"):
        loan_desk.check_in(archive.db, archive.clock, archive.clerk, [ReturnCheck(out2.loan_id or 0, 5, intact=False)])
    [back2] = loan_desk.check_in(
        archive.db, archive.clock, archive.clerk, [ReturnCheck(out2.loan_id or 0, 5, intact=False, note="封面破损")]
    )
    assert back2.flagged and back2.intact is False and "封面破损" in back2.difference
    assert loans.loan_request(archive.db, archive.clerk, request.id).state is RequestState.CLOSED


def test_bad_input_returning_something_never_lent(archive: Archive) -> None:
    with raises_zh(InputProblem, "没有借出记录"):
        loan_desk.to_return(archive.db, archive.clock, archive.clerk, archive.by_grade[Grade.PUBLIC])
    request = archive.approved(archive.by_grade[Grade.PUBLIC])
    [line] = archive.lend(request, archive.by_grade[Grade.PUBLIC])
    loan_desk.check_in(archive.db, archive.clock, archive.clerk, [ReturnCheck(line.loan_id or 0, 12)])
    with raises_zh(InputProblem, "已归还"):
        loan_desk.check_in(archive.db, archive.clock, archive.clerk, [ReturnCheck(line.loan_id or 0, 12)])


def test_a12_renewals_within_the_rules_and_overdue_with_the_clock(archive: Archive) -> None:
    loan_rules.set_loan_period(archive.db, archive.clock, archive.office, LoanPeriod(7, 30, 1))
    request = archive.approved(archive.by_grade[Grade.INTERNAL])
    archive.lend(request, archive.by_grade[Grade.INTERNAL])
    archive.clock.advance(days=6)
    with raises_zh(RuleViolation, "最长 30 天"):
        loan_due.renew(archive.db, archive.clock, archive.clerk, request.id, until=date(2027, 1, 1))
    [renewed] = loan_due.renew(archive.db, archive.clock, archive.clerk, request.id)
    assert renewed.due_on == date(2026, 12, 7) and renewed.renewals == 1
    with raises_zh(RuleViolation, "最多可续借 1 次"):
        loan_due.renew(archive.db, archive.clock, archive.clerk, request.id)
    assert loan_ledger.overdue(archive.db, archive.clock, archive.clerk) == []
    archive.clock.advance(days=8)  # 2026-12-07 was the due date; now 12-07 → not yet, 12-08 → overdue
    assert loan_ledger.overdue(archive.db, archive.clock, archive.clerk) == []
    archive.clock.advance(days=3)
    [late] = loan_ledger.overdue(archive.db, archive.clock, archive.clerk)
    assert late.overdue_days == 3 and "逾期 3 天" in late.remarks()


def test_a12_an_overdue_loan_is_not_renewed_but_recalled(archive: Archive) -> None:
    request = archive.approved(archive.by_grade[Grade.INTERNAL])
    archive.lend(request, archive.by_grade[Grade.INTERNAL])
    archive.clock.advance(days=9)
    with raises_zh(RuleViolation, "已逾期"):
        loan_due.renew(archive.db, archive.clock, archive.clerk, request.id)
    assert loan_due.recall(archive.db, archive.clock, archive.clerk, request.id, channel="message") == 1
    with archive.db.session() as s:
        assert s.scalar(select(func.count()).select_from(LoanRecall)) == 1


def test_a12_the_overdue_section_of_the_today_page(archive: Archive) -> None:
    from estate_desk.services.routines import today

    request = archive.approved(archive.by_grade[Grade.INTERNAL])
    archive.lend(request, archive.by_grade[Grade.INTERNAL])
    page = today.today(archive.db, archive.clock, archive.clerk)
    section = page.section("loans_overdue")
    assert section is not None and section.count == 0
    archive.clock.advance(days=10)
    section = today.today(archive.db, archive.clock, archive.clerk).section("loans_overdue")
    assert section is not None and section.count == 1 and section.items[0].kind == "loan"
    assert "staff" in section.items[0].text_zh and "逾期 3 天" in section.items[0].text_zh
    assert today.today(archive.db, archive.clock, archive.staff).section("loans_overdue") is None


def test_a11_a_copy_passes_the_print_authorisation_and_is_recorded_against_the_request(archive: Archive) -> None:
    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no, form=Form.COPY)
    with raises_zh(RuleViolation, "复制件申请"):
        archive.lend(request, no)
    line = loan_due.record_copy(archive.db, archive.clock, archive.clerk, request.id, no, 3)
    assert (line.form, line.pages_out, line.request_number) == (Form.COPY, 3, request.number)
    [entry] = loan_ledger.ledger(archive.db, archive.clock, archive.clerk, record=no)
    assert entry.remarks() == "复制件 3 页"


def test_a11_a_copy_above_what_the_role_may_print_is_refused(archive: Archive) -> None:
    from estate_desk.domain.roles import Role
    from estate_desk.domain.secrecy.output_rights import Output
    from estate_desk.services.secrecy import grades

    no = archive.by_grade[Grade.CONFIDENTIAL]
    request = archive.approved(no, borrower=archive.office2, form=Form.COPY)
    grades.set_output_limit(archive.db, archive.clock, archive.office, Output.PRINT, Role.ARCHIVE_CLERK, Grade.SECRET)
    with pytest.raises(PermissionDenied):
        loan_due.record_copy(archive.db, archive.clock, archive.clerk, request.id, no, 3)
    assert loan_ledger.ledger(archive.db, archive.clock, archive.clerk, record=no) == []


def test_the_ledger_by_period_borrower_and_record(archive: Archive) -> None:
    a, b = archive.by_grade[Grade.PUBLIC], archive.by_grade[Grade.INTERNAL]
    archive.lend(archive.approved(a), a)
    archive.clock.advance(days=3)
    archive.lend(archive.approved(b, borrower=archive.supervisor), b)
    every = loan_ledger.ledger(archive.db, archive.clock, archive.clerk)
    assert [line.archive_no for line in every] == [a, b]
    later = loan_ledger.ledger(archive.db, archive.clock, archive.clerk, since=date(2026, 11, 24))
    assert [line.archive_no for line in later] == [b]
    assert [
        line.archive_no for line in loan_ledger.ledger(archive.db, archive.clock, archive.clerk, borrower="super")
    ] == [b]
    assert [
        line.archive_no for line in loan_ledger.ledger(archive.db, archive.clock, archive.clerk, record=barcode_form(a))
    ] == [a]
    with pytest.raises(PermissionDenied):
        loan_ledger.ledger(archive.db, archive.clock, archive.staff)
    assert loan_ledger.ledger(archive.db, archive.clock, archive.clerk, until=date(2026, 11, 22)) == []
    assert timedelta(days=3) == every[1].out_at - every[0].out_at


def test_a16_a_void_record_is_not_lent_as_current(archive: Archive) -> None:
    from estate_desk.services.disposal import marks as disposal

    no = archive.by_grade[Grade.INTERNAL]
    request = archive.approved(no)
    disposal.mark_void(archive.db, archive.clock, archive.clerk, "document", archive.ids[no], reason="重复登记")
    with raises_zh(RuleViolation, "已作废（重复登记），不能作为现行档案借出"):
        archive.lend(request, no)
    assert _loans(archive.db) == 0


def test_a5_a_box_at_the_scanner_is_not_lent_until_its_batch_is_back(archive: Archive) -> None:
    """Issue 17: a digitisation batch takes its boxes out of the archive room (出库) when scanning starts;
    nothing in them is lent — the record itself, nor another of its box, filed in a volume there — until
    the batch is back (入库). A record on another shelf is lent as ever."""
    from estate_desk.domain.digitise.steps import Step
    from estate_desk.services.digitise import batches, returning, sampling

    first, in_volume, loose = archive.box_docs
    elsewhere = archive.by_grade[Grade.INTERNAL]
    batch = batches.new_batch(archive.db, archive.clock, archive.clerk, document_ids=[archive.ids[loose]])
    request = archive.approved(first, in_volume, loose, elsewhere)
    assert archive.lend(request, first)[0].out  # 准备: the paper is still on the shelf
    batches.advance(archive.db, archive.clock, archive.clerk, batch)  # → 扫描: the box goes to the scanner
    code = batches.batch_view(archive.db, archive.clerk, batch).summary.code
    for no in (loose, in_volume):
        with raises_zh(RuleViolation, f"所在档案盒正在数字化（批次 {code}），入库后才能借出"):
            archive.lend(request, no)
    assert archive.lend(request, elsewhere)[0].out
    for step in (Step.CHECK, Step.LINK, Step.ACCEPT):
        batches.advance(archive.db, archive.clock, archive.clerk, batch, step)
    for sampled in sampling.draw_sample(archive.db, archive.clock, archive.clerk, batch).records:  # 验收
        sampling.compare(archive.db, archive.clock, archive.clerk, batch, sampled.document_id, matches=True)
    returning.return_batch(archive.db, archive.clock, archive.clerk, batch, [archive.box_code])
    assert archive.lend(request, loose)[0].out  # 入库: back on the shelf
