"""Migrations: one head; upgrade → downgrade → upgrade with rows; models and migrations agree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, func, select, text

from estate_desk.store import migrations
from estate_desk.store.database import RevisionStatus, open_database, revision_state
from estate_desk.store.models import Base, Category, Document, Owner, User
from estate_desk.store.search_tables import include_name

if TYPE_CHECKING:
    from sqlalchemy.engine import URL


def test_exactly_one_head() -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    assert len(script.get_heads()) == 1


def test_the_history_read_from_the_files_is_alembics() -> None:
    """Opening an archive reads the head from the revision files without alembic: it must be alembic's."""
    script = ScriptDirectory.from_config(migrations.alembic_config())
    by_alembic = {}
    for rev in script.walk_revisions():
        down = rev.down_revision
        by_alembic[rev.revision] = tuple([down] if isinstance(down, str) else down or ())
    assert migrations.history().parents == by_alembic
    assert migrations.head_revision() == script.get_current_head()
    assert all(migrations.is_known_revision(rev) for rev in by_alembic)
    assert not migrations.is_known_revision("0099_from_a_newer_version")


def test_models_and_migrations_agree(database_url: URL) -> None:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
        diff = compare_metadata(ctx, Base.metadata)
    engine.dispose()
    assert diff == []


def test_upgrade_downgrade_upgrade_with_rows(demo_url: URL) -> None:
    engine = create_engine(demo_url)
    with engine.connect() as conn:
        before = {t: conn.scalar(select(func.count()).select_from(t)) for t in (Document, Owner, User, Category)}
    assert before[Document] > 0
    migrations.downgrade_engine(engine, "base")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT COUNT(*) FROM alembic_version")).scalar() == 0
    migrations.upgrade_engine(engine)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Document)) == 0  # downgrade to base drops the data
        conn.execute(text("INSERT INTO archive_counters (series, last_item) VALUES ('x', 1)"))
        conn.commit()
    engine.dispose()
    assert revision_state(demo_url).status is RevisionStatus.CURRENT


def test_opening_an_empty_database_migrates_it(empty_url: URL) -> None:
    assert revision_state(empty_url).status is RevisionStatus.EMPTY
    db = open_database(empty_url)
    db.dispose()
    assert revision_state(empty_url).status is RevisionStatus.CURRENT


def test_issue16_0012_backfills_phone_digits_upper_cases_id_x_and_indexes_phones(demo_url: URL) -> None:
    script = ScriptDirectory.from_config(migrations.alembic_config())
    before_0012 = script.get_revision("0012_owner_phone_id").down_revision
    assert isinstance(before_0012, str)
    engine = create_engine(demo_url)
    migrations.downgrade_engine(engine, before_0012)
    with engine.begin() as conn:
        owner_id = conn.scalar(text("SELECT MIN(id) FROM owners"))
        conn.execute(
            text("UPDATE owners SET phone = '+86 138-0013-8000', id_number = '11010519491231002x' WHERE id = :id"),
            {"id": owner_id},
        )
    migrations.upgrade_engine(engine)
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT phone, phone_digits, id_number FROM owners WHERE id = :id"), {"id": owner_id}
        ).one()
        assert tuple(row) == ("+86 138-0013-8000", "13800138000", "11010519491231002X")
        assert conn.scalar(text("SELECT COUNT(*) FROM owners WHERE phone_digits = '' AND phone <> ''")) == 0
        keys = conn.scalars(
            text(
                "SELECT k.key FROM search_keys k JOIN search_entries e ON e.id = k.entry_id "
                "WHERE e.kind = 'owner' AND e.ref_id = :id"
            ),
            {"id": owner_id},
        ).all()
        assert "tel:13800138000" in keys
    engine.dispose()
