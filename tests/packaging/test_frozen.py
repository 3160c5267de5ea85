"""The frozen application (打包后的程序): the PyInstaller bundle runs by itself, offscreen.

One build per test session (``python packaging/build.py --no-archive`` into a temporary folder), or the
bundle in ``ESTATE_DESK_FROZEN_DIR`` (e.g. ``dist/EstateDesk``) when it is set. Skipped when PyInstaller
is not installed (``pip install -e ".[packaging]"``; CI installs it).
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "estate-desk.exe" if sys.platform == "win32" else "EstateDesk"  # the console program on Windows


@pytest.fixture(scope="session")
def frozen_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("ESTATE_DESK_FROZEN_DIR")
    if given:
        folder = Path(given).resolve()
        assert (folder / EXE_NAME).is_file(), f"ESTATE_DESK_FROZEN_DIR={given} has no {EXE_NAME}"
        return folder
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed: pip install -e ".[packaging]" to build and test the bundle')
    out = tmp_path_factory.mktemp("frozen")
    cmd = [sys.executable, str(ROOT / "packaging" / "build.py"), "--no-archive"]
    done = subprocess.run(
        [*cmd, "--dist", str(out / "dist"), "--work", str(out / "build")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return out / "dist" / "EstateDesk"


@pytest.fixture
def run(frozen_dir: Path, tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ESTATE_DESK_", "QT_", "PYTHON"))}
    env.update(
        ESTATE_DESK_HOME=str(tmp_path / "home"),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        ESTATE_DESK_PASSWORD="demo-2024",
    )

    def _run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(frozen_dir / EXE_NAME), *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=300,
        )

    return _run


def test_the_frozen_version_is_the_package_version(run) -> None:
    done = run("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["estate-desk", version("estate-desk")]


def test_the_frozen_check_finds_fonts_translations_and_migrations_inside_the_bundle(run, frozen_dir: Path) -> None:
    done = run("check")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()

    def line(start: str) -> str:
        found = [text for text in lines if text.lstrip("✓✗ ").startswith(start)]
        assert found, f"no '{start}' line in:\n{done.stdout}"
        return found[0]

    bundle = str(frozen_dir)
    assert bundle in line("Print font Noto Sans SC Bold") and "NotoSansSC-Bold.ttf" in line(
        "Print font Noto Sans SC Bold"
    )
    assert bundle in line("Translation zh_CN") and line("Translation zh_CN").endswith("estate_desk_zh_CN.qm")
    assert bundle in line("Migrations")
    assert "Noto Sans SC" in line("UI fonts")
    assert line("Qt platform").endswith("offscreen")


def test_the_frozen_bundle_holds_the_user_guide_and_its_pictures(frozen_dir: Path) -> None:
    """Help → 使用说明 reads resources/help: every guide and screenshot of the source tree is in the bundle."""
    wanted = sorted(p.name for p in (ROOT / "resources" / "help").iterdir())
    found = sorted(
        p.name for p in frozen_dir.rglob("*") if p.parent.name == "help" and p.parent.parent.name == "resources"
    )
    assert "guide.zh_CN.md" in wanted and "guide.en.md" in wanted
    assert found == wanted


def test_the_frozen_bundle_holds_qtcharts_for_the_figures_and_the_digitisation_progress(frozen_dir: Path) -> None:
    """The desk's figures and the workbench's progress tab draw with QtCharts (ui/charts.py): its binding and
    its Qt library ride along, though the spec leaves most Qt modules out."""
    names = [p.name for p in frozen_dir.rglob("*")]
    assert any(n.startswith("QtCharts.") for n in names), "PySide6.QtCharts binding missing"
    assert any("Qt6Charts" in n for n in names), "the Qt6Charts library missing"


def test_the_frozen_demo_prints_labels_in_the_bundled_bold_font(run, tmp_path: Path) -> None:
    import pdfplumber

    url = f"sqlite:///{(tmp_path / 'demo.sqlite3').as_posix()}"
    done = run("demo", "--database", url)
    assert done.returncode == 0, done.stdout + done.stderr
    pdf = tmp_path / "labels.pdf"
    done = run("print", "labels", "--cabinet", "G01", "-o", str(pdf), "--user", "clerk", "--database", url)
    assert done.returncode == 0, done.stdout + done.stderr
    with pdfplumber.open(pdf) as doc:
        chars = doc.pages[0].chars
    big_bold = [c for c in chars if "NotoSansSC-Bold" in c["fontname"] and round(c["size"]) == 26]
    text = "".join(c["text"] for c in big_bold)
    assert any(name in text for name in ("文书", "业主", "工程", "会计", "声像", "实物", "电子")), text


def test_the_frozen_db_upgrade_copies_an_older_archive_aside_first(run, tmp_path: Path) -> None:
    from sqlalchemy import create_engine, text

    from estate_desk.store.migrations import head_revision, upgrade_engine

    path = tmp_path / "archive.sqlite3"
    engine = create_engine(f"sqlite:///{path.as_posix()}")
    upgrade_engine(engine, "0001")  # what the first release wrote
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO archive_counters (series, last_item) VALUES ('s', 7)"))
    engine.dispose()

    done = run("db", "upgrade", "--database", f"sqlite:///{path.as_posix()}")
    assert done.returncode == 0, done.stdout + done.stderr
    upgraded = sqlite3.connect(path)
    assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone() == (head_revision(),)
    assert upgraded.execute("SELECT last_item FROM archive_counters").fetchone() == (7,)
    upgraded.close()
    copies = [p for p in tmp_path.iterdir() if "before-upgrade-0001" in p.name]
    assert len(copies) == 1
