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
from estate_desk.store.search_index import include_name

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
