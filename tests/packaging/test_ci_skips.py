"""CI's judge of a pytest run (.ci/check_skips.py): only named, expected skips pass (issue 16).

The sample output is real: a small test module with known skips, run by pytest in a child process.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_skips", ROOT / ".ci" / "check_skips.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check = _load()

SAMPLE = """
import pytest

@pytest.fixture
def server():
    pytest.skip("needs a server: set THE_URL")

@pytest.mark.skipif(True, reason="a file lock is SQLite's")
def test_lock():
    pass

@pytest.mark.parametrize("n", [1, 2])
def test_with_server(server, n):
    pass

def test_tool():
    pytest.skip("import-linter not installed")

def test_passes():
    assert True
"""
ALLOW_SERVER_AND_LOCK = """
# comment lines and blank lines are ignored

sqlite | test_sample.py | needs a server* | the server runs in the other pass
* | test_*.py | a file lock is SQLite's | only SQLite has a file to lock
"""


def _pytest(folder: Path, *args: str, body: str | None = SAMPLE) -> tuple[int, str]:
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's config
    if body is not None:
        (folder / "test_sample.py").write_text(textwrap.dedent(body), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", *args],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    return _pytest(tmp_path_factory.mktemp("sample"), "-ra")


def test_every_skip_of_a_real_run_is_read_with_its_count_place_and_reason(sample_run: tuple[int, str]) -> None:
    status, log = sample_run
    assert status == 0, log
    skips = {(s.file, s.reason): s.count for s in check.parse_skips(log)}
    assert skips == {
        ("test_sample.py", "needs a server: set THE_URL"): 2,
        ("test_sample.py", "a file lock is SQLite's"): 1,
        ("test_sample.py", "import-linter not installed"): 1,
    }
    assert check.skipped_on_closing_line(log) == 4


def test_an_unexpected_skip_fails_the_run_and_is_named(sample_run: tuple[int, str]) -> None:
    status, log = sample_run
    ok, lines = check.judge("sqlite", status, log, check.parse_allow_list(ALLOW_SERVER_AND_LOCK))
    text = "\n".join(lines)
    assert not ok
    assert "UNEXPECTED [1] test_sample.py:" in text and "import-linter not installed" in text
    assert "expected   [2] test_sample.py:" in text and "the server runs in the other pass" in text
    assert "FAIL sqlite: 1 unexpected skip(s)" in text


def test_only_expected_skips_pass(sample_run: tuple[int, str]) -> None:
    status, log = sample_run
    allow = ALLOW_SERVER_AND_LOCK + "sqlite | test_sample.py | import-linter not installed | (in this sample only)\n"
    ok, lines = check.judge("sqlite", status, log, check.parse_allow_list(allow))
    assert ok, lines
    assert lines[-1] == "OK sqlite: pytest passed; every skip is an expected one"


def test_an_entry_for_one_pass_does_not_allow_the_skip_in_the_other(sample_run: tuple[int, str]) -> None:
    status, log = sample_run
    allow = ALLOW_SERVER_AND_LOCK + "sqlite | test_sample.py | import-linter not installed | (in this sample only)\n"
    ok, lines = check.judge("postgresql", status, log, check.parse_allow_list(allow))
    assert not ok
    assert any(line.startswith("  UNEXPECTED [2] test_sample.py:") for line in lines)


def test_a_run_without_the_skip_summary_fails(tmp_path: Path) -> None:
    status, log = _pytest(tmp_path, "-rN")  # no short summary: the skips cannot be checked
    ok, lines = check.judge("sqlite", status, log, check.parse_allow_list(ALLOW_SERVER_AND_LOCK))
    assert not ok
    assert "pytest reports 4 skipped but the summary lists 0" in "\n".join(lines)


def test_no_test_run_fails(tmp_path: Path) -> None:
    status, log = _pytest(tmp_path, "-ra", "-k", "no_such_test")
    assert status == 5, log
    ok, lines = check.judge("postgresql", status, log, [])
    assert not ok
    assert "FAIL postgresql: pytest ran no test (exit status 5)" in lines


def test_a_failing_test_fails_the_run(tmp_path: Path) -> None:
    status, log = _pytest(tmp_path, "-ra", body="def test_no():\n    assert False\n")
    ok, lines = check.judge("sqlite", status, log, [])
    assert not ok
    assert f"FAIL sqlite: pytest exited with status {status}" in lines


def test_a_cut_off_log_fails(sample_run: tuple[int, str]) -> None:
    _, log = sample_run
    ok, lines = check.judge("sqlite", 0, log.split("short test summary")[0], [])
    assert not ok
    assert any("no pytest closing line" in line for line in lines)


@pytest.mark.parametrize(
    "line",
    [
        "sqlite | tests/test_x.py | some reason",  # no WHY
        "sqlite | tests/test_x.py | some reason | ",  # empty WHY
        "mysql | tests/test_x.py | some reason | why",  # no such pass
    ],
)
def test_an_allow_list_entry_must_name_its_pass_and_reason(line: str) -> None:
    with pytest.raises(check.AllowListError):
        check.parse_allow_list(line)


def test_the_projects_allow_list_names_real_skips_of_real_files() -> None:
    entries = check.parse_allow_list((ROOT / ".ci" / "expected-skips").read_text(encoding="utf-8"))
    assert entries
    tests = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py"))
    for entry in entries:
        files = [t for t in tests if fnmatch.fnmatchcase(t, entry.file)]
        assert files, f"no test file matches {entry.file}"
        literal = entry.reason.split("*")[0]
        assert any(literal in (ROOT / f).read_text(encoding="utf-8") for f in files), (
            f"no skip reason {entry.reason!r} in {files}: a stale entry"
        )
