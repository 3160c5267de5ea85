"""The command as a real process: a closed pipe ends it quietly; a read command starts without alembic.

Issue 16 part 5: ``estate-desk search … | head`` printed "发生意外错误" and logged a BrokenPipeError
traceback; every command set up alembic's autogenerate machinery before doing anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from estate_desk.services.demo import estate as demo

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

ESTATE_DESK = [sys.executable, "-m", "estate_desk"]
HEAVY = ("alembic", "mako", "reportlab", "openpyxl", "PySide6", "barcode")


def _env() -> dict[str, str]:
    return {**os.environ, "ESTATE_DESK_PASSWORD": demo.DEMO_PASSWORD, "PYTHONIOENCODING": "utf-8"}


def _url(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _log_text(home: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in (home / "logs").glob("*.log")) if home.exists() else ""


@pytest.mark.parametrize(
    ("unbuffered", "why"),
    [
        ("", "block-buffered: the lines are written at the final flush"),
        ("1", "unbuffered: each line is written while the command runs"),
    ],
)
def test_a_closed_pipe_ends_the_command_quietly(demo_url: URL, _home: Path, unbuffered: str, why: str) -> None:
    env = {**_env(), "LANG": "zh_CN.UTF-8", "PYTHONUNBUFFERED": unbuffered}
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader (`| head`) has already gone when the command writes
    try:
        done = subprocess.run(
            [*ESTATE_DESK, "--database", _url(demo_url), "search", "1", "--include-void", "--user", "clerk"],
            stdout=write_end,
            stderr=subprocess.PIPE,
            env=env,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert done.stderr.decode("utf-8", "replace") == "", why
    assert done.returncode == 141, why  # 128 + SIGPIPE, as the shell reports `yes | head`
    log = _log_text(_home)
    assert "BrokenPipeError" not in log and "Traceback" not in log, log


def test_a_reader_that_stops_early_sees_the_first_lines(demo_url: URL) -> None:
    proc = subprocess.Popen(
        [*ESTATE_DESK, "--database", _url(demo_url), "search", "1", "--limit", "500", "--user", "clerk"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()  # `| head -1`
    proc.stdout.close()
    err = proc.stderr.read()
    proc.stderr.close()
    code = proc.wait(timeout=120)
    assert first.strip(), "the command printed nothing"
    assert err == b""
    assert code in (0, 141)  # 0 when everything fitted in the pipe before the reader left


def _modules_after(argv: list[str]) -> tuple[int, set[str], str]:
    code = (
        "import sys\n"
        "from estate_desk.cli.__main__ import main\n"
        "try:\n"
        f"    status = main({argv!r})\n"
        "except SystemExit as exc:\n"
        "    status = exc.code\n"
        "sys.stdout.flush()\n"
        "print('\\nSTATUS', status, 'MODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=120)
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("STATUS"), done.stdout + done.stderr
    _, status, _, *modules = last.split()
    return int(status), set(modules), done.stdout + done.stderr


@pytest.mark.parametrize(
    "command",
    [["search", "1"], ["search", "张"], ["record", "1"]],
    ids=["search-number", "search-name", "record"],
)
def test_a_read_command_imports_neither_alembic_nor_printing_nor_qt(demo_url: URL, command: list[str]) -> None:
    status, modules, output = _modules_after(["--database", _url(demo_url), *command, "--user", "clerk"])
    assert status == 0, output
    assert modules & set(HEAVY) == set(), output


def test_version_imports_no_database_at_all() -> None:
    status, modules, output = _modules_after(["--version"])
    assert status == 0 and "estate-desk" in output
    assert modules & {"sqlalchemy", *HEAVY} == set()
