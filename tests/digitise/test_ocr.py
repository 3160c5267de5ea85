"""Chinese text recognition of scans (OCR, issue 17): once per page, resumable, kept out at sealed grades,
searchable by page — with an injected reader, and once with the real PP-OCR engine when the ``ocr`` extra
is installed."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PIL import Image, ImageDraw, ImageFont
from sqlalchemy import select
from stack_support import Stack, hide_ocr_extra, register, sheet_images

from crash_support import kill_midway
from database_support import ADMIN_PASSWORD
from estate_desk.domain.digitise.settings import make_settings
from estate_desk.domain.digitise.steps import Step
from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.printing.font_files import bundled_file
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import register as archive_register
from estate_desk.services.archive import scan_search, search
from estate_desk.services.digitise import batches, decisions, inbox, ocr
from estate_desk.services.secrecy import grades
from estate_desk.store.accounts import Setting
from estate_desk.store.archive import Document
from estate_desk.store.audit import AuditEvent
from estate_desk.store.scan_text import INDEX_SEALED, ScanPageText
from estate_desk.store.search_fill import rebuild_search_index
from estate_desk.store.search_tables import SearchEntry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

DPI = 200
TEXT = ["装修申请书", "业主欧阳明辉", "3-2-1502室"]


def text_page(lines: Sequence[str], dpi: int = DPI) -> Image.Image:
    """A sheet of A5 with a few lines of office text in the bundled font, 14 pt."""
    width, height = round(5.8 * dpi), round(8.3 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(bundled_file("NotoSansSC-Regular.ttf")), round(14 / 72 * dpi))
    for n, line in enumerate(lines):
        draw.text((dpi // 2, dpi // 2 + n * dpi // 2), line, fill=0, font=font)
    return image


class CountingReader:
    """An injected reader: "reads" a page as the label given for its number, and counts its calls."""

    def __init__(self, fail_on_call: int | None = None) -> None:
        self.calls = 0
        self.fail_on_call = fail_on_call

    def __call__(self, image: Image.Image) -> list[ocr.Line]:
        self.calls += 1
        if self.calls == self.fail_on_call:
            raise KeyboardInterrupt  # the process dies here: nothing after this page is written
        box = ((0.0, 0.0), (10.0, 0.0), (10.0, 5.0), (0.0, 5.0))
        return [ocr.Line(box, f"第{self.calls}次读 欧阳明辉 装修合同", 0.99)]


def scanned(
    db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    titles: list[str],
    pages: list[list[Image.Image]],
    **draft: object,
) -> tuple[int, list[int]]:
    """Records registered (内部 unless told: 业主 records are sealed by default), put in a batch at 200 dpi and scanned through the real inbox."""
    ids = register(db, clock, titles, pages=len(pages[0]), **({"secrecy": Grade.INTERNAL} | draft))
    batch = batches.new_batch(db, clock, clerk, document_ids=ids, settings=make_settings(dpi=DPI))
    batches.advance(db, clock, clerk, batch)
    *covers, end = sheet_images(db, clerk, batch, tmp_path)
    stack = [image for cover, record in zip(covers, pages, strict=True) for image in (cover, *record)]
    assert len(inbox.import_stack(db, clerk, Stack([*stack, end]).as_pdf(tmp_path / "s.pdf"), batch).linked) == len(ids)
    return batch, ids


def blank(n: int) -> list[Image.Image]:
    return [Image.new("L", (300, 400), 255) for _ in range(n)]


@pytest.mark.db
def test_resumes_after_a_crash_without_reading_a_page_twice(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, _ids = scanned(ready_db, clock, clerk, tmp_path, ["甲件", "乙件"], [blank(2), blank(2)])
    scans = ocr.scans_of_batch(ready_db, clerk, batch)
    crashing = CountingReader(fail_on_call=3)
    with pytest.raises(KeyboardInterrupt):
        ocr.read_scans(ready_db, clock, clerk, scans, reader=crashing)
    with ready_db.session() as s:
        assert s.scalar(select(ScanPageText.id).where(ScanPageText.page == 3)) is None
        assert len(s.scalars(select(ScanPageText)).all()) == 2  # the two pages before the crash are kept
    again = CountingReader()
    seen: list[tuple[int, int]] = []
    result = ocr.read_scans(
        ready_db, clock, clerk, scans, reader=again, progress=lambda d, t: seen.append((d, t)) or True
    )
    assert again.calls == 2 and (result.read, result.already) == (2, 2)  # only the two pages left
    assert seen == [(3, 4), (4, 4)]
    third = CountingReader()
    assert ocr.read_scans(ready_db, clock, clerk, scans, reader=third).read == 0 and third.calls == 0


@pytest.mark.db
def test_a_process_killed_between_pages_keeps_the_pages_it_read(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, _ids = scanned(ready_db, clock, clerk, tmp_path, ["丁件"], [blank(4)])
    said = kill_midway(
        ready_db.url,
        tmp_path / "work",
        f"""
from estate_desk.services.digitise import ocr
calls = []
def reader(image):
    calls.append(1)
    if len(calls) == 3:  # two pages committed, the third being read: SIGKILL here
        pause()
    return [ocr.Line(((0, 0), (9, 0), (9, 9), (0, 9)), "欧阳装修", 0.9)]
ocr.read_scans(db, clock, actor, ocr.scans_of_batch(db, actor, {batch}), reader=reader)
print("finished: the test could not kill it midway")
""",
    )
    assert "finished" not in said
    with ready_db.session() as s:
        assert sorted(s.scalars(select(ScanPageText.page)).all()) == [1, 2]
    again = CountingReader()
    ocr.read_scans(ready_db, clock, clerk, ocr.scans_of_batch(ready_db, clerk, batch), reader=again)
    assert again.calls == 2  # pages 3 and 4 only
    assert len(scan_search.search_pages(ready_db, clerk, "欧阳")) == 4


def test_the_accuracy_set_has_its_truth_and_scores_by_character() -> None:
    path = Path(__file__).resolve().parents[2] / "tools" / "make_ocr_set.py"
    spec = importlib.util.spec_from_file_location("make_ocr_set", path)
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # dataclasses look their module up
    spec.loader.exec_module(tool)
    [page] = tool.make_set(1, dpis=(200,))
    assert page.truth[0] == "设备运行检查记录" and page.truth[1].startswith("档号：Z001-GC·")
    assert page.images[200].size == (1654, 2339)  # A4 at 200 dpi
    assert tool.char_accuracy("欧阳明辉 3-2-1502", "欧阳明辉3-2-1502") == (0, 12)  # spaces do not count
    assert tool.char_accuracy("押金，5,000元", "押金,5,000兀") == (1, 9)  # full-width comma is NFKC's comma
    texts = "".join("".join(tool.page_text(n)) for n in range(1, 15))
    assert all(ch in texts for ch in "禤琤喆堃") and "人民币" in texts and "¥" in texts


@pytest.mark.db
def test_cancel_stops_after_the_page_and_keeps_it(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, _ids = scanned(ready_db, clock, clerk, tmp_path, ["丙件"], [blank(3)])
    scans = ocr.scans_of_batch(ready_db, clerk, batch)
    result = ocr.read_scans(ready_db, clock, clerk, scans, reader=CountingReader(), progress=lambda d, t: d < 1)
    assert result.cancelled and result.read == 1
    assert ocr.read_scans(ready_db, clock, clerk, scans, reader=CountingReader()).read == 2


@pytest.mark.db
def test_scan_text_is_found_by_page_with_a_snippet_and_not_by_the_plain_search(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    batch, [record] = scanned(ready_db, clock, clerk, tmp_path, ["物业服务合同"], [blank(2)])
    ocr.read_scans(ready_db, clock, clerk, ocr.scans_of_batch(ready_db, clerk, batch), reader=CountingReader())
    for words in ("欧阳", "装修合同", "装"):  # two characters (the pair table), three and more (trigrams), one
        hits = scan_search.search_pages(ready_db, clerk, words)
        assert [(h.document_id, h.page) for h in hits] == [(record, 1), (record, 2)], words
    [first, _] = scan_search.search_pages(ready_db, clerk, "欧阳")
    assert first.title == "物业服务合同" and "欧阳" in first.snippet and first.archive_no
    assert scan_search.search_pages(ready_db, clerk, "不在页上") == []
    assert all(h.kind.value != "page" for h in search.search(ready_db, clerk, "欧阳"))  # the kinds stay as they were
    with ready_db.session() as s:  # a rebuilt index keeps the pages
        rebuild_search_index(s)
    assert len(scan_search.search_pages(ready_db, clerk, "欧阳")) == 2


@pytest.mark.db
def test_text_of_a_sealed_grade_is_not_read_nor_indexed_unless_the_office_says_so(
    ready_db: Database, clock: FakeClock, clerk: Actor, receptionist: Actor, tmp_path: Path
) -> None:
    batch, [secret] = scanned(ready_db, clock, clerk, tmp_path, ["秘密件"], [blank(2)], secrecy=Grade.SECRET)
    scans = ocr.scans_of_batch(ready_db, clerk, batch)
    reader = CountingReader()
    result = ocr.read_scans(ready_db, clock, clerk, scans, reader=reader)
    assert reader.calls == 0 and result.withheld == 2
    with ready_db.session() as s:
        rows = s.scalars(select(ScanPageText).where(ScanPageText.document_id == secret)).all()
        assert [(r.withheld, r.text, r.boxes) for r in rows] == [(True, "", "[]")] * 2
        texts = s.scalars(select(SearchEntry.text).where(SearchEntry.kind == "page")).all()
        assert all(t == "" for t in texts)
    assert scan_search.search_pages(ready_db, clerk, "欧阳") == []
    assert ocr.read_scans(ready_db, clock, clerk, scans, reader=reader).withheld == 0  # passed over once only
    with ready_db.session() as s:
        s.add(Setting(key=INDEX_SEALED, value="1"))
    result = ocr.read_scans(ready_db, clock, clerk, scans, reader=reader)
    assert reader.calls == 2 and result.read == 2  # read now, at the record's grade
    assert len(scan_search.search_pages(ready_db, clerk, "欧阳")) == 2
    assert scan_search.search_pages(ready_db, receptionist, "欧阳") == []  # cleared for 内部 only


@pytest.mark.db
def test_the_office_setting_for_sealed_text_is_changed_by_the_office_only_and_taken_back_when_off(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    sealed_batch, [sealed] = scanned(
        ready_db, clock, clerk, tmp_path / "a", ["秘密件"], [blank(2)], secrecy=Grade.SECRET
    )
    plain_batch, [plain] = scanned(ready_db, clock, clerk, tmp_path / "b", ["普通件"], [blank(1)])
    with pytest.raises(PermissionDenied):
        grades.set_index_sealed_text(ready_db, clock, clerk, allow=True)
    assert not grades.indexes_sealed_text(ready_db)

    assert grades.set_index_sealed_text(ready_db, clock, admin, allow=True) == 0
    scans = [*ocr.scans_of_batch(ready_db, clerk, sealed_batch), *ocr.scans_of_batch(ready_db, clerk, plain_batch)]
    assert ocr.read_scans(ready_db, clock, clerk, scans, reader=CountingReader()).read == 3
    assert sorted(h.document_id for h in scan_search.search_pages(ready_db, clerk, "欧阳")) == [sealed, sealed, plain]

    assert grades.set_index_sealed_text(ready_db, clock, admin, allow=False) == 2  # the sealed record's pages
    assert not grades.indexes_sealed_text(ready_db)
    assert [h.document_id for h in scan_search.search_pages(ready_db, clerk, "欧阳")] == [plain]
    with ready_db.session() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == INDEX_SEALED)) == "0"
        changes = s.scalars(select(AuditEvent.detail).where(AuditEvent.target_text == "密级扫描件文字检索")).all()
    assert len(changes) == 2


@pytest.mark.db
def test_a_scan_sealed_after_it_was_read_loses_its_text_and_is_read_again_once_unsealed(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, [record] = scanned(ready_db, clock, clerk, tmp_path, ["后来定密件"], [blank(2)])
    scans = ocr.scans_of_batch(ready_db, clerk, batch)
    ocr.read_scans(ready_db, clock, clerk, scans, reader=CountingReader())
    assert len(scan_search.search_pages(ready_db, clerk, "欧阳")) == 2
    archive_register.edit_document(ready_db, clock, clerk, record, secrecy=Grade.SECRET)  # the scan is sealed now
    with ready_db.session() as s:
        assert {(r.withheld, r.text, r.boxes) for r in s.scalars(select(ScanPageText))} == {(True, "", "[]")}
        assert set(s.scalars(select(SearchEntry.text).where(SearchEntry.kind == "page"))) == {""}
    assert scan_search.search_pages(ready_db, clerk, "欧阳") == []
    archive_register.edit_document(ready_db, clock, clerk, record, secrecy=Grade.INTERNAL)
    reader = CountingReader()
    assert ocr.read_scans(ready_db, clock, clerk, scans, reader=reader).read == 2 and reader.calls == 2
    assert len(scan_search.search_pages(ready_db, clerk, "欧阳")) == 2


@pytest.mark.db
def test_a_rescan_takes_the_text_of_the_scan_it_replaces_out_of_search(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    batch, [record] = scanned(ready_db, clock, clerk, tmp_path, ["重扫件"], [blank(2)])
    ocr.read_scans(ready_db, clock, clerk, ocr.scans_of_batch(ready_db, clerk, batch), reader=CountingReader())
    [old] = {hit.attachment_id for hit in scan_search.search_pages(ready_db, clerk, "欧阳")}
    batches.advance(ready_db, clock, clerk, batch)  # 质检
    decisions.rescan(ready_db, clock, clerk, batch, record, "第 2 页歪斜")
    batches.advance(ready_db, clock, clerk, batch, Step.SCAN)
    cover, end = sheet_images(ready_db, clerk, batch, tmp_path / "again")
    result = inbox.import_stack(
        ready_db,
        clerk,
        Stack([cover, *[Image.new("L", (300, 400), 250)] * 2, end]).as_pdf(tmp_path / "again.pdf"),
        batch,
    )
    assert [x.document_id for x in result.linked] == [record], result
    assert scan_search.search_pages(ready_db, clerk, "欧阳") == []  # nothing leads to the replaced scan
    [scan] = ocr.scans_of_batch(ready_db, clerk, batch)
    assert scan.attachment_id != old
    assert ocr.read_scans(ready_db, clock, clerk, [scan], reader=CountingReader()).read == 2
    assert {hit.attachment_id for hit in scan_search.search_pages(ready_db, clerk, "欧阳")} == {scan.attachment_id}


@pytest.mark.db
def test_digitise_ocr_and_search_on_the_command_line(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from estate_desk.cli.__main__ import main

    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    batch, [record] = scanned(ready_db, clock, clerk, tmp_path, ["命令行件"], [blank(2)])
    with ready_db.session() as s:
        archive_no = s.scalars(select(Document.archive_no).where(Document.id == record)).one()
    url = ready_db.url.render_as_string(hide_password=False)

    def run(*args: str) -> tuple[int, str]:
        code = main(["--database", url, *args, "--user", "clerk"])
        captured = capsys.readouterr()
        return code, captured.out + captured.err

    monkeypatch.setattr(ocr, "rapid_reader", lambda: (_ for _ in ()).throw(ocr.OcrNotInstalled()))
    code, out = run("digitise", "ocr", str(batch))
    assert code != 0 and "OCR) is not installed" in out and "Traceback" not in out
    monkeypatch.setattr(ocr, "rapid_reader", CountingReader)
    code, out = run("digitise", "ocr", str(batch))
    assert code == 0 and "2 pages read now, 0 read before" in out
    code, out = run("digitise", "ocr", "--record", archive_no)
    assert code == 0 and "0 pages read now, 2 read before" in out
    code, out = run("search", "欧阳")
    assert code == 0 and "Pages of scans" in out and f"{archive_no}\tpage 1\t命令行件" in out
    code, out = run("digitise", "ocr-sealed", "on")  # the clerk may not change the office's setting
    assert code != 0 and "Traceback" not in out and not grades.indexes_sealed_text(ready_db)


def test_without_the_extra_ocr_says_it_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    hide_ocr_extra(monkeypatch)
    with pytest.raises(ocr.OcrNotInstalled) as raised:
        ocr.rapid_reader()
    assert "未安装文字识别" in raised.value.message("zh") and "not installed" in raised.value.message("en")
    assert "Traceback" not in raised.value.message("en")


@pytest.mark.db
def test_the_real_engine_reads_a_rendered_page_and_search_finds_its_words(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")  # CI installs it
    batch, [record] = scanned(ready_db, clock, clerk, tmp_path, ["装修档案"], [[text_page(TEXT)]])
    result = ocr.read_scans(ready_db, clock, clerk, ocr.scans_of_batch(ready_db, clerk, batch))
    assert result.read == 1
    with ready_db.session() as s:
        row = s.scalars(select(ScanPageText).where(ScanPageText.document_id == record)).one()
    assert "欧阳明辉" in row.text and "3-2-1502" in row.text
    assert row.dpi == DPI and '"装修申请书"' in row.boxes  # the line's box is kept for highlighting
    [hit] = scan_search.search_pages(ready_db, clerk, "欧阳")
    assert (hit.document_id, hit.page) == (record, 1) and "欧阳" in hit.snippet
