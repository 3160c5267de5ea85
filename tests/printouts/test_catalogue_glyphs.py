"""Owners with rare characters in their names print with real glyphs, embedded in the PDF.

For each of 喆 堃 彧 昇 玥 and 𠮷 (U+20BB7, outside the BMP) the test finds, in the PDF itself,
the embedded font program (FontFile2) and the byte code that stands for the character (from the
font's ToUnicode map), reads that code's glyph out of the embedded subset (cmap → loca → glyf)
and checks it is the very outline of the character in a bundled font file — not the empty
.notdef box. No fontTools needed: the few TrueType tables involved are read here directly.
"""

from __future__ import annotations

import re
import struct
from datetime import date
from typing import TYPE_CHECKING

import pdfplumber
import pytest
from pdfminer.pdftypes import resolve1
from reportlab.pdfbase import pdfmetrics

from estate_desk.printing import fonts, glyphs
from estate_desk.printing.catalogues import OWNER_CATALOGUE, Catalogue, OwnerFileLine, catalogue_pdf, owner_file_rows
from estate_desk.printing.tounicode import make_tounicode_cmap
from estate_desk.services.printouts.kinds import Selection
from estate_desk.services.printouts.registry import printout

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

RARE = ("张喆", "王堃", "李彧", "陈昇", "刘玥", "吉𠮷")


# --------------------------------------------------------------------------- TrueType, by hand


def _tables(font: bytes) -> dict[str, tuple[int, int]]:
    (count,) = struct.unpack(">H", font[4:6])
    found = {}
    for n in range(count):
        tag, _checksum, offset, length = struct.unpack(">4sIII", font[12 + 16 * n : 28 + 16 * n])
        found[tag.decode("latin-1")] = (offset, length)
    return found


def glyph_data(font: bytes, glyph: int) -> bytes:
    """The glyf entry of one glyph (b"" for an empty glyph)."""
    table = _tables(font)
    head, loca, glyf = table["head"][0], table["loca"][0], table["glyf"][0]
    (long_offsets,) = struct.unpack(">h", font[head + 50 : head + 52])
    if long_offsets:
        start, end = struct.unpack(">II", font[loca + 4 * glyph : loca + 4 * glyph + 8])
    else:
        start, end = (2 * x for x in struct.unpack(">HH", font[loca + 2 * glyph : loca + 2 * glyph + 4]))
    return font[glyf + start : glyf + end]


def subset_cmap(font: bytes) -> dict[int, int]:
    """Byte code → glyph of a subset font as reportlab writes it (cmap format 6, or format 0)."""
    base = _tables(font)["cmap"][0]
    (count,) = struct.unpack(">H", font[base + 2 : base + 4])
    codes: dict[int, int] = {}
    for n in range(count):
        _platform, _encoding, offset = struct.unpack(">HHI", font[base + 4 + 8 * n : base + 12 + 8 * n])
        sub = base + offset
        (fmt,) = struct.unpack(">H", font[sub : sub + 2])
        if fmt == 6:
            first, entries = struct.unpack(">HH", font[sub + 6 : sub + 10])
            glyphs = struct.unpack(f">{entries}H", font[sub + 10 : sub + 10 + 2 * entries])
            codes.update({first + i: g for i, g in enumerate(glyphs)})
        elif fmt == 0:
            codes.update(dict(enumerate(font[sub + 6 : sub + 262])))
    return codes


def to_unicode(cmap: bytes) -> dict[int, str]:
    """Byte code → text of a ToUnicode CMap's bfchar entries (UTF-16BE, surrogate pairs included)."""
    text = cmap.decode("latin-1")
    codes: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for code, target in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes[int(code, 16)] = bytes.fromhex(target).decode("utf-16-be", errors="replace")
    return codes


def embedded_glyphs(path: Path) -> dict[str, list[tuple[str, bytes]]]:
    """Every character the PDF's embedded fonts can show: (font name, glyph outline) for each."""
    found: dict[str, list[tuple[str, bytes]]] = {}
    seen: set[str] = set()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for ref in resolve1(page.page_obj.resources.get("Font", {})).values():
                font = resolve1(ref)
                name = str(resolve1(font["BaseFont"]).name)
                if name in seen or "FontDescriptor" not in font:
                    continue
                seen.add(name)
                program = resolve1(resolve1(font["FontDescriptor"])["FontFile2"]).get_data()
                codes = subset_cmap(program)
                for code, char in to_unicode(resolve1(font["ToUnicode"]).get_data()).items():
                    found.setdefault(char, []).append((name, glyph_data(program, codes.get(code, 0))))
    return found


def source_glyphs(char: str, font_set: fonts.FontSet) -> list[bytes]:
    """The outline of ``char`` in each bundled or system font that has it."""
    outlines = []
    for face in font_set.faces:
        glyph = pdfmetrics.getFont(face.name).face.charToGlyph.get(ord(char), 0)
        if glyph:
            outlines.append(glyph_data(face.path.read_bytes(), glyph))
    return outlines


def same_outline(embedded: bytes, source: bytes) -> bool:
    """The same glyph outline; a subset pads each glyph to four bytes."""
    return embedded[: len(source)] == source and not embedded[len(source) :].strip(b"\0")


def assert_embedded(path: Path, names: tuple[str, ...], font_set: fonts.FontSet) -> None:
    glyphs = embedded_glyphs(path)
    for char in "".join(name[1:] for name in names):
        assert char in glyphs, f"{char} (U+{ord(char):04X}) has no embedded glyph"
        outlines = source_glyphs(char, font_set)
        assert outlines, f"no bundled font has {char}"
        embedded = [data for _font, data in glyphs[char]]
        assert all(len(data) > 10 for data in embedded), f"{char} embedded as an empty glyph"
        assert any(same_outline(data, source) for data in embedded for source in outlines), f"{char}: another glyph"


# --------------------------------------------------------------------------- the tests


def test_tounicode_writes_characters_outside_the_bmp_as_utf16() -> None:
    cmap = make_tounicode_cmap("F", [0x41, 0x5586, 0x20BB7])
    assert "<00> <0041>" in cmap and "<01> <5586>" in cmap and "<02> <D842DFB7>" in cmap
    assert to_unicode(cmap.encode()) == {0: "A", 1: "喆", 2: "𠮷"}


def test_rare_characters_in_owner_names_are_printed_with_their_glyphs_embedded(tmp_path: Path) -> None:
    font_set = fonts.register_fonts()
    lines = [OwnerFileLine(f"Z001-YZ·2016-Y-{n:04d}", name, date(2016, 3, 1), 3) for n, name in enumerate(RARE, 1)]
    out = tmp_path / "owners.pdf"
    catalogue_pdf(
        Catalogue(OWNER_CATALOGUE, "翠湖苑物业服务中心", "Z001", "全部", tuple(owner_file_rows(lines))), out, font_set
    )
    assert_embedded(out, RARE, font_set)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert [row[2] for row in page.extract_tables()[0][1:]] == list(RARE)  # the text behind the glyphs too
        jiyi = [c for c in page.chars if c["text"] == "𠮷"]
    assert jiyi and all(c["fontname"].split("+")[-1] != font_set.body for c in jiyi)  # a font that has it
    assert all("+" in c["fontname"] for c in jiyi)  # a subset: embedded


def test_rare_owner_names_of_the_demo_estate_print_with_embedded_glyphs(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    out = tmp_path / "owners.pdf"
    printout("owner-catalogue").render(demo_db, clock, demo_clerk, Selection(), out)
    font_set = fonts.register_fonts()
    assert_embedded(out, RARE, font_set)
    with pdfplumber.open(out) as pdf:
        names = {row[2] for page in pdf.pages for row in page.extract_tables()[0][1:]}
        used = {c["fontname"] for page in pdf.pages for c in page.chars}
    assert set(RARE) <= names
    assert all("+" in name for name in used)  # every character drawn comes from an embedded subset


def test_a_rare_name_in_the_owner_catalogue_prints_in_one_weight(
    demo_db: Database, demo_clerk: Actor, clock: FakeClock, tmp_path: Path
) -> None:
    """吉𠮷 in a regular-weight table row: every character of the row, 𠮷 included, from a regular face
    (it used to come from the bold JP supplement inside a regular name)."""
    out = tmp_path / "owners.pdf"
    printout("owner-catalogue").render(demo_db, clock, demo_clerk, Selection(), out)
    rows: dict[tuple[int, int], list[dict[str, object]]] = {}
    with pdfplumber.open(out) as pdf:
        for number, page in enumerate(pdf.pages):
            for c in page.chars:
                rows.setdefault((number, round(float(c["top"]))), []).append(c)
    with_jiyi = [row for row in rows.values() if any(c["text"] == "𠮷" for c in row)]
    assert with_jiyi
    for row in with_jiyi:
        text = "".join(str(c["text"]) for c in row)
        faces = {str(c["fontname"]).partition("+")[2] for c in row}
        assert "吉𠮷" in text
        assert {face.rpartition("-")[2] for face in faces} == {"Regular"}, faces


@pytest.mark.parametrize("name", ["NotoSansSC-Bold", "NotoSansSC-Regular"])
def test_bundled_faces_lack_jiyi_so_a_fallback_draws_it(name: str) -> None:
    font_set = fonts.register_fonts()
    if name not in font_set.names:
        pytest.skip(f"{name} is not bundled here")
    assert glyphs.missing_glyphs("𠮷", name) == ["𠮷"]
    assert glyphs.missing_glyphs("𠮷", font_set) == []
