"""``estate-desk digitise …``: a batch made, moved, its sheets printed and a stack imported from the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pytest
from stack_support import SCAN_DPI, Stack, page_image, register

from estate_desk.cli.__main__ import main
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def _run(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> tuple[int, str]:
    code = main(["--database", db.url.render_as_string(hide_password=False), "digitise", *args, "--user", "clerk"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


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
    code, out = _run(capsys, ready_db, "batch", "new", "--record", numbers[0], "--record", numbers[1])
    assert code == 0 and "2 records" in out
    batch = out.split("batch ", 1)[1].split(":", 1)[0]
    assert _run(capsys, ready_db, "batch", "advance", batch)[0] == 0
    sheets = tmp_path / "sheets.pdf"
    code, out = _run(capsys, ready_db, "sheets", batch, "-o", str(sheets))
    assert code == 0 and "3 pages" in out
    pdf = pdfium.PdfDocument(sheets)
    a, b, end = (page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil().convert("L") for page in pdf)
    pdf.close()
    stack = Stack([a, page_image("A1"), page_image("A2"), b, page_image("B1"), end]).as_pdf(tmp_path / "stack.pdf")
    code, out = _run(capsys, ready_db, "inbox", str(stack), "--batch", batch)
    assert code == 0 and "2 records linked, 0 pending" in out
    assert f"{numbers[0]}.pdf" in out
    code, out = _run(capsys, ready_db, "inbox", str(stack), "--batch", batch)
    assert code == 0 and "imported before" in out
    code, out = _run(capsys, ready_db, "batch", "show", batch)
    assert code == 0 and "2/2 records scanned" in out and out.count("\tscanned\t") == 2
    code, out = _run(capsys, ready_db, "batch", "list")
    assert code == 0 and batch in out


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
