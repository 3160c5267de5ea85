"""The loan register (借阅登记簿) and recall notices (催还单) in the printout registry (A11, A12).

``estate-desk print loans -o FILE [--option from=YYYY-MM-DD] [--option to=…] [--option borrower=NAME]
[--option record=档号]`` prints the register by period, borrower or record (everything without them);
``--xlsx`` writes the same columns. ``estate-desk print recall --option request=JY000012 -o FILE``
prints the recall notice of what a request still has out, and records that a notice was printed.
Both pass the print authorisation like every printout; their grade is that of the most secret
record they list.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.errors import InputProblem, NotFound, RuleViolation
from estate_desk.domain.routines.common import office_date
from estate_desk.domain.secrecy.grades import Grade, is_classified, most_secret
from estate_desk.printing import fonts
from estate_desk.printing.catalogues import Catalogue, catalogue_pdf
from estate_desk.printing.loan_register import (
    LOAN_REGISTER,
    RECALL_NOTICE,
    LoanRegisterLine,
    RecallLine,
    loan_register_rows,
    recall_letter,
    recall_rows,
)
from estate_desk.services.loans import due as loan_due
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.loans import requests as loans
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.catalogues import printed_by, write_catalogue_xlsx
from estate_desk.services.printouts.kinds import Printout, PrintResult, Scope
from estate_desk.store.accounts import Office

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.services.loans.ledger import LoanLine
    from estate_desk.services.printouts.kinds import Progress, Selection
    from estate_desk.store.database import Database

REGISTER_OPTIONS = ("from", "to", "borrower", "record", "font")
RECALL_OPTIONS = ("request", "font")


def _options(selection: Selection, allowed: Sequence[str], title: str) -> dict[str, str]:
    unknown = sorted(set(selection.options) - set(allowed))
    if unknown:
        raise InputProblem(
            zh=f"{title}没有这些选项：{'、'.join(unknown)}（可用：{', '.join(allowed)}）",
            en=f"The {title} has no option {', '.join(unknown)} (choose from: {', '.join(allowed)})",
        )
    return {k: v.strip() for k, v in selection.options.items() if v.strip()}


def _day(text: str | None, name: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputProblem(
            zh=f"日期应写成 YYYY-MM-DD：{text}", en=f"Write the date as YYYY-MM-DD: {text}", where=name
        ) from None


def _font_set(options: dict[str, str]) -> fonts.FontSet:
    font = options.get("font", "noto").lower()
    if font not in ("noto", "simhei", "黑体"):
        raise InputProblem(zh=f"字体只能是 noto 或 simhei：{font}", en=f"The font is noto or simhei: {font}")
    return fonts.register_fonts(prefer_simhei=font != "noto")


def _office(db: Database) -> tuple[str, str]:
    with db.session() as s:
        office = s.scalar(select(Office))
    return (office.name, office.fonds_code) if office is not None else ("", "")


# --------------------------------------------------------------------------- the register


def register_lines(db: Database, clock: Clock, actor: Actor, selection: Selection) -> tuple[list[LoanLine], str]:
    """The ledger lines a selection names, and the scope as printed under the title."""
    options = _options(selection, REGISTER_OPTIONS, LOAN_REGISTER.title)
    since, until = _day(options.get("from"), "from"), _day(options.get("to"), "to")
    if since and until and since > until:
        raise InputProblem(zh=f"起始日期 {since} 晚于截止日期 {until}。", en=f"{since} is after {until}.", where="from")
    lines = loan_ledger.ledger(
        db, clock, actor, since=since, until=until, borrower=options.get("borrower"), record=options.get("record")
    )
    scope = []
    if since or until:
        scope.append(f"{since or '…'}～{until or '…'}")
    if options.get("borrower"):
        scope.append(f"借阅人 {options['borrower']}")
    if options.get("record"):
        scope.append(f"档号 {options['record']}")
    return lines, "，".join(scope) or "全部"


def _register_line(line: LoanLine) -> LoanRegisterLine:
    return LoanRegisterLine(
        line.borrower_name,
        line.borrower_org,
        line.borrower_phone,
        office_date(line.out_at),
        line.archive_no,
        line.title,
        line.grade.label(),
        line.purpose,
        line.approvers,
        line.due_on,
        office_date(line.returned_at) if line.returned_at else None,
        line.intact,
        line.remarks(),
    )


def register_catalogue(db: Database, clock: Clock, actor: Actor, selection: Selection) -> Catalogue:
    lines, scope = register_lines(db, clock, actor, selection)
    office, fonds = _office(db)
    rows = loan_register_rows([_register_line(line) for line in lines])
    confidential = any(is_classified(line.grade) for line in lines)
    return Catalogue(LOAN_REGISTER, office, fonds, scope, tuple(rows), confidential=confidential)


def _register_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    from estate_desk.domain.clock import SystemClock

    lines, _scope = register_lines(db, actor.clock or SystemClock(), actor, selection)
    return most_secret(line.grade for line in lines)


def render_register(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    font_set = _font_set(_options(selection, REGISTER_OPTIONS, LOAN_REGISTER.title))
    catalogue = register_catalogue(db, clock, actor, selection)
    pages = catalogue_pdf(
        catalogue, out, font_set, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
    )
    return PrintResult(out, pages, len(catalogue.rows))


def export_register(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    catalogue = register_catalogue(db, clock, actor, selection)
    rows = write_catalogue_xlsx(
        catalogue, out, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
    )
    return PrintResult(out, 0, rows)


# --------------------------------------------------------------------------- recall notices


def _recall_request(db: Database, actor: Actor, selection: Selection) -> loans.RequestView:
    number = _options(selection, RECALL_OPTIONS, RECALL_NOTICE.title).get("request", "")
    if not number:
        raise InputProblem(
            zh="请指明要催还的借阅申请：request=JY……",
            en="Name the loan request to recall: request=JY…",
            where="request",
        )
    found = loans.request_by_number(db, actor, number)
    if found is None:
        raise NotFound(zh=f"没有借阅申请 {number}。", en=f"No loan request {number}.", where="request")
    return found


def _recall_lines(
    db: Database, clock: Clock, actor: Actor, selection: Selection
) -> tuple[loans.RequestView, list[LoanLine]]:
    request = _recall_request(db, actor, selection)
    out = [line for line in loan_ledger.request_lines(db, clock, actor, request.id) if line.out]
    return request, out


def _recall_grade(db: Database, actor: Actor, selection: Selection) -> Grade:
    from estate_desk.domain.clock import SystemClock

    _request, lines = _recall_lines(db, actor.clock or SystemClock(), actor, selection)
    return most_secret(line.grade for line in lines)


def render_recall(
    db: Database,
    clock: Clock,
    actor: Actor,
    selection: Selection,
    out: Path,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PrintResult:
    """The recall notice of one request; printing it is recorded as a recall (催还, channel print)."""
    font_set = _font_set(_options(selection, RECALL_OPTIONS, RECALL_NOTICE.title))
    request, lines = _recall_lines(db, clock, actor, selection)
    office, fonds = _office(db)
    rows = recall_rows(
        [
            RecallLine(x.archive_no, x.title, office_date(x.out_at), x.due_on or office_date(x.out_at), x.overdue_days)
            for x in lines
        ]
    )
    catalogue = Catalogue(
        RECALL_NOTICE,
        office,
        fonds,
        f"借阅人 {request.borrower_name}（{request.borrower_org}）· {request.number}",
        tuple(rows),
        confidential=any(is_classified(x.grade) for x in lines),
        notes=recall_letter(request.borrower_name, request.number, office, office_date(clock.now())),
    )
    if not lines:
        raise RuleViolation(
            zh=f"{request.number} 没有未还的档案，无需催还。", en=f"{request.number} has nothing out to recall."
        )
    pages = catalogue_pdf(
        catalogue, out, font_set, printed_by=printed_by(clock, actor), progress=progress, cancelled=cancelled
    )
    loan_due.recall(db, clock, actor, request.id, channel="print")
    return PrintResult(out, pages, len(rows))


LOAN_REGISTER_PRINTOUT = printouts.register(
    Printout(
        LOAN_REGISTER.key,
        LOAN_REGISTER.title,
        LOAN_REGISTER.title_en,
        frozenset({Scope.ESTATE}),
        render_register,
        export_register,
        grade=_register_grade,
    )
)
RECALL_PRINTOUT = printouts.register(
    Printout(
        RECALL_NOTICE.key,
        RECALL_NOTICE.title,
        RECALL_NOTICE.title_en,
        frozenset({Scope.ESTATE}),
        render_recall,
        grade=_recall_grade,
    )
)
