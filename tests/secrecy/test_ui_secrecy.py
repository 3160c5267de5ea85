"""Secrecy in the window (A6, A11, A12): the audit viewer and secrecy settings for the management office only,
the recovery key shown once at set-up, encrypted attachments previewed from memory, the reason to print."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.audit import AuditAction
from estate_desk.domain.secrecy.grades import Grade, set_office_names
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive.register import register
from estate_desk.services.demo import estate as demo
from estate_desk.ui.accounts.admin_section import AdminSection
from estate_desk.ui.accounts.dialogs import SetupWizard
from estate_desk.ui.app import make_application
from estate_desk.ui.preview import AttachmentPreview
from estate_desk.ui.printouts.section import PrintingSection
from estate_desk.ui.qt import QApplication, QColor, QImage, QLabel, QWizard
from estate_desk.ui.worker import Runner

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

pytestmark = pytest.mark.ui


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    make_application()
    yield qapp
    set_office_names(None)


def _admin(app, qtbot, db: Database, clock: FakeClock, user: str) -> AdminSection:  # type: ignore[no-untyped-def]
    section = AdminSection(db, accounts.authenticate(db, clock, user, demo.DEMO_PASSWORD), clock)
    qtbot.addWidget(section)
    return section


def test_a12_the_audit_trail_and_secrecy_settings_are_tabs_for_the_management_office_only(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    clerk = _admin(app, qtbot, demo_db, clock, "clerk")
    assert clerk.audit is None and clerk.secrecy is None and clerk.tabs.count() == 0  # the window hides it
    office = _admin(app, qtbot, demo_db, clock, "office")
    assert office.audit is not None and office.secrecy is not None
    assert [office.tabs.tabText(i) for i in range(office.tabs.count())] == ["用户", "审计记录", "密级设置"]


def _cell(view, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return view.model.data(view.model.index(row, column))  # type: ignore[no-any-return]


def test_a12_the_audit_viewer_filters_checks_the_chain_and_exports(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    office = _admin(app, qtbot, demo_db, clock, "office")
    view = office.audit
    assert view is not None
    view.person.setText("clerk")
    view.reload()
    rows = range(view.model.rowCount())
    assert rows and {_cell(view, r, 2) for r in rows} == {"clerk"}  # the sign-in, and the demo clerk's work
    assert _cell(view, 0, 3) == "登录"  # the newest first
    view.person.clear()
    view.action.setCurrentIndex(view.action.findData(AuditAction.SIGN_IN.value))
    view.reload()
    assert {_cell(view, r, 2) for r in range(view.model.rowCount())} == {"clerk", "office"}
    assert view.verify() and "完整" in view.message.text()
    assert view.export_to(tmp_path / "audit.csv", "年度检查") == 2
    assert (tmp_path / "audit.csv").exists() and "已导出 2 条" in view.message.text()
    view.action.setCurrentIndex(view.action.findData(AuditAction.EXPORT.value))
    view.reload()
    assert view.model.rowCount() == 1 and _cell(view, 0, 6) == "年度检查"


def test_a6_a12_the_audit_viewer_masks_rows_above_the_readers_clearance(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    """A management-office reader cleared to 内部 sees that the clerk opened an owner's file (who, when,
    what, 绝密), never whose; nor can the record filter confirm a name."""
    from estate_desk.domain.roles import Role
    from estate_desk.services.estate import owners
    from estate_desk.services.secrecy.audit_log import MASKED
    from estate_desk.store.estate import Owner

    with demo_db.session() as s:
        owner = s.query(Owner).order_by(Owner.id).first()
        assert owner is not None
        owner_id, name = owner.id, owner.name
    owners.owner_file(demo_db, accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD), owner_id)
    admin = accounts.authenticate(demo_db, clock, "admin", demo.DEMO_PASSWORD)
    accounts.create_user(
        demo_db, clock, username="mo", password="neibu-pass-1", role=Role.MANAGEMENT_OFFICE,
        clearance=Grade.INTERNAL, actor=admin,
    )  # fmt: skip
    section = AdminSection(demo_db, accounts.authenticate(demo_db, clock, "mo", "neibu-pass-1"), clock)
    qtbot.addWidget(section)
    view = section.audit
    assert view is not None
    view.person.setText("clerk")
    view.reload()
    model = view.table.model()
    cells = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert not any(name in cell for row in cells for cell in row)
    assert [row[3:6] for row in cells if row[3] == "查看"] == [["查看", MASKED[0], "绝密"]]
    view.record.setText(name)
    view.reload()
    assert view.table.model().rowCount() == 0


def test_a6_a11_the_secrecy_settings_save_through_the_services(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    from estate_desk.domain.roles import Role
    from estate_desk.domain.secrecy.output_rights import Output
    from estate_desk.services.secrecy import grades

    office = _admin(app, qtbot, demo_db, clock, "office")
    settings = office.secrecy
    assert settings is not None
    settings.names[Grade.SECRET][0].setText("普通商密")
    assert settings.store_names() and Grade.SECRET.label() == "普通商密"
    settings.names[Grade.CONFIDENTIAL][0].setText("普通商密")
    assert not settings.store_names() and "同名" in settings.message.text()
    box = settings.limits[(Output.EXPORT, Role.SUPERVISOR)]
    box.setCurrentIndex(box.findData(int(Grade.INTERNAL)))
    assert settings.store_limit(Output.EXPORT, Role.SUPERVISOR)
    assert grades.current_output_rights(demo_db).limit(Output.EXPORT, Role.SUPERVISOR) is Grade.INTERNAL
    assert settings.issue_recovery() and len(settings.recovery_key.text()) > 60


def test_a6_the_settings_say_what_searching_the_text_of_encrypted_scans_means_and_switch_it(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    from estate_desk.services.secrecy import grades

    office = _admin(app, qtbot, demo_db, clock, "office")
    settings = office.secrecy
    assert settings is not None
    why = settings.findChild(QLabel, "indexSealedWhy").text()
    assert "未加密" in why and "数据库" in why  # the trade-off, said plainly (the window speaks Chinese)
    assert not settings.index_sealed.isChecked()
    settings.index_sealed.setChecked(True)
    assert grades.indexes_sealed_text(demo_db) and settings.message.property("state") == "ok"
    settings.index_sealed.setChecked(False)
    assert not grades.indexes_sealed_text(demo_db) and "0 页" in settings.message.text()


def test_a6_the_set_up_wizard_shows_the_recovery_key_once_and_waits_until_it_is_kept(  # type: ignore[no-untyped-def]
    app, qtbot, db: Database, clock: FakeClock
) -> None:
    wizard = SetupWizard(db, clock)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office.setText("翠湖苑物业服务中心")
    wizard.fonds.setText("Z001")
    wizard.next()
    wizard.admin.setText("admin")
    wizard.password.setText("admin-pass-1")
    wizard.password2.setText("admin-pass-1")
    wizard.next()
    assert setup.is_initialised(db) and wizard.made is not None
    assert wizard.recovery_key.text() == wizard.made.recovery_key and len(wizard.made.recovery_key) == 64
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    wizard.kept.setChecked(True)
    assert finish.isEnabled()
    wizard.close()


def _pdf(path: Path) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    canvas.drawString(100, 700, "Confidential scan")
    canvas.save()
    return path.read_bytes()


def test_a6_an_encrypted_image_and_pdf_are_shown_from_memory(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    clerk = accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    document_id = register(demo_db, clock, clerk, archive.DocumentDraft("YZ", "业主证件复印件", 2026))  # 绝密
    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#884422"))
    assert image.save(str(tmp_path / "证件.png"))
    _pdf(tmp_path / "证件.pdf")
    photo = attachments.attach_file(demo_db, clock, clerk, document_id, tmp_path / "证件.png")
    scan = attachments.attach_file(demo_db, clock, clerk, document_id, tmp_path / "证件.pdf")
    assert photo.encrypted and scan.encrypted
    preview = AttachmentPreview()
    qtbot.addWidget(preview)
    preview.show_preview(attachments.open_for_preview(demo_db, clerk, photo.id))
    assert preview.showing == "image" and preview.image.original().width() == 320
    preview.show_preview(attachments.open_for_preview(demo_db, clerk, scan.id))
    assert preview.showing == "pdf" and preview.document.pageCount() == 1
    preview.clear()
    assert preview.showing == "none"


def test_a11_the_printing_section_passes_the_reason_on(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    clerk = accounts.authenticate(demo_db, clock, "clerk", demo.DEMO_PASSWORD)
    runner = Runner()
    section = PrintingSection(demo_db, clerk, clock, runner)
    qtbot.addWidget(section)
    assert "reason" not in section.selection().options
    section.reason.setText("档案移交")
    assert section.selection().options["reason"] == "档案移交"
    runner.shutdown()


def test_a6_a_box_says_how_many_of_its_items_are_hidden_not_what_they_are(  # type: ignore[no-untyped-def]
    app, qtbot, demo_db: Database, clock: FakeClock
) -> None:
    from sqlalchemy import select

    from estate_desk.store.archive import ArchiveBox, Category
    from estate_desk.ui.archive.cabinet_view import BoxPanel

    with demo_db.session() as s:
        box_id = s.scalars(select(ArchiveBox.id).join(Category).where(Category.code == "YZ").limit(1)).one()
    desk = accounts.authenticate(demo_db, clock, "desk", demo.DEMO_PASSWORD)
    panel = BoxPanel(demo_db, desk)
    qtbot.addWidget(panel)
    box = panel.show_box(box_id)
    assert box is not None and box.document_ids == [] and box.hidden > 0
    assert f"另有 {box.hidden} 件高于您的密级权限，未显示。" in panel.info.text()
    assert "YZ·" not in panel.info.text()
