"""The detail pane (详情): one document with its paper side and digital side, or one volume.

The paper side says whether an original exists and where it stands (volume, box, cabinet ·
shelf · position) — or "no paper original"; the digital side lists the attachments (kind,
size, SHA-256) and previews the chosen one. A badge says which track the record has.
Links (box, volume, owner) ask the archive section to open that record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import UserError
from estate_desk.services.archive import attachments, browse, listings, register, worklists
from estate_desk.ui import i18n, style
from estate_desk.ui.list_export import ListExport
from estate_desk.ui.models import LazyTableModel
from estate_desk.ui.preview import AttachmentPreview
from estate_desk.ui.qt import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from estate_desk.ui.widgets import TrackBadge, human_size, table_view

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.services.actor import Actor
    from estate_desk.services.archive.attachments import AttachmentRow
    from estate_desk.services.archive.browse import DocumentRow
    from estate_desk.services.archive.register import DocumentDetail
    from estate_desk.services.archive.volumes import VolumeRow
    from estate_desk.store.database import Database


def _mark_label(name: str) -> QLabel:
    """A red banner for a record's void mark, destruction or hold (hidden when there is none)."""
    label = QLabel(objectName=name, wordWrap=True)
    style.set_role(label, "mark")
    label.hide()
    return label


def _link(kind: str, record_id: int | None, text: str | None) -> str:
    if not text:
        return "—"
    return text if record_id is None else f'<a href="{kind}:{record_id}">{text}</a>'


class DetailPane(QWidget):
    """What the clerk sees of the chosen record; ``open_record(kind, id)`` follows a link."""

    open_record = Signal(str, int)  # ("box" | "volume" | "document" | "owner", id)
    edit_requested = Signal(int)
    attach_requested = Signal(int)
    file_requested = Signal(int)
    box_requested = Signal(int)
    close_volume_requested = Signal(int)
    box_volume_requested = Signal(int)
    void_requested = Signal(str, int, bool)  # ("document" | "volume", id, lift): mark void or lift the mark (A16)
    hold_requested = Signal(int)  # put a document on legal hold (A17)

    def __init__(
        self,
        db: Database,
        actor: Actor,
        parent: QWidget | None = None,
        open_file: Callable[[Path], bool] | None = None,
    ) -> None:
        super().__init__(parent, objectName="detailPane")
        self._db, self._actor = db, actor
        self.document: DocumentDetail | None = None
        self.volume: VolumeRow | None = None
        self.attachments: list[AttachmentRow] = []
        self.empty = QLabel(self.tr("Choose a record to see its paper and digital sides."), wordWrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._document_page(open_file))
        self.stack.addWidget(self._volume_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def fit_to_role(self, *, keeper: bool, voider: bool, holder: bool) -> None:
        """Hide what this reader's role can't do: filing for all but the archive's keepers, void marks and
        holds for all but them and the supervising leaders (A16, A17)."""
        for button in (*self.buttons.values(), self.close_volume_button, self.box_volume_button):
            button.setVisible(keeper)
        self.buttons["hold"].setVisible(holder)
        for button in (self.void_button, self.volume_void_button):
            button.setVisible(voider)

    # ------------------------------------------------------------------ building

    def _label(self, name: str) -> QLabel:
        label = QLabel(objectName=name, wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.linkActivated.connect(self._follow)
        return label

    def _document_page(self, open_file: Callable[[Path], bool] | None) -> QWidget:
        page = QWidget(objectName="documentPage")
        self.heading = self._label("documentHeading")
        self.badge = TrackBadge()
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.mark = _mark_label("documentMark")
        self.fields = QFormLayout()
        self.field_labels: dict[str, QLabel] = {}
        for key, title in (
            ("category", self.tr("Category")),
            ("date", self.tr("Date")),
            ("responsible", self.tr("Responsible party")),
            ("doc_number", self.tr("Document no. (文号)")),
            ("pages", self.tr("Pages")),
            ("grade", self.tr("Grade · retention")),
            ("room", self.tr("Room · owner")),
            ("remarks", self.tr("Remarks")),
        ):
            self.field_labels[key] = self._label(f"field_{key}")
            self.fields.addRow(title, self.field_labels[key])
        self.paper = QGroupBox(self.tr("Paper side"), objectName="paperSide")
        self.paper_text = self._label("paperText")
        QVBoxLayout(self.paper).addWidget(self.paper_text)
        self.digital = QGroupBox(self.tr("Digital side"), objectName="digitalSide")
        self.attachment_list = QTreeWidget(objectName="attachmentList")
        self.attachment_list.setRootIsDecorated(False)
        self.attachment_list.setHeaderLabels([self.tr("File"), self.tr("Kind"), self.tr("Size"), self.tr("SHA-256")])
        self.attachment_list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachment_list.header().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.attachment_list.setSortingEnabled(True)
        self.attachment_list.currentItemChanged.connect(self._attachment_chosen)
        self.preview = AttachmentPreview(open_file=open_file)
        digital_column = QVBoxLayout(self.digital)
        digital_column.addWidget(self.attachment_list)
        buttons = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        for n, (key, text, signal) in enumerate(
            (
                ("edit", self.tr("Edit…"), self.edit_requested),
                ("attach", self.tr("Attach file…"), self.attach_requested),
                ("file", self.tr("File into volume…"), self.file_requested),
                ("box", self.tr("Put in box…"), self.box_requested),
                ("hold", self.tr("Legal hold…"), self.hold_requested),
            )
        ):
            button = QPushButton(text, objectName=f"detail_{key}")
            button.clicked.connect(lambda _=False, s=signal: self.document and s.emit(self.document.id))
            buttons.addWidget(button, n // 2, n % 2)
            self.buttons[key] = button
        self.void_button = QPushButton(objectName="detail_void")
        self.void_button.clicked.connect(
            lambda: self.document and self.void_requested.emit("document", self.document.id, self.document.void)
        )
        buttons.addWidget(self.void_button, 2, 1)
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.mark)
        column.addLayout(self.fields)
        column.addWidget(self.paper)
        column.addWidget(self.digital)
        column.addLayout(buttons)
        self.attachment_list.setMinimumHeight(70)
        scroll = QScrollArea(objectName="detailScroll", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(top)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        split = QSplitter(Qt.Orientation.Vertical, objectName="detailSplit")
        split.addWidget(scroll)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([420, 330])
        QVBoxLayout(page).addWidget(split)
        return page

    def _volume_page(self) -> QWidget:
        page = QWidget(objectName="volumePage")
        self.volume_heading = self._label("volumeHeading")
        self.volume_text = self._label("volumeText")
        self.volume_mark = _mark_label("volumeMark")
        self.volume_void_button = QPushButton(objectName="volume_void")
        self.volume_void_button.clicked.connect(
            lambda: self.volume and self.void_requested.emit("volume", self.volume.id, self.volume.void)
        )
        self.volume_model: LazyTableModel[DocumentRow] = LazyTableModel(
            [self.tr("Archive no."), self.tr("Title")],
            lambda row, column: (row.archive_no, row.title)[column],
            lambda ids: browse.document_rows(self._db, self._actor, ids),
            self,
            sort_rows=True,  # one volume's documents: a short list, sorted in memory
        )
        self.volume_table = table_view("volumeDocuments")
        self.volume_table.setModel(self.volume_model)
        ListExport(
            self.volume_table, self._db, self._actor, None, "卷内文件", "Documents in the volume", shortcut=False
        )
        self.volume_table.setColumnWidth(0, 200)
        self.volume_table.doubleClicked.connect(
            lambda index: self.open_record.emit("document", self.volume_model.id_at(index.row()))
        )
        self.close_volume_button = QPushButton(self.tr("Close volume"), objectName="closeVolume")
        self.close_volume_button.clicked.connect(
            lambda: self.volume and self.close_volume_requested.emit(self.volume.id)
        )
        self.box_volume_button = QPushButton(self.tr("Put volume in box…"), objectName="boxVolume")
        self.box_volume_button.clicked.connect(lambda: self.volume and self.box_volume_requested.emit(self.volume.id))
        buttons = QGridLayout()  # two by two, as the document's: the pane stays narrow in English too
        buttons.addWidget(self.close_volume_button, 0, 0)
        buttons.addWidget(self.box_volume_button, 0, 1)
        buttons.addWidget(self.volume_void_button, 1, 1)
        column = QVBoxLayout(page)
        column.addWidget(self.volume_heading)
        column.addWidget(self.volume_mark)
        column.addWidget(self.volume_text)
        column.addWidget(self.volume_table, 1)
        column.addLayout(buttons)
        return page

    # ------------------------------------------------------------------ showing

    def _follow(self, href: str) -> None:
        kind, _, ident = href.partition(":")
        if ident.isdigit():
            self.open_record.emit(kind, int(ident))

    def clear(self) -> None:
        self.document = None
        self.volume = None
        self.preview.clear()
        self.stack.setCurrentWidget(self.empty)

    def show_document(self, document_id: int) -> None:
        """Show one document; one the reader may not see is explained, not shown."""
        try:
            detail = register.document_detail(self._db, self._actor, document_id)
            files = attachments.attachments_of(self._db, self._actor, document_id)
            track = worklists.dual_track(self._db, self._actor, [document_id]).get(document_id)
        except UserError as exc:
            self.clear()
            self.empty.setText(exc.message(i18n.lang_code()))
            return
        self.document, self.volume, self.attachments = detail, None, files
        lang = i18n.lang_code()
        self.heading.setText(f"<b>{detail.archive_no}</b><br>{detail.title}")
        self.badge.show_track(track)
        self._show_mark(detail)
        category = detail.category_zh if lang == "zh" else detail.category_en
        values = {
            "category": f"{detail.category_code} {category} · {detail.year}",
            "date": str(detail.doc_date or "—"),
            "responsible": detail.responsible or "—",
            "doc_number": detail.doc_number or "—",
            "pages": str(detail.pages),
            "grade": f"{detail.secrecy.label(lang)} · {detail.retention.label(lang)}",
            "room": f"{detail.room_code or '—'} · {_link('owner', detail.owner_id, detail.owner_name)}",
            "remarks": detail.remarks or "—",
        }
        for key, text in values.items():
            self.field_labels[key].setText(text)
        self.paper_text.setText(self._paper_text(detail))
        self.attachment_list.clear()
        for row in files:
            item = QTreeWidgetItem([row.original_name, row.kind.label(lang), human_size(row.size), row.sha256[:12]])
            item.setToolTip(3, row.sha256)
            item.setData(0, Qt.ItemDataRole.UserRole, row.id)
            self.attachment_list.addTopLevelItem(item)
        self.preview.clear()
        if files:
            self.attachment_list.setCurrentItem(self.attachment_list.topLevelItem(0))
        self.stack.setCurrentIndex(1)

    def _paper_text(self, d: DocumentDetail) -> str:
        if not d.has_paper:
            return self.tr("No paper original (digital record only).")
        lines = [self.tr("Original exists.")]
        lines.append(self.tr("Volume: {volume}").format(volume=_link("volume", d.volume_id, d.volume_code)))
        lines.append(self.tr("Box: {box}").format(box=_link("box", d.box_id, d.box_code)))
        if d.box_id is None:
            lines.append(self.tr("Not yet in a box: on the “paper missing” list."))
        else:
            lines.append(self.tr("Cabinet · shelf · position: {place}").format(place=d.place or self.tr("not shelved")))
        return "<br>".join(lines)

    def _attachment_chosen(self, item: QTreeWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            self.preview.clear()
            return
        try:
            preview = attachments.open_for_preview(self._db, self._actor, int(item.data(0, Qt.ItemDataRole.UserRole)))
        except UserError as exc:
            self.preview.show_problem(exc.message(i18n.lang_code()))
            return
        self.preview.show_preview(preview)

    def show_volume(self, volume: VolumeRow) -> None:
        self.document, self.volume = None, volume
        self.volume_heading.setText(f"<b>{volume.code}</b><br>{volume.title}")
        state = self.tr("closed (bound)") if volume.closed else self.tr("open")
        self.volume_text.setText(
            self.tr("Year {year} · {state} · {count} documents · box {box}").format(
                year=volume.year, state=state, count=volume.count, box=volume.box_code or "—"
            )
        )
        self.volume_model.set_ids(listings.volume_documents(self._db, self._actor, volume.id))
        self.close_volume_button.setEnabled(not volume.closed)
        self.volume_mark.setVisible(volume.void)
        self.volume_mark.setText(self.tr("作废 (void): {reason}").format(reason=volume.void_reason))
        self.volume_void_button.setText(self.tr("Lift void mark…") if volume.void else self.tr("Mark void…"))
        self.stack.setCurrentIndex(2)

    def _show_mark(self, d: DocumentDetail) -> None:
        """The record's standing (A16, A17): void with why, when and who; destroyed; on hold."""
        lines = []
        if d.destroyed_in:
            lines.append(
                self.tr("已销毁 (destroyed) in batch {batch}: only its catalogue entry is kept.").format(
                    batch=d.destroyed_in
                )
            )
        if d.void:
            lines.append(
                self.tr("作废 (void) since {on} by {who}: {reason}").format(
                    on=d.void_on or "—", who=d.void_by or "—", reason=d.void_reason
                )
            )
        lines += [self.tr("Legal hold (冻结) — {hold}").format(hold=hold) for hold in d.holds]
        self.mark.setText("<br>".join(lines))
        self.mark.setVisible(bool(lines))
        self.void_button.setText(self.tr("Lift void mark…") if d.void else self.tr("Mark void…"))
        for button in (*self.buttons.values(), self.void_button):
            button.setEnabled(not d.destroyed_in)
