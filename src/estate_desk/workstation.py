"""This workstation's own settings (本机设置): which database it opens and where attachments live.

A LAN archive has one database on the PostgreSQL server but an attachment folder per workstation
path — usually the same network share, mounted wherever this PC mounts it. Both are named in
``workstation.json`` in the config folder (``ESTATE_DESK_HOME`` respected)::

    {"database_url": "postgresql://estate_desk@archive-server/estate_desk",
     "attachment_folder": "//archive-server/estate-desk-attachments"}

The environment beats the file (``ESTATE_DESK_DATABASE_URL``, ``ESTATE_DESK_ATTACHMENTS``);
with neither, a single workstation keeps SQLite and its attachments in the data folder.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

from estate_desk import paths

log = logging.getLogger(__name__)

FILE_NAME = "workstation.json"
ATTACHMENTS_ENV = "ESTATE_DESK_ATTACHMENTS"
KEYS = ("database_url", "attachment_folder")


def settings_file() -> Path:
    return paths.config_dir() / FILE_NAME


def load() -> dict[str, Any]:
    try:
        data = json.loads(settings_file().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        log.warning("ignoring an unreadable %s", settings_file(), exc_info=True)
        return {}
    return data if isinstance(data, dict) else {}


def save(**values: str | None) -> Path:
    """Set (or, with None/"", clear) some of :data:`KEYS`; returns the file written."""
    unknown = set(values) - set(KEYS)
    if unknown:
        raise ValueError(f"unknown workstation settings: {sorted(unknown)}")
    data = load()
    for key, value in values.items():
        if value:
            data[key] = value
        else:
            data.pop(key, None)
    target = settings_file()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    return target


def database_url() -> str | None:
    value = load().get("database_url")
    return str(value) if value else None


def attachment_folder() -> Path | None:
    """The attachment folder this workstation was told to use (None: the data folder's)."""
    value = os.environ.get(ATTACHMENTS_ENV) or load().get("attachment_folder")
    return Path(str(value)).expanduser() if value else None
