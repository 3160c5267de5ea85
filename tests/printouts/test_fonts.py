"""Printing fonts: the bundled bold Hei face, the fallback chain, and unprintable characters (A8)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from fontTools.ttLib import TTFont as FontToolsFont
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from estate_desk.domain.errors import InputProblem
from estate_desk.printing import font_files, fonts, glyphs

CATEGORY = "工程技术资料"
COMMON = "物业服务中心档案盒业主姓名入住日期页数备注栋楼层房间一二三四五六七八九十" + CATEGORY
RARE_BMP = "喆堃彧昇玥"
KICHI = "\U00020bb7"  # 𠮷, outside the BMP; Noto Sans SC lacks it
PRIVATE_BMP = "\ue000"
PRIVATE_PLANE_15 = "\U000f0001"


@pytest.fixture(scope="module")
def font_set() -> fonts.FontSet:
    return fonts.register_fonts()


def test_bundled_bold_is_a_static_truetype_bold_with_the_full_character_set() -> None:
    path = font_files.bundled_bold_font_path()
    assert path.is_file(), path
    font = FontToolsFont(path, lazy=True)
    try:
        assert "glyf" in font and "CFF " not in font  # reportlab embeds only TrueType outlines
        assert "fvar" not in font  # a static instance, not the variable font (default: Thin)
        assert font["OS/2"].usWeightClass == 700
        assert font["name"].getDebugName(6) == "NotoSansSC-Bold"
        assert len(font.getBestCmap()) > 30000  # not subset
    finally:
        font.close()


def test_register_fonts_is_idempotent_and_names_registered_faces(font_set: fonts.FontSet) -> None:
    again = fonts.register_fonts()
    assert again is font_set
    assert font_set.hei_bold == fonts.NOTO_BOLD
    assert font_set.body in font_set.names
    assert {"NotoSansJPSupplement-Bold", "NotoSansTCSupplement-Bold"} <= set(font_set.fallbacks)
    registered = set(pdfmetrics.getRegisteredFontNames())
    assert set(font_set.names) <= registered
    assert font_set.hei_chain[0] == font_set.hei_bold and set(font_set.hei_chain) == set(font_set.names)


def test_hei_face_alone_covers_common_chinese_and_rare_bmp_name_characters(font_set: fonts.FontSet) -> None:
    assert glyphs.missing_glyphs(COMMON + RARE_BMP + "ABC abc 0123-/（）：", font_set.hei_bold) == []


def test_the_fallback_chain_covers_a_name_character_outside_the_bmp(font_set: fonts.FontSet) -> None:
    name = "张" + KICHI
    assert glyphs.missing_glyphs(name, font_set.hei_bold) == [KICHI]
    assert glyphs.missing_glyphs(name, font_set) == []
    runs = glyphs.split_runs(name, font_set)
    assert runs == [
        glyphs.TextRun(fonts.NOTO_BOLD, "张"),
        glyphs.TextRun("NotoSansJPSupplement-Bold", KICHI),
    ]
    glyphs.ensure_printable([name, CATEGORY, RARE_BMP], font_set)  # does not raise


def test_missing_glyphs_finds_uncovered_characters_once_each_in_order(font_set: fonts.FontSet) -> None:
    text = f"王{PRIVATE_PLANE_15}明{PRIVATE_BMP}{PRIVATE_PLANE_15}\n"
    assert glyphs.missing_glyphs(text, font_set) == [PRIVATE_PLANE_15, PRIVATE_BMP]
    assert glyphs.missing_glyphs(text, [fonts.NOTO_BOLD]) == [PRIVATE_PLANE_15, PRIVATE_BMP]


def test_ensure_printable_names_the_character_and_where(font_set: fonts.FontSet) -> None:
    with pytest.raises(InputProblem) as caught:
        glyphs.ensure_printable({"业主姓名": f"王{PRIVATE_BMP}明", "类别": CATEGORY}, font_set)
    error = caught.value
    for lang in ("zh", "en"):
        message = error.message(lang)
        assert PRIVATE_BMP in message and "U+E000" in message
        assert "业主姓名" in message and "类别" not in message
    assert error.where is not None and f"王{PRIVATE_BMP}明" in error.where


def test_ensure_printable_numbers_plain_strings(font_set: fonts.FontSet) -> None:
    with pytest.raises(InputProblem) as caught:
        glyphs.ensure_printable(["张三", f"李{PRIVATE_PLANE_15}"], font_set.hei_chain)
    assert "U+F0001" in caught.value.message("zh")
    assert caught.value.where is not None and "item 2" in caught.value.where


def test_category_name_prints_at_26_pt_in_the_embedded_bold_face(font_set: fonts.FontSet, tmp_path: Path) -> None:
    pdf_path = tmp_path / "label.pdf"
    canvas = Canvas(str(pdf_path), pagesize=(100 * mm, 70 * mm))
    width = glyphs.draw_text(canvas, 8 * mm, 55 * mm, CATEGORY, font_set.hei_chain, fonts.HEI_SIZE_PT)
    glyphs.draw_text(canvas, 8 * mm, 40 * mm, "业主：张" + KICHI, font_set.body_chain, 12)
    canvas.save()
    assert width == pytest.approx(glyphs.text_width(CATEGORY, font_set, 26))

    with pdfplumber.open(pdf_path) as pdf:
        chars = pdf.pages[0].chars
    category = [c for c in chars if c["size"] == pytest.approx(26.0)]
    assert "".join(c["text"] for c in category) == CATEGORY
    for char in category:
        # "ABCDEF+NotoSansSC-Bold": the subset tag means the font is embedded in the PDF
        prefix, _, base = char["fontname"].partition("+")
        assert len(prefix) == 6 and base == "NotoSansSC-Bold"
    assert any("NotoSansJPSupplement-Regular" in c["fontname"] for c in chars)  # 𠮷 in the body's weight
    assert b"/FontFile2" in pdf_path.read_bytes()  # TrueType outlines embedded


def _weight(fontname: str) -> str:
    """ "ABCDEF+NotoSansJPSupplement-Regular" → "Regular": the weight of an embedded face."""
    return fontname.partition("+")[2].rpartition("-")[2]


def test_one_weight_per_name_a_character_outside_the_bmp_prints_in_the_names_weight(
    font_set: fonts.FontSet, tmp_path: Path
) -> None:
    """吉𠮷 in a regular line is drawn from regular faces only, in a bold line from bold faces only:
    𠮷 comes from the JP supplement of the same weight, never the bold one inside a regular name."""
    name = "业主：吉" + KICHI + "先生"
    pdf_path = tmp_path / "weights.pdf"
    canvas = Canvas(str(pdf_path), pagesize=(100 * mm, 70 * mm))
    glyphs.draw_text(canvas, 8 * mm, 50 * mm, name, font_set.body_chain, 12)
    glyphs.draw_text(canvas, 8 * mm, 30 * mm, name, font_set.hei_chain, 14)
    canvas.save()
    with pdfplumber.open(pdf_path) as pdf:
        chars = pdf.pages[0].chars
    regular = [c for c in chars if c["size"] == pytest.approx(12.0)]
    bold = [c for c in chars if c["size"] == pytest.approx(14.0)]
    assert "".join(c["text"] for c in regular) == name == "".join(c["text"] for c in bold)
    assert {_weight(c["fontname"]) for c in regular} == {"Regular"}
    assert {_weight(c["fontname"]) for c in bold} == {"Bold"}
    assert [c["fontname"].partition("+")[2] for c in regular if c["text"] == KICHI] == ["NotoSansJPSupplement-Regular"]
    assert [c["fontname"].partition("+")[2] for c in bold if c["text"] == KICHI] == ["NotoSansJPSupplement-Bold"]


def test_each_chain_holds_every_face_its_own_weight_first(font_set: fonts.FontSet) -> None:
    """A character printable in one chain is printable in the other; a face of the other weight is
    reached only for what no face of the chain's own weight has."""
    for chain, weight in ((font_set.body_chain, "Regular"), (font_set.hei_chain, "Bold")):
        assert set(chain) == set(font_set.names)
        bundled = [name for name in chain if name.startswith("NotoSans")]
        own = [name for name in bundled if name.endswith(weight)]
        assert bundled[: len(own)] == own and len(own) == 3  # SC, the JP and the TC supplement


def test_draw_text_anchors(font_set: fonts.FontSet, tmp_path: Path) -> None:
    canvas = Canvas(str(tmp_path / "anchor.pdf"))
    width = glyphs.text_width(CATEGORY, font_set, 26)
    assert glyphs.draw_text(canvas, 100, 100, CATEGORY, font_set, 26, anchor="middle") == pytest.approx(width)
    assert width == pytest.approx(6 * 26, rel=0.01)  # six full-width characters


def test_find_simhei_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    result = font_files.find_simhei()
    assert result is None or result.is_file()

    def broken() -> list[Path] | None:
        raise RuntimeError("fontconfig exploded")

    with monkeypatch.context() as patch:
        patch.setattr(font_files, "_fc_list_files", broken)
        assert font_files.find_simhei() is None
    with monkeypatch.context() as patch:  # fc-list named but not runnable: fall back to a folder walk
        patch.setattr(font_files.shutil, "which", lambda _name: "/nonexistent/fc-list")
        walked = font_files.find_simhei()
        assert walked is None or walked.is_file()
    assert font_files.find_simhei() == result


def test_an_unusable_simhei_falls_back_to_the_bundled_face(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    junk = tmp_path / "simhei.ttf"
    junk.write_bytes(b"not a font at all")
    monkeypatch.setattr(fonts, "find_simhei", lambda: junk)
    monkeypatch.setattr(fonts, "_font_sets", {})
    font_set = fonts.register_fonts(prefer_simhei=True)
    assert font_set.hei_bold == fonts.NOTO_BOLD
    assert fonts.SIMHEI not in font_set.names
    report = dict(fonts.font_report())
    assert "unusable" in report["SimHei 黑体 (system, optional)"]


def test_font_report_lists_the_bundled_fonts() -> None:
    report = fonts.font_report()
    assert report[0][1] == str(font_files.bundled_bold_font_path())
    values = [value for _name, value in report]
    assert sum(value.endswith("Supplement.ttf") for value in values) == 4  # JP and TC, bold and regular
    assert all(value == "missing" or Path(value.split(" (")[0]).is_file() for value in values)
