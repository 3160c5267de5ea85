"""Where Estate Desk keeps its data, configuration and logs (platformdirs).

``ESTATE_DESK_HOME`` puts all three under one folder (portable installs, tests).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "EstateDesk"
APP_AUTHOR = "EstateDesk"


def _home() -> Path | None:
    value = os.environ.get("ESTATE_DESK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Database, attachment store and backups."""
    home = _home()
    return home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    home = _home()
    return home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    home = _home()
    return home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def default_sqlite_path() -> Path:
    return data_dir() / "estate-desk.sqlite3"


def backups_dir() -> Path:
    return data_dir() / "backups"
