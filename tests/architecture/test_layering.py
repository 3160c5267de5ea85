"""Layering: domain, store, services and printing import without Qt (style.md practice 1)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tool_support import find_tool

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = find_tool("lint-imports")


def test_core_packages_import_with_qt_blocked() -> None:
    code = (
        "import sys, importlib, pkgutil\n"
        "sys.modules['PySide6'] = None\n"  # any import of PySide6 now fails
        "import estate_desk\n"
        "for pkg in ('domain', 'store', 'services', 'printing'):\n"
        "    mod = importlib.import_module(f'estate_desk.{pkg}')\n"
        "    for info in pkgutil.walk_packages(mod.__path__, mod.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "import estate_desk.cli\n"  # the CLI loads Qt only when the window opens
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(LINT_IMPORTS is None, reason="import-linter not installed")
def test_import_linter_contracts_hold() -> None:
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
