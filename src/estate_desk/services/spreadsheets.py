"""Spreadsheets (表格文件) as Chinese offices save them: reading ``.xlsx`` and ``.csv``, and writing ``.xlsx``.

Shared by every feature that takes or gives a list: the owner roster (A2), an arrears list (A15), the
desk's figures, catalogues and the audit trail as ``.xlsx``.

What a file is comes from its content, not its name: a zip holding a workbook is read with
openpyxl (read-only), text is read as CSV in UTF-8, UTF-8 with BOM, UTF-16 (Excel's "Unicode
text") or GBK/GB18030 (what Chinese Excel writes). Anything else — an image renamed ``.xlsx``, a
zip that is no workbook, binary garbage, an old ``.xls`` — is refused with one clear message
naming the file. So are an empty file and a file with a header and no data.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.estate.roster import guess_field
from estate_desk.domain.estate.roster_cells import Cell, cell_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_ROWS = 50_000  # an estate's roster or arrears list is a few thousand rows; more is refused, read no further
MAX_UNPACKED_BYTES = 512 * 1024 * 1024  # what a workbook's parts may unpack to, all together
MAX_RATIO = 200  # how much one part may unpack to per byte packed (text XML packs 10–30 times)
HEADER_SEARCH = 10  # non-blank rows looked at for the header, below any title rows
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or an encrypted workbook
_DELIMITERS = (",", "\t", ";")


@dataclass(frozen=True)
class RosterFile:
    """A roster as read: its header row (below any title) and the data rows numbered as Excel shows them."""

    path: Path
    kind: str  # "xlsx" | "csv"
    encoding: str  # the text encoding of a CSV; "" for a workbook
    header_row: int
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[Cell, ...]]]

    @property
    def data_rows(self) -> list[int]:
        """Numbers of the rows below the header that hold anything."""
        return [n for n, cells in self.rows if any(cell_text(c) for c in cells)]


def _not_a_spreadsheet(path: Path, detail_zh: str = "", detail_en: str = "") -> InputProblem:
    return InputProblem(
        zh=f"「{path.name}」不是可以读取的表格文件{detail_zh}。请在 Excel/WPS 中另存为 .xlsx 或 .csv 后再导入。",
        en=f"'{path.name}' is not a spreadsheet that can be read{detail_en}. Save it as .xlsx or .csv "
        "in Excel/WPS and import that.",
        where=str(path),
    )


def read_roster(path: Path) -> RosterFile:
    """Read a roster file; refuse (InputProblem) what is not a spreadsheet, is empty or has no data rows."""
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise InputProblem(
            zh=f"找不到文件「{path}」", en=f"The file '{path}' does not exist", where=str(path)
        ) from None
    except OSError as exc:
        raise InputProblem(
            zh=f"无法读取文件「{path}」：{exc.strerror or exc}",
            en=f"Cannot read the file '{path}': {exc.strerror or exc}",
            where=str(path),
        ) from exc
    if size > MAX_FILE_BYTES:
        raise InputProblem(
            zh=f"「{path.name}」太大（超过 {MAX_FILE_BYTES // 2**20} MB），不像是业主名册",
            en=f"'{path.name}' is too large for a roster (over {MAX_FILE_BYTES // 2**20} MB)",
            where=str(path),
        )
    if head.startswith(_OLE):
        raise _not_a_spreadsheet(path, "（旧版 .xls 或加密的工作簿）", " (an old .xls or an encrypted workbook)")
    if head.startswith(_ZIP):
        kind, encoding, raw = "xlsx", "", _xlsx_rows(path)
    else:
        kind = "csv"
        encoding, raw = _csv_rows(path)
    return _with_header(path, kind, encoding, raw)


def _is_header(cells: Sequence[Cell]) -> bool:
    return sum(guess_field(cell_text(c)) is not None for c in cells) >= 2


def _with_header(path: Path, kind: str, encoding: str, raw: list[tuple[int, tuple[Cell, ...]]]) -> RosterFile:
    """The header is the first row naming two known columns among the first few (a title may sit above
    it), else the first row that holds anything."""
    filled = [(i, n) for i, (n, cells) in enumerate(raw) if any(cell_text(c) for c in cells)]
    if not filled:
        raise InputProblem(
            zh=f"「{path.name}」是空的：没有表头，也没有数据",
            en=f"'{path.name}' is empty: no header, no data",
            where=str(path),
        )
    index, header_row = next(((i, n) for i, n in filled[:HEADER_SEARCH] if _is_header(raw[i][1])), filled[0])
    texts = [cell_text(c) for c in raw[index][1]]
    while texts and not texts[-1]:
        texts.pop()
    result = RosterFile(path, kind, encoding, header_row, tuple(texts), raw[index + 1 :])
    if not result.data_rows:
        raise InputProblem(
            zh=f"「{path.name}」只有表头（第 {header_row} 行），没有数据行",
            en=f"'{path.name}' has only a header (row {header_row}) and no data rows",
            where=str(path),
        )
    return result


def _too_many_rows(path: Path) -> InputProblem:
    return InputProblem(
        zh=f"「{path.name}」超过 {MAX_ROWS:,} 行，超出一次导入的上限，未导入任何内容。请检查是否选错了文件，或拆分后分批导入。",
        en=f"'{path.name}' has more than {MAX_ROWS:,} rows, over the limit of one import; nothing was imported. "
        "Check it is the right file, or split it and import the parts one by one.",
        where=str(path),
    )


def _check_unpacked_size(path: Path) -> None:
    """Refuse a zip bomb posing as a workbook by what its parts declare, before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise _not_a_spreadsheet(path, "（工作簿已损坏）", " (the workbook is damaged)") from exc
    total = sum(p.file_size for p in parts)
    worst = max((p.file_size / max(p.compress_size, 1) for p in parts if p.file_size > 1024 * 1024), default=0.0)
    if total > MAX_UNPACKED_BYTES or worst > MAX_RATIO:
        log.warning("refused %s: unpacks to %d bytes, worst ratio %.0f", path, total, worst)
        raise InputProblem(
            zh=f"「{path.name}」解压后达 {total // 2**20:,} MB（压缩比 {worst:.0f}:1），不像正常的表格文件，"
            "可能是恶意构造的压缩包（“压缩炸弹”），未读取。",
            en=f"'{path.name}' would unpack to {total // 2**20:,} MB (ratio {worst:.0f}:1): no ordinary spreadsheet "
            "does that, it may be a crafted zip bomb; it was not read.",
            where=str(path),
        )


def _xlsx_rows(path: Path) -> list[tuple[int, tuple[Cell, ...]]]:
    from openpyxl import load_workbook

    _check_unpacked_size(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zip, XML, key and value errors for broken files
        log.info("not a workbook: %s: %r", path, exc)
        detail = ("（压缩包中没有工作簿）", " (a zip file without a workbook)")
        if not isinstance(exc, zipfile.BadZipFile | KeyError):
            detail = ("（工作簿已损坏）", " (the workbook is damaged)")
        raise _not_a_spreadsheet(path, *detail) from exc
    try:
        sheet = workbook.active if hasattr(workbook.active, "iter_rows") else workbook.worksheets[0]
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for n, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
            if len(rows) > MAX_ROWS + HEADER_SEARCH:
                raise _too_many_rows(path)
            rows.append((n, tuple(cells)))
        return rows
    except InputProblem:
        raise
    except Exception as exc:
        log.info("unreadable worksheet in %s: %r", path, exc)
        raise _not_a_spreadsheet(path, "（工作表已损坏）", " (the worksheet is damaged)") from exc
    finally:
        workbook.close()


def decode_text(path: Path, data: bytes) -> tuple[str, str]:
    """The text of a CSV and its encoding: BOM → utf-8-sig/utf-16; else strict UTF-8; else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif b"\x00" in data:
        raise _not_a_spreadsheet(path)
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n\f")
        if controls or "\ufffd" in text:
            raise _not_a_spreadsheet(path)
        if encoding == "gb18030" and any(unicodedata.category(ch) == "Co" for ch in text):
            continue  # private-use characters: another encoding (Big5, Shift-JIS …) read as GB18030
        return text, encoding
    raise InputProblem(
        zh=f"无法识别「{path.name}」的文字编码（不是 UTF-8，也不是 GBK/GB18030）。请在 Excel/WPS 中另存为"
        "「CSV UTF-8」或 .xlsx。",
        en=f"Cannot tell the text encoding of '{path.name}' (neither UTF-8 nor GBK/GB18030). Save it as "
        "'CSV UTF-8' or .xlsx in Excel/WPS.",
        where=str(path),
    )


def _csv_rows(path: Path) -> tuple[str, list[tuple[int, tuple[Cell, ...]]]]:
    text, encoding = decode_text(path, path.read_bytes())
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(_DELIMITERS, key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows: list[tuple[int, tuple[Cell, ...]]] = []
        for n, cells in enumerate(reader, start=1):
            if len(rows) > MAX_ROWS + HEADER_SEARCH:
                raise _too_many_rows(path)
            rows.append((n, tuple(cells)))
        return encoding, rows
    except csv.Error as exc:
        raise _not_a_spreadsheet(path, f"（{exc}）", f" ({exc})") from exc


def _cannot_write(path: Path, exc: OSError) -> InputProblem:
    return InputProblem(
        zh=f"无法写入「{path}」：{exc.strerror or exc}",
        en=f"Cannot write '{path}': {exc.strerror or exc}",
        where=str(path),
    )


def append_as_data(sheet: Any, values: Iterable[object]) -> int:
    """Append one row of data to a worksheet: text is kept as text, never run as a formula.

    openpyxl stores any string that starts with ``=`` as a formula, so an owner called
    ``=HYPERLINK("http://…")`` would become a live link in Excel (formula injection). Such cells
    are written as plain strings; characters a workbook cannot hold (control codes) are dropped.
    Returns the number of the row written.
    """
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cells = [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in values]
    sheet.append(cells)
    # the row just appended, cell by cell: ``sheet.max_row`` and ``sheet[row]`` look at every cell
    # written so far (quadratic: a 50,000-row roster took over ten minutes to write)
    row: int = sheet._current_row
    for column in range(1, len(cells) + 1):
        cell = sheet.cell(row=row, column=column)
        if cell.data_type == "f":
            cell.data_type = "s"
    return row


def write_xlsx(path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> int:
    """Write one sheet with a bold, frozen header row; atomically (a half-written file never stays). Returns rows."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title
    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    count = 0
    for row in rows:
        append_as_data(sheet, row)
        count += 1
    for index, header in enumerate(headers):
        letter = sheet.cell(row=1, column=index + 1).column_letter
        sheet.column_dimensions[letter].width = max(10, 2 * len(header) + 4)
    save_workbook(workbook, path)
    return count


def save_workbook(workbook: Any, path: Path) -> None:
    """Save a workbook atomically: written beside ``path`` and moved into place, so a half-written
    file never stays; a folder that can't be written is an :class:`InputProblem`."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".export-", suffix=".xlsx", dir=path.parent)
        os.close(fd)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    try:
        workbook.save(temp)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(path, exc) from exc
        raise
