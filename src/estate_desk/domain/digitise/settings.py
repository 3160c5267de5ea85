"""A digitisation batch's scan settings, with DA/T 31-2017's defaults and limits.

- resolution: 300 dpi by default (small, dense or faint text, and text recognition); never below 200 dpi;
- colour mode per record: colour by default, and colour is required for red headers, seals and photos;
  clear black-and-white text may be 黑白二值, poor text greyscale;
- one file format for the whole batch: TIFF, JPEG or PDF (a PDF made from the images, for use).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from estate_desk.domain.errors import InputProblem

MIN_DPI = 200
DEFAULT_DPI = 300
MAX_DPI = 1200  # beyond this a figure is a typo: DA/T 31 asks 600 dpi at most, for facsimiles


class ColourMode(StrEnum):
    COLOUR = "colour"  # 彩色
    GREY = "grey"  # 灰度
    BINARY = "binary"  # 黑白二值

    @property
    def zh(self) -> str:
        return {ColourMode.COLOUR: "彩色", ColourMode.GREY: "灰度", ColourMode.BINARY: "黑白二值"}[self]


class FileFormat(StrEnum):
    PDF = "pdf"
    TIFF = "tiff"
    JPEG = "jpeg"


DEFAULT_COLOUR = ColourMode.COLOUR
DEFAULT_FORMAT = FileFormat.PDF


@dataclass(frozen=True)
class ScanSettings:
    """How a batch is scanned. ``colour_by_record`` holds the records not scanned in ``colour``."""

    dpi: int = DEFAULT_DPI
    colour: ColourMode = DEFAULT_COLOUR
    file_format: FileFormat = DEFAULT_FORMAT
    colour_by_record: dict[int, ColourMode] = field(default_factory=dict)

    def colour_of(self, document_id: int) -> ColourMode:
        """The colour mode a record is scanned in: its own, else the batch's."""
        return self.colour_by_record.get(document_id, self.colour)


def check_dpi(dpi: int) -> int:
    """A resolution DA/T 31 accepts: at least 200 dpi (a sensible ceiling against typos)."""
    if dpi < MIN_DPI:
        raise InputProblem(
            zh=f"扫描分辨率 {dpi} dpi 太低：不得低于 {MIN_DPI} dpi（默认 {DEFAULT_DPI} dpi）。",
            en=f"A scan resolution of {dpi} dpi is too low: it must be at least {MIN_DPI} dpi "
            f"(the default is {DEFAULT_DPI} dpi).",
        )
    if dpi > MAX_DPI:
        raise InputProblem(
            zh=f"扫描分辨率 {dpi} dpi 超出范围：最高 {MAX_DPI} dpi（仿真复制件用 600 dpi 即可）。",
            en=f"A scan resolution of {dpi} dpi is out of range: at most {MAX_DPI} dpi (facsimiles need 600).",
        )
    return dpi


def parse_colour(text: str) -> ColourMode:
    """A colour mode from its value or Chinese name (``colour``, ``彩色``, ``grey``, ``灰度`` …)."""
    wanted = text.strip().lower()
    for mode in ColourMode:
        if wanted in {mode.value, mode.zh, "color" if mode is ColourMode.COLOUR else mode.value}:
            return mode
    raise InputProblem(
        zh=f"色彩模式“{text}”无效，只能是：彩色、灰度、黑白二值。",
        en=f"Colour mode '{text}' is not valid; use colour, grey or binary.",
    )


def parse_format(text: str) -> FileFormat:
    """The batch's one file format from its name (``pdf``, ``tiff``/``tif``, ``jpeg``/``jpg``)."""
    wanted = {"tif": "tiff", "jpg": "jpeg"}.get(text.strip().lower().lstrip("."), text.strip().lower().lstrip("."))
    try:
        return FileFormat(wanted)
    except ValueError:
        raise InputProblem(
            zh=f"文件格式“{text}”无效：一个批次只用一种格式，可选 PDF、TIFF、JPEG。",
            en=f"File format '{text}' is not valid: a batch uses one format, PDF, TIFF or JPEG.",
        ) from None


def make_settings(
    dpi: int = DEFAULT_DPI,
    colour: ColourMode | str = DEFAULT_COLOUR,
    file_format: FileFormat | str = DEFAULT_FORMAT,
    colour_by_record: dict[int, ColourMode | str] | None = None,
) -> ScanSettings:
    """Checked scan settings; refuses a resolution below 200 dpi, an unknown colour mode or format."""
    return ScanSettings(
        dpi=check_dpi(dpi),
        colour=colour if isinstance(colour, ColourMode) else parse_colour(colour),
        file_format=file_format if isinstance(file_format, FileFormat) else parse_format(file_format),
        colour_by_record={
            doc: mode if isinstance(mode, ColourMode) else parse_colour(mode)
            for doc, mode in (colour_by_record or {}).items()
        },
    )
