"""Probe a PySide6 release for the refcount bug of 6.12.0 (issue 16 part 0), before moving the pin.

Needs only PySide6-Essentials, so it runs in a throwaway venv::

    python -m venv /tmp/probe && /tmp/probe/bin/pip install PySide6-Essentials==6.x.y
    QT_QPA_PLATFORM=offscreen /tmp/probe/bin/python tools/pyside_refcount_probe.py

It prints how many references to None / True / False each kind of binding call loses per 100 calls, then
fills a QTreeWidget with 10,000 items and opens and closes 20 windows. A good release loses none (small
gains are harmless); 6.12.0 loses 100 per 100 calls of anything returning None and aborts with
"none_dealloc" during the fill.
"""

from __future__ import annotations

import gc
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import PySide6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QListWidget,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
)


def counts() -> tuple[int, int, int]:
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def lost(before: tuple[int, int, int]) -> list[int]:
    return [b - a for a, b in zip(counts(), before, strict=True)]


def main() -> int:
    app = QApplication([])
    print("PySide6", PySide6.__version__, flush=True)
    tree = QTreeWidget()
    tree.setColumnCount(2)
    item = QTreeWidgetItem(["a", "b"])
    table = QTableWidget(10, 2)
    listing = QListWidget()
    calls = {
        "QTreeWidgetItem.setData": lambda: item.setData(0, Qt.ItemDataRole.UserRole, None),
        "QTreeWidgetItem.setText": lambda: item.setText(0, "x"),
        "QTreeWidget.addTopLevelItem": lambda: tree.addTopLevelItem(QTreeWidgetItem(["a"])),
        "QTableWidget.setItem": lambda: table.setItem(1, 1, QTableWidgetItem("x")),
        "QListWidget.addItem": lambda: listing.addItem("x"),
        "QWidget.setEnabled": lambda: tree.setEnabled(True),
        "QWidget.isVisible": lambda: tree.isVisible(),
    }
    worst = 0
    for name, call in calls.items():
        call()
        before = counts()
        for _ in range(100):
            call()
        print(f"  {name:30s} lost per 100 calls (None, True, False): {lost(before)}", flush=True)
        worst = max(worst, *lost(before))
    before = counts()
    big = QTreeWidget()
    for n in range(10_000):
        row = QTreeWidgetItem([str(n), "x"])
        row.setData(0, Qt.ItemDataRole.UserRole, n)
        row.setCheckState(0, Qt.CheckState.Unchecked)
        big.addTopLevelItem(row)
    big.clear()
    del big, row
    gc.collect()
    print(f"  10,000 tree items: lost {lost(before)}", flush=True)
    before = counts()
    for _ in range(20):
        window = QMainWindow()
        window.setCentralWidget(QLabel("x"))
        QCheckBox("c", window).setChecked(True)
        window.show()
        app.processEvents()
        window.close()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        del window
        gc.collect()
    print(f"  20 windows: lost {lost(before)}", flush=True)
    verdict = "GOOD" if worst <= 0 else "BAD"
    print(f"verdict: {verdict} (worst loss per 100 calls: {worst})")
    return 0 if verdict == "GOOD" else 1


if __name__ == "__main__":
    raise SystemExit(main())
