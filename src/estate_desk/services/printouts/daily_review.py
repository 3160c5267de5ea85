"""The daily review (日清日审表, F6) in the printout registry: ``estate-desk print daily-review --date D -o FILE``.

Prints the review of one day as of its end (or now, while it runs). A day already closed prints
with who closed it; the copy made when it was closed stays in the attachment store.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from estate_desk.domain.errors import InputProblem
from estate_desk.domain.routines.common import office_date
from estate_desk.printing.daily_review import render_daily_review, write_pdf
from estate_desk.services.desk.review import report_for, review_in
from estate_desk.services.printouts.kinds import Printout, PrintResult, Scope
from estate_desk.services.printouts.registry import register

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Progress, Selection
    from estate_desk.store.database import Database


def _day(selection: Selection, clock: Clock) -> date:
    if not selection.day:
        return office_date(clock.now())
    try:
        return date.fromisoformat(selection.day)
    except ValueError as exc:
        raise InputProblem(
            zh=f"日期格式应为 YYYY-MM-DD：{selection.day}", en=f"The date must be YYYY-MM-DD: {selection.day}"
        ) from exc


def render(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    """The day's review as a PDF at ``out`` (the day of ``selection.day``, default today)."""
    day = _day(selection, clock)
    if day > office_date(clock.now()):
        raise InputProblem(zh="不能打印尚未开始的日期。", en="A day that has not begun cannot be printed.", rule="F6")
    if progress is not None:
        progress(0, 1)
    with db.session() as s:
        review = review_in(s, clock, day)
        report = report_for(s, review, review.closure)
    rendered = render_daily_review(report)
    write_pdf(rendered.data, out)
    if progress is not None:
        progress(1, 1)
    return PrintResult(out, rendered.pages, sum(len(t.rows) for t in report.tables))


register(
    Printout(
        key="daily-review",
        title_zh="日清日审表",
        title_en="Daily review",
        scopes=frozenset({Scope.DATE}),
        render=render,
    )
)
