"""What a printout is (打印件): the selections it accepts, how it renders, what it returns.

The types every provider, the guard (``services/printouts/guard.py``), the registry
(``services/printouts/registry.py``), the window's Printing section and ``estate-desk print`` share. They
sit below all of them, so none of those has to import another to name a printout.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


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
