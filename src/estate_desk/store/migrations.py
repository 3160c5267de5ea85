"""Alembic, driven from code: the one history in ``migrations/`` for SQLite and PostgreSQL.

Opening an archive only has to know where the history ends, to compare it with the revision the
database holds. That is read from the revision files themselves (their ``revision`` and
``down_revision`` lines), so a command that reads the archive never imports alembic; alembic
(and its template and autogenerate machinery) is loaded only when a migration actually runs.
A test checks that this reading agrees with alembic's own ``ScriptDirectory``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from estate_desk.resources import migrations_dir

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

_REVISION = re.compile(r"^revision\s*(?::[^=\n]*)?=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(r"^down_revision\s*(?::[^=\n]*)?=\s*(.+)$", re.MULTILINE)
_QUOTED = re.compile(r"['\"]([^'\"]+)['\"]")


@dataclass(frozen=True)
class History:
    """The revisions in ``migrations/versions`` and which one each revises."""

    parents: dict[str, tuple[str, ...]]

    @property
    def heads(self) -> list[str]:
        revised = {parent for parents in self.parents.values() for parent in parents}
        return sorted(rev for rev in self.parents if rev not in revised)


@lru_cache(maxsize=1)
def history() -> History:
    """The revision graph, read from the revision files' ``revision``/``down_revision`` lines."""
    parents: dict[str, tuple[str, ...]] = {}
    for path in sorted((migrations_dir() / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        revision = _REVISION.search(source)
        if revision is None:
            continue  # not a revision file (alembic skips it too)
        down = _DOWN_REVISION.search(source)
        parents[revision.group(1)] = tuple(_QUOTED.findall(down.group(1))) if down else ()
    return History(parents)


def head_revision() -> str:
    heads = history().heads
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def is_known_revision(revision: str) -> bool:
    return revision in history().parents


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def upgrade_engine(engine: Engine, target: str = "head") -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)


def downgrade_engine(engine: Engine, target: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target)
