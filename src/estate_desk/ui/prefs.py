"""Per-workstation preferences (language, font) in the config folder, as JSON."""

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
