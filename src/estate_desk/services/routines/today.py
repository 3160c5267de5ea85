"""The clerk's "today" page (今日待办): everything due or overdue, in one call.

The page is a list of :class:`TodaySection`, each made by one function in
:data:`SECTIONS`: the archive-room inspection (A10), this quarter's census (A14), arrears
follow-ups (A15), the to-digitise list (A5) and overdue loans (A12). Later issues add their own sections
(loans due back, destruction reviews) by appending a maker to :data:`SECTIONS`; a maker
returns None, or raises PermissionDenied, when the actor is not to see it, and the
section is left out.

Every section has a title, a one-line summary, a status (the most urgent of its items),
a count of things waiting and its first items; each item names what to open
(``kind`` and ``ref``: an inspection form, a census task, a household's arrears, a record).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.errors import PermissionDenied
from estate_desk.domain.routines.common import ROUTINE_READERS, RoutineStatus, office_date, worst
from estate_desk.services.archive import worklists
from estate_desk.services.digitise import progress as digitise_progress
from estate_desk.services.loans import ledger as loan_ledger
from estate_desk.services.maintenance import four_properties_last, integrity
from estate_desk.services.permissions import require_role
from estate_desk.services.routines import arrears, census, inspections
from estate_desk.store.archive import Document

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

DEFAULT_ITEMS = 10
"""How many items a section lists at most (its count says how many there are)."""


@dataclass(frozen=True)
class TodayItem:
    """One thing to do: its text, how urgent, and what to open (``kind`` + ``ref``)."""

    text_zh: str
    text_en: str
    status: RoutineStatus
    kind: str  # "inspection" | "census_start" | "census_task" | "arrears" | "document" | "loan"
    ref: int | None  # census task id, room id, document id, loan request id; None for forms that need none

    def text(self, lang: str = "zh") -> str:
        return self.text_zh if lang.startswith("zh") else self.text_en


@dataclass(frozen=True)
class TodaySection:
    """One block of the today page."""

    key: str  # "inspection" | "census" | "followups" | "to_digitise" | later ones
    title_zh: str
    title_en: str
    status: RoutineStatus
    summary_zh: str
    summary_en: str
    count: int  # things waiting (may be more than the items listed)
    items: tuple[TodayItem, ...]
    detail: object = None  # the routine's own status object, for a richer display
    work_list: bool = False  # a standing list worked through over months (待数字化), not a to-do of today

    def title(self, lang: str = "zh") -> str:
        return self.title_zh if lang.startswith("zh") else self.title_en

    def summary(self, lang: str = "zh") -> str:
        return self.summary_zh if lang.startswith("zh") else self.summary_en


@dataclass(frozen=True)
class TodayPage:
    day: date  # the office date the page is for
    sections: tuple[TodaySection, ...]

    def section(self, key: str) -> TodaySection | None:
        return next((s for s in self.sections if s.key == key), None)

    @property
    def status(self) -> RoutineStatus:
        return worst(s.status for s in self.sections)

    @property
    def waiting(self) -> int:
        """Today's to-dos: the standing work lists are counted apart (:attr:`work_lists`)."""
        return sum(s.count for s in self.sections if not s.work_list)

    @property
    def work_lists(self) -> tuple[TodaySection, ...]:
        return tuple(s for s in self.sections if s.work_list)


def today(db: Database, clock: Clock, actor: Actor, *, limit: int = DEFAULT_ITEMS) -> TodayPage:
    """The today page for the signed-in user: the sections they may see, each with up to ``limit`` items."""
    sections: list[TodaySection] = []
    for maker in SECTIONS:
        try:
            section = maker(db, clock, actor, max(limit, 0))
        except PermissionDenied:
            continue
        if section is not None:
            sections.append(section)
    return TodayPage(office_date(clock.now()), tuple(sections))


# --------------------------------------------------------------------------- A10


def inspection_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    require_role(actor, ROUTINE_READERS, zh="查看档案室检查", en="see the inspection schedule")
    state = inspections.inspection_status(db, clock)
    due = state.due
    interval_zh, interval_en = due.interval.label(), due.interval.label("en")
    if due.last is None:
        zh, en = "尚无检查记录，请进行首次档案室检查。", "No inspection recorded yet: inspect the archive room."
    elif due.status is RoutineStatus.OK:
        zh = f"上次检查 {due.last}，下次 {due.due_on}（{interval_zh}）。"
        en = f"Last inspected {due.last}; next on {due.due_on} ({interval_en})."
    elif due.status is RoutineStatus.DUE:
        zh = f"应于 {due.due_on} 检查（{interval_zh}），请于 {due.overdue_from} 前完成。"
        en = f"Due on {due.due_on} ({interval_en}); do it before {due.overdue_from}."
    else:
        zh = f"已逾期：应于 {due.due_on} 检查，已过 {-due.days_left} 天。"
        en = f"Overdue: due on {due.due_on}, {-due.days_left} days ago."
    last = state.last
    if last is not None and not last.all_ok:
        problems_zh = [c.label() for c in last.failed] + [w.message() for w in last.warnings]
        problems_en = [c.label("en") for c in last.failed] + [w.message("en") for w in last.warnings]
        zh += "上次发现：" + "；".join(problems_zh) + "。"
        en += " Last time: " + "; ".join(problems_en) + "."
    waiting = due.status is not RoutineStatus.OK
    items = (
        (TodayItem("进行档案室检查", "Inspect the archive room", due.status, "inspection", None),)
        if waiting and limit
        else ()
    )
    return TodaySection(
        "inspection", "档案室检查", "Archive-room inspection", due.status, zh, en, int(waiting), items, state
    )


# --------------------------------------------------------------------------- A14


def census_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    open_tasks = census.census_tasks(db, clock, actor, open_only=True, limit=limit)  # checks the role
    progress = census.census_progress(db, clock)
    quarter = progress.quarter
    if not progress.started:
        zh = f"{quarter.label()}家庭情况普查尚未开始。"
        en = f"The household census of {quarter.label('en')} has not started."
        items: tuple[TodayItem, ...] = (
            (TodayItem("发起本季度普查", "Start this quarter's census", progress.status, "census_start", None),)
            if limit
            else ()
        )
        return TodaySection("census", "家庭情况普查", "Household census", progress.status, zh, en, 1, items, progress)
    zh = f"{quarter.label()}：已完成 {progress.done}/{progress.total} 户，剩余 {progress.open} 户"
    en = f"{quarter.label('en')}: {progress.done} of {progress.total} households done, {progress.open} to go"
    if progress.open and progress.days_left >= 0:
        zh += f"，距季末 {progress.days_left} 天。"
        en += f", {progress.days_left} days to the quarter's end."
    elif progress.open:
        zh += f"，季度已结束 {-progress.days_left} 天。"
        en += f"; the quarter ended {-progress.days_left} days ago."
    else:
        zh, en = zh + "。", en + "."
    items = tuple(
        TodayItem(
            f"{t.room_code} {t.owner_name}".strip(),
            f"{t.room_code} {t.owner_name}".strip(),
            progress.status,
            "census_task",
            t.id,
        )
        for t in open_tasks
    )
    return TodaySection(
        "census", "家庭情况普查", "Household census", progress.status, zh, en, progress.open, items, progress
    )


# --------------------------------------------------------------------------- A15


def followups_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    due = arrears.followups_due(db, clock, actor)  # checks the role
    overdue = sum(1 for h in due if h.status is RoutineStatus.OVERDUE)
    if due:
        zh = f"待跟进 {len(due) - overdue} 户，逾期 {overdue} 户（欠费超过一个月，至少每两周跟进一次）。"
        en = f"{len(due) - overdue} households due, {overdue} overdue (in arrears over a month: every two weeks)."
    else:
        zh, en = "今天没有需要跟进的欠费户。", "No household is due for an arrears follow-up today."
    items = tuple(_household_item(h) for h in due[:limit])
    return TodaySection(
        "followups",
        "欠费跟进",
        "Arrears follow-ups",
        worst(h.status for h in due),
        zh,
        en,
        len(due),
        items,
        due,
    )


def _household_item(h: arrears.ArrearsHousehold) -> TodayItem:
    fees_zh = "、".join(f.label() for f in h.fee_types)
    fees_en = ", ".join(f.label("en") for f in h.fee_types)
    last = h.last_followup
    last_zh = f"上次跟进 {office_date(last.followed_at)}" if last else "尚未跟进"
    last_en = f"last followed up {office_date(last.followed_at)}" if last else "never followed up"
    return TodayItem(
        f"{h.room_code} {h.owner_name} 欠费 ¥{h.total:,.2f}（{fees_zh}），自 {h.oldest_since} 起；{last_zh}",
        f"{h.room_code} {h.owner_name} owes ¥{h.total:,.2f} ({fees_en}) since {h.oldest_since}; {last_en}",
        h.status,
        "arrears",
        h.room_id,
    )


# --------------------------------------------------------------------------- A5


def to_digitise_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    require_role(actor, ROUTINE_READERS, zh="查看待数字化清单", en="see the to-digitise list")
    count = worklists.to_digitise_count(db, actor)
    ids = worklists.to_digitise(db, actor, limit=limit)
    with db.session() as s:
        found = {
            i: (no, title)
            for i, no, title in s.execute(
                select(Document.id, Document.archive_no, Document.title).where(Document.id.in_(ids))
            )
        }
    items = tuple(
        TodayItem(f"{found[i][0]} {found[i][1]}", f"{found[i][0]} {found[i][1]}", RoutineStatus.DUE, "document", i)
        for i in ids
        if i in found
    )
    status = RoutineStatus.DUE if count else RoutineStatus.OK
    zh = f"有 {count} 件纸质档案尚未扫描。" if count else "所有纸质档案都已扫描。"
    en = f"{count} paper records have no scan yet." if count else "Every paper record has a scan."
    out, pending = digitise_progress.at_the_scanner(db)
    if out or pending:
        zh += f"{out} 个数字化批次进行中，待处理 {pending} 项。"
        en += f" {out} digitisation batch(es) under way, {pending} pending item(s) to settle."
    return TodaySection("to_digitise", "待数字化", "To digitise", status, zh, en, count, items, count, work_list=True)


# --------------------------------------------------------------------------- A5: the archive check


def integrity_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    """When the archive was last checked (services/maintenance/integrity.py) and what was wrong, with the
    four-properties check the schedule runs with it (DA/T 70); due when the schedule says."""
    require_role(actor, ROUTINE_READERS, zh="查看档案库检查结果", en="see the archive check")
    last = integrity.last_check(db)
    due = integrity.check_due(last.at if last else None, clock.now(), integrity.check_every(db))
    four = last.four_properties if last else None
    if last is None:
        zh, en = "档案库尚未做过完整性检查。", "The archive has never been checked."
        status = RoutineStatus.DUE
    else:
        when = office_date(last.at)
        zh, en = f"上次检查 {when}：{last.summary_zh}", f"Last checked {when}: {last.summary_en}"
        bad = not last.ok or (four is not None and not four.ok)
        status = RoutineStatus.OVERDUE if bad else (RoutineStatus.DUE if due else RoutineStatus.OK)
    if four is not None:
        zh += four.line("zh") + "".join(four.notes_zh)
        en += " " + " ".join((four.line("en"), *four.notes_en))
        if not four.ok:
            zh += four_properties_last.REPORT_HINT_ZH
            en += " " + four_properties_last.REPORT_HINT_EN
    problems = (
        tuple(
            TodayItem(z, e, RoutineStatus.OVERDUE, "integrity", None)
            for z, e in zip(last.first_zh, last.first_en, strict=False)
        )
        if last
        else ()
    )
    if four is not None:
        problems += tuple(
            TodayItem(z, e, RoutineStatus.OVERDUE, "integrity", None)
            for z, e in zip(four.first_zh, four.first_en, strict=False)
        )
    items = (
        problems[:limit]
        if problems
        else ((TodayItem("检查档案库", "Check the archive", status, "integrity", None),) if due and limit else ())
    )
    failing = (last.problems if last and not last.ok else 0) + (four.failed if four is not None else 0)
    count = failing or int(due)
    return TodaySection("integrity", "档案库检查", "Archive check", status, zh, en, count, items, last)


# --------------------------------------------------------------------------- A12


def loans_overdue_section(db: Database, clock: Clock, actor: Actor, limit: int) -> TodaySection:
    late = loan_ledger.overdue(db, clock, actor)  # checks the role
    status = RoutineStatus.OVERDUE if late else RoutineStatus.OK
    borrowers = len({line.borrower_name for line in late})
    if late:
        zh = f"{borrowers} 位借阅人有 {len(late)} 件档案逾期未还，请催还。"
        en = f"{len(late)} records are overdue with {borrowers} borrowers: recall them."
    else:
        zh, en = "没有逾期未还的借阅。", "No loan is overdue."
    items = tuple(
        TodayItem(
            f"{line.archive_no} {line.title}：{line.borrower_name}（{line.request_number}）应于 {line.due_on} 归还，"
            f"逾期 {line.overdue_days} 天",
            f"{line.archive_no} {line.title}: {line.borrower_name} ({line.request_number}), "
            f"{line.overdue_days} days overdue",
            RoutineStatus.OVERDUE,
            "loan",
            line.request_id,
        )
        for line in late[:limit]
    )
    return TodaySection("loans_overdue", "逾期借阅", "Overdue loans", status, zh, en, len(late), items, late)


SECTIONS: tuple[Callable[[Database, Clock, Actor, int], TodaySection | None], ...] = (
    inspection_section,
    census_section,
    followups_section,
    to_digitise_section,
    integrity_section,
    loans_overdue_section,
    # later issues: destruction reviews (A17)
)
