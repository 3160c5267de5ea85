"""Where bundled resources (fonts, translations, icons) and migrations live.

Three layouts are supported, tried in order:
- a PyInstaller bundle: everything under ``sys._MEIPASS``;
- an installed wheel: ``estate_desk/_resources`` and ``estate_desk/_migrations``
  (the build backend copies the top-level folders there);
- a source checkout / editable install: the repository's ``resources/`` and ``migrations/``.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(bundled_name: str, repo_name: str) -> list[Path]:
    found: list[Path] = []
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        found.append(Path(meipass) / repo_name)
    found.append(_PACKAGE_DIR / bundled_name)
    found.append(_PACKAGE_DIR.parent.parent / repo_name)
    return found


def _first_existing(bundled_name: str, repo_name: str) -> Path:
    candidates = _candidates(bundled_name, repo_name)
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"{repo_name}/ not found; looked in: " + ", ".join(map(str, candidates)))


def resources_dir() -> Path:
    """The folder holding ``fonts/``, ``translations/`` and ``icons/``."""
    return _first_existing("_resources", "resources")


def resource_path(*parts: str) -> Path:
    """A path inside the resources folder (it may not exist; callers check)."""
    return resources_dir().joinpath(*parts)


def migrations_dir() -> Path:
    """The alembic script folder (``env.py`` and ``versions/``)."""
    return _first_existing("_migrations", "migrations")
