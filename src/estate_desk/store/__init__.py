"""Persistence: SQLAlchemy 2.0 models, engines for SQLite and PostgreSQL, migrations, unit of work.

Importing any store module registers the search index's session hooks (``search_index``), so every
unit of work that adds, changes or deletes owners, rooms, documents, volumes or boxes keeps the
one search field current, and the archive's counts hooks (``archive_count_hooks``), so the work
lists and category totals the window shows at start are kept, never counted.
"""

from estate_desk.store import archive_count_hooks as archive_count_hooks
from estate_desk.store import search_index as search_index
