"""The archive section (档案): the browser, the cabinets and the owners, and the clerk's actions on them.

Actions open their dialog without blocking (``QDialog.open``); the dialog calls the services;
this section then refreshes what changed. Attaching files runs on the window's worker with a
progress dialog that can cancel the copy. ``dialog`` is the dialog open now (tests drive it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.domain.disposal.rules import HOLDERS, VOIDERS
from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.archive import attachments, browse, code_lookup, register, volumes
from estate_desk.services.secrecy import clearance
from estate_desk.ui import i18n, icons
from estate_desk.ui.archive import document_dialog
from estate_desk.ui.archive.browser import ArchiveBrowser
from estate_desk.ui.archive.cabinet_view import CabinetView
from estate_desk.ui.archive.document_dialog import DocumentDialog
from estate_desk.ui.archive.filing_dialogs import BoxDialog, CabinetDialog, PlaceBoxDialog, VolumeDialog
from estate_desk.ui.disposal.dialogs import HoldDialog, VoidDialog
from estate_desk.ui.errors import show_problem
from estate_desk.ui.estate.owner_view import OwnerView
from estate_desk.ui.qt import (
    QAction,
    QDialog,
    QKeySequence,
    QProgressDialog,
    Qt,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.tooltips import explain_all

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.attachments import AttachmentRow
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner, TaskState

BROWSER_TAB, CABINETS_TAB, OWNERS_TAB = 0, 1, 2
PROGRESS_STEPS = 1000


class ArchiveSection(QWidget):
    """Browser, cabinets and owners in tabs; registration, filing and attaching as actions."""

    status = Signal(str)  # a message for the status bar
    attached = Signal(int)  # a document whose attachments were all copied

    def __init__(self, db: Database, actor: Actor, clock: Clock, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="archiveSection")
        self._db, self._actor, self._clock, self._runner = db, actor, clock, runner
        self.dialog: QDialog | None = None
        self.progress: QProgressDialog | None = None
        self.task: TaskState | None = None
        self.browser = ArchiveBrowser(db, actor, runner=runner)
        self.cabinets = CabinetView(db, actor)
        self.owners = OwnerView(db, actor)
        self.tabs = QTabWidget(objectName="archiveTabs")
        self.tabs.addTab(self.browser, self.tr("Records"))
        self.tabs.addTab(self.cabinets, self.tr("Cabinets"))
        self.tabs.addTab(self.owners, self.tr("Owners"))
        self.actions_: dict[str, QAction] = {}
        bar = QToolBar(self.tr("Archive"), objectName="archiveBar")
        for key, text, shortcut, slot in (
            ("register", self.tr("Register…"), QKeySequence.StandardKey.New, self.register_document),
            ("edit", self.tr("Edit…"), QKeySequence("Ctrl+E"), self._edit_current),
            ("attach", self.tr("Attach file…"), None, self._attach_current),
            ("file", self.tr("File into volume…"), None, self._file_current),
            ("box", self.tr("Put in box…"), None, self._box_current),
            ("place", self.tr("Put box in cabinet…"), None, lambda: self.place_box()),
            ("refresh", self.tr("Refresh"), QKeySequence.StandardKey.Refresh, self.refresh),
            ("export", self.tr("Export to Excel…"), None, self._export_list),
        ):
            action = QAction(text, self, objectName=f"action_{key}")
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, f=slot: f())
            bar.addAction(action)
            self.actions_[key] = action
        explain_all(
            self.actions_,
            {
                "register": self.tr("Register a new document in the category chosen on the left"),
                "edit": self.tr("Edit the chosen document's register entry"),
                "attach": self.tr("Attach a scan or file to the chosen document"),
                "file": self.tr("File the chosen document into a volume (卷)"),
                "box": self.tr("Put the chosen document or volume in an archive box"),
                "place": self.tr("Give an archive box its place: cabinet, shelf and position"),
                "refresh": self.tr("Read the lists again from the database"),
                "export": self.tr("Save the records or volumes listed, as shown, as an Excel workbook"),
            },
        )
        icons.decorate(self.actions_)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._fit_to_role(actor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(bar)
        layout.addWidget(self.tabs)
        detail = self.browser.detail
        for source in (detail, self.cabinets, self.owners):
            source.open_record.connect(self.open_record)
        detail.edit_requested.connect(self.edit_document)
        detail.attach_requested.connect(self.attach_chosen_files)
        detail.file_requested.connect(self.file_into_volume)
        detail.box_requested.connect(lambda d: self.put_in_box(document_id=d))
        detail.box_volume_requested.connect(lambda v: self.put_in_box(volume_id=v))
        detail.close_volume_requested.connect(self.close_volume)
        detail.void_requested.connect(self.void_record)
        detail.hold_requested.connect(self.hold_document)
        self.cabinets.place_requested.connect(lambda c, s, p: self.place_box(cabinet_id=c, shelf=s, position=p))
        self.cabinets.move_requested.connect(lambda b: self.place_box(box_id=b))
        self.cabinets.new_cabinet_requested.connect(self.new_cabinet)

    def _fit_to_role(self, actor: Actor) -> None:
        """What a role can't use is hidden, not offered and refused: filing for all but the archive's keepers,
        the owners' tab for those without the owner files' clearance (A12)."""
        keeper = actor.role in ARCHIVE_KEEPERS
        for key in ("register", "edit", "attach", "file", "box", "place"):
            self.actions_[key].setVisible(keeper)
        self.cabinets.box_panel.place_button.setVisible(keeper)
        self.cabinets.new_cabinet.setVisible(keeper)
        self.browser.detail.fit_to_role(keeper=keeper, voider=actor.role in VOIDERS, holder=actor.role in HOLDERS)
        self.tabs.setTabVisible(OWNERS_TAB, clearance.may_see_owner_files(actor))

    # ------------------------------------------------------------------ opening records

    def open_record(self, kind: str, record_id: int, words: str = "") -> bool:
        """Show a document, volume, box, owner or room wherever it lives in the section; a page of a scan
        (``record_id`` its text's row) opens its record and the page, ``words`` marked."""
        if kind == "page":
            return self._open_page(record_id, words)
        if kind == "document":
            self.tabs.setCurrentIndex(BROWSER_TAB)
            return self.browser.select_document(record_id)
        if kind == "volume":
            self.tabs.setCurrentIndex(BROWSER_TAB)
            return self.browser.select_volume(record_id)
        if kind == "box":
            self.tabs.setCurrentIndex(CABINETS_TAB)
            return self.cabinets.show_box(record_id)
        if kind in ("owner", "room"):
            if not self.tabs.isTabVisible(OWNERS_TAB):  # a room found by a reader without the owner files (A12)
                self.status.emit(self.tr("Owner files are top secret (绝密): your clearance does not open them."))
                return False
            self.tabs.setCurrentIndex(OWNERS_TAB)
            if kind == "owner":
                return self.owners.select_owner(record_id)
            return self.owners.select_room(record_id)
        return False

    def _open_page(self, text_id: int, words: str) -> bool:
        from estate_desk.services.archive import scan_search
        from estate_desk.ui.archive.scan_page import ScanPageDialog

        try:
            view = scan_search.page_view(self._db, self._actor, text_id, words)
        except UserError as exc:
            show_problem(self, exc)
            return False
        self.open_record("document", view.document_id)
        ScanPageDialog(view, words, self).exec()
        return True

    def open_code(self, code: str) -> bool:
        """What a scanner read: open the box, volume or document with that code, or say none has it."""
        hit = code_lookup.find_by_code(self._db, self._actor, code)
        if hit is None or not self.open_record(hit.kind, hit.id):
            self.status.emit(self.tr("Scanned “{code}”: no box, volume or document has this code.").format(code=code))
            return False
        self.status.emit(self.tr("Scanned “{code}”.").format(code=code))
        return True

    def _export_list(self) -> None:
        self.tabs.setCurrentWidget(self.browser)
        self.browser.export_list()

    def refresh(self) -> None:
        self.browser.refresh_after_change(self.browser.current_document_id())
        self.cabinets.reload()
        self.owners.reload()

    # ------------------------------------------------------------------ dialogs

    def _open_dialog(self, dialog: QDialog, done: object) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(done)
        dialog.finished.connect(lambda _=0: setattr(self, "dialog", None))
        dialog.open()

    def _current_document(self) -> int | None:
        document_id = self.browser.current_document_id()
        if document_id is None:
            self.status.emit(self.tr("Choose a document first."))
        return document_id

    def register_document(self) -> None:
        _, code = self.browser.current_category()
        dialog = DocumentDialog(self._db, self._clock, self._actor, category_code=code, parent=self)
        self._open_dialog(dialog, lambda: self._saved(dialog, registered=True))

    def edit_document(self, document_id: int) -> None:
        try:
            detail = register.document_detail(self._db, self._actor, document_id)
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return
        dialog = DocumentDialog(self._db, self._clock, self._actor, detail, parent=self)
        self._open_dialog(dialog, lambda: self._saved(dialog, registered=False))

    def _edit_current(self) -> None:
        document_id = self._current_document()
        if document_id is not None:
            self.edit_document(document_id)

    def _saved(self, dialog: DocumentDialog, *, registered: bool) -> None:
        document_id = dialog.document_id
        assert document_id is not None
        self.tabs.setCurrentIndex(BROWSER_TAB)
        self.browser.refresh_after_change(document_id)
        if registered:
            number = self.browser.detail.document.archive_no if self.browser.detail.document else ""
            self.status.emit(self.tr("Registered {number}.").format(number=number))
        if dialog.pending_files:
            self.attach_files(document_id, dialog.pending_files, as_scan=True)

    def file_into_volume(self, document_id: int) -> None:
        detail = register.document_detail(self._db, self._actor, document_id)
        dialog = VolumeDialog(
            self._db,
            self._clock,
            self._actor,
            document_id=document_id,
            category_code=detail.category_code,
            year=detail.year,
            parent=self,
        )
        self._open_dialog(dialog, lambda: self._filed(document_id))

    def _file_current(self) -> None:
        document_id = self._current_document()
        if document_id is not None:
            self.file_into_volume(document_id)

    def put_in_box(self, *, document_id: int | None = None, volume_id: int | None = None) -> None:
        if document_id is not None:
            detail = register.document_detail(self._db, self._actor, document_id)
            code, year, what = detail.category_code, detail.year, detail.archive_no
        else:
            volume = next(v for v in volumes.volumes(self._db, self._actor) if v.id == volume_id)
            code = next(c.code for c in browse.categories(self._db, self._actor) if c.id == volume.category_id)
            year, what = volume.year, volume.code
        dialog = BoxDialog(
            self._db,
            self._clock,
            self._actor,
            category_code=code,
            year=year,
            what=what,
            document_id=document_id,
            volume_id=volume_id,
            parent=self,
        )
        self._open_dialog(dialog, lambda: self._filed(document_id))

    def _box_current(self) -> None:
        volume = self.browser.current_volume()
        if volume is not None:
            self.put_in_box(volume_id=volume.id)
            return
        document_id = self._current_document()
        if document_id is not None:
            self.put_in_box(document_id=document_id)

    def void_record(self, kind: str, record_id: int, lift: bool) -> None:
        """Mark a document or volume void, or lift the mark (A16), after the dialog's confirmation."""
        detail = self.browser.detail
        what = (
            detail.document.archive_no
            if kind == "document" and detail.document is not None
            else detail.volume.code
            if detail.volume is not None
            else str(record_id)
        )
        dialog = VoidDialog(self._db, self._clock, self._actor, kind, record_id, what, lift=lift, parent=self)
        self._open_dialog(dialog, lambda: self._voided(kind, record_id, lift))

    def _voided(self, kind: str, record_id: int, lift: bool) -> None:
        self.status.emit(self.tr("Void mark lifted.") if lift else self.tr("Marked void (作废)."))
        if kind == "document":
            self.browser.refresh_after_change(record_id)
        else:
            self.browser.refresh_after_change(None)
            self.browser.select_volume(record_id)

    def hold_document(self, document_id: int) -> None:
        detail = self.browser.detail.document
        what = detail.archive_no if detail is not None else str(document_id)
        dialog = HoldDialog(self._db, self._clock, self._actor, document_id, what, parent=self)
        self._open_dialog(dialog, lambda: self.browser.refresh_after_change(document_id))

    def close_volume(self, volume_id: int) -> None:
        try:
            volumes.close_volume(self._db, self._clock, self._actor, volume_id)
        except UserError as exc:
            self.status.emit(exc.message(i18n.lang_code()))
            return
        self.status.emit(self.tr("Volume closed."))
        self._filed(None)

    def place_box(
        self, *, box_id: int | None = None, cabinet_id: int | None = None, shelf: int = 1, position: int = 1
    ) -> None:
        dialog = PlaceBoxDialog(
            self._db,
            self._clock,
            self._actor,
            box_id=box_id,
            cabinet_id=cabinet_id,
            shelf=shelf,
            position=position,
            parent=self,
        )
        self._open_dialog(dialog, lambda: self._placed(dialog))

    def _placed(self, dialog: PlaceBoxDialog) -> None:
        box_id = dialog.chosen_box()
        self.cabinets.reload()
        if box_id is not None:
            self.tabs.setCurrentIndex(CABINETS_TAB)
            self.cabinets.show_box(box_id)
        self.browser.refresh_after_change(self.browser.current_document_id())

    def new_cabinet(self) -> None:
        dialog = CabinetDialog(self._db, self._clock, self._actor, parent=self)
        self._open_dialog(dialog, self.cabinets.reload)

    def _filed(self, document_id: int | None) -> None:
        self.browser.refresh_after_change(document_id)
        self.cabinets.reload()

    # ------------------------------------------------------------------ attaching, off the UI thread

    def _attach_current(self) -> None:
        document_id = self._current_document()
        if document_id is not None:
            self.attach_chosen_files(document_id)

    def attach_chosen_files(self, document_id: int) -> None:
        paths = [Path(name) for name in document_dialog.choose_files(self)]
        if paths:
            self.attach_files(document_id, paths)

    def attach_files(self, document_id: int, paths: Sequence[Path], *, as_scan: bool = False) -> TaskState:
        """Copy files into the attachment store on the worker, with a progress dialog that can cancel."""
        db, clock, actor = self._db, self._clock, self._actor
        sizes = [_size(p) for p in paths]
        total = max(1, sum(sizes))

        def job(state: TaskState) -> list[AttachmentRow]:
            rows, before = [], 0
            for path, size in zip(paths, sizes, strict=True):
                rows.append(
                    attachments.attach_file(
                        db,
                        clock,
                        actor,
                        document_id,
                        path,
                        as_scan=as_scan,
                        progress=lambda done, _total, b=before: state.report(b + done, total),
                        cancel=state.is_cancelled,
                    )
                )
                before += size
            return rows

        progress = QProgressDialog(
            self.tr("Copying {files} into the archive…").format(files=", ".join(p.name for p in paths)),
            self.tr("Cancel"),
            0,
            PROGRESS_STEPS,
            self,
        )
        progress.setObjectName("attachProgress")
        progress.setWindowTitle(self.tr("Attaching files"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.show()
        self.progress = progress
        self.task = self._runner.submit(
            job,
            on_done=lambda rows: self._attach_done(document_id, rows),
            on_failed=lambda exc: self._attach_ended(document_id, exc),
            on_cancelled=lambda: self._attach_ended(document_id, None),
            on_progress=lambda done, all_: progress.setValue(int(PROGRESS_STEPS * done / max(1, all_))),
        )
        progress.canceled.connect(self.task.cancel)
        return self.task

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self.task = None

    def _attach_done(self, document_id: int, rows: list[AttachmentRow]) -> None:
        self._close_progress()
        self.status.emit(self.tr("Attached {n} file(s).").format(n=len(rows)))
        self._after_attach(document_id)

    def _attach_ended(self, document_id: int, exc: BaseException | None) -> None:
        self._close_progress()
        if exc is None:
            self.status.emit(self.tr("Copy cancelled; nothing was kept."))
        elif isinstance(exc, UserError):
            self.status.emit(exc.message(i18n.lang_code()))
        else:
            raise exc
        self._after_attach(document_id)

    def _after_attach(self, document_id: int) -> None:
        self.browser.refresh_after_change(document_id)
        self.attached.emit(document_id)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
