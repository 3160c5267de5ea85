"""What a record's scan file is called (DA/T 31 §命名): its 档号.

A multi-page file is named by the 档号 alone (``Z001-YZ·2023-0042.pdf``); single-page images by the
档号 and a running image number of four digits (``Z001-YZ·2023-0042-0003.jpg``). Characters that no
file system takes (``/ \\ : * ? " < > |`` and control characters) become ``_``; the "·" stays.
"""

from __future__ import annotations

from estate_desk.domain.errors import InputProblem

_FORBIDDEN = frozenset('/\\:*?"<>|')
_EXTENSIONS = {"pdf": "pdf", "tiff": "tif", "jpeg": "jpg", "png": "png"}


def _safe(archive_no: str) -> str:
    text = "".join("_" if ch in _FORBIDDEN or ord(ch) < 32 else ch for ch in archive_no.strip())
    if not text.strip("_. "):
        raise InputProblem(
            zh=f"档号“{archive_no}”不能作为文件名。",
            en=f"The archive number '{archive_no}' cannot name a file.",
        )
    return text


def _extension(file_format: str) -> str:
    ext = _EXTENSIONS.get(file_format.lower().lstrip("."))
    if ext is None:
        raise InputProblem(zh=f"不支持的文件格式：{file_format}", en=f"Unsupported file format: {file_format}")
    return ext


def scan_file_name(archive_no: str, file_format: str = "pdf") -> str:
    """The name of a record's multi-page scan: ``Z001-YZ·2023-0042.pdf``."""
    return f"{_safe(archive_no)}.{_extension(file_format)}"


def page_image_name(archive_no: str, page: int, file_format: str = "jpeg") -> str:
    """The name of one page's image: the 档号 and a four-digit running number, ``Z001-YZ·2023-0042-0003.jpg``."""
    if page < 1:
        raise InputProblem(zh=f"图像序号必须从 1 开始：{page}", en=f"Image numbers start at 1, not {page}.")
    return f"{_safe(archive_no)}-{page:04d}.{_extension(file_format)}"
