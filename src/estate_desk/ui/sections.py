"""The main window's sections: their names on the left, their pages on the right, each page built when
it is first shown or first asked for.

Opening the window builds only the home page (and the archive, which the menus, the search field and
the scanner use); the front desk's board, the loan desk, printing, disposal and administration read
their data, and import their modules, when the user first goes there. On a large archive that is what
keeps start-up short (issue 18: "show the window before the sections that aren't visible are built").
Until then the section's row holds an empty placeholder page; the first visit puts the real page in
its place, and ``built`` tells the window which pages exist without building one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.roles import USER_READERS, Home
from estate_desk.services.secrecy.audit_log import AUDIT_READERS
from estate_desk.services.secrecy.grades import SETTERS
from estate_desk.ui import icons
from estate_desk.ui.qt import QListWidget, QListWidgetItem, QStackedWidget, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database
    from estate_desk.ui.worker import Runner

ADMIN_READERS = USER_READERS | AUDIT_READERS | SETTERS
"""Roles with something to see in the Administration section; for everyone else it is hidden."""

HOME_SECTIONS = {
    Home.FIRST_STEPS: "first_steps",
    Home.TODAY: "today",
    Home.ARCHIVE: "archive",
    Home.DESK: "desk",
    Home.ADMIN: "admin",
}
"""Where each home (``domain/roles.home_of``) is, among the sections; the archive when it isn't there."""

ROUTINE_KINDS = frozenset({"inspection", "census_start", "census_task", "arrears"})
"""Kinds of today-page items the routines section opens."""


class Sections:
    """The list of sections (``nav``) and the stack of their pages, kept in step."""

    def __init__(self, nav: QListWidget, stack: QStackedWidget, built: Callable[[str, QWidget], None]) -> None:
        self.nav, self.stack = nav, stack
        self._keys: list[str] = []
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}
        self._built = built  # the window wires a page's signals once it exists
        nav.currentRowChanged.connect(self._show_row)

    def add(self, key: str, title: str, page: QWidget | Callable[[], QWidget]) -> None:
        """A section at the end of the list: a page, or what builds it when first wanted."""
        item = QListWidgetItem(icons.icon(key), title)
        item.setToolTip(f"Ctrl+{len(self._keys) + 1}")
        self.nav.addItem(item)
        self._keys.append(key)
        if isinstance(page, QWidget):
            self._pages[key] = page
            self.stack.addWidget(page)
            self._built(key, page)
        else:
            self._factories[key] = page
            self.stack.addWidget(QWidget(objectName=f"{key}Placeholder"))

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def built(self, key: str) -> QWidget | None:
        """The page of ``key`` if it has been built, without building it."""
        return self._pages.get(key)

    def page(self, key: str) -> QWidget | None:
        """The page of ``key``, built now if it was not yet; ``None`` for a section this user hasn't."""
        if key not in self._keys:
            return None
        page = self._pages.get(key)
        if page is None:
            row = self._keys.index(key)
            page = self._factories.pop(key)()
            placeholder = self.stack.widget(row)
            current = self.stack.currentIndex()
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._pages[key] = page
            self._built(key, page)
        return page

    def row_of(self, key: str) -> int:
        return self._keys.index(key) if key in self._keys else -1

    def show(self, key: str) -> None:
        self.nav.setCurrentRow(self.row_of(key))

    def shown(self) -> str | None:
        """The key of the section on screen."""
        row = self.nav.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else None

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.page(self._keys[row])  # built before it is shown, so it paints with its data
        self.stack.setCurrentIndex(row)


# Each section's page, its modules imported when it is first built
def desk_page(db: Database, actor: Actor, clock: Clock) -> QWidget:
    from estate_desk.ui.desk.section import DeskSection

    return DeskSection(db, actor, clock)


def printing_page(db: Database, actor: Actor, clock: Clock, runner: Runner) -> QWidget:
    from estate_desk.ui.printouts.section import PrintingSection

    return PrintingSection(db, actor, clock, runner)


def admin_page(db: Database, actor: Actor, clock: Clock) -> QWidget:
    from estate_desk.ui.accounts.admin_section import AdminSection

    return AdminSection(db, actor, clock)


def today_page(db: Database, clock: Clock, actor: Actor) -> QWidget:
    from estate_desk.ui.routines.today_page import TodayPage

    return TodayPage(db, clock, actor)


def routines_page(db: Database, clock: Clock, actor: Actor, runner: Runner) -> QWidget:
    from estate_desk.ui.routines.section import RoutinesSection

    return RoutinesSection(db, clock, actor, runner=runner)


def loans_page(db: Database, clock: Clock, actor: Actor) -> QWidget:
    from estate_desk.ui.loans.desk import LoanDesk

    return LoanDesk(db, clock, actor)


def disposal_page(db: Database, actor: Actor, clock: Clock) -> QWidget:
    from estate_desk.ui.disposal.page import DisposalSection

    return DisposalSection(db, actor, clock)


def digitise_page(db: Database, actor: Actor, clock: Clock, runner: Runner) -> QWidget:
    from estate_desk.ui.digitise.section import DigitiseSection

    return DigitiseSection(db, actor, clock, runner)
