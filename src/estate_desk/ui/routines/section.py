"""The archive clerk's pages for the main window: the today page and the three routines in tabs.

:func:`clerk_pages` gives the pages with their titles. The today page's ``open_requested(kind,
ref)`` names what to open; :meth:`RoutinesSection.open` opens the routine kinds
(:data:`~estate_desk.ui.sections.ROUTINE_KINDS`), and ``document`` is for the archive browser. The routines section's
corner holds "Import roster…" and "Export roster…" (:class:`~estate_desk.ui.estate.import_wizard.RosterActions`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.ui.estate.import_wizard import RosterActions
from estate_desk.ui.qt import QCoreApplication, QHBoxLayout, QTabWidget, QToolButton, QVBoxLayout, QWidget
from estate_desk.ui.routines.arrears_page import ArrearsPage
from estate_desk.ui.routines.census_page import CensusPage
from estate_desk.ui.routines.inspections_page import InspectionsPage
from estate_desk.ui.routines.today_page import TodayPage

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner


class RoutinesSection(QWidget):
    """日常工作: archive-room inspections (A10), the household census (A14) and arrears follow-up (A15)."""

    def __init__(
        self, db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None, *, runner: Runner | None = None
    ) -> None:
        super().__init__(parent, objectName="routinesSection")
        self.inspections = InspectionsPage(db, clock, actor)
        self.census = CensusPage(db, clock, actor)
        self.arrears = ArrearsPage(db, clock, actor)
        self.tabs = QTabWidget(objectName="routineTabs")
        self.tabs.addTab(self.inspections, self.tr("Archive-room inspections"))
        self.tabs.addTab(self.census, self.tr("Household census"))
        self.tabs.addTab(self.arrears, self.tr("Arrears follow-up"))
        self.roster = RosterActions(db, clock, actor, self, runner=runner)
        corner = QWidget()
        buttons = QHBoxLayout(corner)
        buttons.setContentsMargins(0, 0, 4, 0)
        for action in (self.roster.import_action, self.roster.export_action):
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        self.tabs.setCornerWidget(corner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def open(self, kind: str, ref: int | None = None) -> bool:
        """Open what a today-page item names; False for kinds that are not a routine's."""
        if kind == "inspection":
            self.tabs.setCurrentWidget(self.inspections)
            self.inspections.record_inspection()
            return True
        if kind == "census_start":
            self.tabs.setCurrentWidget(self.census)
            self.census.start_button.setFocus()
            return True
        if kind == "census_task" and ref is not None:
            self.tabs.setCurrentWidget(self.census)
            self.census.select_task(ref)
            return self.census.check_household(ref) is not None
        if kind == "arrears" and ref is not None:
            self.tabs.setCurrentWidget(self.arrears)
            return self.arrears.select_room(ref)
        return False


def clerk_pages(
    db: Database, clock: Clock, actor: Actor, parent: QWidget | None = None, *, runner: Runner | None = None
) -> list[tuple[str, QWidget]]:
    """The clerk's pages for the main window's navigation: Today (今日待办) and Routines (日常工作).

    Route ``pages[0][1].open_requested(kind, ref)``: kinds in :data:`~estate_desk.ui.sections.ROUTINE_KINDS` to
    ``pages[1][1].open(kind, ref)`` after showing that page, ``document`` to the archive.
    ``runner`` (the window's worker) runs the roster import; without one the wizard has its own.
    """
    translate = QCoreApplication.translate
    return [
        (translate("RoutinesSection", "Today"), TodayPage(db, clock, actor, parent)),
        (translate("RoutinesSection", "Routines"), RoutinesSection(db, clock, actor, parent, runner=runner)),
    ]
