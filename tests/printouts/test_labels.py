"""Box labels (A8): bold Hei 一号 category names, scannable barcodes, spine widths, sheets and thermal labels.

The PDFs are read back with pdfplumber (fonts, sizes, positions of the text objects) and scanned
with zbarimg on pages rendered by pdftoppm at 203 dpi (label printers) and 300 dpi.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.printing import font_files, fonts, glyphs
from estate_desk.printing.label_sheets import SheetGrid, render_sheets, render_thermal, resolve_grid
from estate_desk.printing.label_text import flow, name_lines
from estate_desk.printing.labels import (
    NAME_PT,
    BoxLabel,
    LabelDoesNotFit,
    label_size_mm,
    mm,
    plan_labels,
)
from estate_desk.printing.pages import PrintCancelled
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import boxes, browse, cabinets, code_lookup, register
from estate_desk.services.printouts import labels as print_labels
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Selection

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

needs_zbar = pytest.mark.skipif(
    shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
    reason="scanning needs zbarimg (Debian zbar-tools) and pdftoppm (poppler-utils); .ci/run installs them",
)
LONG = "业主及各办公部门档案"  # the longest of the seven category names
SHORT = "装修档案"


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """Where a test writes its PDF: a folder of its own, so "no file was left" can be checked."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder / "labels.pdf"


@pytest.fixture(scope="module")
def font_set() -> fonts.FontSet:
    return fonts.register_fonts()


def a_label(name: str = LONG, spine: int = 30, n: int = 1, **extra: object) -> BoxLabel:
    values: dict[str, object] = {
        "code": f"Z001-YZ-2024-H{n:03d}",
        "category": name,
        "fonds": "Z001",
        "year": 2024,
        "retention": "永久",
        "box_number": f"{n:03d}",
        "first_no": "Z001-YZ·2024-Y-0001",
        "last_no": "Z001-YZ·2024-Y-0030",
        "place": "1号档案柜 · 第2层第3格",
        "spine_mm": spine,
    }
    values.update(extra)
    return BoxLabel(**values)  # type: ignore[arg-type]


def scan(pdf: Path, dpi: int, tmp_path: Path) -> list[str]:
    """Every barcode zbarimg reads on every page of ``pdf`` rendered at ``dpi``."""
    folder = tmp_path / f"scan-{pdf.stem}-{dpi}"
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(folder / "p")], check=True)
    codes: list[str] = []
    for page in sorted(folder.glob("*.png")):
        done = subprocess.run(["zbarimg", "-q", "--raw", str(page)], capture_output=True, text=True, check=False)
        codes += done.stdout.split()
    return codes


def name_chars(pdf: Path) -> list[list[dict]]:  # type: ignore[type-arg]
    """Per page, the characters set at 一号 (the category names)."""
    with pdfplumber.open(pdf) as doc:
        return [[c for c in page.chars if abs(c["size"] - NAME_PT) <= 0.01] for page in doc.pages]


def render(db: Database, clock: FakeClock, actor, out: Path, **selection: object):  # type: ignore[no-untyped-def]
    return printouts.printout("labels").render(db, clock, actor, Selection(**selection), out)  # type: ignore[arg-type]


def first_cabinet(db: Database, actor) -> int:  # type: ignore[no-untyped-def]
    return next(c.id for c in cabinets.cabinets(db, actor) if c.boxes)


# ---- the demo estate -----------------------------------------------------------------------------


def test_a8_category_names_are_bold_hei_at_26_pt_on_every_front_label(
    demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "front.pdf"
    cabinet = first_cabinet(demo_db, demo_clerk)
    result = render(demo_db, clock, demo_clerk, out, cabinet_id=cabinet)
    name = next(c.name for c in cabinets.cabinets(demo_db, demo_clerk) if c.id == cabinet)
    shelved = [b for b in browse.boxes(demo_db, demo_clerk) if b.place and b.place.startswith(f"{name} ")]
    assert result.items == len(shelved) == 39 and result.pages == 4 and out.is_file()  # the old 2013 box is in G04
    chars = [c for page in name_chars(out) for c in page]
    assert chars and all("NotoSansSC-Bold" in c["fontname"] or "SimHei" in c["fontname"] for c in chars)
    assert "".join(c["text"] for c in chars) == "".join(b.category_zh for b in shelved)
    with pdfplumber.open(out) as pdf:
        text = pdf.pages[0].extract_text()
    first = boxes.box_contents(demo_db, demo_clerk, shelved[0].id)
    for fact in ("全宗号 Z001", f"年度 {first.year}", "保管期限 永久", first.first_no, first.last_no, first.code):
        assert fact and fact in text
    assert (first.place or "").split(" ")[0] in text


def test_a8_fonts_are_embedded_subsets(demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "labels.pdf"
    render(demo_db, clock, demo_clerk, out, year=2019, options={"spine": "spine"})
    data = out.read_bytes()
    assert b"/FontFile2" in data and b"/BaseFont /Helvetica" not in data
    with pdfplumber.open(out) as pdf:
        names = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert names and all("+" in name for name in names)  # "AAAAAA+NotoSansSC-Bold": a subset


@needs_zbar
@pytest.mark.parametrize("kind", ["front", "spine"])
@pytest.mark.parametrize("form", ["sheet", "thermal"])
def test_a8_every_barcode_decodes_at_203_and_300_dpi(
    demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path, kind: str, form: str
) -> None:
    out = tmp_path / f"{kind}-{form}.pdf"
    render(demo_db, clock, demo_clerk, out, category_code="YZ", options={"spine": kind, "format": form})
    wanted = sorted(b.code for b in browse.boxes(demo_db, demo_clerk) if "-YZ-" in b.code)
    assert wanted
    for dpi in (203, 300):
        assert sorted(scan(out, dpi, tmp_path)) == wanted, dpi
    for code in wanted:  # the scanned text opens the box (archive register issue)
        hit = code_lookup.find_by_code(demo_db, demo_clerk, code)
        assert hit is not None and hit.kind == "box"


def test_a8_spine_labels_follow_each_box_spine_width(
    demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "spines.pdf"
    ids = [b.id for b in browse.boxes(demo_db, demo_clerk)][:12]
    render(demo_db, clock, demo_clerk, out, box_ids=tuple(ids), options={"spine": "spine", "format": "thermal"})
    with pdfplumber.open(out) as pdf:
        widths = [round(page.width / mm) for page in pdf.pages]
    spines = [boxes.box_contents(demo_db, demo_clerk, i).spine_mm for i in ids]
    assert widths == [round(label_size_mm("spine", s)[0]) for s in spines]


def test_a8_a4_sheet_starting_at_position_7_fills_cell_7_first(
    demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "start7.pdf"
    cabinet = first_cabinet(demo_db, demo_clerk)
    result = render(demo_db, clock, demo_clerk, out, cabinet_id=cabinet, options={"start": "7", "outline": "no"})
    width, height = (v * mm for v in label_size_mm("front"))
    layout = resolve_grid(SheetGrid(start=7), width, height)
    assert (layout.rows, layout.cols) == (5, 2)
    x, y = layout.corner(7)
    page_height = 297 * mm
    first_page = name_chars(out)[0]
    top_of_cell = page_height - (y + height)
    assert all(c["top"] >= top_of_cell - 0.01 for c in first_page)  # nothing in cells 1–6
    first = first_page[0]
    assert x <= first["x0"] and first["x1"] <= x + width
    assert top_of_cell <= first["top"] and first["bottom"] <= top_of_cell + height
    assert result.pages == 1 + -(-(39 - 4) // 10)  # 4 labels on the half-used sheet, then 10 a sheet


def test_sheet_defaults_are_remembered_for_the_office(demo_db: Database, demo_clerk) -> None:
    assert print_labels.sheet_defaults(demo_db) == {}
    print_labels.save_sheet_defaults(demo_db, demo_clerk, {"rows": "4", "gap_mm": "3", "start": "9"})
    assert print_labels.sheet_defaults(demo_db) == {"rows": "4", "gap_mm": "3"}  # the start is per sheet
    with pytest.raises(InputProblem):
        print_labels.save_sheet_defaults(demo_db, demo_clerk, {"rows": "many"})


# ---- refusals: nothing is printed wrong, no file is left -------------------------------------------


def test_a8_a_name_that_cannot_fit_is_reported_naming_the_box(
    demo_db: Database, demo_clerk, clock: FakeClock, out: Path
) -> None:
    register.rename_category(demo_db, demo_clerk, "ZX", "装修改造工程施工图纸及竣工验收资料汇编")
    box = next(b for b in browse.boxes(demo_db, demo_clerk) if "-ZX-" in b.code)
    for kind in ("front", "spine"):
        with pytest.raises(LabelDoesNotFit) as caught:
            render(demo_db, clock, demo_clerk, out, box_ids=(box.id,), options={"spine": kind})
        assert box.code in caught.value.zh and box.code in caught.value.en and caught.value.where == box.code
        assert "26" in caught.value.zh and "26 pt" in caught.value.en
    assert list(out.parent.iterdir()) == []


def test_characters_no_font_covers_are_reported_before_printing(
    demo_db: Database, demo_clerk, clock: FakeClock, out: Path
) -> None:
    register.rename_category(demo_db, demo_clerk, "GC", "工程\ue000资料")
    with pytest.raises(InputProblem) as caught:
        render(demo_db, clock, demo_clerk, out, category_code="GC")
    assert "U+E000" in caught.value.zh and "档案盒 Z001-GC-" in (caught.value.where or "")
    assert list(out.parent.iterdir()) == []


def test_cancel_leaves_no_file(demo_db: Database, demo_clerk, clock: FakeClock, out: Path) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(PrintCancelled):
        printouts.printout("labels").render(
            demo_db,
            clock,
            demo_clerk,
            Selection(year=2019),
            out,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 3,
        )
    assert seen and seen[-1][0] < seen[-1][1]
    assert list(out.parent.iterdir()) == []


def test_cancel_while_drawing_leaves_no_file(font_set: fonts.FontSet, out: Path) -> None:
    plans = plan_labels([a_label(n=n) for n in range(1, 30)], "front", font_set)
    calls: list[int] = []
    for printer in (render_thermal, render_sheets):
        extra = {"grid": SheetGrid()} if printer is render_sheets else {}
        with pytest.raises(PrintCancelled):
            printer(  # type: ignore[operator]
                plans, out, font_set, **extra, progress=lambda d, _t: calls.append(d), cancelled=lambda: len(calls) > 5
            )
        calls.clear()
        assert list(out.parent.iterdir()) == []


def test_selections_and_options_are_checked(demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(InputProblem):
        render(demo_db, clock, demo_clerk, out)  # nothing chosen
    with pytest.raises(InputProblem) as caught:
        render(demo_db, clock, demo_clerk, out, year=2019, options={"colour": "red"})
    assert "colour" in caught.value.en
    with pytest.raises(InputProblem) as caught:
        render(demo_db, clock, demo_clerk, out, year=2019, options={"rows": "9"})  # A8 × 9 rows is not A4
    assert "at most 5 × 2" in caught.value.en
    with pytest.raises(InputProblem):
        render(demo_db, clock, demo_clerk, out, year=1900)  # no boxes
    with pytest.raises(NotFound):
        render(demo_db, clock, demo_clerk, out, category_code="QQ")
    desk = accounts.authenticate(demo_db, clock, "desk", "demo-2024")
    with pytest.raises(PermissionDenied):
        render(demo_db, clock, desk, out, year=2019)
    assert not out.exists()


def test_selection_narrows_by_category_year_and_cabinet(demo_db: Database, demo_clerk) -> None:
    every = browse.boxes(demo_db, demo_clerk)
    ids = print_labels.label_box_ids(demo_db, demo_clerk, Selection(category_code="YZ", year=2017))
    assert ids and {b.code for b in every if b.id in ids} == {b.code for b in every if "-YZ-2017-" in b.code}
    chosen = (every[5].id, every[2].id)
    assert print_labels.label_box_ids(demo_db, demo_clerk, Selection(box_ids=chosen)) == list(chosen)


# ---- the label itself (no database) --------------------------------------------------------------


@pytest.mark.parametrize("spine", [20, 30, 40, 50])
def test_a8_spine_name_runs_vertically_when_26_pt_does_not_fit_across(
    font_set: fonts.FontSet, tmp_path: Path, spine: int
) -> None:
    out = tmp_path / f"spine{spine}.pdf"
    labels = [a_label(LONG, spine, 1), a_label(SHORT, spine, 2)]
    plans = plan_labels(labels, "spine", font_set)
    render_thermal(plans, out, font_set)
    width, height = (v * mm for v in label_size_mm("spine", spine))
    for page, (label, plan) in zip(name_chars(out), zip(labels, plans, strict=True), strict=True):
        assert "".join(c["text"] for c in page) == label.category
        assert all(c["x0"] >= 0 and c["x1"] <= width and c["top"] >= 0 and c["bottom"] <= height for c in page)
        across = glyphs.text_width(label.category, font_set.hei_chain, NAME_PT) <= width - 4 * mm
        assert plan.name_vertical is not across
        if across:  # one line, left to right
            assert len({round(c["top"], 2) for c in page}) == 1
            assert all(a["x1"] <= b["x0"] + 0.01 for a, b in itertools.pairwise(page))
        else:  # one character under another, centred on the label
            centres = {round((c["x0"] + c["x1"]) / 2, 1) for c in page}
            assert max(centres) - min(centres) < 0.5 and abs(min(centres) - width / 2) < 0.5
            assert all(a["bottom"] <= b["top"] + 0.01 for a, b in itertools.pairwise(page))
    assert plans[0].name_vertical  # the longest name never fits across a spine
    assert plans[1].name_vertical is (spine < 50)


@needs_zbar
def test_spine_barcodes_of_every_width_decode(font_set: fonts.FontSet, tmp_path: Path) -> None:
    labels = [a_label(LONG, spine, n) for n, spine in enumerate((20, 30, 40, 50), start=1)]
    out = tmp_path / "spines.pdf"
    render_thermal(plan_labels(labels, "spine", font_set), out, font_set)
    for dpi in (203, 300):
        assert sorted(scan(out, dpi, tmp_path)) == sorted(label.code for label in labels)


def test_a8_a_name_too_long_for_a_20_mm_spine_is_reported(font_set: fonts.FontSet) -> None:
    plan_labels([a_label(LONG, 20)], "spine", font_set)  # ten characters fit
    with pytest.raises(LabelDoesNotFit) as caught:
        plan_labels([a_label(LONG + LONG[:6], 20, 7)], "spine", font_set)
    assert "Z001-YZ-2024-H007" in caught.value.zh and "20 mm" in caught.value.en


def test_a_box_code_too_long_for_a_front_barcode_is_reported(font_set: fonts.FontSet) -> None:
    with pytest.raises(LabelDoesNotFit) as caught:
        plan_labels([a_label(code="ABCDEFGHIJKLMNOPQRST-YZ-2024-H001")], "front", font_set)
    assert "barcode" in caught.value.en


def test_a16_void_mark_hook_prints_zuofei(font_set: fonts.FontSet, tmp_path: Path) -> None:
    out = tmp_path / "void.pdf"
    render_thermal(plan_labels([a_label(SHORT, void=True)], "front", font_set), out, font_set)
    with pdfplumber.open(out) as pdf:
        assert "作废" in "".join(c["text"] for c in pdf.pages[0].chars)


@settings(max_examples=60, deadline=None)
@given(
    items=st.lists(st.text(alphabet="档案盒号年度 0123456789-ABZ·", min_size=1, max_size=30), min_size=1, max_size=6),
    width_mm=st.floats(min_value=8, max_value=70),
)
def test_flow_keeps_every_character_within_the_width(items: list[str], width_mm: float) -> None:
    chain = fonts.register_fonts().body_chain
    lines, _cut = flow(items, chain, 7.0, width_mm * mm)
    assert all(glyphs.text_width(line, chain, 7.0) <= width_mm * mm + 1e-6 for line in lines)
    assert "".join(lines).replace(" ", "") == "".join(items).replace(" ", "")


@settings(max_examples=60, deadline=None)
@given(name=st.text(alphabet="业主及各办公部门档案工程技术资料装修维修", min_size=1, max_size=16))
def test_name_lines_are_balanced_and_lose_nothing(name: str) -> None:
    chain = fonts.register_fonts().hei_chain
    width = 68 * mm
    lines = name_lines(name, chain, NAME_PT, width)
    assert "".join(lines) == name
    assert all(glyphs.text_width(line, chain, NAME_PT) <= width + 1e-6 for line in lines)
    assert max(map(len, lines)) - min(map(len, lines)) <= 1  # CJK characters are all 1 em


def test_a8_office_may_prefer_simhei_else_the_bundled_bold_is_used(
    demo_db: Database, demo_clerk, clock: FakeClock, out: Path
) -> None:
    result = render(demo_db, clock, demo_clerk, out, year=2019, options={"font": "simhei"})
    chars = [c for page in name_chars(out) for c in page]
    if font_files.find_simhei() is None:
        assert result.warnings and "SimHei" in result.warnings[0]
        assert chars and all("NotoSansSC-Bold" in c["fontname"] for c in chars)
    else:
        assert result.warnings == () and chars and all("SimHei" in c["fontname"] for c in chars)
