"""Every printable document in one registry, so the window's Printing section and ``estate-desk print``
offer the same documents with the same selections (issue 4).

A provider module builds its documents with ``printing/`` (reportlab) and registers a
:class:`~estate_desk.services.printouts.kinds.Printout` for each at import time. The registry imports the providers listed in
``PROVIDERS`` the first time it is asked.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING

from estate_desk.domain.errors import NotFound
from estate_desk.services.printouts.guard import guarded

if TYPE_CHECKING:
    from estate_desk.services.printouts.kinds import Printout

PROVIDERS = (
    "estate_desk.services.printouts.labels",  # box labels: A4 sheets and thermal labels (A8)
    "estate_desk.services.printouts.catalogues",  # catalogues, register book, box notes (A7, A9)
    "estate_desk.services.printouts.daily_review",  # the front desk's daily review (F6)
    "estate_desk.services.printouts.loans",  # the loan register and recall notices (A12)
    "estate_desk.services.printouts.manifest",  # the destruction manifest of a batch, reprinted (A17)
)


REGISTRY: dict[str, Printout] = {}  # key → printout, in registration order (a test may add one for itself)
_loaded = False


def register(printout: Printout) -> Printout:
    """Add a printout; its render and export are wrapped so every use checks the right to print or
    export it and is audited (A11, ``services/printouts/guard.py``). Returns the registered printout."""
    printout = guarded(printout)
    REGISTRY[printout.key] = printout
    return printout


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for name in PROVIDERS:
        if importlib.util.find_spec(name) is not None:  # a provider still being written is simply absent
            importlib.import_module(name)
    _loaded = True


def printouts() -> list[Printout]:
    """Every printable document, in the order the providers registered them."""
    _load()
    return list(REGISTRY.values())


def printout(key: str) -> Printout:
    _load()
    found = REGISTRY.get(key)
    if found is None:
        names = ", ".join(REGISTRY)
        raise NotFound(zh=f"没有这种打印件：{key}（可选：{names}）", en=f"No printout called {key!r} (choose: {names})")
    return found
