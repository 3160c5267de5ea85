"""Refresh the Chinese translation source from the UI code and rebuild the compiled .qm.

Run from the repository root: ``python tools/update_translations.py``. New strings appear in
``resources/translations/estate_desk_zh_CN.ts`` as unfinished; translate them (Qt Linguist or
by hand), then run this again. The test suite fails while any string is untranslated.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources/translations/estate_desk_zh_CN.ts"


def main() -> None:
    sources = sorted(str(p) for p in (ROOT / "src/estate_desk/ui").rglob("*.py"))
    subprocess.run(["pyside6-lupdate", *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    subprocess.run(["pyside6-lrelease", str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
