"""Alembic environment: batch mode on SQLite, one transaction per migration.

The application passes its own connection in ``config.attributes["connection"]``;
``alembic`` on the command line uses ``sqlalchemy.url`` from ``alembic.ini`` or
``ESTATE_DESK_DATABASE_URL``.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import Connection, create_engine

from estate_desk.store.models import Base
from estate_desk.store.search_tables import include_name

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=True,
        compare_type=True,
        include_name=include_name,  # the search index's trigram objects live outside the metadata
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = os.environ.get("ESTATE_DESK_DATABASE_URL") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set ESTATE_DESK_DATABASE_URL or sqlalchemy.url")
    engine = create_engine(url)
    with engine.begin() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) mode is not supported; run against a database")
run_migrations_online()
