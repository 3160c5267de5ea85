"""``estate-desk`` with no command: the window, on the archive given or a throw-away demo estate.

The demo estate lives in a folder of its own, made for the run and removed when the window closes
(or the demo fails to start): nothing of it is left behind in the temporary folder.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.cli.common import cli_clock, print_logins, say

if TYPE_CHECKING:
    import argparse


def run_window(args: argparse.Namespace) -> int:
    from estate_desk.ui.app import run_app

    if not args.demo:
        return run_app(args.database, demo_logins=None)
    from estate_desk.services.demo import estate as demo
    from estate_desk.store.database import open_database

    home = Path(tempfile.mkdtemp(prefix="estate-desk-demo-"))
    before = os.environ.get("ESTATE_DESK_HOME")
    os.environ["ESTATE_DESK_HOME"] = str(home)
    try:
        database = f"sqlite:///{paths.default_sqlite_path()}"
        db = open_database(database)
        try:
            summary = demo.fill(db, cli_clock())
        finally:
            db.dispose()
        print(say(f"演示数据库（关闭窗口时删除）：{home}", f"Demo database, removed when the window closes: {home}"))
        print_logins(summary.logins)
        return run_app(database, demo_logins=summary.logins)
    finally:
        if before is None:
            os.environ.pop("ESTATE_DESK_HOME", None)
        else:
            os.environ["ESTATE_DESK_HOME"] = before
        shutil.rmtree(home, ignore_errors=True)
