"""The quality check by the numbers (质检, DA/T 31): pages against 页数, the real resolution, colour lost,
blank pages, skew and undecodable images — judged, measured, and run over a batch that came through the inbox."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import img2pdf
import pytest
from PIL import Image, ImageDraw
from sqlalchemy import select
from stack_support import Stack, register, sheet_images

from estate_desk.domain.digitise.quality import SKEW_LIMIT, Flaw, PageMeasure, judge, real_dpi
from estate_desk.domain.digitise.settings import ColourMode, make_settings
from estate_desk.domain.errors import PermissionDenied
from estate_desk.printing.font_files import BUNDLED_BOLD, bundled_file
from estate_desk.services.archive import attachments
from estate_desk.services.digitise import batches, inbox, quality_check
from estate_desk.services.digitise.page_measures import measure_pdf
from estate_desk.store.archive import Attachment

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

A4_INCHES = (210 / 25.4, 297 / 25.4)


def page(
    dpi: int = 200, *, angle: float = 0.0, seal: bool = False, blank: bool = False, grey: bool = False
) -> Image.Image:
    """An A4 page of office text at ``dpi``: lines of Chinese, a red seal if asked, turned by ``angle``."""
    width, height = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    if not blank:
        font = str(bundled_file(BUNDLED_BOLD))
        for n in range(28):
            y = int(height * 0.1) + n * int(height * 0.028)
            draw.text(
                (int(width * 0.1), y), "装修责任书 3栋2单元1502 欧阳 ¥1,230.00", fill="black", font=_font(font, dpi)
            )
        if seal:
            draw.ellipse(
                (width // 2, height // 2, width // 2 + dpi, height // 2 + dpi), outline=(220, 0, 0), width=dpi // 20
            )
    if angle:
        image = image.rotate(angle, fillcolor="white", resample=Image.Resampling.BICUBIC)
    return image.convert("L") if grey else image


def _font(path: str, dpi: int):  # type: ignore[no-untyped-def]
    from PIL import ImageFont

    return ImageFont.truetype(path, int(dpi * 0.11))


def pdf_of(*pages: Image.Image, stated_dpi: int = 96) -> bytes:
    """The pages as a scanner's PDF that states ``stated_dpi`` whatever it scanned at (a wrong metadata)."""
    blobs = []
    for p in pages:
        out = io.BytesIO()
        p.save(out, format="PNG", dpi=(stated_dpi, stated_dpi))
        blobs.append(out.getvalue())
    return img2pdf.convert(blobs)


# --------------------------------------------------------------------------- judged


def test_pages_against_the_register_missing_and_too_many() -> None:
    good = PageMeasure(1, dpi=300, colour=True, ink=0.02)
    assert judge(2, [good, good, good], min_dpi=300, colour_expected=True)[0].flaw is Flaw.EXTRA_PAGES
    [missing] = judge(3, [good], min_dpi=300, colour_expected=True)
    assert missing.flaw is Flaw.MISSING_PAGES and missing.page is None and "漏扫 2 页" in missing.zh
    assert judge(1, [good], min_dpi=300, colour_expected=True) == []


def test_each_page_flaw_names_its_page() -> None:
    pages = [
        PageMeasure(1, dpi=150, colour=True, ink=0.02),
        PageMeasure(2, dpi=300, colour=False, ink=0.02),
        PageMeasure(3, dpi=300, colour=True, ink=0.0),
        PageMeasure(4, dpi=300, colour=True, ink=0.02, skew=-(SKEW_LIMIT + 0.5)),
        PageMeasure(5, readable=False),
        PageMeasure(6, dpi=300, colour=True, ink=0.02, skew=SKEW_LIMIT),  # at the limit: fine
    ]
    found = judge(6, pages, min_dpi=200, colour_expected=True)
    assert [(f.flaw, f.page) for f in found] == [
        (Flaw.LOW_RESOLUTION, 1),
        (Flaw.COLOUR_LOST, 2),
        (Flaw.BLANK, 3),
        (Flaw.SKEWED, 4),
        (Flaw.UNREADABLE, 5),
    ]
    assert "150 dpi" in found[0].zh and "1.5°" in found[3].en
    assert judge(6, pages[1:2], min_dpi=200, colour_expected=False)[-1].flaw is Flaw.MISSING_PAGES  # grey is fine


def test_the_real_resolution_comes_from_the_pixels_and_the_sheet_not_from_the_files_claim() -> None:
    a4_300 = (2480, 3508)
    assert real_dpi(*a4_300, (2480 / 96, 3508 / 96)) == pytest.approx(300, abs=1)  # a scanner's "96 dpi" ignored
    assert real_dpi(*a4_300, None) == pytest.approx(300, abs=1)
    assert real_dpi(*a4_300, (297 / 25.4, 420 / 25.4)) == pytest.approx(212, abs=1)  # truly an A3 sheet
    assert real_dpi(1000, 1000, (5.0, 5.0)) == 200  # a square leaflet: only its stated size can tell
    assert real_dpi(1000, 1000, None) is None


# --------------------------------------------------------------------------- measured


def test_measured_resolution_colour_ink_and_skew_of_real_pages() -> None:
    measured = measure_pdf(
        pdf_of(
            page(), page(angle=3), page(angle=-1.5), page(blank=True), page(seal=True), page(dpi=150), page(grey=True)
        )
    )
    assert [round(m.dpi or 0) for m in measured] == [200, 200, 200, 200, 200, 150, 200]
    assert [m.skew for m in measured] == pytest.approx([0, 3, -1.5, 0, 0, 0, 0], abs=0.25)  # to a quarter degree
    assert [m.colour for m in measured] == [False, False, False, False, True, False, False]
    assert measured[3].ink == 0 and all(m.ink > 0.005 for i, m in enumerate(measured) if i != 3)


@pytest.mark.db
def test_a_damaged_scan_is_named_unreadable_not_a_crash(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    [record] = register(ready_db, clock, ["损坏件"], pages=1)
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=[record], settings=make_settings(dpi=200))
    batches.advance(ready_db, clock, clerk, batch)
    sheet, end = sheet_images(ready_db, clerk, batch, tmp_path)
    inbox.import_stack(ready_db, clerk, Stack([sheet, page(seal=True), end]).as_pdf(tmp_path / "s.pdf"), batch)
    with ready_db.session() as s:
        scan = s.scalars(select(Attachment).where(Attachment.document_id == record)).one()
        stored = attachments.blob_store().path_of(scan.sha256, sealed=scan.encrypted)
    stored.chmod(0o644)
    stored.write_bytes(b"%PDF-1.4 torn off")  # the disk lost it: the check must say so, not stop
    [check] = quality_check.check_batch(ready_db, clerk, batch)
    [finding] = check.findings
    assert finding.flaw is Flaw.UNREADABLE and "damaged" in finding.en  # the sealed scan failed its check
    assert [m.readable for m in measure_pdf(b"%PDF-1.4 torn off")] == [False]  # a plain one, page by page


# --------------------------------------------------------------------------- a batch checked


@pytest.mark.db
def test_a_batch_checked_names_every_planted_flaw_by_record_and_page(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    good, flawed, grey = register(ready_db, clock, ["合格件", "问题件", "灰度件"], pages=2)
    settings = make_settings(dpi=200, colour_by_record={grey: ColourMode.GREY})
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=[good, flawed, grey], settings=settings)
    batches.advance(ready_db, clock, clerk, batch)  # 扫描
    s_good, s_flawed, s_grey, end = sheet_images(ready_db, clerk, batch, tmp_path)
    stack = Stack(
        [
            s_good, page(seal=True), page(seal=True),
            s_flawed, page(seal=True), page(seal=True, angle=3), page(blank=True),
            s_grey, page(dpi=150, grey=True),
            end,
        ]
    ).as_pdf(tmp_path / "stack.pdf")  # fmt: skip
    assert len(inbox.import_stack(ready_db, clerk, stack, batch).linked) == 3
    with pytest.raises(PermissionDenied):
        quality_check.check_batch(ready_db, receptionist, batch)
    seen: list[tuple[int, int]] = []
    checks = quality_check.check_batch(
        ready_db, clerk, batch, progress=lambda done, total: seen.append((done, total)) or True
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    found = {c.document_id: [(f.flaw, f.page) for f in c.findings] for c in checks}
    assert found == {
        good: [],
        flawed: [(Flaw.EXTRA_PAGES, None), (Flaw.SKEWED, 2), (Flaw.BLANK, 3)],
        grey: [(Flaw.MISSING_PAGES, None), (Flaw.LOW_RESOLUTION, 1)],
    }
    assert checks[0].passed and not checks[1].passed


@pytest.mark.db
def test_a_record_without_a_scan_is_named(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    [record] = register(ready_db, clock, ["未扫件"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=[record])
    [check] = quality_check.check_batch(ready_db, clerk, batch)
    assert [f.flaw for f in check.findings] == [Flaw.NOT_SCANNED]
