"""Start-up loads only what the first screen needs (issue 18): the libraries that print, read spreadsheets,
spell pinyin, migrate, highlight code or show PDFs are imported when first used, not when the window starts.

Each check runs in a fresh interpreter, so what this test process has imported already does not count; no
timing is asserted (the figures are in BENCHMARKS.md, "Start-up imports")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import estate_desk
from estate_desk.services.demo.estate import DEMO_PASSWORD

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

# a library, and what it is for: none of them belongs to the first screen
HEAVY = {
    "reportlab": "printing",
    "openpyxl": "reading and writing .xlsx",
    "pypinyin": "pinyin of a new owner's name",
    "alembic": "migrations",
    "superqt": "the searchable combo box of some dialogs",
    "pygments": "superqt's code highlighter",
    "PIL": "images of signatures and scans",
    "barcode": "box labels",
    "pypdfium2": "pages of a scanned PDF",
}

_REPORT = "\nimport sys\nprint('loaded:' + ','.join(sorted(m for m in {heavy!r} if m in sys.modules)))\n"


def _loaded(code: str, *args: str) -> list[str]:
    """The heavy modules a fresh interpreter holds after running ``code``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(estate_desk.__file__).parents[1]))
    done = subprocess.run(
        [sys.executable, "-c", code + _REPORT.format(heavy=sorted(HEAVY)), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    line = next(line for line in done.stdout.splitlines() if line.startswith("loaded:"))
    return [m for m in line.removeprefix("loaded:").split(",") if m]


def test_importing_the_window_loads_no_heavy_library() -> None:
    assert _loaded("import estate_desk.ui.app, estate_desk.ui.main_window") == []


_START = """
import sys
from estate_desk.domain.clock import SystemClock
from estate_desk.services.accounts import setup, users as accounts
from estate_desk.store.database import open_database
from estate_desk.ui.app import make_application
from estate_desk.ui.main_window import MainWindow

app = make_application()
db = open_database(sys.argv[1])
office = setup.office(db)
for username in ("clerk", "desk", "admin"):  # each role's home is a different first screen
    actor = accounts.authenticate(db, SystemClock(), username, sys.argv[2])
    window = MainWindow(db, actor, SystemClock(), office.name if office else "")
    window.show()
    app.processEvents()
    window.close()
"""


def test_starting_the_signed_in_window_loads_no_heavy_library(demo_url: URL) -> None:
    assert _loaded(_START, demo_url.render_as_string(hide_password=False), DEMO_PASSWORD) == []
