"""Per-workstation preferences (language, font, each user's hidden table columns) in the config folder, as JSON."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from estate_desk import paths

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")


def _file() -> Any:
    return paths.config_dir() / "preferences.json"


def load() -> dict[str, Any]:
    try:
        data = json.loads(_file().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save(values: dict[str, Any]) -> None:
    try:
        _file().parent.mkdir(parents=True, exist_ok=True)
        _file().write_text(json.dumps(values, ensure_ascii=False, indent=2), encoding="utf-8")
    except OSError:
        log.warning("could not save preferences to %s", _file(), exc_info=True)


def system_language() -> str:
    """English only where the system speaks English; Simplified Chinese otherwise (the product's default)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value and value not in ("C", "POSIX", "C.UTF-8"):
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def language() -> str:
    """The chosen language; at first start, follow the system locale and remember it."""
    values = load()
    lang = values.get("language")
    if lang in LANGUAGES:
        return str(lang)
    lang = system_language()
    values["language"] = lang
    save(values)
    return lang


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(lang)
    values = load()
    values["language"] = lang
    save(values)


def prefer_simhei() -> bool:
    """Whether this office chose SimHei (黑体) over the bundled Noto Sans SC for labels."""
    return bool(load().get("prefer_simhei", False))


def set_prefer_simhei(value: bool) -> None:
    values = load()
    values["prefer_simhei"] = bool(value)
    save(values)


HIDDEN_COLUMNS = "hidden_columns"


def hidden_columns(username: str, table: str) -> set[str]:
    """The columns of ``table`` that ``username`` chose to hide (by the columns' names, not their places)."""
    by_user = load().get(HIDDEN_COLUMNS, {})
    names = by_user.get(username, {}).get(table, []) if isinstance(by_user, dict) else []
    return {str(n) for n in names} if isinstance(names, list) else set()


def set_hidden_columns(username: str, table: str, names: set[str]) -> None:
    values = load()
    by_user = values.get(HIDDEN_COLUMNS)
    by_user = by_user if isinstance(by_user, dict) else {}
    tables = by_user.get(username)
    tables = tables if isinstance(tables, dict) else {}
    tables[table] = sorted(names)
    by_user[username] = tables
    values[HIDDEN_COLUMNS] = by_user
    save(values)


WATCH_FOLDER = "digitise_watch_folder"


def watch_folder() -> str:
    """The scanner's "scan to folder" target this workstation watches ('' when none was chosen)."""
    value = load().get(WATCH_FOLDER, "")
    return value if isinstance(value, str) else ""


def set_watch_folder(folder: str) -> None:
    values = load()
    values[WATCH_FOLDER] = folder
    save(values)
