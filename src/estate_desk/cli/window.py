"""``estate-desk`` with no command: the window, on the archive given or a throw-away demo estate."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.cli.common import cli_clock, print_logins, say

if TYPE_CHECKING:
    import argparse


def run_window(args: argparse.Namespace) -> int:
    from estate_desk.ui.app import run_app

    demo_logins = None
    database = args.database
    if args.demo:
        from estate_desk.services.demo import estate as demo

        home = Path(tempfile.mkdtemp(prefix="estate-desk-demo-"))
        os.environ["ESTATE_DESK_HOME"] = str(home)
        database = f"sqlite:///{paths.default_sqlite_path()}"
        from estate_desk.store.database import open_database

        db = open_database(database)
        summary = demo.fill(db, cli_clock())
        db.dispose()
        demo_logins = summary.logins
        print(say(f"演示数据库（关闭后可删除）：{home}", f"Throw-away demo database: {home}"))
        print_logins(summary.logins)
    return run_app(database, demo_logins=demo_logins)
