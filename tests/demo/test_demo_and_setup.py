"""First run and the demo estate (foundation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from estate_desk.domain.clock import FakeClock
from estate_desk.domain.errors import InputProblem
from estate_desk.services.accounts import setup
from estate_desk.services.demo import estate as demo
from estate_desk.store.archive import ArchiveBox, Category, Document
from estate_desk.store.estate import Owner, Room

if TYPE_CHECKING:
    from estate_desk.store.database import Database


def test_setup_creates_office_categories_and_admin(db: Database, clock: FakeClock) -> None:
    assert not setup.is_initialised(db)
    setup.initialise(
        db,
        clock,
        office_name="翠湖苑物业服务中心",
        fonds_code="z001",
        admin_username="admin",
        admin_password="admin-pass-1",
    )
    assert setup.is_initialised(db)
    office = setup.office(db)
    assert office is not None and office.fonds_code == "Z001"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Category)) == 7
    with pytest.raises(InputProblem, match="already"):
        setup.initialise(db, clock, office_name="x", fonds_code="Z2", admin_username="b", admin_password="admin-pass-2")


@pytest.mark.parametrize("fonds", ["", "Z 001", "全宗"])
def test_setup_refuses_a_bad_fonds_code_and_writes_nothing(db: Database, clock: FakeClock, fonds: str) -> None:
    with pytest.raises(InputProblem):
        setup.initialise(
            db, clock, office_name="x", fonds_code=fonds, admin_username="a", admin_password="admin-pass-1"
        )
    assert not setup.is_initialised(db)


def test_demo_estate_is_believable(demo_db: Database) -> None:
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Room)) == 236
        names = set(s.scalars(select(Owner.name)))
        assert {"张喆", "王堃", "李彧", "陈昇", "刘玥", "吉𠮷"} <= names
        per_category = dict(
            s.execute(
                select(Category.code, func.count(Document.id))
                .join(Document, Document.category_id == Category.id)
                .group_by(Category.code)
            ).all()
        )
        assert set(per_category) == {"GC", "YZ", "ZX", "WX", "FK", "YG", "XZ"}
        assert s.scalar(select(func.count()).select_from(ArchiveBox).where(ArchiveBox.cabinet_id.is_(None))) == 0
        # every original is boxed but three taken out and not yet back (the "paper missing" list)
        assert s.scalar(select(func.count()).select_from(Document).where(Document.box_id.is_(None))) == 3


def test_demo_is_deterministic(empty_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from database_support import START
    from estate_desk.store.database import open_database

    db = open_database(empty_url)
    first = demo.fill(db, FakeClock(START))
    with db.session() as s:
        titles = list(s.scalars(select(Document.archive_no + Document.title).order_by(Document.id).limit(50)))
    db.dispose()
    assert first.households == 236 and first.documents > 700
    assert titles[0].startswith("Z001-YZ·")
    assert len(set(titles)) == 50
