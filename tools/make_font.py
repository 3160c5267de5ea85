"""Build the fonts bundled in ``resources/fonts/`` from the PyPI package ``justmytype-intl-cjk``.

Why: reportlab embeds only TrueType (glyf) outlines, and no Debian font it can embed has a
true bold Hei weight. ``justmytype-intl-cjk`` ships Noto Sans SC/JP/TC as *variable* glyf
fonts (SIL OFL 1.1) whose default instance is Thin, so we pin the weight axis at 700.

Outputs (all static, wght=700 unless named Regular):

- ``NotoSansSC-Bold.ttf`` — the full Noto Sans SC character set, not subset (reportlab
  subsets on embedding). The Hei face of box labels (rule A8: 黑体 一号 = 26 pt).
- ``NotoSansJP-Bold-Supplement.ttf`` — only the code points Noto Sans JP has and SC lacks
  (e.g. 𠮷 U+20BB7, a character of people's names outside the BMP).
- ``NotoSansTC-Bold-Supplement.ttf`` — only the code points Noto Sans TC has and neither
  SC nor JP has (mostly Hong Kong supplementary characters, outside the BMP).
- ``NotoSansJP-Regular-Supplement.ttf`` and ``NotoSansTC-Regular-Supplement.ttf`` — the same
  two supplements at wght=400, for text in the regular body face (one weight per name).
- ``OFL.txt`` — the licence shipped with the fonts (identical for SC, JP and TC).
- with ``--with-regular`` also ``NotoSansSC-Regular.ttf`` (wght=400, about 10.5 MB more),
  which ``estate_desk.printing.fonts`` then uses as the body face of tables instead of the bold.

Run from the repository root (takes about a minute on two cores)::

    python tools/make_font.py            # writes into resources/fonts/
    python tools/make_font.py --out DIR  # somewhere else

The output is reproducible: the ``head.modified`` timestamp is kept from the source fonts.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

BOLD = 700
REGULAR = 400
STYLES = {BOLD: "Bold", REGULAR: "Regular"}
REPO = Path(__file__).resolve().parent.parent


def source_dir() -> Path:
    """The ``fonts/ofl`` folder inside the installed ``justmytype-intl-cjk`` package."""
    try:
        import justmytype_intl_cjk
    except ImportError:
        sys.exit("justmytype-intl-cjk is not installed: pip install justmytype-intl-cjk")
    return Path(justmytype_intl_cjk.__file__).resolve().parent / "fonts" / "ofl"


def variable_font(lang: str) -> Path:
    return source_dir() / f"notosans{lang.lower()}" / f"NotoSans{lang.upper()}[wght].ttf"


def static_instance(lang: str, weight: int = BOLD) -> TTFont:
    """A static instance at ``weight``, named from the STAT table ("Noto Sans SC Bold")."""
    font = TTFont(variable_font(lang), recalcTimestamp=False)
    return instancer.instantiateVariableFont(font, {"wght": weight}, updateFontNames=True)


def codepoints(path: Path) -> set[int]:
    font = TTFont(path, lazy=True)
    try:
        return set(font.getBestCmap())
    finally:
        font.close()


def rename(font: TTFont, family: str, postscript: str, style: str = "Bold") -> None:
    """Give a supplement its own family name so it is never mistaken for the full font."""
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID == 4:
            record.string = f"{family} {style}"
        elif record.nameID == 6:
            record.string = postscript
        elif record.nameID == 3:
            record.string = f"{postscript};estate-desk"


def save(font: TTFont, path: Path) -> None:
    font.save(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    print(f"{path.name}: {path.stat().st_size:,} bytes, sha256 {digest}")


def make_supplement(lang: str, exclude: set[int], out: Path, weight: int = BOLD) -> set[int]:
    """Instance ``lang`` at ``weight``, keep only code points not in ``exclude``; return them."""
    wanted = codepoints(variable_font(lang)) - exclude
    font = static_instance(lang, weight)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(wanted))
    subsetter.subset(font)
    style = STYLES[weight]
    rename(font, f"Noto Sans {lang.upper()} Supplement", f"NotoSans{lang.upper()}Supplement-{style}", style)
    save(font, out)
    return wanted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "resources" / "fonts")
    parser.add_argument("--with-regular", action="store_true", help="also make NotoSansSC-Regular.ttf")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    # Same as: fonttools varLib.instancer "NotoSansSC[wght].ttf" wght=700 --update-name-table
    save(static_instance("SC"), out / "NotoSansSC-Bold.ttf")
    if args.with_regular:
        save(static_instance("SC", REGULAR), out / "NotoSansSC-Regular.ttf")

    # The supplements at both weights, cut to the same code points, so that a name prints in one
    # weight: a regular name's 𠮷 from the regular JP supplement, a bold one's from the bold.
    for weight in (BOLD, REGULAR):
        style = STYLES[weight]
        covered = codepoints(variable_font("SC"))
        covered |= make_supplement("JP", covered, out / f"NotoSansJP-{style}-Supplement.ttf", weight)
        make_supplement("TC", covered, out / f"NotoSansTC-{style}-Supplement.ttf", weight)

    shutil.copyfile(source_dir() / "notosanssc" / "OFL.txt", out / "OFL.txt")
    print(f"OFL.txt copied from {source_dir() / 'notosanssc'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
