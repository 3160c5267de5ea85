"""Synthetic scan stacks for the digitisation tests (not a test module).

Cover sheets come from the real cover-sheet PDF (``services/digitise/sheets.py``) rendered to images with
pypdfium2; a record's pages are drawn with Pillow (a page number and the record's name in big digits, so
a page can be told where it landed). :func:`build` puts a plan of sheets and pages together as a
multi-page PDF, a multi-page TIFF, or a folder of JPEG/PNG pages.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import img2pdf
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFont

from estate_desk.domain.digitise import cover_codes
from estate_desk.services.archive import numbering as archive
from estate_desk.services.digitise import batches, sheets

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

SCAN_DPI = 150
PAGE_PX = (int(8.27 * SCAN_DPI), int(11.69 * SCAN_DPI))  # A4 at 150 dpi


def register(db: Database, clock: FakeClock, titles: list[str], pages: int = 2, **draft: object) -> list[int]:
    """Register records of category 业主 (YZ), 2023, one per title; returns their ids."""
    with db.session() as s:
        return [
            archive.register_document(
                s,
                clock,
                archive.DocumentDraft("YZ", t, 2023, pages=pages, **draft),
                created_by=None,  # type: ignore[arg-type]
            ).id
            for t in titles
        ]


def sheet_images(db: Database, actor: Actor, batch_id: int, folder: Path) -> list[Image.Image]:
    """The batch's real cover sheets (end sheet last), rendered at 150 dpi in greyscale, as a scanner would."""
    out = folder / "sheets.pdf"
    sheets.print_cover_sheets(db, actor, batch_id, out)
    pdf = pdfium.PdfDocument(out)
    try:
        return [page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L") for page in pdf]
    finally:
        pdf.close()


def page_image(label: str, colour: bool = False) -> Image.Image:
    """One scanned page of a record: white, a frame and ``label`` in big block letters (no barcode)."""
    image = Image.new("RGB" if colour else "L", PAGE_PX, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((60, 60, PAGE_PX[0] - 60, PAGE_PX[1] - 60), outline="black", width=4)
    draw.text((120, 200), label, fill="black", font_size=64)
    if colour:
        draw.ellipse((700, 1300, 1000, 1600), outline=(220, 0, 0), width=12)  # a red seal
    return image


OFFICE_LINES = (
    "装修申请表 Z001-ZX·2026-Y-0012",
    "业主：欧阳琤  房号：3-2-1502",
    "申请日期：2026年3月1日  押金：¥12,345.60",
    "施工单位：广州市禤氏装饰工程有限公司",
    "联系电话：020-8765 4321  负责人：司马喆",
    "施工期限自2026年3月5日至2026年4月30日",
    "审核意见：同意施工，按规定办理出入证",
    "经办人：诸葛堃  日期：2026-03-02",
)


def text_page(number: int = 1) -> Image.Image:
    """A page of office text (eight lines of Chinese in the bundled font, 12 pt at the scan's resolution),
    for the text-direction tests: ``page.rotate(180)`` is that page fed upside down."""
    from estate_desk.printing.font_files import bundled_file

    font_path = bundled_file("NotoSansSC-Regular.ttf")
    assert font_path is not None
    image = Image.new("L", PAGE_PX, "white")
    draw = ImageDraw.Draw(image)
    size = round(12 / 72 * SCAN_DPI)
    for n, line in enumerate(OFFICE_LINES):
        draw.text(
            (150, 200 + n * size * 2),
            f"{line}（第{number}页）" if n == 0 else line,
            fill="black",
            font=ImageFont.truetype(str(font_path), size),
        )
    return image


def smudge(sheet: Image.Image) -> Image.Image:
    """A cover sheet whose big barcode a stain hides: its top half painted over, the sheet mark left readable."""
    stained = sheet.copy()
    ImageDraw.Draw(stained).rectangle((0, 0, stained.width, stained.height // 2), fill="white")
    return stained


def foreign_sheet(fonds: str, archive_no: str) -> Image.Image:
    """A cover sheet of another estate (fonds ``fonds``), with the sheet mark: our printer draws only our
    own estate's sheets, so the bars are drawn here from python-barcode's Code 128 pattern, 3 px modules."""
    from estate_desk.printing.barcodes import code128_modules

    code = cover_codes.record_code(fonds, archive_no)
    image = Image.new("L", PAGE_PX, "white")
    draw = ImageDraw.Draw(image)
    x = 60
    for module in code128_modules(code):
        if module == "1":
            draw.rectangle((x, 200, x + 2, 380), fill="black")
        x += 3
    mark_x = 300
    for module in code128_modules(cover_codes.SHEET_MARK):
        if module == "1":
            draw.rectangle((mark_x, 1500, mark_x + 2, 1580), fill="black")
        mark_x += 3
    return image


@dataclass(frozen=True)
class Stack:
    pages: list[Image.Image]

    def as_pdf(self, path: Path) -> Path:
        """A multi-page PDF of the pages, each a lossless PNG inside (img2pdf)."""
        path.write_bytes(img2pdf.convert([_png(p) for p in self.pages]))
        return path

    def as_tiff(self, path: Path) -> Path:
        first, *rest = [p.convert("L") if p.mode == "L" else p for p in self.pages]
        first.save(path, save_all=True, append_images=rest, compression="tiff_deflate", dpi=(SCAN_DPI, SCAN_DPI))
        return path

    def as_images(self, folder: Path, fmt: str = "png") -> list[Path]:
        folder.mkdir(parents=True, exist_ok=True)
        paths = []
        for n, page in enumerate(self.pages, start=1):
            path = folder / f"scan-{n:04d}.{fmt}"
            page.convert("RGB").save(path, quality=92) if fmt == "jpg" else page.save(path)
            paths.append(path)
        return paths


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def make_batch(db: Database, clock: FakeClock, actor: Actor, ids: list[int]) -> int:
    return batches.new_batch(db, clock, actor, document_ids=ids)


def long_tiff(path: Path, frames: Sequence[Image.Image]) -> Path:
    """A multi-page greyscale TIFF written straight, in one pass: Pillow's ``save_all`` takes some 6 ms a
    frame, too slow for thousands. Uncompressed, one strip per page; equal frames (the same object) share
    their strip, as a TIFF allows, so 5,000 blank pages cost one page of bytes."""
    strips: dict[int, tuple[int, int]] = {}  # id(frame) -> (offset, length)
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    for frame in frames:
        if id(frame) not in strips:
            data = frame.convert("L").tobytes()
            strips[id(frame)] = (len(out), len(data))
            out += data
            out += b"\x00" * (len(out) % 2)  # IFDs start on a word boundary
    link = 4  # where the offset of the next IFD is written
    for frame in frames:
        offset, length = strips[id(frame)]
        width, height = frame.size
        entries = [  # tag, type (3 SHORT, 4 LONG), value
            (256, 4, width),
            (257, 4, height),
            (258, 3, 8),
            (259, 3, 1),
            (262, 3, 1),
            (273, 4, offset),
            (277, 3, 1),
            (278, 4, height),
            (279, 4, length),
        ]
        out[link : link + 4] = struct.pack("<I", len(out))
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            out += struct.pack("<HHI", tag, kind, 1) + (
                struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)
            )
        link = len(out)
        out += b"\x00\x00\x00\x00"
    path.write_bytes(bytes(out))
    return path


def pass_acceptance(db: Database, clock: FakeClock, actor: Actor, batch_id: int) -> None:
    """Draw the batch's 验收 sample and find every sampled record matching its original."""
    from estate_desk.services.digitise import sampling

    view = sampling.draw_sample(db, clock, actor, batch_id, seed=17)
    for record in view.records:
        sampling.compare(db, clock, actor, batch_id, record.document_id, matches=True)


def run_digitise(capsys: Any, db: Database, *args: str, user: str = "clerk") -> tuple[int, str]:
    """``estate-desk digitise ARGS --user USER`` on ``db`` in this process: its exit code and what it printed."""
    from estate_desk.cli.__main__ import main

    code = main(["--database", db.url.render_as_string(hide_password=False), "digitise", *args, "--user", user])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def hide_ocr_extra(monkeypatch: Any) -> None:
    """Make this test's process behave as if the ``ocr`` extra (rapidocr-onnxruntime) were not installed."""
    import builtins

    real_import = builtins.__import__

    def no_rapidocr(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("rapidocr_onnxruntime"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_rapidocr)
