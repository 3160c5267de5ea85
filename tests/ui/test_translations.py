"""Translations: every UI string has Chinese, and the shipped .qm is built from the .ts."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tool_support import find_tool

ROOT = Path(__file__).resolve().parents[2]
LUPDATE, LRELEASE = find_tool("pyside6-lupdate"), find_tool("pyside6-lrelease")
TS = ROOT / "resources/translations/estate_desk_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _unfinished(ts: Path) -> list[str]:
    return [
        m.findtext("source") or ""
        for m in ET.parse(ts).iter("message")
        if m.find("translation") is not None
        and (m.find("translation").get("type") in ("unfinished",) or not (m.findtext("translation") or "").strip())
    ]


def test_every_string_is_translated() -> None:
    assert _unfinished(TS) == []


@pytest.mark.skipif(LUPDATE is None, reason="Qt tools not installed")
def test_ts_covers_every_string_in_the_sources(tmp_path: Path) -> None:
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "src/estate_desk/ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-no-obsolete", "-ts", str(copy)], check=True, capture_output=True)
    assert _unfinished(copy) == [], "run tools/update_translations.py and translate the new strings"


@pytest.mark.skipif(LRELEASE is None, reason="Qt tools not installed")
def test_qm_is_built_from_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "out.qm"
    subprocess.run([str(LRELEASE), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "rebuild the .qm: tools/update_translations.py"
