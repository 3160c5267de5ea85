"""Persistence: SQLAlchemy 2.0 models, engines for SQLite and PostgreSQL, migrations, unit of work.

Importing any store module registers the search index's session hooks (``search_index``), so every
unit of work that adds, changes or deletes owners, rooms, documents, volumes or boxes keeps the
one search field current.
"""

from estate_desk.store import search_index as search_index
