"""The main window: sections on the left, a global search, the signed-in user in the status bar.

Each user sees the sections their role can use, and lands on their own home (``domain/roles.home_of``):
the receptionist on the front desk's board, the clerk where the office set, the administrator on 管理;
an empty archive opens on its first steps. File → Sign out / switch user hands the workstation over.

It owns the worker for long jobs and listens for the barcode scanner wherever the focus is:
a scanned box, volume or document code opens that record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from estate_desk import __version__
from estate_desk.domain.disposal.rules import SUPERVISING_LEADERS
from estate_desk.domain.roles import ARCHIVE_KEEPERS, USER_MANAGERS, Home
from estate_desk.domain.routines.common import ROUTINE_READERS
from estate_desk.printing.font_files import find_simhei
from estate_desk.services.accounts import homes
from estate_desk.services.loans.requests import LEDGER_READERS
from estate_desk.store.backends import describe
from estate_desk.store.change_feed import ARCHIVE as ARCHIVE_TOPIC
from estate_desk.ui import i18n, icons, prefs
from estate_desk.ui.accounts.user_dialogs import ChangePasswordDialog
from estate_desk.ui.archive.section import ArchiveSection
from estate_desk.ui.change_listener import ChangeListener
from estate_desk.ui.first_steps import FirstStepsPage
from estate_desk.ui.help_view import open_guide
from estate_desk.ui.maintenance.backup_actions import BackupActions
from estate_desk.ui.qt import (
    QAction,
    QActionGroup,
    QApplication,
    QCheckBox,
    QCloseEvent,
    QCoreApplication,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.scanner import ScanListener, monotonic_ms
from estate_desk.ui.search_results import HIT, SearchResults
from estate_desk.ui.sections import (
    ADMIN_READERS,
    HOME_SECTIONS,
    ROUTINE_KINDS,
    Sections,
    admin_page,
    desk_page,
    digitise_page,
    disposal_page,
    loans_page,
    printing_page,
    routines_page,
    today_page,
)
from estate_desk.ui.worker import Runner

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.accounts.admin_section import AdminSection
    from estate_desk.ui.desk.section import DeskSection
    from estate_desk.ui.disposal.page import DisposalSection
    from estate_desk.ui.loans.desk import LoanDesk
    from estate_desk.ui.printouts.section import PrintingSection
    from estate_desk.ui.routines.section import RoutinesSection
    from estate_desk.ui.routines.today_page import TodayPage


class MainWindow(QMainWindow):
    sign_out_requested = Signal()  # File → Sign out / switch user: the window closes and the sign-in opens

    def __init__(
        self,
        db: Database,
        actor: Actor,
        clock: Clock,
        office_name: str,
        *,
        now_ms: Callable[[], float] = monotonic_ms,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._db, self._actor, self._clock = db, actor, clock
        self.actor = actor  # who is signed in here
        product = self.tr("Estate Desk")
        self.setWindowTitle(f"{office_name.strip()} — {product}" if office_name.strip() else product)
        self.resize(1400, 860)
        self.runner = Runner(self)
        self.backups = BackupActions(self, db, actor, clock, self.runner)  # File menu and the schedule (A5)

        self.archive = ArchiveSection(db, actor, clock, self.runner)
        self.changes = ChangeListener(db, self)  # other workstations' saves (A12)
        self.stack = QStackedWidget()
        self.nav = QListWidget(objectName="sections")
        home = homes.home_for(db, actor)
        self._print_first = "daily-review" if home is Home.DESK else None  # the desk's printout is its F6 review
        self.sections = Sections(self.nav, self.stack, self._wire)
        self.first_steps: FirstStepsPage | None = None
        if home is Home.FIRST_STEPS:  # an empty archive: its first steps, for those who build it
            offered = {"register", "labels"} | ({"accounts"} if actor.role in USER_MANAGERS else set())
            if actor.role in ROUTINE_READERS:
                offered.add("roster")
            self.first_steps = FirstStepsPage(db, frozenset(offered))
            self.first_steps.step.connect(self.take_first_step)
            self.sections.add("first_steps", self.tr("First steps"), self.first_steps)
        self.sections.add("archive", self.tr("Archive"), self.archive)
        self.sections.add("desk", self.tr("Front desk"), lambda: desk_page(db, actor, clock))
        self.sections.add("printing", self.tr("Printing"), lambda: printing_page(db, actor, clock, self.runner))
        if actor.role in ADMIN_READERS:
            self.sections.add("admin", self.tr("Administration"), lambda: admin_page(db, actor, clock))
        if actor.role in ROUTINE_READERS:  # the clerk's day: today page and routines (A10, A14, A15)
            translate = QCoreApplication.translate
            self.sections.add("today", translate("RoutinesSection", "Today"), lambda: today_page(db, clock, actor))
            self.sections.add(
                "routines",
                translate("RoutinesSection", "Routines"),
                lambda: routines_page(db, clock, actor, self.runner),
            )
        if actor.role in LEDGER_READERS:  # the loan desk, the ledger and approvals (A12)
            self.sections.add("loans", self.tr("Loans"), lambda: loans_page(db, clock, actor))
        if actor.role in ARCHIVE_KEEPERS | SUPERVISING_LEADERS:  # appraisal and destruction (A17)
            # 鉴定销毁: "Disposal", the archivist's word for it
            self.sections.add("disposal", self.tr("Disposal"), lambda: disposal_page(db, actor, clock))
        if actor.role in ARCHIVE_KEEPERS:  # digitisation batches (数字化, A5)
            self.sections.add("digitise", self.tr("Digitisation"), lambda: digitise_page(db, actor, clock, self.runner))
        icons.fit_sections(self.nav)  # as wide as its longest name, in either language

        self.results = SearchResults(objectName="searchResults")
        self.results.hide()
        self.results.itemActivated.connect(self.open_hit)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.results, 3)  # up to three fifths, no taller than its results (_fit_results)
        column.addWidget(self.stack, 2)
        split = QSplitter()
        split.addWidget(self.nav)
        split.addWidget(body)
        split.setStretchFactor(1, 1)
        split.setSizes([self.nav.width(), 1400 - self.nav.width()])
        self.setCentralWidget(split)

        self.search_field = QLineEdit(objectName="globalSearch")
        self.search_field.setPlaceholderText(self.tr("Search owners, rooms, archive numbers, boxes, titles (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self.run_search)
        self.search_field.returnPressed.connect(self.open_first_hit)
        bar = QToolBar(self.tr("Search"), objectName="searchBar")
        bar.setMovable(False)
        bar.addWidget(self.search_field)
        self.include_void = QCheckBox(self.tr("Include void and destroyed"), objectName="includeVoid")
        self.include_void.setToolTip(self.tr("Also list void (作废) and destroyed (已销毁) records, marked as such"))
        self.search_field.setToolTip(
            self.tr("Owners by name, pinyin or initials; rooms in any written form; archive numbers; titles (Ctrl+F)")
        )
        self.include_void.toggled.connect(lambda _=False: self.run_search(self.search_field.text()))
        bar.addWidget(self.include_void)
        self.addToolBar(bar)
        self._menus()
        self.statusBar().addPermanentWidget(
            QLabel(
                self.tr("{name} ({role}) · {db}").format(
                    name=actor.display_name,
                    role=actor.role.label(i18n.lang_code()),
                    db=describe(db.url, i18n.lang_code()),
                ),
                objectName="statusUser",
            )
        )
        self.archive.status.connect(self.statusBar().showMessage)
        self.backups.status.connect(self.statusBar().showMessage)
        self.backups.checked.connect(self._refresh_today)
        self.backups.restored.connect(self._restored)
        self._archive_stale = False
        self.home = self.sections.page(HOME_SECTIONS.get(home, "archive")) or self.archive
        self.show_section(self.home)
        self.scanner = ScanListener(self, now_ms)
        self.scanner.scanned.connect(self.open_code)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.scanner)
        self.changes.changed.connect(self.changes_arrived)
        self.nav.currentRowChanged.connect(lambda _: self.changes_arrived(frozenset()))

    # ----------------------------------------------------------------- the sections, built when first wanted

    def _wire(self, key: str, page: QWidget) -> None:
        """A section's page now exists: connect it to the window."""
        if key == "today":
            cast("TodayPage", page).open_requested.connect(self.open_from_today)
        elif key == "desk":
            cast("DeskSection", page).follow(self.changes)
        elif key == "printing":
            printing = cast("PrintingSection", page)
            printing.status.connect(self.statusBar().showMessage)
            if self._print_first is not None:
                printing.choose(self._print_first)
        elif key == "disposal":
            disposal = cast("DisposalSection", page)
            disposal.open_record.connect(self.open_document)
            disposal.status.connect(self.statusBar().showMessage)
            disposal.changed.connect(self.archive.refresh)

    @property
    def desk(self) -> DeskSection:
        return cast("DeskSection", self.sections.page("desk"))

    @property
    def printing(self) -> PrintingSection:
        return cast("PrintingSection", self.sections.page("printing"))

    @property
    def admin(self) -> AdminSection | None:
        return cast("AdminSection", self.sections.page("admin")) if "admin" in self.sections else None

    @property
    def today(self) -> TodayPage | None:
        return cast("TodayPage", self.sections.page("today")) if "today" in self.sections else None

    @property
    def routines(self) -> RoutinesSection | None:
        return cast("RoutinesSection", self.sections.page("routines")) if "routines" in self.sections else None

    @property
    def loans(self) -> LoanDesk | None:
        return cast("LoanDesk", self.sections.page("loans")) if "loans" in self.sections else None

    @property
    def disposal(self) -> DisposalSection | None:
        return cast("DisposalSection", self.sections.page("disposal")) if "disposal" in self.sections else None

    def _refresh_today(self, _report: object = None) -> None:
        today = self.sections.built("today")
        if today is not None:  # a page not built yet reads everything when first shown
            cast("TodayPage", today).refresh()

    def show_section(self, page: QWidget) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(page))

    def take_first_step(self, step: str) -> None:
        """A button of the first-steps page: open where that step is done."""
        if step == "roster" and self.routines is not None:
            self.show_section(self.routines)
            self.routines.roster.open_import_wizard()
        elif step == "accounts" and self.admin is not None and self.admin.users is not None:
            self.show_section(self.admin)
            self.admin.users.add_user()
        elif step == "register":
            self.show_section(self.archive)
            self.archive.register_document()
        elif step == "labels":
            self.show_section(self.printing)
            self.printing.choose("labels")

    def change_password(self) -> ChangePasswordDialog:
        dialog = ChangePasswordDialog(self._db, self._clock, self._actor, self)
        dialog.accepted.connect(lambda: self.statusBar().showMessage(self.tr("Your password was changed."), 5000))
        dialog.open()
        return dialog

    def sign_out(self) -> None:
        """Hand the workstation over: the window closes and the sign-in opens (``ui/app.Sessions``)."""
        self.sign_out_requested.emit()

    def changes_arrived(self, topics: frozenset[str]) -> None:
        """Another workstation saved records: the archive views read again (now, or when next shown)."""
        self._archive_stale = self._archive_stale or ARCHIVE_TOPIC in topics
        printing = self.sections.built("printing")
        if ARCHIVE_TOPIC in topics and printing is not None:
            cast("PrintingSection", printing).data_changed()  # a shown preview is made again (now, or when next shown)
        if self._archive_stale and self.archive.isVisible() and self.archive.dialog is None:
            self._archive_stale = False
            self.archive.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.scanner)
        self.backups.timer.stop()  # the schedule must not start a job on a closed window's worker
        self.runner.shutdown()
        self.changes.stop()
        desk = self.sections.built("desk")
        if desk is not None:
            cast("DeskSection", desk).shutdown()  # the board's timers, and a board still full screen on a wall monitor
        super().closeEvent(event)

    def _restored(self, _report: object) -> None:
        """The archive was replaced by a backup: what this window shows is gone, so it closes."""
        QMessageBox.information(
            self,
            self.tr("Restore from a backup"),
            self.tr("The archive was restored from the backup. Estate Desk closes now; start it again to sign in."),
        )
        self.close()

    def open_from_today(self, kind: str, ref: object) -> bool:
        """An item on the today page: a routine opens its page, a document opens in the archive."""
        if kind in ROUTINE_KINDS and self.routines is not None:
            self.stack.setCurrentWidget(self.routines)
            self.nav.setCurrentRow(self.stack.currentIndex())
            return self.routines.open(kind, ref)
        if kind == "integrity" and self.backups.check_action.isEnabled():  # the archive check (A5): run it now
            self.backups.check_now()
            return True
        if kind == "loan" and isinstance(ref, int) and self.loans is not None:
            self.show_loans()
            return self.loans.open_request(ref)
        if kind == "document" and isinstance(ref, int):
            self.show_section(self.archive)
            return self.archive.open_record("document", ref)
        return False

    def open_document(self, kind: str, record_id: int) -> bool:
        """A record named elsewhere (a batch's item, its manifest): open it in the archive."""
        self.show_section(self.archive)
        if self.archive.open_record(kind, record_id):
            return True
        self.archive.refresh()  # filed since the list was read (a manifest)
        return self.archive.open_record(kind, record_id)

    def open_code(self, code: str) -> bool:
        """A scanned (or typed) box, volume or document code: open it in the archive — or, while the
        loan desk is shown, lend or take it back there."""
        loans = self.sections.built("loans")
        if loans is not None and self.stack.currentWidget() is loans:
            return cast("LoanDesk", loans).scan(code)
        self.show_section(self.archive)
        return self.archive.open_code(code)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions(self.backups.actions())
        icons.decorate(
            {a.objectName(): a for a in self.backups.actions()},
            {"backupNow": "backup", "restoreBackup": "restore", "checkArchive": "verify"},
        )
        file_menu.addSeparator()
        password = QAction(self.tr("Change &password…"), self, objectName="changePassword")
        password.triggered.connect(self.change_password)
        file_menu.addAction(password)
        sign_out = QAction(
            self.tr("Sign &out / switch user"), self, objectName="signOut", shortcut=QKeySequence("Ctrl+Shift+Q")
        )
        sign_out.setToolTip(self.tr("Close this window and sign in as another user (the shared front-desk PC)"))
        sign_out.triggered.connect(self.sign_out)
        file_menu.addAction(sign_out)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        for n in range(self.stack.count()):
            action = QAction(self.nav.item(n).text(), self, shortcut=QKeySequence(f"Ctrl+{n + 1}"))
            action.triggered.connect(lambda _=False, row=n: self.nav.setCurrentRow(row))
            view.addAction(action)
        if "loans" in self.sections:
            desk = QAction(self.tr("&Loan desk"), self, shortcut=QKeySequence("Ctrl+L"), objectName="loanDeskAction")
            desk.triggered.connect(self.show_loans)
            view.addAction(desk)
        find = QAction(self.tr("&Search"), self, shortcut=QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        view.addAction(find)
        archive = self.menuBar().addMenu(self.tr("&Archive"))
        for action in self.archive.actions_.values():
            archive.addAction(action)
            action.triggered.connect(lambda _=False: self.show_section(self.archive))
        settings = self.menuBar().addMenu(self.tr("&Settings"))
        language = settings.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        for code, label in (("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(label, self, checkable=True, checked=i18n.current_language() == code)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(action)
            language.addAction(action)
        simhei = QAction(
            self.tr("Print category names in SimHei (黑体)"), self, checkable=True, checked=prefs.prefer_simhei()
        )
        simhei.setObjectName("preferSimhei")
        simhei.setEnabled(find_simhei() is not None)
        simhei.setToolTip(
            self.tr("Available where SimHei is installed; otherwise the bundled Noto Sans SC Bold is used.")
        )
        simhei.toggled.connect(prefs.set_prefer_simhei)
        settings.addAction(simhei)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self, objectName="userGuideAction", shortcut=QKeySequence("F1"))
        guide.triggered.connect(lambda: open_guide(self))
        help_menu.addAction(guide)
        about = QAction(self.tr("&About Estate Desk"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        icons.decorate(
            {"quit": quit_action, "password": password, "sign_out": sign_out, "search": find}
            | {"help": guide, "about": about}
        )

    def show_loans(self) -> None:
        if self.loans is not None:
            self.nav.setCurrentRow(self.stack.indexOf(self.loans))
            self.loans.code.setFocus()

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self, text: str) -> None:
        self.results.run(self._db, self._actor, text, include_void=self.include_void.isChecked())

    def open_hit(self, item: QListWidgetItem) -> bool:
        """Open the record a search hit names (owners and rooms in the owner view)."""
        found: Any = item.data(HIT)
        if not found:
            return False
        self.show_section(self.archive)
        return self.archive.open_record(found[0], int(found[1]), *found[2:])  # a page of a scan: its words

    def open_first_hit(self) -> None:
        item = self.results.first_hit()
        if item is not None:
            self.results.setCurrentItem(item)
            self.open_hit(item)

    def choose_language(self, code: str) -> None:
        prefs.set_language(code)
        QMessageBox.information(self, self.tr("Language"), self.tr("The new language applies from the next start."))

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Estate Desk"),
            self.tr("Estate Desk {version}\nArchive and front desk of the service centre.").format(version=__version__),
        )
