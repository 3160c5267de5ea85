"""The dual track (双轨制, A5): a record's paper side and its digital side, and what kind a file is.

Every record (件) may have a paper original (原件) and attachments on its digital side
(电子档案: scans, photos, audio, video, spreadsheets). Either side may be missing; the
track says which sides exist, so the archive shows "paper only", "digital only" or "both".
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath


class Track(StrEnum):
    """Which sides of the dual track a record has."""

    PAPER_ONLY = "paper_only"  # 仅纸质
    DIGITAL_ONLY = "digital_only"  # 仅电子
    BOTH = "both"  # 纸质+电子
    NEITHER = "neither"  # 均无: registered, but no original and no file yet

    @property
    def zh(self) -> str:
        return _TRACK_ZH[self]

    @property
    def en(self) -> str:
        return _TRACK_EN[self]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


_TRACK_ZH = {Track.PAPER_ONLY: "仅纸质", Track.DIGITAL_ONLY: "仅电子", Track.BOTH: "纸质+电子", Track.NEITHER: "均无"}
_TRACK_EN = {
    Track.PAPER_ONLY: "Paper only",
    Track.DIGITAL_ONLY: "Digital only",
    Track.BOTH: "Paper and digital",
    Track.NEITHER: "Neither",
}


def track_of(has_paper: bool, has_digital: bool) -> Track:
    """The track of a record from "an original exists" and "at least one attachment exists"."""
    if has_paper and has_digital:
        return Track.BOTH
    if has_paper:
        return Track.PAPER_ONLY
    if has_digital:
        return Track.DIGITAL_ONLY
    return Track.NEITHER


def needs_digitising(has_paper: bool, has_digital: bool) -> bool:
    """On the "to digitise" (待数字化) list: a paper original exists, but no file on the digital side."""
    return track_of(has_paper, has_digital) is Track.PAPER_ONLY


class AttachmentKind(StrEnum):
    """What an attachment (附件) is, as A5 lists them."""

    SCAN = "scan"  # 扫描件
    PHOTO = "photo"  # 照片
    AUDIO = "audio"  # 录音
    VIDEO = "video"  # 录像
    SHEET = "sheet"  # 表格
    OTHER = "other"  # 其他

    @property
    def zh(self) -> str:
        return _KIND_ZH[self]

    @property
    def en(self) -> str:
        return _KIND_EN[self]

    def label(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


_KIND_ZH = {
    AttachmentKind.SCAN: "扫描件",
    AttachmentKind.PHOTO: "照片",
    AttachmentKind.AUDIO: "录音",
    AttachmentKind.VIDEO: "录像",
    AttachmentKind.SHEET: "表格",
    AttachmentKind.OTHER: "其他",
}
_KIND_EN = {
    AttachmentKind.SCAN: "Scan",
    AttachmentKind.PHOTO: "Photo",
    AttachmentKind.AUDIO: "Audio",
    AttachmentKind.VIDEO: "Video",
    AttachmentKind.SHEET: "Spreadsheet",
    AttachmentKind.OTHER: "Other",
}

# suffix → (media type, kind). Our own table, so the answer does not depend on the machine's registry.
_BY_SUFFIX: dict[str, tuple[str, AttachmentKind]] = {
    ".pdf": ("application/pdf", AttachmentKind.SCAN),
    ".tif": ("image/tiff", AttachmentKind.SCAN),
    ".tiff": ("image/tiff", AttachmentKind.SCAN),
    ".jpg": ("image/jpeg", AttachmentKind.PHOTO),
    ".jpeg": ("image/jpeg", AttachmentKind.PHOTO),
    ".png": ("image/png", AttachmentKind.PHOTO),
    ".gif": ("image/gif", AttachmentKind.PHOTO),
    ".bmp": ("image/bmp", AttachmentKind.PHOTO),
    ".webp": ("image/webp", AttachmentKind.PHOTO),
    ".heic": ("image/heic", AttachmentKind.PHOTO),
    ".mp3": ("audio/mpeg", AttachmentKind.AUDIO),
    ".wav": ("audio/wav", AttachmentKind.AUDIO),
    ".m4a": ("audio/mp4", AttachmentKind.AUDIO),
    ".aac": ("audio/aac", AttachmentKind.AUDIO),
    ".amr": ("audio/amr", AttachmentKind.AUDIO),
    ".flac": ("audio/flac", AttachmentKind.AUDIO),
    ".ogg": ("audio/ogg", AttachmentKind.AUDIO),
    ".wma": ("audio/x-ms-wma", AttachmentKind.AUDIO),
    ".mp4": ("video/mp4", AttachmentKind.VIDEO),
    ".m4v": ("video/mp4", AttachmentKind.VIDEO),
    ".mov": ("video/quicktime", AttachmentKind.VIDEO),
    ".avi": ("video/x-msvideo", AttachmentKind.VIDEO),
    ".mkv": ("video/x-matroska", AttachmentKind.VIDEO),
    ".wmv": ("video/x-ms-wmv", AttachmentKind.VIDEO),
    ".3gp": ("video/3gpp", AttachmentKind.VIDEO),
    ".mpg": ("video/mpeg", AttachmentKind.VIDEO),
    ".mpeg": ("video/mpeg", AttachmentKind.VIDEO),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AttachmentKind.SHEET),
    ".xls": ("application/vnd.ms-excel", AttachmentKind.SHEET),
    ".csv": ("text/csv", AttachmentKind.SHEET),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", AttachmentKind.SHEET),
    ".et": ("application/vnd.ms-excel", AttachmentKind.SHEET),  # WPS 表格
}
_SCANNABLE = frozenset({AttachmentKind.PHOTO})  # an image added "as a scan" is a scan
DEFAULT_MEDIA_TYPE = "application/octet-stream"


def media_type_of(name: str) -> str:
    """The media (MIME) type for a file name, from its suffix; unknown suffixes are octet-stream."""
    found = _BY_SUFFIX.get(PurePath(name).suffix.lower())
    return found[0] if found else DEFAULT_MEDIA_TYPE


def kind_of(name: str, *, as_scan: bool = False) -> AttachmentKind:
    """The kind of a file from its suffix. PDF and TIFF are scans; JPEG/PNG are photos unless added as a scan."""
    found = _BY_SUFFIX.get(PurePath(name).suffix.lower())
    if found is None:
        return AttachmentKind.OTHER
    kind = found[1]
    if as_scan and kind in _SCANNABLE:
        return AttachmentKind.SCAN
    return kind


def previews_inside(media_type: str) -> bool:
    """PDFs and images preview inside the application; everything else opens in the system's program."""
    return media_type == "application/pdf" or media_type.startswith("image/")
