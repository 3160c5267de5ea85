"""Finding font files for printing: the bundled faces in ``resources/fonts`` and optional system fonts.

The bundled Noto Sans SC faces and their supplements are looked up among the app's resources; system
fonts (SimHei 黑体, SimSun-ExtB, Hanazono) in the Windows font folders, through fontconfig (``fc-list``),
else by walking the usual font folders. A probe never stops printing: a font that cannot be found is
``None``. Registering what is found with reportlab is ``printing/fonts.py``'s job (rule A8).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.resources import resource_path

if TYPE_CHECKING:
    from collections.abc import Sequence

BUNDLED_BOLD = "NotoSansSC-Bold.ttf"

_WINDOWS_FONT_DIRS = (r"C:\Windows\Fonts",)
_UNIX_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "/System/Library/Fonts",
    "~/Library/Fonts",
)
_FC_TIMEOUT_S = 5.0


def bundled_bold_font_path() -> Path:
    """The bundled Noto Sans SC Bold (static wght=700 instance of the variable font)."""
    return resource_path("fonts", BUNDLED_BOLD)


def bundled_file(name: str) -> Path | None:
    try:
        path = resource_path("fonts", name)
    except OSError:
        return None
    return path if path.is_file() else None


def _fc_list_files() -> list[Path] | None:
    """Every font file fontconfig knows; ``None`` when fc-list is missing or fails."""
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        result = subprocess.run(
            [exe, "--format", "%{file}\n"],
            capture_output=True,
            text=True,
            timeout=_FC_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    return [Path(line) for line in result.stdout.splitlines() if line.strip()]


def _find_system_font(file_names: Sequence[str]) -> Path | None:
    """A system font file by name: Windows font folders, fontconfig, else common folders."""
    wanted = {name.lower() for name in file_names}
    if sys.platform == "win32":
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts", *map(Path, _WINDOWS_FONT_DIRS)]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        for folder in dirs:
            for name in file_names:
                if (folder / name).is_file():
                    return folder / name
        return None
    fc_files = _fc_list_files()
    if fc_files is not None:  # fontconfig knows the system's fonts better than a folder walk
        return next((p for p in fc_files if p.name.lower() in wanted and p.is_file()), None)
    for folder in _UNIX_FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.name.lower() in wanted and path.is_file():
                return path
    return None


def find_simhei() -> Path | None:
    """SimHei (黑体, ``simhei.ttf``) if the system has it, else ``None``. Never raises."""
    try:
        return _find_system_font(("simhei.ttf",))
    except Exception:  # a font probe must never stop printing
        return None


def find_extra(file_names: Sequence[str]) -> Path | None:
    try:
        return _find_system_font(file_names)
    except Exception:
        return None
