"""Take a screenshot of every section (and each tab of a section) as each demo role, in Chinese and English.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python tools/section_tour.py [OUT] [--width 1400] [--users clerk,desk]

For looking at what each role sees: clipped text, missing icons, a section a role can't use. The demo
estate is built in a throw-away folder; the pictures go to OUT (default ``/tmp/estate-desk-tour``),
named ``{lang}-{user}-{nn}-{section}[-{tab}].png``, with ``index.txt`` listing them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from datetime import datetime
from pathlib import Path

START = datetime(2026, 11, 23, 9, 0)  # a Monday morning: tickets running, the today page full


def _slug(text: str) -> str:
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff]+", "_", text).strip("_") or "page"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="/tmp/estate-desk-tour")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--users", default="", help="comma-separated demo user names (default: all)")
    parser.add_argument("--langs", default="zh_CN,en")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="estate-desk-tour-"))
    os.environ["ESTATE_DESK_HOME"] = str(home)
    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import CHINA_TZ, FakeClock
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.demo import estate as demo
    from estate_desk.store.database import open_database
    from estate_desk.ui import i18n
    from estate_desk.ui.app import make_application
    from estate_desk.ui.main_window import MainWindow
    from estate_desk.ui.qt import QTabWidget

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    clock = FakeClock(START.replace(tzinfo=CHINA_TZ))
    db = open_database(URL.create("sqlite+pysqlite", database=str(home / "demo.sqlite3")))
    demo.fill(db, clock)
    users = [u for u, _, _ in demo.DEMO_USERS if not args.users or u in args.users.split(",")]
    index: list[str] = []

    def shot(window: MainWindow, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        window.grab().save(str(path), "PNG")
        index.append(path.name)
        print(path)

    for lang in args.langs.split(","):
        i18n.install(app, lang)
        for username in users:
            actor = accounts.authenticate(db, clock, username, demo.DEMO_PASSWORD)
            window = MainWindow(db, actor, clock, "翠湖苑物业服务中心")
            window.resize(args.width, args.height)
            window.show()
            shot(window, f"{lang}-{username}-00-home")
            for row in range(window.nav.count()):
                window.nav.setCurrentRow(row)
                section = f"{lang}-{username}-{row + 1:02d}-{_slug(window.nav.item(row).text())}"
                page = window.stack.currentWidget()
                tabs = page.findChildren(QTabWidget)
                top = [t for t in tabs if not any(t is not o and o.isAncestorOf(t) for o in tabs)]
                if not top:
                    shot(window, section)
                    continue
                for tab_widget in top[:1]:  # the section's own tabs; inner tabs show as they open
                    for n in range(tab_widget.count()):
                        if not tab_widget.isTabVisible(n):
                            continue  # hidden from this role: nothing to look at
                        tab_widget.setCurrentIndex(n)
                        shot(window, f"{section}-{n + 1}-{_slug(tab_widget.tabText(n))}")
            window.close()
            window.deleteLater()
            app.processEvents()
    (out / "index.txt").write_text("\n".join(index) + "\n", encoding="utf-8")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
