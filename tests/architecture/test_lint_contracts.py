"""The import-linter contracts can fail (issue 19): each one, given a planted violation, breaks.

``src/`` and ``pyproject.toml`` are copied into a temporary folder; one import that breaks one contract
is planted in the copy, and ``lint-imports`` must exit non-zero naming that contract. The violation is
read off the contract itself, so a contract added to ``pyproject.toml`` is exercised without a new test:
- ``forbidden``: the first source module imports the first forbidden module;
- ``independence``: the first module imports the second;
- ``layers``: the lowest layer imports the highest (inside the first container, if any).
A contract of another type is reported as skipped until a planted violation for it is written here.
The unplanted copy must pass, so a broken contract is the plant's doing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tool_support import find_tool

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = find_tool("lint-imports")
CONTRACTS: list[dict[str, Any]] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
    "importlinter"
]["contracts"]

needs_lint_imports = pytest.mark.skipif(LINT_IMPORTS is None, reason="import-linter not installed")


def first_module(expression: str) -> str:
    """One module of a layer or module expression: ``"a.ui | a.cli"`` → ``a.ui``; ``"(a.x)"`` → ``a.x``."""
    return re.split(r"[|:]", expression)[0].strip().strip("()").strip()


def planted_import(contract: dict[str, Any]) -> tuple[str, str] | None:
    """(importer, imported) that breaks the contract, or None when this test knows no plant for its type."""
    kind = contract["type"]
    if kind == "forbidden":
        return first_module(contract["source_modules"][0]), first_module(contract["forbidden_modules"][0])
    if kind == "independence":
        return first_module(contract["modules"][0]), first_module(contract["modules"][1])
    if kind == "layers":
        top, bottom = first_module(contract["layers"][0]), first_module(contract["layers"][-1])
        containers = contract.get("containers") or []
        if containers:
            top, bottom = f"{containers[0]}.{top}", f"{containers[0]}.{bottom}"
        return bottom, top
    return None


def module_file(src: Path, module: str) -> Path:
    """The file that holds a module (a package's ``__init__.py``); ``*`` and ``**`` take the first match."""
    folder = src
    for part in module.split("."):
        if part in ("*", "**"):
            part = sorted(p.stem for p in folder.iterdir() if p.stem != "__init__" and not p.stem.startswith("."))[0]
        folder = folder / part
    path = folder / "__init__.py" if folder.is_dir() else folder.with_suffix(".py")
    assert path.is_file(), f"the contract names {module}, which has no file under {src}"
    return path


def copy_of_the_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "src", tmp_path / "src", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on the copy: its ``src`` first on the path, so the copy is what gets analysed."""
    assert LINT_IMPORTS is not None
    env = {
        **os.environ,
        "COLUMNS": "1000",
        "PYTHONPATH": os.pathsep.join([str(project / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache"], capture_output=True, text=True, cwd=project, env=env, timeout=300
    )


def test_pyproject_has_contracts() -> None:
    assert CONTRACTS, "no [[tool.importlinter.contracts]] in pyproject.toml"


@pytest.fixture(scope="module")
def unplanted(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return lint_imports(copy_of_the_project(tmp_path_factory.mktemp("unplanted")))


@needs_lint_imports
def test_the_unplanted_copy_keeps_every_contract(unplanted: subprocess.CompletedProcess[str]) -> None:
    assert unplanted.returncode == 0, unplanted.stdout + unplanted.stderr


@needs_lint_imports
@pytest.mark.parametrize("contract", CONTRACTS, ids=[contract["name"] for contract in CONTRACTS])
def test_a_planted_violation_breaks_the_contract(
    contract: dict[str, Any], tmp_path: Path, unplanted: subprocess.CompletedProcess[str]
) -> None:
    plant = planted_import(contract)
    if plant is None:
        pytest.skip(f"no planted violation written for {contract['type']!r} contracts yet")
    assert f"{contract['name']} KEPT" in unplanted.stdout, "broken before anything was planted:\n" + unplanted.stdout
    importer, imported = plant
    project = copy_of_the_project(tmp_path)
    target = module_file(project / "src", importer)
    with target.open("a", encoding="utf-8") as out:
        out.write(f"\nimport {imported}  # planted by tests/architecture/test_lint_contracts.py\n")

    result = lint_imports(project)

    output = result.stdout + result.stderr
    assert result.returncode != 0, f"{importer} importing {imported} broke nothing:\n{output}"
    assert f"{contract['name']} BROKEN" in output, output
