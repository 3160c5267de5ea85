"""Fixtures of the desk's tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database
    from estate_desk.ui.desk.section import DeskSection


@pytest.fixture
def section(app, qtbot, demo_db: Database, clock: FakeClock) -> Iterator[DeskSection]:  # type: ignore[no-untyped-def]
    """The Front desk section as the demo receptionist (``desk``) sees it."""
    from desk_window_support import desk_section  # Qt only for the window tests

    widget = desk_section(qtbot, demo_db, clock, "desk")
    yield widget
    widget.shutdown()
