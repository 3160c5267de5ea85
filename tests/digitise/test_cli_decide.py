"""``estate-desk digitise accept|rescan|pending|sample``: settling a batch from the command line, through the same
services and refused the same way."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from stack_support import Stack, page_image, register, run_digitise, sheet_images, smudge

from estate_desk.services.digitise import batches, inbox
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def test_a_batch_settled_and_sampled_on_the_command_line(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "clerk-pass-1")
    monkeypatch.setenv("LANG", "C.UTF-8")
    ids = register(ready_db, clock, ["甲", "乙"])
    with ready_db.session() as s:
        a, b = (s.get(Document, i).archive_no for i in ids)  # type: ignore[union-attr]
    batch_id = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    batches.advance(ready_db, clock, clerk, batch_id)
    batch = batches.batch_view(ready_db, clerk, batch_id).summary.code
    sheet_a, sheet_b, end = sheet_images(ready_db, clerk, batch_id, tmp_path)
    stack = Stack([sheet_a, page_image("A1"), smudge(sheet_b), page_image("B1"), page_image("B2"), end])
    inbox.import_stack(ready_db, clerk, stack.as_pdf(tmp_path / "s.pdf"), batch_id)

    code, out = run_digitise(capsys, ready_db, "pending", batch)
    assert code == 0 and "1 pending" in out and "The cover sheet's code cannot be read" in out and "pages 4,5" in out
    item = out.splitlines()[0].split("\t")[0]
    code, out = run_digitise(capsys, ready_db, "pending", "assign", item, "--record", a)
    assert code != 0 and "has a scan in this batch already" in out
    code, out = run_digitise(capsys, ready_db, "pending", "assign", item, "--record", b)
    assert code == 0 and f"Pending item {item} is now {b}'s scan" in out
    code, out = run_digitise(capsys, ready_db, "pending", "drop", item)
    assert code != 0 and "settled already" in out

    assert run_digitise(capsys, ready_db, "batch", "advance", batch)[0] == 0  # 质检
    code, out = run_digitise(capsys, ready_db, "rescan", batch, "--record", a, "--reason", "漏扫第 2 页")
    assert code == 0 and f"{a} is to be rescanned: 漏扫第 2 页" in out
    code, out = run_digitise(capsys, ready_db, "accept", batch)
    assert code != 0 and "--all-passed" in out
    code, out = run_digitise(capsys, ready_db, "accept", batch, "--record", a)
    assert code != 0 and "waiting to be rescanned" in out
    code, out = run_digitise(capsys, ready_db, "accept", batch, "--record", b)
    assert code == 0 and "Accepted the scans of 1 record(s)" in out
    code, out = run_digitise(capsys, ready_db, "batch", "show", batch)
    assert "to be rescanned\tclerk\t漏扫第 2 页" in out and "accepted\tclerk" in out

    code, out = run_digitise(capsys, ready_db, "sample", batch)
    assert code != 0 and "taken at 'Acceptance'" in out
    code, out = run_digitise(capsys, ready_db, "batch", "advance", batch)
    assert code != 0 and f"waiting to be rescanned ({a})" in out  # not past 质检 with A's rescan not in
    assert run_digitise(capsys, ready_db, "batch", "advance", batch, "--to", "scan")[0] == 0
    again = Stack([sheet_a, page_image("A1"), page_image("A2"), end])
    inbox.import_stack(ready_db, clerk, again.as_pdf(tmp_path / "again.pdf"), batch_id)
    for _ in range(3):  # 质检, 挂接, 验收
        assert run_digitise(capsys, ready_db, "batch", "advance", batch)[0] == 0
    code, out = run_digitise(capsys, ready_db, "sample", batch)
    assert code == 0 and "1 record(s) sampled (10 %, seed" in out and "not compared" in out
    sampled = next(line.split()[0] for line in out.splitlines() if line.startswith("  "))
    code, out = run_digitise(capsys, ready_db, "sample", batch, "--record", sampled)
    assert code != 0 and "--ok (matches) or --error NOTE" in out
    code, out = run_digitise(capsys, ready_db, "sample", batch, "--record", sampled, "--error", "第 1 页歪斜")
    assert code == 0 and "1 with errors, 100.0 % (limit 5 %)" in out and "above the limit of 5 %" in out
    code, out = run_digitise(capsys, ready_db, "batch", "advance", batch)
    assert code != 0 and "above the limit of 5 %" in out
    code, out = run_digitise(capsys, ready_db, "sample", batch, "--record", sampled, "--ok")
    assert code == 0 and "The batch may go back" in out
    code, out = run_digitise(capsys, ready_db, "batch", "advance", batch)
    assert code == 0 and "Returned to the archive room" in out


def test_the_command_line_refuses_the_receptionist(
    ready_db: Database,
    clock: FakeClock,
    clerk: Actor,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    register(ready_db, clock, ["甲"])
    batch_id = batches.new_batch(ready_db, clock, clerk, to_digitise=True)
    batch = batches.batch_view(ready_db, clerk, batch_id).summary.code
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "desk-pass-1")
    from database_support import make_actor

    make_actor(ready_db, clock, "desk", "receptionist")
    for args in (("pending", batch), ("sample", batch), ("accept", batch, "--all-passed")):
        code, out = run_digitise(capsys, ready_db, *args, user="desk")
        assert code != 0 and "may not" in out
