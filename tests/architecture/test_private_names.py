"""No file imports another file's private name (issue 19): a leading underscore means "this file only".

Checked in ``src/``, ``tests/``, ``benchmarks/`` and ``tools/``:
- ``from x import _name`` (dunders such as ``__version__`` and ``from __future__`` are public);
- ``import x._y`` and ``from x._y import z`` (a private module is private to its package);
- ``mod._name`` where ``mod`` was bound by an import to one of our own modules in ``src/estate_desk``
  (``from estate_desk.services import audit`` … ``audit._row``, or ``estate_desk.store.database._engine``).
A name a file needs from another file is public there: drop the underscore and give it a docstring.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCANNED = ("src", "tests", "benchmarks", "tools")
TYPING_ONLY = {"_typeshed"}  # exists only for type checkers; its underscore marks no privacy


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def our_modules(src: Path) -> set[str]:
    """Dotted names of every module and package under ``src/``."""
    names: set[str] = set()
    for path in src.rglob("*.py"):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts:
            names.add(".".join(parts))
    return names


def dotted(node: ast.expr) -> list[str] | None:
    """``a.b.c`` as ``["a", "b", "c"]``; None for anything that is not a plain name chain."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return parts[::-1]


def private_uses(source: str, modules: set[str], filename: str = "<planted>") -> list[str]:
    """Each cross-file use of a private name in one file's source, as ``line: what``."""
    tree = ast.parse(source, filename=filename)
    found: list[tuple[int, str]] = []
    bound: dict[str, str] = {}  # a name an import binds → the module of ours it stands for
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if any(is_private(part) for part in alias.name.split(".")):
                    found.append((node.lineno, f"import {alias.name}"))
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    head = alias.name.partition(".")[0]
                    bound[head] = head
        elif isinstance(node, ast.ImportFrom) and node.module != "__future__":
            module = node.module or ""
            if module not in TYPING_ONLY and any(is_private(part) for part in module.split(".") if part):
                found.append((node.lineno, f"from {'.' * node.level}{module} import …"))
            for alias in node.names:
                if is_private(alias.name):
                    found.append((node.lineno, f"from {'.' * node.level}{module} import {alias.name}"))
                if node.level == 0:
                    bound[alias.asname or alias.name] = f"{module}.{alias.name}"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            chain = dotted(node.value)
            if chain and chain[0] in bound:
                target = ".".join([bound[chain[0]], *chain[1:]])
                if target in modules:
                    found.append((node.lineno, f"{'.'.join(chain)}.{node.attr} (private name of {target})"))
    return [f"{line}: {what}" for line, what in sorted(set(found))]


def scanned_files(root: Path) -> list[Path]:
    return sorted(path for folder in SCANNED for path in (root / folder).rglob("*.py"))


def test_no_file_uses_another_files_private_name() -> None:
    modules = our_modules(ROOT / "src")
    problems = [
        f"{path.relative_to(ROOT)}:{use}"
        for path in scanned_files(ROOT)
        for use in private_uses(path.read_text(encoding="utf-8"), modules, str(path))
    ]
    if problems:
        pytest.fail("private names used across files (make them public where they live):\n" + "\n".join(problems))


PLANTED = """\
from __future__ import annotations
import estate_desk.store.database
from estate_desk.cli.common import _actor, __version__
from estate_desk.services import audit
from estate_desk.services import audit as log
from estate_desk.store._hidden import thing
from _typeshed import StrPath
import json._private
from reportlab.lib.units import mm as _mm

audit._row(1)
log._row(2)
estate_desk.store.database._engine()
json._helper()  # not ours: the standard library's business
audit.record.__name__
_mm
"""


def test_checker_finds_planted_private_uses() -> None:
    modules = {"estate_desk", "estate_desk.services", "estate_desk.services.audit", "estate_desk.store.database"}
    assert private_uses(PLANTED, modules) == [
        "3: from estate_desk.cli.common import _actor",
        "6: from estate_desk.store._hidden import …",
        "8: import json._private",
        "11: audit._row (private name of estate_desk.services.audit)",
        "12: log._row (private name of estate_desk.services.audit)",
        "13: estate_desk.store.database._engine (private name of estate_desk.store.database)",
    ]
