"""Find a command-line tool the way the test run's own interpreter would have it.

A venv's tools (``lint-imports``, ``pyside6-lupdate``, ``pyinstaller`` …) sit beside its python,
and ``python -m pytest`` from a venv that was never activated does not put that folder on PATH.
Looking only on PATH skipped those tests as "not installed" while they were installed (issue 16).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path


def find_tool(name: str) -> str | None:
    """The tool beside ``sys.executable`` (this venv's), else the one on PATH, else None."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return shutil.which(name)
