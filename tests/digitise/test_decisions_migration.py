"""Migration 0016_digitise_decisions goes down to 0015 and up again with batches, decisions and a sample in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select, text
from stack_support import pass_acceptance, register

from estate_desk.services.digitise import batches
from estate_desk.store import migrations
from estate_desk.store.digitise import DigitiseRecord, DigitiseSample

if TYPE_CHECKING:
    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

pytestmark = pytest.mark.db


def test_0016_down_and_up_keeps_the_batches_and_drops_only_what_it_added(
    ready_db: Database, clock: FakeClock, clerk: Actor
) -> None:
    ids = register(ready_db, clock, ["甲", "乙", "丙"])
    batch = batches.new_batch(ready_db, clock, clerk, document_ids=ids)
    for _ in range(4):
        batches.advance(ready_db, clock, clerk, batch)
    pass_acceptance(ready_db, clock, clerk, batch)
    migrations.downgrade_engine(ready_db.engine, "0015_digitisation")
    with ready_db.engine.connect() as conn:
        assert conn.scalar(text("SELECT COUNT(*) FROM digitise_records")) == 3
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0015_digitisation"
    migrations.upgrade_engine(ready_db.engine)
    with ready_db.session() as s:
        assert set(s.scalars(select(DigitiseRecord.decision))) == {""}
        assert s.scalar(select(func.count()).select_from(DigitiseSample)) == 0
