"""Reading a scanned stack (扫描文件): its pages rendered for the barcode reader, and a record's pages as a PDF.

A stack is one multi-page PDF, one multi-page TIFF, or a set of JPEG/PNG/TIFF page images in the given
order. :func:`open_stack` refuses, with a message naming the file, what cannot be a stack: an empty file,
a file that is neither a PDF nor an image (judged by its first bytes, not its name), an encrypted PDF,
a file that will not decode. Pages are rendered one at a time at 150 dpi in greyscale, so a long stack
needs little memory; cover sheets are read with zxing-cpp. A record's scan is a PDF: pages of a PDF are
copied from it with pypdfium2 (nothing re-encoded), images are wrapped losslessly with img2pdf (a JPEG as
it is; a TIFF frame as PNG).

A record fed upside down (or sideways) through the feeder comes with its cover sheet turned the same way:
the barcode reader says how far the sheet is turned, and the record's pages are turned upright in its PDF
by the page's rotation (``/Rotate``), so no pixel is re-encoded and the scanner's own file is unchanged.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import img2pdf
import pypdfium2 as pdfium
import zxingcpp
from PIL import Image, UnidentifiedImageError

from estate_desk.domain.digitise import cover_codes
from estate_desk.domain.digitise.splitting import PageKind, PageReading
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

READ_DPI = 150
CODE_128 = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.Code128)
MAX_PAGES = 10_000  # a stack is a box or a cabinet; beyond this it is not a scan
_KINDS = {b"%PDF-": "pdf", b"II*\x00": "tiff", b"MM\x00*": "tiff", b"\xff\xd8\xff": "jpeg", b"\x89PNG\r\n\x1a\n": "png"}
MEDIA_TYPES = {"pdf": "application/pdf", "tiff": "image/tiff", "jpeg": "image/jpeg", "png": "image/png"}


def _refused(path: Path, zh: str, en: str) -> InputProblem:
    return InputProblem(zh=f"“{path.name}”{zh}", en=f"'{path.name}' {en}", where=str(path))


def kind_of(path: Path) -> str:
    """``pdf``, ``tiff``, ``jpeg`` or ``png`` from the file's first bytes; refuses anything else."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except FileNotFoundError:
        raise _refused(path, "不存在。", "does not exist.") from None
    except OSError as exc:
        raise _refused(path, f"无法读取：{exc.strerror}。", f"cannot be read: {exc.strerror}.") from exc
    if not head:
        raise _refused(
            path, "是空文件（0 字节），可能还在复制中。", "is empty (0 bytes); it may still be being copied."
        )
    for magic, kind in _KINDS.items():
        if head.startswith(magic):
            return kind
    raise _refused(
        path,
        "不是 PDF 或图像（JPEG、PNG、TIFF）文件，不能作为扫描件导入。",
        "is not a PDF or an image (JPEG, PNG, TIFF); it cannot be imported as a scan.",
    )


@dataclass(frozen=True)
class _Page:
    file: int  # index into Stack.files
    index: int  # page (PDF) or frame (TIFF) within that file


class Stack:
    """An opened stack: its files, their kinds, and where each page is."""

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = list(files)
        self._open: dict[int, Image.Image] = {}  # the image file being read, kept open between pages
        self.kinds = [kind_of(p) for p in self.files]
        if "pdf" in self.kinds and len(self.files) > 1:
            raise InputProblem(
                zh="PDF 扫描件请逐个导入，不要与其他文件一起作为一叠导入。",
                en="Import a scanned PDF on its own, not together with other files as one stack.",
            )
        self.counts = [self._count(p, k) for p, k in zip(self.files, self.kinds, strict=True)]
        self.pages = [_Page(f, i) for f, n in enumerate(self.counts) for i in range(n)]
        if not self.pages:
            raise _refused(self.files[0], "中没有页面。", "holds no pages.")
        if len(self.pages) > MAX_PAGES:
            raise InputProblem(
                zh=f"一叠扫描件最多 {MAX_PAGES} 页，这叠有 {len(self.pages)} 页，请分开导入。",
                en=f"A stack holds at most {MAX_PAGES} pages; this one has {len(self.pages)}. Import it in parts.",
            )

    @staticmethod
    def _count(path: Path, kind: str) -> int:
        if kind == "pdf":
            try:
                pdf = pdfium.PdfDocument(path)
            except pdfium.PdfiumError as exc:
                if "password" in str(exc).lower():
                    raise _refused(
                        path,
                        "是加密的 PDF，无法读取，请导出不加密的文件。",
                        "is an encrypted PDF; export it unencrypted.",
                    ) from exc
                raise _refused(path, "已损坏，无法作为 PDF 读取。", "is damaged and cannot be read as a PDF.") from exc
            try:
                return len(pdf)
            finally:
                pdf.close()
        try:
            with Image.open(path) as image:
                image.load()
                return int(getattr(image, "n_frames", 1))
        except (UnidentifiedImageError, OSError, ValueError) as exc:
            raise _refused(path, "已损坏，无法作为图像读取。", "is damaged and cannot be read as an image.") from exc

    def __len__(self) -> int:
        return len(self.pages)

    def __enter__(self) -> Stack:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for image in self._open.values():
            image.close()
        self._open.clear()

    def _frame(self, page: _Page) -> Image.Image:
        """The image file's frame, from a handle kept open while the file is read: the reader remembers where
        each frame it passed starts, so a 5,000-page TIFF is walked once, not once per page (pages are read
        in order, so one open file at a time is enough)."""
        image = self._open.get(page.file)
        if image is None:
            self.close()  # one file open at a time: a set of 5,000 page images must not hold 5,000 handles
            image = self._open[page.file] = Image.open(self.files[page.file])
        image.seek(page.index)
        return image

    def images(self) -> Iterator[Image.Image]:
        """Every page in order, one at a time, as a greyscale image (PDF pages rendered at 150 dpi)."""
        pdf: pdfium.PdfDocument | None = None
        if self.kinds[0] == "pdf":
            pdf = pdfium.PdfDocument(self.files[0])
        try:
            for page in self.pages:
                if pdf is not None:
                    yield _render(pdf[page.index])
                    continue
                yield self._frame(page).convert("L")
        finally:
            if pdf is not None:
                pdf.close()

    def record_pdf(self, numbers: Sequence[int], turn: int = 0) -> bytes:
        """The stack's pages ``numbers`` (counted from 1) as one PDF, copied or wrapped without loss, each
        page turned clockwise by ``turn`` degrees (a multiple of 90) when the record was fed turned."""
        chosen = [self.pages[n - 1] for n in numbers]
        if self.kinds[0] == "pdf":
            source = pdfium.PdfDocument(self.files[0])
            target = pdfium.PdfDocument.new()
            try:
                target.import_pages(source, [p.index for p in chosen])
                return _saved(target, turn)
            finally:
                target.close()
                source.close()
        wrapped = bytes(img2pdf.convert([self._image_bytes(p) for p in chosen]))
        if not turn % 360:
            return wrapped
        pdf = pdfium.PdfDocument(wrapped)
        try:
            return _saved(pdf, turn)
        finally:
            pdf.close()

    def _image_bytes(self, page: _Page) -> bytes:
        path, kind = self.files[page.file], self.kinds[page.file]
        if kind in ("jpeg", "png") and self.counts[page.file] == 1:
            data = path.read_bytes()
            if kind == "jpeg" or _wrappable(data):
                return data
        frame = self._frame(page).copy()
        if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
            frame = frame.convert("RGB")  # PDF images have no alpha: the page on white, as scanned
        out = io.BytesIO()
        frame.save(out, format="PNG")
        return out.getvalue()


def _saved(pdf: pdfium.PdfDocument, turn: int) -> bytes:
    """The document as bytes, every page's rotation turned clockwise by ``turn`` degrees first."""
    if turn % 360:
        for page in pdf:
            page.set_rotation((page.get_rotation() + turn) % 360)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def turn_of(orientation: int) -> int:
    """The clockwise turn (0, 90, 180, 270) that makes upright a barcode the reader found at ``orientation``
    degrees (zxing-cpp: counter-clockwise positive)."""
    return (-round(orientation / 90) * 90) % 360


def _render(page: pdfium.PdfPage) -> Image.Image:
    """A PDF page at 150 dpi in greyscale; without image smoothing, which bars need not and which halves the time."""
    image: Image.Image = page.render(scale=READ_DPI / 72, grayscale=True, no_smoothimage=True).to_pil()
    return image.convert("L")


def _wrappable(png: bytes) -> bool:
    """Whether img2pdf takes a PNG as it is (no alpha channel)."""
    try:
        img2pdf.convert(png)
    except Exception:
        return False
    return True


def open_stack(files: Sequence[Path]) -> Stack:
    """Open a stack for reading; refuses whole-file problems with a message naming the file."""
    if not files:
        raise InputProblem(zh="没有选择要导入的文件。", en="No file was chosen to import.")
    return Stack(files)


def read_page(number: int, image: Image.Image) -> PageReading:
    """What one page is: a cover sheet (its code read, or only its mark), or a page of a record."""
    found = zxingcpp.read_barcodes(image, formats=CODE_128, try_invert=False)  # sheets are black on white
    texts = [b.text for b in found if b.valid]
    for barcode in found:
        code = cover_codes.parse(barcode.text) if barcode.valid else None
        if code is not None:
            return PageReading(number, PageKind.SHEET, code, barcode.text, turn_of(barcode.orientation))
    ours = [t for t in texts if t.startswith(cover_codes.PREFIX + ":")]
    if cover_codes.SHEET_MARK in texts or ours:
        return PageReading(number, PageKind.UNREADABLE, None, ours[0] if ours else "")
    return PageReading(number, PageKind.PAGE)
