"""Owner history (A13): every change of contact details or of owner is kept, with who and when."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

import pytest

from estate_desk.domain.errors import InputProblem, PermissionDenied, RuleViolation
from estate_desk.domain.estate.owner_history import ChangeSource, OwnerField
from estate_desk.services.estate import owners
from estate_desk.services.estate.buildings import add_owner, add_ownership, add_room, ensure_building
from estate_desk.store.estate import Owner, OwnerChange, Ownership

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _household(db: Database, clock: FakeClock) -> tuple[int, int]:
    with db.session() as s:
        room = add_room(s, ensure_building(s, 3, 33), 2, 1502)
        owner = add_owner(s, clock, "张三", "13800000001")
        s.flush()
        add_ownership(s, room, owner, date(2020, 5, 1), date(2020, 6, 1))
        s.flush()
        return room.id, owner.id


def test_a13_contact_change_keeps_old_and_new_value_who_and_when(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _, owner_id = _household(ready_db, clock)
    clock.advance(days=3)
    changes = owners.edit_owner(ready_db, clock, clerk, owner_id, phone="13900000002", address="3栋2单元1502")
    assert len(changes) == 2
    clock.advance(days=1)
    owners.edit_owner(ready_db, clock, clerk, owner_id, phone="13700000003")

    file = owners.owner_file(ready_db, clerk, owner_id)
    assert file.phone == "13700000003"
    phones = [(h.old_value, h.new_value) for h in file.history if h.field is OwnerField.PHONE]
    assert phones == [("13900000002", "13700000003"), ("13800000001", "13900000002")]  # newest first
    newest = file.history[0]
    assert newest.changed_by == "clerk" and newest.changed_at == clock.now() and newest.source is ChangeSource.EDIT


def test_a13_an_unchanged_value_records_nothing(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    _, owner_id = _household(ready_db, clock)
    assert owners.edit_owner(ready_db, clock, clerk, owner_id, phone=" 13800000001 ", name="张三") == []
    with ready_db.session() as s:
        assert s.query(OwnerChange).count() == 0


def test_a13_renaming_an_owner_keeps_search_by_pinyin_current(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    _, owner_id = _household(ready_db, clock)
    owners.edit_owner(ready_db, clock, clerk, owner_id, name="王堃")
    with ready_db.session() as s:
        owner = s.get(Owner, owner_id)
        assert owner is not None and (owner.pinyin, owner.pinyin_initials) == ("wangkun", "wk")


def test_a13_transfer_closes_one_ownership_and_opens_the_next(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    room_id, old_owner_id = _household(ready_db, clock)
    on = date(2026, 11, 20)
    new = owners.transfer(ready_db, clock, clerk, room_id, new_owner_name="李彧", phone="13600000000", on=on)
    with ready_db.session() as s:
        rows = s.query(Ownership).filter_by(room_id=room_id).order_by(Ownership.start_date).all()
        assert [(r.owner_id, r.start_date, r.end_date) for r in rows] == [
            (old_owner_id, date(2020, 5, 1), on),
            (new.owner_id, on, None),
        ]
    old_file = owners.owner_file(ready_db, clerk, old_owner_id)
    new_file = owners.owner_file(ready_db, clerk, new.owner_id)
    for file in (old_file, new_file):
        transfer = [h for h in file.history if h.field is OwnerField.OWNER]
        assert [(t.old_value, t.new_value, t.room_code) for t in transfer] == [("张三", "李彧", "3栋2单元1502")]
    assert [(o.room_code, o.end_date) for o in old_file.ownerships] == [("3栋2单元1502", on)]


def test_a13_transfer_to_the_same_owner_or_before_the_last_start_is_refused(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    room_id, owner_id = _household(ready_db, clock)
    with pytest.raises(RuleViolation):
        owners.transfer(ready_db, clock, clerk, room_id, new_owner_id=owner_id, on=date(2026, 1, 1))
    with pytest.raises(InputProblem):
        owners.transfer(ready_db, clock, clerk, room_id, new_owner_name="李彧", on=date(2019, 1, 1))
    with ready_db.session() as s:  # nothing half-done: no new owner, no closed ownership
        assert s.query(Owner).count() == 1
        assert s.query(Ownership).filter(Ownership.end_date.is_not(None)).count() == 0


def test_a13_only_the_clerk_edits_owner_files(ready_db: Database, clock: FakeClock, receptionist: Actor) -> None:
    _, owner_id = _household(ready_db, clock)
    with pytest.raises(PermissionDenied):
        owners.edit_owner(ready_db, clock, receptionist, owner_id, phone="1")


def test_a13_an_unknown_field_or_an_empty_name_is_refused(ready_db: Database, clock: FakeClock, clerk: Actor) -> None:
    _, owner_id = _household(ready_db, clock)
    with pytest.raises(InputProblem):
        owners.edit_owner(ready_db, clock, clerk, owner_id, owner="someone")
    with pytest.raises(InputProblem):
        owners.edit_owner(ready_db, clock, clerk, owner_id, name="  ")
    clock.advance(timedelta(hours=1))
    assert owners.owner_file(ready_db, clerk, owner_id).history == []
