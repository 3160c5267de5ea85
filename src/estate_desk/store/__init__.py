"""Persistence: SQLAlchemy 2.0 models, engines for SQLite and PostgreSQL, migrations, unit of work."""
