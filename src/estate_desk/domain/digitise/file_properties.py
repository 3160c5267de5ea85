"""The four-properties check's items on one stored file (DA/T 70): fixity, rendering, format and virus scan.

Part of ``four_properties.py``'s rules, kept apart because files have facts of their own: the format is told
by the content (:func:`sniff_format`; a name or a recorded media type can lie) and checked against the
office's list for long-term keeping (:data:`LONG_TERM_FORMATS` by default); a file that could not be read at
all fails its fixity when it is missing or broken, and is *not checked* when it is merely beyond the reader;
no virus scanner installed is *not checked*, never passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from estate_desk.domain.digitise.four_properties import MAX_LISTED, Item, ItemResult, failed, not_checked, passed

LONG_TERM_FORMATS = frozenset({"PDF", "PDF/A", "OFD", "TIFF", "JPEG", "JPEG2000", "PNG", "MP3", "WAV", "MP4"})
"""The default list of formats for long-term keeping (DA/T 31, GB/T 18894); the office may set its own."""
RENDERABLE = frozenset({"PDF", "PDF/A", "TIFF", "JPEG", "JPEG2000", "PNG"})


def sniff_format(data: bytes) -> str | None:
    """A file's format told by its content (the name and the recorded media type can lie); None: unknown."""
    head = data[:16]
    if head.startswith(b"%PDF-"):
        return "PDF/A" if b"pdfaid:part" in data[:1_000_000] or b"pdfaid:part" in data[-1_000_000:] else "PDF"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\x00\x00\x00\x0cjP  ") or head.startswith(b"\xff\x4f\xff\x51"):
        return "JPEG2000"
    if head.startswith(b"PK\x03\x04"):
        return "OFD" if b"OFD.xml" in data[:4096] else "ZIP"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3"):
        return "MP3"
    if head.startswith(b"RIFF") and data[8:12] == b"WAVE":
        return "WAV"
    if data[4:8] == b"ftyp":
        return "MP4"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith(b"BM"):
        return "BMP"
    return None


@dataclass(frozen=True)
class Rendering:
    """What opening a file showed: its pages, those that failed, or why it did not open at all."""

    pages: int = 0
    broken_pages: tuple[int, ...] = ()
    problem_zh: str = ""
    problem_en: str = ""


class Verdict(StrEnum):
    CLEAN = "clean"
    INFECTED = "infected"
    UNAVAILABLE = "unavailable"  # no scanner installed
    ERROR = "error"  # the scanner ran but gave no answer


@dataclass(frozen=True)
class VirusVerdict:
    verdict: Verdict
    detail: str = ""  # the signature found, or what went wrong
    scanner: str = ""


@dataclass(frozen=True)
class FileFacts:
    """One file of a record as the service found it. ``read_zh``/``read_en`` say why it could not be read
    (missing from the store, its seal broken, beyond the reader's clearance); then nothing else is known."""

    where: str
    document_id: int
    recorded_sha256: str
    actual_sha256: str | None = None
    format: str | None = None
    rendering: Rendering | None = None
    virus: VirusVerdict | None = None
    read_zh: str = ""
    read_en: str = ""
    damaged: bool = True  # a file that could not be read is missing or broken (else: not readable here)


def check_file(facts: FileFacts, formats: frozenset[str] = LONG_TERM_FORMATS) -> list[ItemResult]:
    """Fixity, rendering, format and virus scan of one file."""
    w, doc = facts.where, facts.document_id
    if facts.actual_sha256 is None:
        reason_zh, reason_en = facts.read_zh or "无法读取文件", facts.read_en or "the file cannot be read"
        judged = failed if facts.damaged else not_checked
        return [
            judged(Item.FIXITY, w, reason_zh, reason_en, doc),
            not_checked(Item.RENDERS, w, "文件无法读取", "the file could not be read", doc),
            not_checked(Item.FORMAT, w, "文件无法读取", "the file could not be read", doc),
            not_checked(Item.VIRUS, w, "文件无法读取", "the file could not be read", doc),
        ]
    results = [_fixity(facts), _renders(facts), _format(facts, formats), _virus(facts)]
    return results


def _fixity(facts: FileFacts) -> ItemResult:
    if facts.actual_sha256 != facts.recorded_sha256:
        return failed(
            Item.FIXITY,
            facts.where,
            f"SHA-256 与归档时记录的不符（记录 {facts.recorded_sha256[:12]}…，实际 {str(facts.actual_sha256)[:12]}…）",
            f"the SHA-256 differs from the one recorded at filing (recorded {facts.recorded_sha256[:12]}…, "
            f"now {str(facts.actual_sha256)[:12]}…)",
            facts.document_id,
        )
    return passed(Item.FIXITY, facts.where, facts.document_id)


def _renders(facts: FileFacts) -> ItemResult:
    r = facts.rendering
    w, doc = facts.where, facts.document_id
    if r is None:
        return not_checked(
            Item.RENDERS,
            w,
            f"{facts.format or '未知'} 格式不在此显示",
            f"{facts.format or 'unknown'} is not rendered here",
            doc,
        )
    if r.problem_zh or r.problem_en:
        return failed(Item.RENDERS, w, f"文件无法打开：{r.problem_zh}", f"the file does not open: {r.problem_en}", doc)
    if r.broken_pages:
        shown = ", ".join(str(n) for n in r.broken_pages[:MAX_LISTED])
        return failed(
            Item.RENDERS,
            w,
            f"第 {shown} 页无法显示（共 {r.pages} 页）",
            f"page(s) {shown} of {r.pages} do not render",
            doc,
        )
    if r.pages == 0:
        return failed(Item.RENDERS, w, "文件中没有页面", "the file holds no page", doc)
    return passed(Item.RENDERS, w, doc, f"{r.pages} 页均可显示", f"all {r.pages} page(s) render")


def _format(facts: FileFacts, formats: frozenset[str]) -> ItemResult:
    w, doc = facts.where, facts.document_id
    if facts.format is None:
        return failed(Item.FORMAT, w, "无法识别的文件格式", "the file's format is not recognised", doc)
    if facts.format not in formats:
        listed = "、".join(sorted(formats))
        return failed(
            Item.FORMAT,
            w,
            f"{facts.format} 不在长期保存格式清单（{listed}）中",
            f"{facts.format} is not on the list of long-term formats ({listed.replace('、', ', ')})",
            doc,
        )
    return passed(Item.FORMAT, w, doc, facts.format, facts.format)


def _virus(facts: FileFacts) -> ItemResult:
    w, doc, v = facts.where, facts.document_id, facts.virus
    if v is None or v.verdict is Verdict.UNAVAILABLE:
        return not_checked(
            Item.VIRUS, w, "未安装 ClamAV，未做病毒检测", "ClamAV is not installed; no virus scan was made", doc
        )
    if v.verdict is Verdict.ERROR:
        return not_checked(
            Item.VIRUS, w, f"病毒检测未完成：{v.detail}", f"the virus scan did not finish: {v.detail}", doc
        )
    if v.verdict is Verdict.INFECTED:
        return failed(Item.VIRUS, w, f"发现恶意代码：{v.detail}", f"malicious code found: {v.detail}", doc)
    return passed(Item.VIRUS, w, doc, v.scanner, v.scanner)
