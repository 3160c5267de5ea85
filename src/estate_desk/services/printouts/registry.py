"""Every printable document in one registry, so the window's Printing section and ``estate-desk print``
offer the same documents with the same selections (issue 4).

A provider module builds its documents with ``printing/`` (reportlab) and registers a
:class:`Printout` for each at import time. The registry imports the providers listed in
``PROVIDERS`` the first time it is asked.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

from estate_desk.domain.errors import NotFound

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

PROVIDERS = (
    "estate_desk.services.printouts.labels",  # box labels: A4 sheets and thermal labels (A8)
    "estate_desk.services.printouts.catalogues",  # catalogues, register book, box notes (A7, A9)
    "estate_desk.services.printouts.daily_review",  # the front desk's daily review (F6)
    "estate_desk.services.printouts.loans",  # the loan register and recall notices (A12)
    "estate_desk.services.disposal.manifest",  # the destruction manifest of a batch (A17)
)


class Scope(StrEnum):
    """What a selection can name; a printout says which of these it accepts."""

    BOX = "box"  # one box, or several (box_ids)
    CABINET = "cabinet"
    CATEGORY = "category"
    BUILDING = "building"
    YEAR = "year"
    VOLUME = "volume"
    ESTATE = "estate"  # everything the reader may see
    DATE = "date"  # one day (daily review)
    BATCH = "batch"  # one destruction batch, by its code (the destruction manifest)


@dataclass(frozen=True)
class Selection:
    """What to print: the same selections in the window and on the command line."""

    box_ids: tuple[int, ...] = ()
    cabinet_id: int | None = None
    category_code: str | None = None
    building: int | None = None
    year: int | None = None
    volume_id: int | None = None
    day: str | None = None  # ISO date, for the daily review
    batch: str | None = None  # a destruction batch's code, for its manifest
    options: dict[str, str] = field(default_factory=dict)  # e.g. label grid "rows", "cols", "start"; "font"


@dataclass(frozen=True)
class PrintResult:
    path: Path
    pages: int
    items: int  # labels, rows … what the user would count
    warnings: tuple[str, ...] = ()  # e.g. characters no font covers were reported before printing


class Progress(Protocol):
    def __call__(self, done: int, total: int) -> None: ...


class Render(Protocol):
    def __call__(
        self,
        db: Database,
        clock: Clock,
        actor: Actor,
        selection: Selection,
        out: Path,
        *,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> PrintResult: ...


class GradeOf(Protocol):
    def __call__(self, db: Database, actor: Actor, selection: Selection) -> Grade: ...


@dataclass(frozen=True)
class Printout:
    key: str  # the CLI name: "labels", "owner-catalogue", "catalogue", "volume-catalogue", "register", "box-notes"
    title_zh: str
    title_en: str
    scopes: frozenset[Scope]
    render: Render
    xlsx: Render | None = None  # the same columns and order as .xlsx, where the document is a table
    grade: GradeOf | None = None  # how secret a selection's printout is, where the archive scopes cannot say

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en


REGISTRY: dict[str, Printout] = {}  # key → printout, in registration order (a test may add one for itself)
_loaded = False


def register(printout: Printout) -> Printout:
    """Add a printout; its render and export are wrapped so every use checks the right to print or
    export it and is audited (A11, ``services/secrecy/print_rights.py``). Returns the registered printout."""
    from estate_desk.services.secrecy.print_rights import guarded

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
