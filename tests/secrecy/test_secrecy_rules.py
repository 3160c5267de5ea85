"""Grades and the rules around them (A6, A11, A12): names the office chooses, containers as secret as their
contents, who may print or export what, printed pages that name who printed them, and the attacks
that are refused, explained in both languages and audited."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from database_support import ADMIN_PASSWORD, make_actor
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.roles import ARCHIVE_KEEPERS, Role
from estate_desk.domain.secrecy.grades import Grade, default_label, most_secret, parse_grade, set_office_names
from estate_desk.domain.secrecy.output_rights import DEFAULT_LIMITS, Output, OutputRights
from estate_desk.services.accounts import admin as account_admin
from estate_desk.services.accounts import users as accounts
from estate_desk.services.audit import Target
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.printouts.kinds import Selection
from estate_desk.services.printouts.registry import printout
from estate_desk.services.secrecy import approvals, grades
from estate_desk.services.secrecy.print_rights import REASON_REQUIRED
from estate_desk.store.accounts import Setting
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture(autouse=True)
def _standard_names() -> Iterator[None]:
    """Grade names are the application's; put the standard ones back after each test."""
    yield
    set_office_names(None)


def _last(db: Database) -> AuditEvent:
    with db.session() as s:
        row = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert row is not None
        return row


# --------------------------------------------------------------------------- grades


def test_a6_the_office_renames_grades_and_every_label_follows(ready_db: Database, clock: FakeClock) -> None:
    office = make_actor(ready_db, clock, "office", "management_office")
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    with pytest.raises(PermissionDenied):
        grades.rename_grades(ready_db, clock, clerk, {Grade.SECRET: ("普通商密", "Business")})
    with pytest.raises(InputProblem, match="share a name"):
        grades.rename_grades(ready_db, clock, office, {Grade.SECRET: ("内部", "Internal")})
    with pytest.raises(InputProblem):
        grades.rename_grades(ready_db, clock, office, {Grade.SECRET: ("  ", "")})
    grades.rename_grades(
        ready_db,
        clock,
        office,
        {Grade.SECRET: ("普通商密", "Business secret"), Grade.CONFIDENTIAL: ("核心商密", "Core secret")},
    )
    assert (Grade.SECRET.label(), Grade.CONFIDENTIAL.label("en"), Grade.TOP_SECRET.label()) == (
        "普通商密",
        "Core secret",
        "绝密",
    )
    assert parse_grade("核心商密") is Grade.CONFIDENTIAL and parse_grade("机密") is Grade.CONFIDENTIAL
    assert default_label(Grade.SECRET) == "秘密"
    event = _last(ready_db)
    assert (event.action, event.username, event.target_text) == ("change", "office", "密级名称")

    set_office_names(None)  # another workstation starts: signing in puts the office's names in force
    accounts.authenticate(ready_db, clock, "clerk", "clerk-pass-1")
    assert Grade.SECRET.label() == "普通商密"
    grades.rename_grades(ready_db, clock, office, {Grade.SECRET: ("秘密", "Confidential")})
    assert Grade.SECRET.label() == "秘密" and Grade.CONFIDENTIAL.label() == "核心商密"


def test_a6_the_english_names_of_the_grades_keep_their_order() -> None:
    set_office_names(None)
    english = [g.label("en") for g in sorted(Grade)]
    assert english == ["Public", "Internal", "Confidential", "Secret", "Top secret"]
    assert [default_label(g, "en") for g in (Grade.SECRET, Grade.CONFIDENTIAL)] == ["Confidential", "Secret"]
    assert [g.label() for g in sorted(Grade)] == ["公开", "内部", "秘密", "机密", "绝密"]
    # what a user types is the name they read: "secret" is 机密, "confidential" 秘密
    assert parse_grade("Secret") is Grade.CONFIDENTIAL and parse_grade("confidential") is Grade.SECRET
    assert parse_grade("机密") is Grade.CONFIDENTIAL and parse_grade("2") is Grade.SECRET
    assert parse_grade("top_secret") is Grade.TOP_SECRET and parse_grade("Top secret") is Grade.TOP_SECRET
    with pytest.raises(InputProblem, match="Confidential/Secret/Top secret"):
        parse_grade("classified")


@given(st.lists(st.sampled_from(list(Grade))))
def test_a6_a_container_is_as_secret_as_the_most_secret_thing_in_it(levels: list[Grade]) -> None:
    assert most_secret(levels) == (max(levels) if levels else Grade.PUBLIC)


def test_a6_every_category_has_its_default_grade_owner_files_top_secret(ready_db: Database) -> None:
    from estate_desk.store.archive import Category

    with ready_db.session() as s:
        defaults = dict(s.execute(select(Category.code, Category.default_grade)).all())
    assert (
        defaults["YZ"] == Grade.TOP_SECRET and defaults["YG"] == Grade.CONFIDENTIAL and defaults["GC"] == Grade.INTERNAL
    )


# --------------------------------------------------------------------------- print and export rights (A11)


def test_a11_safe_defaults_and_a_stored_setting_that_never_grants_more_by_mistake() -> None:
    rights = OutputRights()
    assert rights.allows(Output.PRINT, Role.ARCHIVE_CLERK, Grade.TOP_SECRET)
    assert not rights.allows(Output.PRINT, Role.RECEPTIONIST, Grade.SECRET)
    assert not rights.allows(Output.EXPORT, Role.SUPERVISOR, Grade.TOP_SECRET)
    assert OutputRights.from_json("not json").limit(Output.PRINT, Role.STAFF) == DEFAULT_LIMITS[Role.STAFF]
    assert OutputRights.from_json('{"print": {"staff": 99}}').limit(Output.PRINT, Role.STAFF) == Grade.INTERNAL
    changed = rights.with_limit(Output.EXPORT, Role.SUPERVISOR, Grade.TOP_SECRET)
    assert OutputRights.from_json(changed.to_json()) == changed


def test_a11_printing_a_classified_catalogue_needs_the_right_and_is_recorded_with_why(
    demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    supervisor = accounts.authenticate(demo_db, clock, "super", DEMO_PASSWORD)  # 机密 clearance, may print up to 机密
    office = accounts.authenticate(demo_db, clock, "office", DEMO_PASSWORD)
    staff = Selection(category_code="YG", options={"reason": "年度考核"})
    made = printout("catalogue").render(demo_db, clock, supervisor, staff, tmp_path / "yg.pdf")
    event = _last(demo_db)
    assert (event.action, event.username, event.grade, event.reason) == ("print", "super", 3, "年度考核")
    assert "归档文件目录" in event.target_text and f'"pages":{made.pages}' in event.detail

    grades.set_output_limit(demo_db, clock, office, Output.PRINT, Role.SUPERVISOR, Grade.SECRET)
    with pytest.raises(PermissionDenied, match="not authorised") as caught:
        printout("catalogue").render(demo_db, clock, supervisor, staff, tmp_path / "again.pdf")
    assert "未获授权" in caught.value.zh and caught.value.rule == "A11"
    assert not (tmp_path / "again.pdf").exists() and _last(demo_db).action == "refuse"
    xlsx = printout("catalogue").xlsx
    assert xlsx is not None
    xlsx(demo_db, clock, supervisor, staff, tmp_path / "yg.xlsx")  # exporting is a right of its own
    assert _last(demo_db).action == "export"

    with demo_db.session() as s:
        s.add(Setting(key=REASON_REQUIRED, value="yes"))
    clerk = accounts.authenticate(demo_db, clock, "clerk", DEMO_PASSWORD)
    with pytest.raises(InputProblem, match="say why"):
        printout("owner-catalogue").render(demo_db, clock, clerk, Selection(building=1), tmp_path / "o.pdf")
    printout("catalogue").render(
        demo_db, clock, clerk, Selection(category_code="GC"), tmp_path / "gc.pdf"
    )  # 内部: no reason asked


def test_a11_a_printed_confidential_catalogue_carries_the_printer_and_time_on_every_page(
    demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    import pdfplumber

    office = accounts.authenticate(demo_db, clock, "office", DEMO_PASSWORD)
    made = printout("owner-catalogue").render(
        demo_db, clock, office, Selection(options={"reason": "移交核对"}), tmp_path / "owners.pdf"
    )
    with pdfplumber.open(made.path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    assert len(pages) == made.pages > 1
    assert all("打印人 刘经理 打印时间 2026-11-23 09:00" in page for page in pages)
    renovation = printout("catalogue").render(
        demo_db, clock, office, Selection(category_code="ZX"), tmp_path / "zx.pdf"
    )
    with pdfplumber.open(renovation.path) as pdf:  # 秘密 is classified too (涉密)
        assert all("打印人 刘经理" in (page.extract_text() or "") for page in pdf.pages)


# --------------------------------------------------------------------------- attacks: refused, explained, audited


def test_a6_a_wrong_password_and_a_disabled_user_are_refused_and_audited(ready_db: Database, clock: FakeClock) -> None:
    make_actor(ready_db, clock, "desk", "receptionist")
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    with pytest.raises(PermissionDenied) as wrong:
        accounts.authenticate(ready_db, clock, "desk", "guess-guess")
    assert wrong.value.zh == "用户名或密码错误。" and wrong.value.en == "Wrong user name or password."
    assert (_last(ready_db).action, _last(ready_db).username, _last(ready_db).reason) == (
        "sign_in_failed",
        "desk",
        "密码错误",
    )
    accounts.disable_user(ready_db, admin, "desk")
    with pytest.raises(PermissionDenied) as disabled:
        accounts.authenticate(ready_db, clock, "desk", "desk-pass-1")
    assert "停用" in disabled.value.zh and "disabled" in disabled.value.en
    assert (_last(ready_db).action, _last(ready_db).reason) == ("sign_in_failed", "账户已停用")


def test_a6_nobody_lowers_or_raises_their_own_clearance(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    make_actor(ready_db, clock, "desk", "receptionist")
    with pytest.raises(PermissionDenied) as own:
        account_admin.set_clearance(ready_db, clock, admin, "admin", Grade.INTERNAL)
    assert "不能降低自己的密级权限" in own.value.zh and "lower your own clearance" in own.value.en
    assert (_last(ready_db).action, _last(ready_db).target_text) == ("refuse", "admin")
    desk = accounts.authenticate(ready_db, clock, "desk", "desk-pass-1")
    with pytest.raises(PermissionDenied):
        account_admin.set_clearance(ready_db, clock, desk, "desk", Grade.TOP_SECRET)
    account_admin.set_clearance(ready_db, clock, admin, "desk", Grade.SECRET)
    assert (_last(ready_db).action, _last(ready_db).username) == ("change", "admin")
    assert '"clearance_after":2' in _last(ready_db).detail and '"clearance_before":1' in _last(ready_db).detail
    assert accounts.authenticate(ready_db, clock, "desk", "desk-pass-1").clearance is Grade.SECRET


def test_a12_nobody_approves_their_own_request(ready_db: Database, clock: FakeClock) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    office = make_actor(ready_db, clock, "office", "management_office")
    loan = Target("loan", 7, "借阅 Z001-YZ·2024-Y-0001", int(Grade.TOP_SECRET))
    approvers = ARCHIVE_KEEPERS | {Role.MANAGEMENT_OFFICE}
    with ready_db.session() as s, pytest.raises(PermissionDenied) as own:
        approvals.approve(
            s, office, requested_by=office.user_id, target=loan, approvers=approvers, what_zh="借阅", what_en="loan"
        )
    assert "不能审批自己提出的借阅申请" in own.value.zh and "your own loan request" in own.value.en
    assert (_last(ready_db).action, _last(ready_db).target_kind) == ("refuse", "loan")
    with ready_db.session() as s:
        approvals.approve(
            s,
            office,
            requested_by=clerk.user_id,
            target=loan,
            approvers=approvers,
            what_zh="借阅",
            what_en="loan",
            reason="同意",
        )
    assert (_last(ready_db).action, _last(ready_db).username, _last(ready_db).reason) == ("approve", "office", "同意")
    low = make_actor(ready_db, clock, "super", "supervisor")  # 机密
    with ready_db.session() as s, pytest.raises(PermissionDenied, match="clearance"):
        approvals.approve(
            s, low, requested_by=clerk.user_id, target=loan, approvers={Role.SUPERVISOR}, what_zh="借阅", what_en="loan"
        )
