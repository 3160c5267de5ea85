"""Killing a child process in the middle of a job, for crash-safety tests (A5: nothing lost, nothing half-written).

A scenario is a snippet of Python run in a fresh interpreter with these names defined:

* ``db`` — the archive (:func:`~estate_desk.store.database.open_database` on ``url``),
* ``clock`` — a FakeClock at the tests' start, ``actor`` — ``admin`` signed in,
* ``work`` — a folder for the scenario's files (:class:`pathlib.Path`),
* ``pause()`` — tells the parent "I am in the middle now" and then blocks forever.

The parent (:func:`kill_midway`) waits for that word on the child's stdout — never a timer — and
kills the child with SIGKILL (no cleanup handlers, no ``finally``: the same as pulling the plug).
Whatever the snippet committed before ``pause()`` must still be there afterwards; whatever it
was in the middle of must have left nothing. A scenario reaches its middle through the job's own
``progress`` callback, or by wrapping a module function in the child (the destruction batch's kill between
its commit and the removal of its files replaces ``destruction.sweep_files`` with ``pause``).
"""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

MIDWAY = "ESTATE-DESK-CRASH-TEST: MIDWAY"
WAIT_SECONDS = 300  # only a guard against a child that never gets there; the kill itself waits for the word

_PRELUDE = """
import sys, threading
from pathlib import Path
from estate_desk.domain.clock import FakeClock
from estate_desk.services.accounts import users as accounts
from estate_desk.store import models  # noqa: F401 - every table mapped, as in the app
from estate_desk.store.database import open_database
from database_support import ADMIN_PASSWORD, START

def pause():
    sys.stdout.write({midway!r} + "\\n")
    sys.stdout.flush()
    threading.Event().wait()  # until the parent kills us

db = open_database({url!r})
clock = FakeClock(START)
actor = accounts.authenticate(db, clock, "admin", {password})
work = Path({work!r})
"""


class ChildDidNotPause(AssertionError):
    """The child ended, or never reached ``pause()``: its output says why."""


def kill_midway(url: URL, work: Path, scenario: str, *, password: str | None = None) -> str:
    """Run ``scenario`` in a child process, SIGKILL it once it calls ``pause()``; returns what it printed.

    ``password`` is the ``admin``'s when it is not the tests' own (the demo estate's)."""
    work.mkdir(parents=True, exist_ok=True)
    script = _PRELUDE.format(
        midway=MIDWAY,
        url=url.render_as_string(hide_password=False),
        work=str(work),
        password="ADMIN_PASSWORD" if password is None else repr(password),
    ) + textwrap.dedent(scenario)
    env = dict(os.environ)
    tests = str(Path(__file__).parent)
    env["PYTHONPATH"] = tests + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONUNBUFFERED"] = "1"
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=work,
    )
    assert child.stdout is not None
    seen: list[str] = []
    pending = b""  # read from the pipe itself: a buffered readline could hold the word while select waits
    with selectors.DefaultSelector() as sel:
        sel.register(child.stdout, selectors.EVENT_READ)
        try:
            while True:
                if b"\n" not in pending:
                    if not sel.select(timeout=WAIT_SECONDS):
                        raise ChildDidNotPause("no word from the child:\n" + "".join(seen))
                    chunk = os.read(child.stdout.fileno(), 65536)
                    if not chunk:
                        child.wait()
                        said = "".join(seen) + pending.decode("utf-8", "replace")
                        raise ChildDidNotPause(f"the child ended ({child.returncode}) before pausing:\n" + said)
                    pending += chunk
                    continue
                raw, pending = pending.split(b"\n", 1)
                line = raw.decode("utf-8", "replace") + "\n"
                seen.append(line)
                if line.strip() == MIDWAY:
                    break
        finally:
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
            child.wait()
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    return "".join(seen)
