"""``estate-desk digitise …``: a batch made, moved, its sheets printed and a stack imported from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from stack_support import SCAN_DPI, Stack, page_image, register, run_digitise

from estate_desk.cli.__main__ import main
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def test_a_batch_from_new_to_imported_stack_on_the_command_line(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    ids = register(ready_db, clock, ["甲", "乙"])
    with ready_db.session() as s:
        numbers = [s.get(Document, i).archive_no for i in ids]  # type: ignore[union-attr]
    code, out = run_digitise(capsys, ready_db, "batch", "new", "--record", numbers[0], "--record", numbers[1])
    assert code == 0 and "2 records" in out
    batch = out.split("batch ", 1)[1].split(":", 1)[0]
    assert run_digitise(capsys, ready_db, "batch", "advance", batch)[0] == 0
    sheets = tmp_path / "sheets.pdf"
    code, out = run_digitise(capsys, ready_db, "sheets", batch, "-o", str(sheets))
    assert code == 0 and "3 pages" in out
    pdf = pdfium.PdfDocument(sheets)
    a, b, end = (page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L") for page in pdf)
    pdf.close()
    stack = Stack([a, page_image("A1"), page_image("A2"), b, page_image("B1"), end]).as_pdf(tmp_path / "stack.pdf")
    code, out = run_digitise(capsys, ready_db, "inbox", str(stack), "--batch", batch)
    assert code == 0 and "2 records linked, 0 pending" in out
    assert f"{numbers[0]}.pdf" in out
    code, out = run_digitise(capsys, ready_db, "inbox", str(stack), "--batch", batch)
    assert code == 0 and "imported before" in out
    code, out = run_digitise(capsys, ready_db, "batch", "show", batch)
    assert code == 0 and "2/2 records scanned" in out and out.count("\tscanned\t") == 2
    code, out = run_digitise(capsys, ready_db, "batch", "list")
    assert code == 0 and batch in out
    code, out = run_digitise(capsys, ready_db, "check", batch)  # 150 dpi pages, no colour, B short of a page
    assert code == 1 and "2 records, 2 with flaws" in out
    assert "Page 1 measures 150 dpi, below the batch's 300 dpi." in out and "should be in colour" in out
    assert "2 pages registered, 1 scanned: 1 missing." in out


def test_the_command_line_refuses_what_the_window_refuses(
    ready_db: Database,
    clock: FakeClock,
    receptionist: Actor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register(ready_db, clock, ["甲"])
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "desk-pass-1")
    url = ready_db.url.render_as_string(hide_password=False)
    assert main(["--database", url, "digitise", "batch", "new", "--to-digitise", "--user", "desk"]) != 0
    assert "may not make digitisation batches" in capsys.readouterr().err
    assert main(["--database", url, "digitise", "batch", "new", "--to-digitise", "--dpi", "150", "--user", "desk"]) != 0
    assert "at least 200 dpi" in capsys.readouterr().err


def test_a_batch_goes_back_on_the_command_line_only_with_every_box(
    demo_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.services.demo import estate as demo

    monkeypatch.setenv("ESTATE_DESK_PASSWORD", demo.DEMO_PASSWORD)
    monkeypatch.setenv("LANG", "C.UTF-8")
    with demo_db.session() as s:
        from sqlalchemy import select

        from estate_desk.store.archive import ArchiveBox

        first, second = s.scalars(select(ArchiveBox.code).order_by(ArchiveBox.code).limit(2))
    code, out = run_digitise(capsys, demo_db, "batch", "new", "--box", first, "--box", second)
    assert code == 0, out
    batch = out.split("batch ", 1)[1].split(":", 1)[0]
    for _ in range(4):  # 扫描, 质检, 挂接, 验收
        assert run_digitise(capsys, demo_db, "batch", "advance", batch)[0] == 0
    code, out = run_digitise(capsys, demo_db, "return", batch, first.lower(), second)
    assert code != 0 and "has not been sampled for acceptance" in out
    _pass_sample_on_the_command_line(capsys, demo_db, batch)
    code, out = run_digitise(capsys, demo_db, "return", batch, first.lower())
    assert code != 0 and f"still has 1 box(es) out: {second}" in out
    code, out = run_digitise(capsys, demo_db, "return", batch, first.lower(), second)
    assert code == 0 and f"{batch} is back: 入库 2 盒" in out


def test_the_watched_folder_on_the_command_line_reads_what_is_whole_and_moves_it(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from stack_support import sheet_images

    from estate_desk.services.digitise import batches

    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    ids = register(ready_db, clock, ["甲"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch)
    a, end = sheet_images(ready_db, clerk, batch, tmp_path / "sheets")
    folder = tmp_path / "inbox"
    folder.mkdir()
    Stack([a, page_image("A1"), end]).as_pdf(folder / "scan.pdf")
    (folder / "readme.pdf").write_text("not a scan", encoding="utf-8")
    code, out = run_digitise(capsys, ready_db, "watch", str(folder), "--quiet", "0", "--once")
    assert code == 0
    assert "scan.pdf: " in out and "1 records linked" in out
    assert "readme.pdf: " in out and "not a PDF" in out
    assert not (folder / "scan.pdf").exists() and (folder / "问题文件" / "readme.pdf").exists()
    code, out = run_digitise(capsys, ready_db, "watch", str(tmp_path / "nowhere"), "--once")
    assert code != 0 and "nowhere" in out


def _pass_sample_on_the_command_line(capsys: pytest.CaptureFixture[str], db: Database, batch: str) -> None:
    code, out = run_digitise(capsys, db, "sample", batch)
    assert code == 0, out
    for line in out.splitlines():
        if line.startswith("  "):
            number = line.split()[0]
            assert run_digitise(capsys, db, "sample", batch, "--record", number, "--ok")[0] == 0
