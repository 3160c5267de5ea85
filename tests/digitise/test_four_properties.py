"""The four-properties check (四性检测, DA/T 70): every failing item planted in a small estate is named in the
report, by record and reason; without ClamAV the virus scan says "not checked"; the .xlsx holds every item; the
PDF is filed as a record of the archive; the CLI and ``verify --four-properties`` exit 1 on a failure."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import img2pdf
import pytest
from openpyxl import load_workbook
from PIL import Image
from sqlalchemy import select, update

from estate_desk.cli.__main__ import main
from estate_desk.domain.digitise.file_properties import Verdict, VirusVerdict, sniff_format
from estate_desk.domain.digitise.four_properties import Item, Outcome, Series, check_series
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments, numbering
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.archive.register import register
from estate_desk.services.digitise import batches, four_properties, four_properties_report, virus_scan
from estate_desk.store.archive import Attachment, Category, Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.domain.digitise.four_properties import Inspection
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db

CLERK_PASSWORD = "clerk-pass-1"  # make_actor's password for "clerk"


def pdf_pages(count: int, tag: int = 0) -> bytes:
    """A PDF of ``count`` small pages; ``tag`` makes its content its own (the store keeps equal content once)."""
    pages = []
    for n in range(count):
        out = io.BytesIO()
        Image.new("L", (120 + tag, 170), 255 - 20 * n).save(out, format="PNG")
        pages.append(out.getvalue())
    return img2pdf.convert(pages)


def planted_scanner(data: bytes, name: str) -> VirusVerdict:
    """Says every file whose name says so is infected (the EICAR test signature, as ClamAV names it)."""
    if "infected" in name:
        return VirusVerdict(Verdict.INFECTED, "Win.Test.EICAR_HDB-1", "planted")
    return VirusVerdict(Verdict.CLEAN, "", "planted")


@dataclass
class Estate:
    """Records of a small estate, each with the flaw its name says."""

    numbers: dict[str, str]  # name → 档号
    ids: dict[str, int]
    gap_item: int


def _draft(title: str, pages: int = 2, **changes: object) -> DocumentDraft:
    fields: dict[str, object] = {
        "doc_date": date(2023, 5, 4),
        "responsible": "翠湖苑物业服务中心",
        "pages": pages,
        "secrecy": Grade.INTERNAL,
    }
    fields.update(changes)
    return DocumentDraft("WX", title, 2023, **fields)  # type: ignore[arg-type]


def _attach(db: Database, clock: FakeClock, actor: Actor, tmp_path: Path, doc: int, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    attachments.attach_file(db, clock, actor, doc, path)


def build(db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Estate:
    ids: dict[str, int] = {}
    for name, draft in (
        ("good", _draft("维修记录 完好")),
        ("sealed", _draft("维修记录 秘密", secrecy=Grade.SECRET)),
        ("hash", _draft("维修记录 被改动")),
        ("missing", _draft("维修记录 缺责任者", responsible="")),
        ("lost", _draft("维修记录 将从登记中丢失")),
        ("pages", _draft("维修记录 页数不符", pages=5)),
        ("broken", _draft("维修记录 打不开")),
        ("format", _draft("维修记录 格式不对")),
        ("virus", _draft("维修记录 带毒")),
        ("future", _draft("维修记录 日期在未来", doc_date=date(2031, 1, 1))),
    ):
        ids[name] = register(db, clock, clerk, draft)
    for tag, name in enumerate(("good", "sealed", "hash", "missing", "pages", "future")):
        _attach(db, clock, clerk, tmp_path, ids[name], f"{name}.pdf", pdf_pages(2, tag))
    _attach(db, clock, clerk, tmp_path, ids["broken"], "broken.pdf", b"%PDF-1.4\n1 0 obj garbage without end\n")
    gif = io.BytesIO()
    Image.new("RGB", (40, 40), "red").save(gif, format="GIF")
    _attach(db, clock, clerk, tmp_path, ids["format"], "photo.gif", gif.getvalue())
    _attach(db, clock, clerk, tmp_path, ids["virus"], "infected.pdf", pdf_pages(2, 10))
    with db.session() as s:  # a record filed by hand, outside the services: no audit trail at all
        silent = numbering.register_document(s, clock, _draft("维修记录 无审计"), created_by=None)
        attachments.attach_bytes(
            s,
            clock,
            document_id=silent.id,
            data=pdf_pages(2, 11),
            name="silent.pdf",
            kind=attachments.AttachmentKind.SCAN,
            added_by=None,
        )
        ids["silent"] = silent.id
        lost = s.get(Document, ids.pop("lost"))
        assert lost is not None
        gap_item = lost.item_no
        # records are never deleted (A17, a trigger sees to it): a hand edit of the database moves one to another
        # year instead, consistently, and leaves a gap in its series
        s.execute(
            update(Document)
            .where(Document.id == lost.id)
            .values(year=2022, item_no=1, archive_no=lost.archive_no.replace("2023", "2022")[:-4] + "0001")
        )
        numbers = {name: s.get(Document, i).archive_no for name, i in ids.items()}  # type: ignore[union-attr]
        hashed = s.scalar(select(Attachment.sha256).where(Attachment.document_id == ids["hash"]))
    assert hashed is not None
    blob = attachments.blob_store().path_of(hashed)
    blob.chmod(0o644)
    data = bytearray(blob.read_bytes())
    data[-20] ^= 0xFF
    blob.write_bytes(bytes(data))
    return Estate(numbers, ids, gap_item)


def _outcomes(inspection: Inspection, archive_no: str) -> dict[Item, set[Outcome]]:
    found: dict[Item, set[Outcome]] = {}
    for r in inspection.results:
        if r.where.split("「")[0] == archive_no:
            found.setdefault(r.item, set()).add(r.outcome)
    return found


@pytest.fixture
def estate(ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path) -> Estate:
    (tmp_path / "files").mkdir()
    return build(ready_db, clock, clerk, tmp_path / "files")


# --------------------------------------------------------------------------- the rules


def test_formats_are_told_by_their_content_not_their_name() -> None:
    assert sniff_format(pdf_pages(1)) == "PDF"
    assert sniff_format(b"%PDF-1.7\n<x:xmpmeta><pdfaid:part>2</pdfaid:part>") == "PDF/A"
    assert sniff_format(b"II*\x00rest") == "TIFF"
    assert sniff_format(b"\xff\xd8\xff\xe0") == "JPEG"
    assert sniff_format(b"PK\x03\x04....OFD.xml") == "OFD"
    assert sniff_format(b"GIF89a") == "GIF"
    assert sniff_format(b"plain text") is None


def test_a_series_gap_is_named_and_the_counter_counts() -> None:
    assert check_series(Series("Z001-WX·2023-D10", (1, 2, 3))).outcome is Outcome.PASSED
    gap = check_series(Series("Z001-WX·2023-D10", (1, 3), last_issued=5))
    assert gap.outcome is Outcome.FAILED and "2、4、5" in gap.zh and "3 in all" in gap.en


def test_a_document_dated_today_in_china_is_not_after_a_registration_late_in_the_utc_evening() -> None:
    from datetime import UTC, datetime

    from estate_desk.domain.digitise.four_properties import RecordFacts, check_metadata

    late = datetime(2026, 12, 7, 22, 30, tzinfo=UTC)  # 06:30 on the 8th in the office
    facts = RecordFacts(1, "Z001-XZ·2026-D10-0001", None, "报告", 2026, 1, 1, 1, True, date(2026, 12, 8), "x", late)
    assert check_metadata(facts).outcome is Outcome.PASSED
    ahead = RecordFacts(1, "Z001-XZ·2026-D10-0001", None, "报告", 2026, 1, 1, 1, True, date(2026, 12, 9), "x", late)
    assert check_metadata(ahead).outcome is Outcome.FAILED


def test_without_clamav_the_virus_scan_is_not_checked_never_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(virus_scan.shutil, "which", lambda _name: None)
    scanner = virus_scan.default_scanner()
    assert scanner(b"anything", "x.pdf").verdict is Verdict.UNAVAILABLE


# --------------------------------------------------------------------------- the check over a small estate


def test_the_report_names_each_planted_failure(ready_db: Database, clerk: Actor, estate: Estate) -> None:
    inspection = four_properties.inspect_archive(ready_db, clerk, scanner=planted_scanner)
    n = estate.numbers
    assert not inspection.ok
    good = _outcomes(inspection, n["good"])
    assert all(outcomes == {Outcome.PASSED} for outcomes in good.values()) and len(good) == 8
    sealed = _outcomes(inspection, n["sealed"])  # decrypted in memory, checked like any other
    assert sealed[Item.FIXITY] == {Outcome.PASSED} and sealed[Item.RENDERS] == {Outcome.PASSED}
    assert _outcomes(inspection, n["hash"])[Item.FIXITY] == {Outcome.FAILED}
    assert _outcomes(inspection, n["missing"])[Item.REQUIRED] == {Outcome.FAILED}
    assert _outcomes(inspection, n["pages"])[Item.PAGES] == {Outcome.FAILED}
    assert _outcomes(inspection, n["broken"])[Item.RENDERS] == {Outcome.FAILED}
    [uncounted] = [r for r in inspection.results if r.item is Item.PAGES and r.where == n["broken"]]
    assert uncounted.outcome is Outcome.NOT_CHECKED and "无法打开" in uncounted.zh
    assert _outcomes(inspection, n["format"])[Item.FORMAT] == {Outcome.FAILED}
    assert _outcomes(inspection, n["virus"])[Item.VIRUS] == {Outcome.FAILED}
    assert _outcomes(inspection, n["silent"])[Item.AUDIT_TRAIL] == {Outcome.FAILED}
    assert _outcomes(inspection, n["future"])[Item.METADATA] == {Outcome.FAILED}
    failures = {(r.item, r.where.split("「")[0]) for r in inspection.failures()}
    series = [r for r in inspection.failures() if r.item is Item.SERIES]
    assert len(series) == 1 and f"缺件号 {estate.gap_item}" in series[0].zh
    assert failures - {(Item.SERIES, series[0].where)} == {
        (Item.FIXITY, n["hash"]),
        (Item.REQUIRED, n["missing"]),
        (Item.PAGES, n["pages"]),
        (Item.RENDERS, n["broken"]),
        (Item.FORMAT, n["format"]),
        (Item.VIRUS, n["virus"]),
        (Item.AUDIT_TRAIL, n["silent"]),
        (Item.METADATA, n["future"]),
    }
    reasons = {r.item: r.zh for r in inspection.failures()}
    assert "SHA-256" in reasons[Item.FIXITY] and "责任者" in reasons[Item.REQUIRED]
    assert "扫描件 2 页，登记页数 5 页" in reasons[Item.PAGES] and "GIF" in reasons[Item.FORMAT]
    assert "EICAR" in reasons[Item.VIRUS] and "2031-01-01" in reasons[Item.METADATA]


def test_without_clamav_every_file_says_not_checked(
    ready_db: Database, clerk: Actor, estate: Estate, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(virus_scan.shutil, "which", lambda _name: None)
    inspection = four_properties.inspect_record(ready_db, clerk, estate.ids["virus"])
    [virus] = [r for r in inspection.results if r.item is Item.VIRUS]
    assert virus.outcome is Outcome.NOT_CHECKED and "ClamAV" in virus.zh and "not installed" in virus.en
    assert not any(r.item is Item.VIRUS and r.outcome is Outcome.PASSED for r in inspection.results)


def test_a_handover_batch_is_checked_record_by_record_and_can_be_stopped(
    ready_db: Database, clock: FakeClock, clerk: Actor, estate: Estate
) -> None:
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=[estate.ids["good"], estate.ids["pages"]])
    inspection = four_properties.inspect_batch(ready_db, clerk, batch, scanner=planted_scanner)
    assert inspection.records == 2 and "Z001-SM-2026-001" in inspection.scope_zh
    assert [(r.item, r.where) for r in inspection.failures()] == [
        (Item.SERIES, "Z001-WX·2023-D10"),  # the batch's records' series, with its gap
        (Item.PAGES, estate.numbers["pages"]),
    ]
    stopped = four_properties.inspect_archive(ready_db, clerk, scanner=planted_scanner, progress=lambda d, t: d < 3)
    assert stopped.records == 3 and "cancelled after 3" in stopped.notes[-1][1]


def test_the_report_as_pdf_and_xlsx_and_filed_as_a_record(
    ready_db: Database, clerk: Actor, estate: Estate, tmp_path: Path
) -> None:
    import pypdfium2 as pdfium

    inspection = four_properties.inspect_archive(ready_db, clerk, scanner=planted_scanner)
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    assert four_properties_report.write_pdf(ready_db, clerk, inspection, pdf) >= 1
    document = pdfium.PdfDocument(pdf)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    document.close()
    assert "电子档案四性检测报告" in text and "不通过" in text and estate.numbers["hash"] in text

    assert four_properties_report.write_xlsx(ready_db, clerk, inspection, xlsx) == len(inspection.results)
    book = load_workbook(xlsx, read_only=True)
    rows = list(book["检测项"].iter_rows(values_only=True))
    assert len(rows) == len(inspection.results) + 1
    failed = {(row[2], row[4]) for row in rows[1:] if row[3] == "不通过"}
    assert ("固定性（哈希值） fixity (hash)", f"{estate.numbers['hash']}「hash.pdf」") in failed
    assert ("审计记录 audit trail", estate.numbers["silent"]) in failed
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert any(row[0] == "安全性 security" for row in summary)
    book.close()

    filed = four_properties_report.file_report(ready_db, clerk, inspection, pdf)
    with ready_db.session() as s:
        record = s.get(Document, filed)
        assert record is not None and record.title == "电子档案四性检测报告（全部档案）"
        code = s.scalar(select(Category.code).where(Category.id == record.category_id))
    assert code == "XZ"
    [attached] = attachments.attachments_of(ready_db, clerk, filed)
    assert attached.original_name == "report.pdf"
    assert four_properties.find_record(ready_db, clerk, record.archive_no) == filed


def test_the_cli_and_verify_exit_1_on_a_failure(
    ready_db: Database,
    clerk: Actor,
    estate: Estate,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(virus_scan.shutil, "which", lambda _name: None)
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", CLERK_PASSWORD)
    url = ready_db.url.render_as_string(hide_password=False)
    good = ["inspect", "four-properties", "--database", url, "--user", "clerk", "--record", estate.numbers["good"]]
    assert main(good) == 0
    assert "未检测" not in capsys.readouterr().out.split("\n", 1)[1]  # not-checked items are not failures
    pdf, xlsx = tmp_path / "all.pdf", tmp_path / "all.xlsx"
    args = ["inspect", "four-properties", "--database", url, "--user", "clerk", "-o", str(pdf), "--xlsx", str(xlsx)]
    assert main([*args, "--file"]) == 1
    out = capsys.readouterr().out
    assert estate.numbers["hash"] in out and pdf.is_file() and xlsx.is_file() and "#" in out
    assert main(["verify", "--database", url, "--user", "clerk", "--four-properties"]) == 1
    out = capsys.readouterr().out
    assert estate.numbers["silent"] in out and ("audit trail" in out or "审计记录" in out)


def test_the_demo_estate_gets_its_report(demo_db: Database, demo_clerk: Actor, tmp_path: Path) -> None:
    inspection = four_properties.inspect_archive(demo_db, demo_clerk)
    assert inspection.records > 800 and any(r.item is Item.FIXITY for r in inspection.results)
    assert four_properties_report.write_pdf(demo_db, demo_clerk, inspection, tmp_path / "demo.pdf") >= 1


def test_each_record_is_checked_when_its_scan_is_linked(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stack_support import Stack, page_image, sheet_images
    from stack_support import register as register_plain

    from estate_desk.services.digitise import inbox

    monkeypatch.setattr(virus_scan.shutil, "which", lambda _name: None)
    ids = register_plain(ready_db, clock, ["甲", "乙"], pages=2, responsible="物业服务中心", doc_date=date(2023, 1, 9))
    with ready_db.session() as s:
        s.execute(update(Document).where(Document.id == ids[1]).values(pages=1))  # 乙 is registered with 1 page
        numbers = [s.get(Document, i).archive_no for i in ids]  # type: ignore[union-attr]
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, b, end = sheet_images(ready_db, clerk, batch, tmp_path)
    stack = Stack([a, page_image("A1"), page_image("A2"), b, page_image("B1"), page_image("B2"), end])
    result = inbox.import_stack(ready_db, clerk, stack.as_pdf(tmp_path / "stack.pdf"), batch)
    assert result.inspection is not None and result.inspection.records == 2
    assert [(r.item, r.where) for r in result.inspection.failures()] == [(Item.PAGES, numbers[1])]
    first = _outcomes(result.inspection, numbers[0])
    assert first[Item.AUDIT_TRAIL] == {Outcome.PASSED}  # the inbox's import is the record's trail
    assert first[Item.VIRUS] == {Outcome.NOT_CHECKED} and first[Item.RENDERS] == {Outcome.PASSED}


def test_clamav_is_run_on_the_content_and_its_verdict_read(tmp_path: Path) -> None:
    """A stand-in for clamscan (same exit codes and output): the content arrives on stdin, never on disk."""
    fake = tmp_path / "clamscan"
    fake.write_text(
        "#!/bin/sh\n"
        'data=$(cat)\ncase "$data" in\n'
        '  *EICAR*) echo "stdin: Win.Test.EICAR_HDB-1 FOUND"; exit 1;;\n'
        '  *BROKEN*) echo "ERROR: cannot read database" >&2; exit 2;;\n'
        "esac\nexit 0\n"
    )
    fake.chmod(0o755)
    scan = virus_scan.clamav(str(fake))
    assert scan(b"plain page", "a.pdf") == VirusVerdict(Verdict.CLEAN, "", "clamscan")
    infected = scan(b"X5O!P%@AP EICAR-STANDARD-ANTIVIRUS-TEST-FILE", "b.pdf")
    assert infected.verdict is Verdict.INFECTED and infected.detail == "Win.Test.EICAR_HDB-1"
    broken = scan(b"BROKEN", "c.pdf")
    assert broken.verdict is Verdict.ERROR and "cannot read database" in broken.detail
