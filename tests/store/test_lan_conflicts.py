"""A12 in LAN mode: two people edit one record; the second save is refused and shown the difference.

Runs on SQLite and (in CI's PostgreSQL pass) on PostgreSQL. The two-process version is in test_lan.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from database_support import make_actor
from estate_desk.domain.errors import EditConflict
from estate_desk.services.archive import register
from estate_desk.services.archive.numbering import DocumentDraft
from estate_desk.services.estate import owners
from estate_desk.services.estate.buildings import add_owner
from estate_desk.store.archive import Document
from estate_desk.store.estate import Owner

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _document(db: Database, clock: FakeClock, clerk: Actor) -> int:
    draft = DocumentDraft(category_code="GC", title="地下室防水竣工图", year=2024, responsible="某设计院")
    return register.register(db, clock, clerk, draft)


def test_a12_a_stale_document_save_is_refused_with_the_difference(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    other = make_actor(ready_db, clock, "clerk2", "archive_clerk")
    doc_id = _document(ready_db, clock, clerk)
    opened = register.document_detail(ready_db, clerk, doc_id)  # the first clerk opens the record
    clock.advance(minutes=3)
    register.edit_document(
        ready_db, clock, other, doc_id, expected_version=opened.version, title="地下室防水竣工图（修订）"
    )

    with pytest.raises(EditConflict) as caught:
        register.edit_document(
            ready_db, clock, clerk, doc_id, expected_version=opened.version, title="地下室竣工图", pages=12
        )

    conflict = caught.value
    assert ("title", "地下室防水竣工图（修订）", "地下室竣工图") in conflict.changes
    assert ("pages", 0, 12) in conflict.changes
    assert conflict.changed_by == "clerk2"
    assert conflict.changed_at == clock.now()
    assert "地下室防水竣工图（修订）" in conflict.zh and "clerk2" in conflict.en
    after = register.document_detail(ready_db, clerk, doc_id)
    assert (after.title, after.pages) == ("地下室防水竣工图（修订）", 0)  # nothing of the stale save was written
    assert after.version == opened.version + 1

    register.edit_document(ready_db, clock, clerk, doc_id, expected_version=after.version, pages=12)  # reopened: fine
    assert register.document_detail(ready_db, clerk, doc_id).pages == 12


def test_a12_fields_the_other_person_changed_are_shown_even_when_untouched(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    other = make_actor(ready_db, clock, "clerk2", "archive_clerk")
    doc_id = _document(ready_db, clock, clerk)
    version = register.document_detail(ready_db, clerk, doc_id).version
    register.edit_document(ready_db, clock, other, doc_id, expected_version=version, responsible="某建筑公司")
    with pytest.raises(EditConflict) as caught:
        register.edit_document(ready_db, clock, clerk, doc_id, expected_version=version, remarks="原件缺第3页")
    assert ("responsible", "某建筑公司", "某设计院") in caught.value.changes  # theirs, and what this clerk saw


def test_a12_two_saves_racing_past_the_check_lose_one_never_overwrite(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    """Both saves read the same version; the one that writes second matches no row and is refused."""
    doc_id = _document(ready_db, clock, clerk)
    with pytest.raises(EditConflict), ready_db.session() as first:
        mine = first.get(Document, doc_id)
        assert mine is not None
        mine.title = "第一人的题名"
        register.edit_document(ready_db, clock, clerk, doc_id, title="第二人的题名")  # commits meanwhile
    with ready_db.session() as s:
        kept = s.get(Document, doc_id)
        assert kept is not None and kept.title == "第二人的题名"


def test_a12_a_stale_owner_file_save_is_refused_with_the_difference(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    other = make_actor(ready_db, clock, "clerk2", "archive_clerk")
    with ready_db.session() as s:
        owner = add_owner(s, clock, "张三", "13800000001")
        s.flush()
        owner_id = owner.id
    opened = owners.owner_file(ready_db, clerk, owner_id)
    owners.edit_owner(ready_db, clock, other, owner_id, expected_version=opened.version, phone="13900000002")
    with pytest.raises(EditConflict) as caught:
        owners.edit_owner(ready_db, clock, clerk, owner_id, expected_version=opened.version, phone="13700000003")
    assert caught.value.changes == (("phone", "13900000002", "13700000003"),)
    assert caught.value.changed_by == "clerk2"
    with ready_db.session() as s:
        kept = s.get(Owner, owner_id)
        assert kept is not None and kept.phone == "13900000002"
