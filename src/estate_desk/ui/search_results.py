"""The results of the window's one search field: hits grouped by kind, an owner's documents under the
owner's name (within clearance), void and destroyed records marked when asked for (A16, A17), and a
panel as tall as its results need, up to three fifths of the window's body; pages of scans whose recognised
text holds the words, each with a snippet (``services/archive/scan_search.py``). Activating a hit opens it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.services.archive import owner_hits, scan_search, search
from estate_desk.ui import style
from estate_desk.ui.qt import QListWidget, QListWidgetItem, Qt

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

HIT = Qt.ItemDataRole.UserRole  # (kind, id) of a search hit; ("page", text id, the words) of a page of a scan
INDENT, UNDER = " " * 4, " " * 12


class SearchResults(QListWidget):
    """Results of the global search, grouped by kind; activating one opens the record."""

    def run(self, db: Database, actor: Actor, text: str, *, include_void: bool = False) -> None:
        self.clear()
        hits = search.search(db, actor, text, include_void=include_void)
        self.setVisible(bool(text.strip()))
        kind_names = {
            "owner": self.tr("Owners"),
            "room": self.tr("Rooms"),
            "box": self.tr("Boxes"),
            "volume": self.tr("Volumes"),
            "document": self.tr("Documents"),
        }
        owners = [hit.id for hit in hits if hit.kind == "owner"]
        files = owner_hits.owner_documents(db, actor, owners, include_void=include_void)
        current = None
        for hit in hits:
            if hit.kind != current:
                header = QListWidgetItem(kind_names.get(str(hit.kind), str(hit.kind)))
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = header.font()
                font.setBold(True)
                header.setFont(font)
                self.addItem(header)
                current = hit.kind
            self._add_hit(hit, f"{INDENT}{_mark(hit)}{hit.title}{INDENT}{hit.detail}")
            owned = files.get(hit.id) if hit.kind == "owner" else None
            for doc in owned.shown if owned else ():
                self._add_hit(doc, f"{UNDER}{_mark(doc)}{doc.detail}  {doc.title}")
            if owned and owned.total > len(owned.shown):
                more = QListWidgetItem(
                    UNDER + self.tr("… {n} more in the owner's file").format(n=owned.total - len(owned.shown))
                )
                more.setData(HIT, ("owner", hit.id))
                more.setForeground(style.colour("muted"))
                self.addItem(more)
        pages = scan_search.search_pages(db, actor, text) if text.strip() else []
        if pages:
            header = QListWidgetItem(self.tr("Pages of scans"))
            header.setFlags(Qt.ItemFlag.NoItemFlags)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            self.addItem(header)
        for page in pages:  # opening one shows the page, the words marked
            item = QListWidgetItem(
                INDENT
                + self.tr("{number} page {page}").format(number=page.archive_no, page=page.page)
                + f"{INDENT}{page.snippet}"
            )
            item.setData(HIT, ("page", page.text_id, text.strip()))
            item.setToolTip(page.title)
            self.addItem(item)
        if text.strip() and not hits and not pages:
            nothing = QListWidgetItem(self.tr("Nothing found for “{text}”").format(text=text.strip()))
            nothing.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(nothing)
        self._fit()

    def first_hit(self) -> QListWidgetItem | None:
        return next((self.item(n) for n in range(self.count()) if self.item(n).data(HIT)), None)

    def _add_hit(self, hit: search.Hit, text: str) -> None:
        item = QListWidgetItem(text)
        item.setData(HIT, (str(hit.kind), hit.id))
        if hit.void:
            item.setForeground(style.colour("void"))
        self.addItem(item)

    def _fit(self) -> None:
        """No taller than the results need, at most three fifths of the body (the layout's stretch), and
        never so tall a minimum that the window must grow."""
        rows = self.count()
        needed = rows * (self.sizeHintForRow(0) if rows else 0) + 2 * self.frameWidth() + 4
        self.setMaximumHeight(needed)
        self.setMinimumHeight(min(needed, 120))


def _mark(hit: search.Hit) -> str:
    return f"【{hit.status}】" if hit.status else ""
