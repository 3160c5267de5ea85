"""Scan cover sheets: one A4 sheet per record and an end sheet, whose barcodes zbarimg and zxing-cpp read at 150 dpi."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PIL import Image
from stack_support import make_batch, register

from estate_desk.domain.digitise import cover_codes
from estate_desk.services.digitise import sheets

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def _printed(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> tuple[Path, list[str]]:
    ids = register(
        ready_db, clock, ["一号楼 3 单元 501 室 产权登记资料（含购房合同、身份证明及装修申请表）", "乙"], pages=7
    )
    batch_id = make_batch(ready_db, clock, clerk, ids)
    out = tmp_path / "sheets.pdf"
    assert sheets.print_cover_sheets(ready_db, clerk, batch_id, out) == 3
    with ready_db.session() as s:
        from estate_desk.store.archive import Document

        numbers = [s.get(Document, i).archive_no for i in ids]  # type: ignore[union-attr]
    expected = [cover_codes.record_code("Z001", n) for n in numbers] + [
        cover_codes.end_code("Z001", "Z001-SM-2026-001")
    ]
    return out, expected


@pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None, reason="poppler/zbar missing")
def test_every_sheets_barcode_reads_at_150_dpi_with_zbarimg_and_zxing(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    out, expected = _printed(ready_db, clock, clerk, tmp_path)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "sheet")], check=True)
    pngs = sorted(tmp_path.glob("sheet-*.png"))
    assert len(pngs) == 3
    for png, code in zip(pngs, expected, strict=True):
        zbar = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True, check=False)
        assert code in zbar.stdout.splitlines()
        assert cover_codes.SHEET_MARK in zbar.stdout.splitlines()
        read = {b.text for b in zxingcpp.read_barcodes(Image.open(png))}
        assert read == {code, cover_codes.SHEET_MARK}


def test_the_sheet_prints_the_archive_number_title_page_count_and_batch(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    out, _ = _printed(ready_db, clock, clerk, tmp_path)
    pdf = pdfium.PdfDocument(out)
    try:
        text = pdf[0].get_textpage().get_text_range()
        end = pdf[2].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "Z001-YZ·2023-" in text and "产权登记资料" in text
    assert "页数：7" in text and "Z001-SM-2026-001" in text and "第 1 / 2 件" in text
    assert "批次结束" in end and "共 2 件" in end
