"""Tools installed with the test extra are found beside the interpreter, not only on PATH (issue 16)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tool_support import find_tool


@pytest.mark.parametrize("name", ["lint-imports", "pyside6-lupdate", "pyside6-lrelease"])
def test_a_venvs_own_tool_is_found_when_the_venv_is_not_on_path(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # `python -m pytest` from a venv that was never activated: PATH has nothing of the venv's.
    monkeypatch.setenv("PATH", "")
    assert find_tool(name) == str(Path(sys.executable).parent / name)


def test_a_tool_that_is_nowhere_is_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    assert find_tool("estate-desk-no-such-tool") is None
