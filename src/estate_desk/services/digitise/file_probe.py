"""Looking at one stored file for the four-properties check: read it, hash it, tell its format, render it.

The file is read through the attachments' own door (``open_for_preview``): within the reader's clearance, a
sealed file decrypted and authenticated in memory (never to disk), the viewing of a classified record
audited as any viewing is. Every page of a PDF is rendered with pypdfium2 and every frame of an image opened
with Pillow, small: the check asks whether a page shows, not how it looks (that is the quality check's).
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

from estate_desk.domain.digitise.file_properties import RENDERABLE, FileFacts, Rendering, sniff_format
from estate_desk.domain.errors import NotFound, UserError
from estate_desk.services.archive.attachments import open_for_preview
from estate_desk.store.sealed import SealBroken

if TYPE_CHECKING:
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.render_memo import Memo
    from estate_desk.services.digitise.virus_scan import Scanner
    from estate_desk.store.database import Database

RENDER_DPI = 20  # enough to decode and draw every object of a page


def probe(
    db: Database,
    actor: Actor,
    *,
    attachment_id: int,
    document_id: int,
    where: str,
    recorded_sha256: str,
    scanner: Scanner,
    memo: Memo | None = None,
) -> FileFacts:
    """Everything the check needs to know of one attachment (what could not be read says why). With a
    ``memo`` (``render_memo.py``), intact content rendered before is not rendered again, and what is
    rendered now is added to it."""
    try:
        data = open_for_preview(db, actor, attachment_id).read_bytes()
    except (NotFound, SealBroken) as exc:  # missing from the store, or its seal broken: damaged
        return FileFacts(where, document_id, recorded_sha256, read_zh=exc.message("zh"), read_en=exc.message("en"))
    except UserError as exc:  # above the reader's clearance, or a sealed file the window cannot show
        return FileFacts(
            where, document_id, recorded_sha256, read_zh=exc.message("zh"), read_en=exc.message("en"), damaged=False
        )
    except OSError as exc:
        detail = exc.strerror or str(exc)
        return FileFacts(
            where, document_id, recorded_sha256, read_zh=f"读取失败：{detail}", read_en=f"read failed: {detail}"
        )
    actual = hashlib.sha256(data).hexdigest()
    intact = actual == recorded_sha256
    known = memo.get(actual) if memo is not None and intact else None
    if known is not None:  # the same content as last time: judged on what rendering it showed then
        kind, rendering = known
    else:
        kind = sniff_format(data)
        rendering = render(data, kind) if kind in RENDERABLE else None
    if memo is not None and intact:
        memo[actual] = (kind, rendering)
    return FileFacts(
        where,
        document_id,
        recorded_sha256,
        actual_sha256=actual,
        format=kind,
        rendering=rendering,
        virus=scanner(data, where),
    )


def render(data: bytes, kind: str | None) -> Rendering:
    """Open the file and draw every page; a page that fails is named, a file that does not open says why."""
    return _render_pdf(data) if kind in ("PDF", "PDF/A") else _render_image(data)


def _render_pdf(data: bytes) -> Rendering:
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        return Rendering(problem_zh=f"PDF 已损坏或加密（{exc}）", problem_en=f"the PDF is damaged or encrypted ({exc})")
    broken: list[int] = []
    try:
        total = len(pdf)
        for number in range(1, total + 1):
            try:
                page = pdf[number - 1]
                try:
                    page.render(scale=RENDER_DPI / 72).close()
                finally:
                    page.close()
            except pdfium.PdfiumError:
                broken.append(number)
    finally:
        pdf.close()
    return Rendering(total, tuple(broken))


def _render_image(data: bytes) -> Rendering:
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return Rendering(problem_zh=f"图像无法解码（{exc}）", problem_en=f"the image cannot be decoded ({exc})")
    broken: list[int] = []
    with image:
        frames = getattr(image, "n_frames", 1)
        for number in range(1, frames + 1):
            try:
                image.seek(number - 1)
                image.load()
            except (OSError, ValueError, EOFError, SyntaxError):
                broken.append(number)
    return Rendering(frames, tuple(broken))
