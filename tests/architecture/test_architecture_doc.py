"""The map of the house is true (issue 19): ``docs/architecture.md`` exists and names nothing that isn't there.

Read from the page's inline code (single backticks; fenced blocks are left alone):
- a path: a span that contains ``/`` or ends in ``.py``, ``.md`` or ``.toml``, e.g.
  ``src/estate_desk/services/desk/``, ``services/desk/intake.py``, ``tests/architecture/``. It must exist
  relative to the repository root, to ``src/`` or to ``src/estate_desk/``. A pattern is not a path:
  spans with ``<``, ``>``, ``*``, ``{``, ``}``, spaces or ``://`` are skipped; ``path::name`` checks the path;
- a module: a span ``estate_desk.a.b``, which must be a module or package under ``src/``
  (or one name defined at the top of one: ``estate_desk.services.actor.Actor``).
Checked on the files, without importing anything (no Qt, no database).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "architecture.md"

FENCE = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
MODULE = re.compile(r"estate_desk(\.[A-Za-z_]\w*)+")
NOT_A_PATH = re.compile(r"[<>*{}\s]|://")


def code_spans(text: str) -> list[str]:
    return [span.strip() for span in INLINE_CODE.findall(FENCE.sub("", text))]


def looks_like_path(span: str) -> bool:
    return ("/" in span or span.endswith((".py", ".md", ".toml"))) and not NOT_A_PATH.search(span)


def path_exists(span: str, root: Path) -> bool:
    path = span.split("::")[0].removeprefix("./")
    return any((base / path).exists() for base in (root, root / "src", root / "src" / "estate_desk"))


def top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(target.id for target in targets if isinstance(target, ast.Name))
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).partition(".")[0] for alias in node.names)
    return names


def module_file(src: Path, dotted: str) -> Path | None:
    base = src.joinpath(*dotted.split("."))
    for path in (base / "__init__.py", base.with_suffix(".py")):
        if path.is_file():
            return path
    return None


def module_exists(dotted: str, src: Path) -> bool:
    if module_file(src, dotted) is not None:
        return True
    owner, _, name = dotted.rpartition(".")
    path = module_file(src, owner)
    return path is not None and name in top_level_names(path)


def missing_names(text: str, root: Path) -> list[str]:
    """The paths and modules the page names that are not in the repository at ``root``."""
    missing: list[str] = []
    for span in code_spans(text):
        if MODULE.fullmatch(span):
            if not module_exists(span, root / "src"):
                missing.append(f"module {span}")
        elif looks_like_path(span) and not path_exists(span, root):
            missing.append(f"path {span}")
    return list(dict.fromkeys(missing))


def test_the_architecture_page_exists() -> None:
    assert DOC.is_file(), "docs/architecture.md: the one-page map of layers, features and contracts (issue 19)"


def test_every_path_and_module_the_page_names_exists() -> None:
    if not DOC.is_file():
        pytest.fail("docs/architecture.md does not exist")
    missing = missing_names(DOC.read_text(encoding="utf-8"), ROOT)
    if missing:
        pytest.fail("docs/architecture.md names what is not there:\n" + "\n".join(missing))


PLANTED = """\
# The house

The desk's rules live in `services/desk/`, e.g. `services/desk/intake.py` and
`src/estate_desk/services/desk/intake.py`; `estate_desk.services.desk.intake` and its
`estate_desk.services.desk.intake.postpone` are named in full; tests are in `tests/architecture/`
(`tests/architecture/test_x.py::test_y`), settings in `pyproject.toml`.
Patterns are not paths: `ui/<feature>/`, `services/*/`, `ui → services`, `https://example.com/x`.

```
services/not/checked/in/a/fence.py `services/nor/this.py`
```

Gone: `services/desk/vanished.py`, `docs/missing.md`, `estate_desk.services.loans`,
`estate_desk.services.desk.intake.forget`, `old_setup.toml`.
"""


def test_the_checker_finds_what_a_planted_page_names_wrongly(tmp_path: Path) -> None:
    desk = tmp_path / "src" / "estate_desk" / "services" / "desk"
    desk.mkdir(parents=True)
    for package in (desk.parents[1], desk.parent, desk):
        (package / "__init__.py").write_text('"""A package."""\n')
    (desk / "intake.py").write_text("def postpone() -> None: ...\n")
    (tmp_path / "tests" / "architecture").mkdir(parents=True)
    (tmp_path / "tests" / "architecture" / "test_x.py").write_text("")
    (tmp_path / "pyproject.toml").write_text("")

    assert missing_names(PLANTED, tmp_path) == [
        "path services/desk/vanished.py",
        "path docs/missing.md",
        "module estate_desk.services.loans",
        "module estate_desk.services.desk.intake.forget",
        "path old_setup.toml",
    ]
