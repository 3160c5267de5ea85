"""The four-properties check of electronic records (四性检测, DA/T 70-2018), as pure rules (A5).

An electronic record is checked when its scan is linked, when a batch is handed over, and periodically over
the whole archive. Each :class:`Item` belongs to one :class:`Property`:

- 真实性 authenticity: the file's SHA-256 against the value recorded when it was filed (:attr:`Item.FIXITY`);
  the metadata's types and ranges, and the 档号 agreeing with the fields it is made of (:attr:`Item.METADATA`);
- 完整性 integrity: the required metadata filled (:attr:`Item.REQUIRED`); no gaps in a 档号 series
  (:attr:`Item.SERIES`); the pages of the scan against the registered 页数 (:attr:`Item.PAGES`);
- 可用性 usability: every page of every file opens and renders (:attr:`Item.RENDERS`); the file's format, told
  by its content, on the office's list for long-term keeping (:attr:`Item.FORMAT`) — the items on a file are
  judged in ``file_properties.py``;
- 安全性 security: a virus scan (:attr:`Item.VIRUS`) — with no scanner installed the item is *not checked*,
  never passed; the record has an audit trail (:attr:`Item.AUDIT_TRAIL`).

Each result is passed, failed or not checked, with the record (or file, or series) and the reason in Chinese
and English. The service measures (hashes, renders, asks the scanner); this module only judges.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from estate_desk.domain.clock import CHINA_TZ

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import date, datetime


class Property(StrEnum):
    AUTHENTICITY = "authenticity"
    INTEGRITY = "integrity"
    USABILITY = "usability"
    SECURITY = "security"

    @property
    def zh(self) -> str:
        return {"authenticity": "真实性", "integrity": "完整性", "usability": "可用性", "security": "安全性"}[
            self.value
        ]


class Item(StrEnum):
    FIXITY = "fixity"
    METADATA = "metadata"
    REQUIRED = "required"
    SERIES = "series"
    PAGES = "pages"
    RENDERS = "renders"
    FORMAT = "format"
    VIRUS = "virus"
    AUDIT_TRAIL = "audit_trail"

    @property
    def prop(self) -> Property:
        """The property (真实性 …) the item belongs to."""
        return _ITEMS[self][0]

    @property
    def zh(self) -> str:
        return _ITEMS[self][1]

    @property
    def en(self) -> str:
        return _ITEMS[self][2]


_ITEMS: dict[Item, tuple[Property, str, str]] = {
    Item.FIXITY: (Property.AUTHENTICITY, "固定性（哈希值）", "fixity (hash)"),
    Item.METADATA: (Property.AUTHENTICITY, "元数据类型与取值", "metadata types and ranges"),
    Item.REQUIRED: (Property.INTEGRITY, "必填元数据", "required metadata"),
    Item.SERIES: (Property.INTEGRITY, "档号连续", "archive number series"),
    Item.PAGES: (Property.INTEGRITY, "页数相符", "pages against 页数"),
    Item.RENDERS: (Property.USABILITY, "可打开、可显示", "opens and renders"),
    Item.FORMAT: (Property.USABILITY, "长期保存格式", "long-term format"),
    Item.VIRUS: (Property.SECURITY, "病毒检测", "virus scan"),
    Item.AUDIT_TRAIL: (Property.SECURITY, "审计记录", "audit trail"),
}


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"

    @property
    def zh(self) -> str:
        return {"passed": "通过", "failed": "不通过", "not_checked": "未检测"}[self.value]

    @property
    def en(self) -> str:
        return {"passed": "passed", "failed": "failed", "not_checked": "not checked"}[self.value]


@dataclass(frozen=True)
class ItemResult:
    """One item's outcome for one record, file or series, with the reason in both languages."""

    item: Item
    outcome: Outcome
    where: str  # the 档号, "档号「file name」", or the series
    zh: str = ""
    en: str = ""
    document_id: int | None = None

    def reason(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


def passed(item: Item, where: str, document_id: int | None = None, zh: str = "", en: str = "") -> ItemResult:
    return ItemResult(item, Outcome.PASSED, where, zh, en, document_id)


def failed(item: Item, where: str, zh: str, en: str, document_id: int | None = None) -> ItemResult:
    return ItemResult(item, Outcome.FAILED, where, zh, en, document_id)


def not_checked(item: Item, where: str, zh: str, en: str, document_id: int | None = None) -> ItemResult:
    return ItemResult(item, Outcome.NOT_CHECKED, where, zh, en, document_id)


# --------------------------------------------------------------------------- the record's metadata

FIRST_YEAR = 1900
MAX_PAGES = 100_000
MAX_TITLE = 400
GRADES = range(5)  # 公开 … 绝密


@dataclass(frozen=True)
class RecordFacts:
    """What the register holds of one record, and the 档号 its fields make under the office's pattern."""

    document_id: int
    archive_no: str
    expected_archive_no: str | None  # None: the fields could not make one (an unknown retention …)
    title: str
    year: int
    item_no: int
    pages: int
    secrecy: int
    retention_ok: bool
    doc_date: date | None
    responsible: str
    registered_at: datetime


def check_metadata(facts: RecordFacts) -> ItemResult:
    """Authenticity: each value has its type and range, and the 档号 is the one its fields make."""
    wrong: list[tuple[str, str]] = []
    latest = facts.registered_at.year + 1
    if not FIRST_YEAR <= facts.year <= latest:
        wrong.append(
            (f"年度 {facts.year} 超出 {FIRST_YEAR}–{latest}", f"year {facts.year} outside {FIRST_YEAR}–{latest}")
        )
    if facts.item_no < 1:
        wrong.append((f"件号 {facts.item_no} 不是正整数", f"item number {facts.item_no} is not positive"))
    if not 0 <= facts.pages <= MAX_PAGES:
        wrong.append((f"页数 {facts.pages} 超出 0–{MAX_PAGES}", f"page count {facts.pages} outside 0–{MAX_PAGES}"))
    if facts.secrecy not in GRADES:
        wrong.append((f"密级代码 {facts.secrecy} 无效", f"secrecy code {facts.secrecy} is not a grade"))
    if not facts.retention_ok:
        wrong.append(("保管期限无效", "the retention period is not valid"))
    if len(facts.title) > MAX_TITLE:
        wrong.append((f"题名超过 {MAX_TITLE} 字", f"title longer than {MAX_TITLE} characters"))
    registered_on = facts.registered_at.astimezone(CHINA_TZ).date()  # the office's day, not UTC's
    if facts.doc_date is not None and facts.doc_date > registered_on:
        wrong.append(
            (f"文件日期 {facts.doc_date} 晚于登记日期", f"document date {facts.doc_date} is after its registration")
        )
    if facts.expected_archive_no is not None and facts.expected_archive_no != facts.archive_no:
        wrong.append(
            (
                f"档号与其门类、年度、期限、件号不符（应为 {facts.expected_archive_no}）",
                f"the archive number does not match its category, year, retention and item "
                f"(expected {facts.expected_archive_no})",
            )
        )
    if wrong:
        return failed(
            Item.METADATA,
            facts.archive_no,
            "；".join(z for z, _ in wrong),
            "; ".join(e for _, e in wrong),
            facts.document_id,
        )
    return passed(Item.METADATA, facts.archive_no, facts.document_id)


def check_required(facts: RecordFacts) -> ItemResult:
    """Integrity: the fields every record must carry (DA/T 22's 档号, 题名, 责任者, 日期, 页数 …) are filled."""
    missing: list[tuple[str, str]] = []
    if not facts.archive_no.strip():
        missing.append(("档号", "archive number"))
    if not facts.title.strip():
        missing.append(("题名", "title"))
    if not facts.responsible.strip():
        missing.append(("责任者", "responsible party"))
    if facts.doc_date is None:
        missing.append(("日期", "date"))
    if facts.pages <= 0:
        missing.append(("页数", "page count"))
    if missing:
        return failed(
            Item.REQUIRED,
            facts.archive_no,
            "缺少必填元数据：" + "、".join(z for z, _ in missing),
            "required metadata missing: " + ", ".join(e for _, e in missing),
            facts.document_id,
        )
    return passed(Item.REQUIRED, facts.archive_no, facts.document_id)


def check_pages(facts: RecordFacts, scanned: int | None, *, has_scan: bool = False) -> ItemResult:
    """Integrity: the scan has as many pages as the register says (``scanned`` None: no scan to count, or
    ``has_scan``: a scan that did not open)."""
    if scanned is None:
        zh, en = (
            ("扫描件无法打开，未能清点页数", "the scan does not open; its pages could not be counted")
            if has_scan
            else ("没有扫描件可清点页数", "no scan whose pages could be counted")
        )
        return not_checked(Item.PAGES, facts.archive_no, zh, en, facts.document_id)
    if scanned != facts.pages:
        return failed(
            Item.PAGES,
            facts.archive_no,
            f"扫描件 {scanned} 页，登记页数 {facts.pages} 页",
            f"the scan has {scanned} page(s); the register says {facts.pages}",
            facts.document_id,
        )
    return passed(Item.PAGES, facts.archive_no, facts.document_id)


def check_audit_trail(facts: RecordFacts, events: int) -> ItemResult:
    """Security: the record's filing left at least one row in the audit trail."""
    if events <= 0:
        return failed(
            Item.AUDIT_TRAIL,
            facts.archive_no,
            "审计记录中没有这件档案的登记、挂接或数字化记录",
            "the audit trail holds no registration, attachment or digitisation of this record",
            facts.document_id,
        )
    return passed(Item.AUDIT_TRAIL, facts.archive_no, facts.document_id)


# --------------------------------------------------------------------------- the 档号 series


@dataclass(frozen=True)
class Series:
    """One numbering series (a category, year and retention of the fonds): the item numbers found in it and
    the last number the counter gave (0 if unknown)."""

    label: str  # how the report names it: "Z001-YZ·2024-Y"
    numbers: tuple[int, ...]
    last_issued: int = 0


MAX_LISTED = 20


def check_series(series: Series) -> ItemResult:
    """Integrity: every number from 1 to the last given is there (a destroyed record stays as its tombstone,
    so a gap is a record lost from the register)."""
    present = set(series.numbers)
    top = max([series.last_issued, *present], default=0)
    gaps = [n for n in range(1, top + 1) if n not in present]
    if not gaps:
        return passed(Item.SERIES, series.label, None, f"件号 1–{top} 连续", f"items 1–{top} without a gap")
    shown = "、".join(str(n) for n in gaps[:MAX_LISTED]) + ("…" if len(gaps) > MAX_LISTED else "")
    return failed(
        Item.SERIES,
        series.label,
        f"档号不连续：缺件号 {shown}（共 {len(gaps)} 个）",
        f"the series has gaps: item number(s) {shown.replace('、', ', ')} missing ({len(gaps)} in all)",
    )


# --------------------------------------------------------------------------- the whole


@dataclass(frozen=True)
class Tally:
    passed: int = 0
    failed: int = 0
    not_checked: int = 0


def tally(results: Iterable[ItemResult]) -> dict[Property, Tally]:
    """Passed, failed and not checked per property, every property present."""
    counts: Counter[tuple[Property, Outcome]] = Counter((r.item.prop, r.outcome) for r in results)
    return {
        p: Tally(counts[(p, Outcome.PASSED)], counts[(p, Outcome.FAILED)], counts[(p, Outcome.NOT_CHECKED)])
        for p in Property
    }


ORDER = {item: n for n, item in enumerate(Item)}


@dataclass(frozen=True)
class Inspection:
    """A whole check: what it covered, when, and every result in report order (by record, then item)."""

    scope_zh: str
    scope_en: str
    checked_at: datetime
    records: int
    results: tuple[ItemResult, ...]
    notes: tuple[tuple[str, str], ...] = field(default=())  # (zh, en): what was left out, and why

    @property
    def ok(self) -> bool:
        return all(r.outcome is not Outcome.FAILED for r in self.results)

    def failures(self) -> list[ItemResult]:
        return [r for r in self.results if r.outcome is Outcome.FAILED]

    def summary(self, lang: str = "zh") -> str:
        counts = tally(self.results)
        zh = lang.startswith("zh")
        parts = [
            f"{p.zh} 通过 {t.passed}、不通过 {t.failed}、未检测 {t.not_checked}"
            if zh
            else f"{p.value}: {t.passed} passed, {t.failed} failed, {t.not_checked} not checked"
            for p, t in counts.items()
        ]
        head = (
            f"四性检测（{self.scope_zh}，{self.records} 件）："
            if zh
            else f"Four-properties check ({self.scope_en}, {self.records} records): "
        )
        return head + ("；".join(parts) if zh else "; ".join(parts))

    def lines(self, lang: str = "zh") -> list[str]:
        """The summary, what was left out, and every failed item with its record and reason: for a terminal."""
        zh = lang.startswith("zh")
        out = [self.summary(lang)] + [z if zh else e for z, e in self.notes]
        for r in self.failures():
            item = f"{r.item.prop.zh}·{r.item.zh}" if zh else f"{r.item.prop.value}: {r.item.en}"
            out.append(f"{r.outcome.zh if zh else r.outcome.en}\t{item}\t{r.where}\t{r.reason(lang)}")
        return out


def in_report_order(results: Sequence[ItemResult]) -> tuple[ItemResult, ...]:
    """Series results first, then each record's in the order found, items in :class:`Item` order."""
    first_seen: dict[str, int] = {}
    for r in results:
        first_seen.setdefault(r.where.split("「")[0], len(first_seen))
    return tuple(
        sorted(results, key=lambda r: (r.item is not Item.SERIES, first_seen[r.where.split("「")[0]], ORDER[r.item]))
    )
