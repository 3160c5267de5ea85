"""``estate-desk --demo`` removes its throw-away folder when the window closes, and when the demo fails."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from estate_desk.cli import window
from estate_desk.services.demo import estate as demo
from estate_desk.store.database import open_database
from estate_desk.store.estate import Room

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.store.database import Database


def test_the_demo_folder_is_removed_when_the_window_closes(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from estate_desk.ui import app

    home_before = os.environ["ESTATE_DESK_HOME"]
    seen: list[Path] = []

    def window_closed(database: str | None, demo_logins: Sequence[tuple[str, str, str]] | None = None) -> int:
        home = Path(os.environ["ESTATE_DESK_HOME"])
        seen.append(home)
        assert home.is_dir() and home != Path(home_before)
        assert database is not None and database.startswith("sqlite:///") and str(home) in database
        db = open_database(database)  # the window opens the filled demo
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Room)) == 236
        db.dispose()
        assert demo_logins and ("clerk", demo.DEMO_PASSWORD, "档案管理员") in demo_logins
        return 0

    monkeypatch.setattr(app, "run_app", window_closed)
    assert window.run_window(argparse.Namespace(demo=True, database=None)) == 0
    assert len(seen) == 1 and not seen[0].exists()
    assert os.environ["ESTATE_DESK_HOME"] == home_before
    out = capsys.readouterr().out
    assert str(seen[0]) in out and "关闭后可删除" not in out


def test_the_demo_folder_is_removed_when_the_demo_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from estate_desk.ui import app

    seen: list[Path] = []

    def failing_fill(db: Database, clock: Clock, *, seed: int = 236) -> demo.DemoSummary:
        seen.append(Path(os.environ["ESTATE_DESK_HOME"]))
        (seen[0] / "half-made.txt").write_text("…", encoding="utf-8")
        raise RuntimeError("the demo could not be filled")

    def never(database: str | None, demo_logins: Sequence[tuple[str, str, str]] | None = None) -> int:
        raise AssertionError("no window after a failed demo")

    monkeypatch.setattr(demo, "fill", failing_fill)
    monkeypatch.setattr(app, "run_app", never)
    with pytest.raises(RuntimeError, match="could not be filled"):
        window.run_window(argparse.Namespace(demo=True, database=None))
    assert len(seen) == 1 and not seen[0].exists()


def test_the_demo_folder_is_removed_when_the_window_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from estate_desk.ui import app

    seen: list[Path] = []

    def quick_fill(db: Database, clock: Clock, *, seed: int = 236) -> demo.DemoSummary:
        seen.append(Path(os.environ["ESTATE_DESK_HOME"]))
        return demo.DemoSummary(0, 0, 0, 0, 0, (("clerk", demo.DEMO_PASSWORD, "档案管理员"),))

    def crashing(database: str | None, demo_logins: Sequence[tuple[str, str, str]] | None = None) -> int:
        assert seen[0].is_dir()
        raise RuntimeError("the window crashed")

    monkeypatch.setattr(demo, "fill", quick_fill)
    monkeypatch.setattr(app, "run_app", crashing)
    with pytest.raises(RuntimeError, match="window crashed"):
        window.run_window(argparse.Namespace(demo=True, database=None))
    assert len(seen) == 1 and not seen[0].exists()
