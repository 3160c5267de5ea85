"""Files with one job (issue 19): no ``.py`` file in ``src/`` is over 450 lines unless it says why.

The reason goes in the file's opening: its module docstring (or, where it has none, the comment
lines at its top) holds a line that starts with ``Long because:``, for example
``Long because: the model, its columns and its lazy row cache must change together.``
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 450
MARKER = "Long because:"


def opening(source: str) -> str:
    """The module docstring, else the comment lines before the first statement."""
    docstring = ast.get_docstring(ast.parse(source))
    if docstring is not None:
        return docstring
    comments = []
    for line in source.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    return "\n".join(comments)


def says_why_it_is_long(source: str) -> bool:
    return any(line.strip().startswith(MARKER) for line in opening(source).splitlines())


def too_long(source: str) -> bool:
    return len(source.splitlines()) > LIMIT and not says_why_it_is_long(source)


def test_no_source_file_is_long_without_saying_why() -> None:
    long_files = [
        f"{path.relative_to(ROOT)}: {len(path.read_text(encoding='utf-8').splitlines())} lines"
        for path in sorted((ROOT / "src").rglob("*.py"))
        if too_long(path.read_text(encoding="utf-8"))
    ]
    if long_files:
        pytest.fail(
            f"over {LIMIT} lines: split along its ideas, or say why in the opening docstring"
            f" (a line starting {MARKER!r}):\n" + "\n".join(long_files)
        )


def test_the_size_rule_on_planted_files() -> None:
    body = "x = 1\n" * LIMIT
    assert not too_long(body)
    assert too_long(body + "y = 2\n")
    assert too_long('"""A long module."""\n' + body)
    assert too_long('"""A long module."""\n' + body + "# Long because: said too late\n")
    assert not too_long('"""A long module.\n\nLong because: one table, one model.\n"""\n' + body)
    assert not too_long("#!/usr/bin/env python\n# Long because: generated tables.\n" + body)
