"""Make the screenshots of the user guide (resources/help/*.png) from the real window on the demo estate.

    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python tools/help_screenshots.py

Each picture is made in Chinese and in English (``name.zh_CN.png``, ``name.en.png``), scaled to
WIDTH pixels so the guide stays small. The demo estate is built in a throw-away folder.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "help"
WIDTH = 1000
START = datetime(2026, 11, 23, 9, 0)  # a Monday morning: tickets running, the today page full


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="estate-desk-help-"))
    os.environ["ESTATE_DESK_HOME"] = str(home)
    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import CHINA_TZ, FakeClock
    from estate_desk.services.accounts import users as accounts
    from estate_desk.services.demo import estate as demo
    from estate_desk.store.database import open_database
    from estate_desk.ui import i18n
    from estate_desk.ui.app import make_application
    from estate_desk.ui.main_window import MainWindow
    from estate_desk.ui.qt import QImage, Qt, QWidget

    app = make_application()
    clock = FakeClock(START.replace(tzinfo=CHINA_TZ))
    db = open_database(URL.create("sqlite+pysqlite", database=str(home / "demo.sqlite3")))
    demo.fill(db, clock)

    def shot(widget: QWidget, name: str, lang: str) -> None:
        app.processEvents()
        picture = widget.grab().scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation).toImage()
        small = picture.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither)
        path = OUT / f"{name}.{lang}.png"
        small.save(str(path), "PNG", 9)
        print(path.relative_to(ROOT), path.stat().st_size // 1024, "KB")

    for lang in ("zh_CN", "en"):
        i18n.install(app, lang)
        for username in ("clerk", "desk"):
            actor = accounts.authenticate(db, clock, username, demo.DEMO_PASSWORD)
            window = MainWindow(db, actor, clock, "翠湖苑物业服务中心")
            window.resize(1280, 800)
            window.show()
            if username == "clerk":
                assert window.today is not None
                window.show_section(window.today)
                shot(window, "today", lang)
                window.show_section(window.archive)
                window.archive.browser.table.selectRow(2)
                shot(window, "archive", lang)
                window.show_section(window.printing)
                window.printing.choose("labels")
                window.printing.category.setCurrentIndex(1)  # one category's boxes
                window.printing.preview()
                for _ in range(600):  # the preview is made on the worker: up to a minute
                    app.processEvents()
                    if window.printing.task is None:
                        break
                    time.sleep(0.1)
                for _ in range(40):  # QtPdf draws the pages on its own threads: let it finish
                    app.processEvents()
                    time.sleep(0.05)
                shot(window, "labels", lang)
            else:
                window.show_section(window.desk)
                shot(window, "board", lang)
            window.close()
            window.deleteLater()
            app.processEvents()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
