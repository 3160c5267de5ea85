"""导出为 Excel: every list's "Export to Excel…" (its context menu, Ctrl+E on the table, a button where the
page has a button row), through the export rights and the audit trail of ``services/list_export.py``.

It exports what the list shows: the visible columns in the order shown, every row in the sort shown.
A lazy list is read page by page through its own fetch, with a progress dialog that can cancel.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import UserError
from estate_desk.domain.secrecy.grades import Grade, is_classified
from estate_desk.services.list_export import export_list, list_grade
from estate_desk.services.secrecy.clearance import may_see
from estate_desk.services.secrecy.print_rights import reason_required
from estate_desk.ui import i18n, icons
from estate_desk.ui.errors import show_problem
from estate_desk.ui.qt import (
    QAction,
    QCoreApplication,
    QFileDialog,
    QInputDialog,
    QKeySequence,
    QLineEdit,
    QObject,
    QProgressDialog,
    QPushButton,
    QStandardPaths,
    Qt,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.qt import QTableView

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+E"
PROGRESS_FROM = 2000  # rows: a longer list is read with a progress dialog that can cancel
STEP = 200  # rows read between two looks at the cancel button


def grade_of(row: Any) -> Grade | None:
    """The grade a row carries (``secrecy`` or ``grade``, on the row or on the record it wraps), if any."""
    for holder in (row, getattr(row, "row", None)):
        for name in ("secrecy", "grade"):
            value = getattr(holder, name, None)
            if isinstance(value, Grade):
                return value
    return None


def proposed_file(title: str, today: date | None = None) -> Path:
    """Where the save dialog starts: the user's documents folder, the list's name and today's date."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    safe = "".join("_" if c in '\\/:*?"<>|' else c for c in title).strip() or "list"
    return Path(folder) / f"{safe}-{(today or date.today()).isoformat()}.xlsx"


def choose_file(parent: Any, proposed: Path) -> Path | None:
    """The save dialog (tests patch this)."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ListExport", "Export to Excel"),
        str(proposed),
        QCoreApplication.translate("ListExport", "Excel workbook (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")


def ask_reason(parent: Any, message: str) -> str | None:
    """Why a classified list is exported, where the office asks (tests patch this)."""
    text, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("ListExport", "Export to Excel"), message, QLineEdit.EchoMode.Normal, ""
    )
    return text if ok and text.strip() else None


class ListExport(QObject):
    """ "Export to Excel…" on one table view. ``title_zh``/``title_en`` name the list (the file and its title
    row); the grade is the most secret of the rows' (``grades`` reads them, else each row's own) and never
    below ``at_least`` (owner files: 绝密, A12)."""

    def __init__(
        self,
        view: QTableView,
        db: Database,
        actor: Actor,
        clock: Clock | None,
        title_zh: str,
        title_en: str,
        *,
        at_least: Grade = Grade.INTERNAL,
        grades: Callable[[], Iterable[Grade | None]] | None = None,
        shortcut: bool = True,
    ) -> None:
        super().__init__(view)
        self._view, self._db, self._actor, self._clock = view, db, actor, clock
        self.title_zh, self.title_en = title_zh, title_en
        self._at_least, self._grades = at_least, grades
        self.action = QAction(self.tr("Export to Excel…"), view, objectName="exportList")
        self.action.setIcon(icons.icon("export"))
        self.action.setToolTip(self.tr("Save this list, as shown, as an Excel workbook"))
        if shortcut:  # the archive's own Ctrl+E edits a record: its tables keep the menu and the button
            self.action.setShortcut(QKeySequence(SHORTCUT))
            self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(lambda _=False: self.export())
        view.addAction(self.action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.last_written: Path | None = None

    def button(self) -> QPushButton:
        """A button for the page's button row that does the same."""
        button = QPushButton(self.tr("Export to Excel…"), objectName=f"export_{self._view.objectName()}")
        button.setIcon(icons.icon("export"))
        button.setToolTip(self.action.toolTip())
        button.clicked.connect(lambda _=False: self.export())
        return button

    def title(self) -> str:
        return self.title_zh if i18n.lang_code() == "zh" else self.title_en

    # ------------------------------------------------------------------ what the list shows

    def columns(self) -> list[int]:
        """The visible columns, in the order shown."""
        header = self._view.horizontalHeader()
        model = self._view.model()
        shown = [c for c in range(model.columnCount()) if not self._view.isColumnHidden(c)]
        return sorted(shown, key=header.visualIndex)

    def headers(self, columns: list[int]) -> list[str]:
        model = self._view.model()
        return [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in columns]

    def read_rows(self, columns: list[int]) -> tuple[list[list[Any]], list[Grade | None]] | None:
        """Every row's shown cells, and each row's grade; None when the reader cancelled."""
        model = self._view.model()
        total = model.rowCount()
        row_of = getattr(model, "row_of", None) or getattr(model, "row_at", None)
        progress = None
        if total >= PROGRESS_FROM:
            progress = QProgressDialog(
                self.tr("Reading the list…"), self.tr("Cancel"), 0, total, self._view, objectName="exportProgress"
            )
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(0)
        rows: list[list[Any]] = []
        grades: list[Grade | None] = []
        try:
            for row in range(total):
                if progress is not None and row % STEP == 0:
                    progress.setValue(row)
                    if progress.wasCanceled():
                        return None
                rows.append([model.data(model.index(row, c), Qt.ItemDataRole.DisplayRole) for c in columns])
                if self._grades is None and row_of is not None:
                    grades.append(grade_of(row_of(row)))
        finally:
            if progress is not None:
                progress.close()
                progress.deleteLater()
        return rows, grades

    # ------------------------------------------------------------------ exporting

    def export(self, path: Path | None = None) -> Path | None:
        """Ask where (unless ``path`` is given), read the list, and export it; the file written, or None."""
        today = self._clock.now().astimezone(CHINA_TZ).date() if self._clock is not None else None
        target = path or choose_file(self._view, proposed_file(self.title(), today))
        if target is None:
            return None
        columns = self.columns()
        read = self.read_rows(columns)
        if read is None:
            return None
        rows, grades = read
        grade = list_grade(self._grades() if self._grades is not None else grades, self._at_least)
        reason = ""
        try:
            if is_classified(grade) and may_see(self._actor, grade) and reason_required(self._db):
                asked = ask_reason(
                    self._view,
                    self.tr("This list holds classified records ({grade}). Why do you export it?").format(
                        grade=grade.label(i18n.lang_code())
                    ),
                )
                if asked is None:
                    return None
                reason = asked
            export_list(
                self._db, self._actor, self._clock, self.title_zh, self.title_en,
                self.headers(columns), rows, grade, target, reason=reason,
            )  # fmt: skip
        except UserError as exc:
            show_problem(self._view, exc, self.tr("Export to Excel"))
            return None
        self.last_written = target
        log.info("list %s exported to %s", self.title_en, target)
        return target
