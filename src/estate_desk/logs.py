"""Logging: a rotating file in the log folder; tracebacks go there, never to a dialog."""

from __future__ import annotations

import logging
import logging.handlers
from typing import TYPE_CHECKING

from estate_desk import paths

if TYPE_CHECKING:
    from pathlib import Path

_configured = False


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to ``estate-desk.log`` (1 MB × 5). Returns the file, or None when the folder is not writable."""
    global _configured
    root = logging.getLogger()
    if _configured:
        return log_file()
    _configured = True
    root.setLevel(level)
    try:
        folder = paths.log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        handler.setLevel(logging.WARNING)
        root.addHandler(handler)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return log_file()


def log_file() -> Path:
    return paths.log_dir() / "estate-desk.log"
