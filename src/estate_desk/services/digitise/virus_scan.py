"""The virus scan of the four-properties check (安全性, DA/T 70): ClamAV when it is installed, else nothing.

A :data:`Scanner` takes a file's content (decrypted in memory for a sealed file: it is handed over on the
scanner's standard input, never written to disk) and its name, and returns a
:class:`~estate_desk.domain.digitise.file_properties.VirusVerdict`. :func:`default_scanner` finds
``clamdscan`` (the daemon, fast) or ``clamscan`` with :func:`shutil.which`; without either, the check says
"not checked" — never "passed". Tests plant a scanner of their own.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from estate_desk.domain.digitise.file_properties import Verdict, VirusVerdict

Scanner = Callable[[bytes, str], VirusVerdict]

TIMEOUT = 300  # seconds for one file: clamscan loads its signatures every time (tens of seconds)
CLEAN, FOUND = 0, 1  # clamscan's and clamdscan's exit codes; anything else is an error


def clamav(program: str) -> Scanner:
    """A scanner that runs ``program`` (clamdscan or clamscan) over the content on its standard input."""
    name = Path(program).name

    def scan(data: bytes, _file_name: str) -> VirusVerdict:
        try:
            done = subprocess.run(
                [program, "--no-summary", "-"], input=data, capture_output=True, timeout=TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired:
            return VirusVerdict(Verdict.ERROR, f"{name}: timeout after {TIMEOUT} s", name)
        except OSError as exc:
            return VirusVerdict(Verdict.ERROR, f"{name}: {exc}", name)
        output = done.stdout.decode("utf-8", "replace").strip()
        if done.returncode == CLEAN:
            return VirusVerdict(Verdict.CLEAN, "", name)
        if done.returncode == FOUND:
            found = output.split(":", 1)[-1].replace("FOUND", "").strip() or output
            return VirusVerdict(Verdict.INFECTED, found, name)
        error = (done.stderr.decode("utf-8", "replace").strip() or output).splitlines()
        return VirusVerdict(Verdict.ERROR, f"{name}: {error[0] if error else done.returncode}", name)

    return scan


def unavailable(_data: bytes, _file_name: str) -> VirusVerdict:
    return VirusVerdict(Verdict.UNAVAILABLE)


def default_scanner(*, daemon_only: bool = False) -> Scanner:
    """ClamAV's daemon client, else (unless ``daemon_only``) its command-line scanner, else the scanner that
    checks nothing."""
    for program in ("clamdscan",) if daemon_only else ("clamdscan", "clamscan"):
        found = shutil.which(program)
        if found:
            return clamav(found)
    return unavailable
