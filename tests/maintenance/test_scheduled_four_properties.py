"""The scheduled archive check runs the four-properties check over the whole archive (A5, DA/T 70; issue 17):
the clock makes it due, a planted fault shows in the kept outcome and on the today page, named by record, and
a cancelled check leaves the previous outcome as it was."""

from __future__ import annotations

import io
from datetime import date
from typing import TYPE_CHECKING

import img2pdf
import pytest
from PIL import Image

from estate_desk.domain.digitise.file_properties import Verdict, VirusVerdict
from estate_desk.domain.routines.common import RoutineStatus
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.archive import attachments
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.archive.register import register
from estate_desk.services.maintenance import archive_check, integrity
from estate_desk.services.routines import today

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def _pdf(pages: int, tag: int) -> bytes:
    images = []
    for n in range(pages):
        out = io.BytesIO()
        Image.new("L", (120 + tag, 170), 255 - 20 * n).save(out, format="PNG")
        images.append(out.getvalue())
    return img2pdf.convert(images)


def _clean(_data: bytes, _name: str) -> VirusVerdict:
    return VirusVerdict(Verdict.CLEAN, "", "planted")


def _record(db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, title: str, pages: int, tag: int) -> str:
    draft = DocumentDraft(
        "WX",
        title,
        2023,
        doc_date=date(2023, 5, 4),
        responsible="翠湖苑物业服务中心",
        pages=pages,
        secrecy=Grade.INTERNAL,
    )
    document_id = register(db, clock, clerk, draft)
    path = tmp_path / f"scan-{tag}.pdf"
    path.write_bytes(_pdf(2, tag))
    row = attachments.attach_file(db, clock, clerk, document_id, path)
    return row.sha256


def _archive_no(db: Database, title: str) -> str:
    from sqlalchemy import select

    from estate_desk.store.archive import Document

    with db.session() as s:
        return str(s.scalar(select(Document.archive_no).where(Document.title == title)))


def test_the_scheduled_check_names_a_page_count_and_a_changed_hash_by_record(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    _record(ready_db, clock, clerk, tmp_path, "维修记录 完好", 2, 0)
    _record(ready_db, clock, clerk, tmp_path, "维修记录 页数不符", 5, 1)  # the scan has 2 pages, 页数 says 5
    changed = _record(ready_db, clock, clerk, tmp_path, "维修记录 被改动", 2, 2)
    assert integrity.check_due(None, clock.now(), integrity.check_every(ready_db))  # never checked: due

    first = archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    assert first.four_properties is not None and first.four_properties.records == 3
    last = integrity.last_check(ready_db)
    assert last is not None and last.four_properties is not None
    assert last.four_properties.failed == 1 and last.four_properties.failed_records == 1
    pages_no = _archive_no(ready_db, "维修记录 页数不符")
    assert any(pages_no in line and "页数" in line for line in last.four_properties.first_zh)
    assert not integrity.check_due(last.at, clock.now(), integrity.check_every(ready_db))

    stored = attachments.blob_store().path_of(changed)  # the file changes in the store behind the archive's back
    data = bytearray(stored.read_bytes())
    data[-40] ^= 0x20
    stored.write_bytes(bytes(data))
    clock.advance(days=7)  # a week on: the fake clock makes the check due again
    assert integrity.check_due(last.at, clock.now(), integrity.check_every(ready_db))

    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    four = integrity.last_check(ready_db).four_properties  # type: ignore[union-attr]
    assert four is not None and four.at == clock.now() and not four.ok
    hash_no = _archive_no(ready_db, "维修记录 被改动")
    assert any(hash_no in line and "fixity" in line for line in four.first_en)
    assert four.failed_records == 2

    section = today.today(ready_db, clock, clerk).section("integrity")
    assert section is not None and section.status is RoutineStatus.OVERDUE
    assert "Four-properties check" in section.summary(
        "en"
    ) and "estate-desk inspect four-properties" in section.summary("en")
    texts = [item.text("zh") for item in section.items]
    assert any(pages_no in t for t in texts) and any(hash_no in t for t in texts)
    assert section.count >= 2 + 1  # the integrity check's fixity finding and the two failed items


def test_a_cancelled_check_keeps_the_previous_outcome(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    for tag in range(3):
        _record(ready_db, clock, clerk, tmp_path, f"维修记录 {tag}", 2, tag)
    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    before = integrity.last_check(ready_db)
    assert before is not None and before.four_properties is not None and before.four_properties.ok

    _record(ready_db, clock, clerk, tmp_path, "维修记录 页数不符", 9, 9)
    clock.advance(days=8)
    asked = {"n": 0}

    def cancel() -> bool:  # the user presses Cancel while the four-properties check is under way
        asked["n"] += 1
        return asked["n"] > 6

    seen: list[tuple[int, int]] = []
    with pytest.raises(archive_check.CheckCancelled):
        archive_check.run_check(
            ready_db, clock, clerk, scanner=_clean, cancel=cancel, progress=lambda d, t: seen.append((d, t))
        )
    assert seen and seen[-1][0] > archive_check.INTEGRITY_SHARE  # it was inside the four-properties part
    assert integrity.last_check(ready_db) == before  # both outcomes as they were


def test_a_session_that_may_not_run_it_keeps_the_previous_four_properties_outcome(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    from database_support import make_actor

    _record(ready_db, clock, clerk, tmp_path, "维修记录 页数不符", 4, 0)
    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    clock.advance(days=8)
    desk = make_actor(ready_db, clock, "desk2", "receptionist")
    done = archive_check.run_check(ready_db, clock, desk, scanner=_clean)
    assert done.four_properties is None
    last = integrity.last_check(ready_db)
    assert last is not None and last.at == clock.now()  # the five checks ran now…
    assert last.four_properties is not None and last.four_properties.failed == 1  # …the last run's outcome is kept
    integrity.check_archive(ready_db, clock)  # and `estate-desk verify` without --four-properties keeps it too
    assert integrity.last_check(ready_db).four_properties == last.four_properties  # type: ignore[union-attr]


def test_with_nothing_changed_the_weekly_run_renders_no_scan_again(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.services.digitise import file_probe, render_memo

    _record(ready_db, clock, clerk, tmp_path, "维修记录 完好", 2, 0)
    _record(ready_db, clock, clerk, tmp_path, "维修记录 页数不符", 5, 1)
    changed = _record(ready_db, clock, clerk, tmp_path, "维修记录 被改动", 2, 2)
    rendered: list[int] = []
    real_render = file_probe.render

    def counted(data: bytes, kind: str | None) -> object:
        rendered.append(len(data))
        return real_render(data, kind)

    monkeypatch.setattr(file_probe, "render", counted)
    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    assert len(rendered) == 3 and len(render_memo.load(ready_db)) == 3
    first = integrity.last_check(ready_db).four_properties  # type: ignore[union-attr]

    clock.advance(days=7)
    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    assert len(rendered) == 3  # nothing changed: every file read and hashed, none rendered again
    again = integrity.last_check(ready_db).four_properties  # type: ignore[union-attr]
    assert again is not None and first is not None
    assert (again.failed, again.first_zh, again.summary_zh) == (first.failed, first.first_zh, first.summary_zh)

    stored = attachments.blob_store().path_of(changed)  # changed content is never judged on the memo
    data = bytearray(stored.read_bytes())
    data[-40] ^= 0x20
    stored.write_bytes(bytes(data))
    clock.advance(days=7)
    archive_check.run_check(ready_db, clock, clerk, scanner=_clean)
    assert len(rendered) == 4
    assert integrity.last_check(ready_db).four_properties.failed == 2  # type: ignore[union-attr]
