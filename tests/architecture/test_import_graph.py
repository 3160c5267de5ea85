"""No import circles in ``src/estate_desk`` (issue 19): the import graph, built with ``ast``, has no cycle.

Every import counts: at module level, inside a function, and under ``if TYPE_CHECKING:`` — a circle
that only type checking or a late import hides is still two modules that must change together.
``from a.b import c`` is an edge to ``a.b.c`` when that is a module, else to ``a.b``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src"


def module_files(src: Path, package: str) -> dict[str, Path]:
    """Every module and package under ``src/<package>``, by dotted name (a package by its ``__init__``)."""
    modules: dict[str, Path] = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_names(tree: ast.Module, module: str, is_package: bool) -> set[str]:
    """The dotted names a module imports, anywhere in its body, relative imports made absolute."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                drop = node.level - 1 if is_package else node.level
                anchor = anchor[: len(anchor) - drop] if drop else anchor
                base = ".".join([*anchor, base] if base else anchor)
            # ``from a.b import c``: ``a.b.c`` if that is a module, else ``a.b`` (owner() walks up)
            names.update(base if alias.name == "*" else f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(src: Path, package: str) -> dict[str, set[str]]:
    """Module → the modules of the same package it imports (itself excluded)."""
    modules = module_files(src, package)

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        targets = {owner(name) for name in imported_names(tree, module, path.name == "__init__.py")}
        graph[module] = {target for target in targets if target and target != module}
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's components with more than one module, iteratively (no recursion limit), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for successor in successors:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(graph.get(successor, ())))))
                    break
                if successor in on_stack:
                    low[node] = min(low[node], index[successor])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return sorted(found)


def shortest_cycle_through(graph: dict[str, set[str]], start: str, within: set[str]) -> list[str]:
    """The shortest chain start → … → start inside one component (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for successor in sorted(graph[node] & within):
                if successor == start:
                    chain = [node]
                    while chain[-1] != start:
                        chain.append(came_from[chain[-1]])
                    return [*reversed(chain), start]
                if successor not in came_from:
                    came_from[successor] = node
                    following.append(successor)
        frontier = following
    raise AssertionError(f"{start} is in a component but on no cycle")


def readable_cycles(graph: dict[str, set[str]], package: str) -> list[str]:
    """Each circle as ``a → b → a``, enough chains per component to show every module in it."""
    lines: list[str] = []
    for component in strongly_connected(graph):
        members = set(component)
        shown: set[str] = set()
        lines.append(f"{len(component)} modules import each other in a circle:")
        for module in component:
            if module in shown:
                continue
            chain = shortest_cycle_through(graph, module, members)
            shown.update(chain)
            lines.append("    " + " → ".join(name.removeprefix(package + ".") for name in chain))
    return lines


def test_estate_desk_has_no_import_cycle() -> None:
    cycles = readable_cycles(import_graph(SRC, "estate_desk"), "estate_desk")
    if cycles:
        pytest.fail("import circles in src/estate_desk (move the shared piece down):\n" + "\n".join(cycles))


def test_cycle_finder_finds_a_planted_cycle(tmp_path: Path) -> None:
    package = tmp_path / "planted"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from planted.sub import b\n")
    (package / "sub" / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from planted import c\n"
    )
    (package / "c.py").write_text("def late():\n    from . import a\n")
    (package / "d.py").write_text("import planted.a\n")  # into the circle, not part of it

    graph = import_graph(tmp_path, "planted")

    assert graph["planted.a"] == {"planted.sub.b"}
    assert strongly_connected(graph) == [["planted.a", "planted.c", "planted.sub.b"]]
    assert readable_cycles(graph, "planted") == [
        "3 modules import each other in a circle:",
        "    a → sub.b → c → a",
    ]
