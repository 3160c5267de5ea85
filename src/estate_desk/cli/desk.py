"""``estate-desk desk …``: the front desk from the command line (issue 8).

* ``desk board`` — a text snapshot of the board: every open ticket with both countdowns, most
  urgent first, as the window shows it at this instant;
* ``desk review --date D`` — the day's review (日清日审, F6): the lists and what keeps the day open;
* ``desk close-day --date D [--record-omissions] -o FILE`` — close the day (supervisor) and write
  its report;
* ``desk figures --from D --to D [-o FILE.xlsx]`` — the figures for a period, as a table or ``.xlsx``.

Every command signs the user in and calls the same services as the window.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, EXIT_PROBLEM, cli_clock, cli_lang, open_db, say, sign_in, user_help
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from estate_desk.cli.common import Adder
    from estate_desk.domain.clock import Clock
    from estate_desk.domain.desk.countdown import Countdown
    from estate_desk.services.desk.review import ReviewLine


KINDS = ("repair", "complaint", "suggestion", "help", "inquiry", "special_service")


def desk_clock() -> Clock:
    """The clock the desk commands read (the server's on a LAN archive; tests put a fake one here)."""

    return cli_clock()


def add_desk_commands(desk: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``desk board``, ``desk review``, ``desk close-day`` and ``desk figures``."""
    board = add(
        "board",
        cmd_board,
        say(
            "当前看板：未办结工单及两个倒计时，最紧急的在前",
            "the board now: open tickets with both countdowns, most urgent first",
        ),
        desk,
    )
    board.add_argument(
        "--kind", choices=KINDS, action="append", help=say("只看此类（可重复）", "only this kind (repeatable)")
    )
    board.add_argument("--building", type=int, metavar="N", help=say("只看此栋", "only this building (栋)"))
    board.add_argument(
        "--mine", action="store_true", help=say("只看我受理或处理的工单", "only tickets I received or handle")
    )
    review = add("review", cmd_review, say("某一天的日清日审", "the daily review (日清日审) of a day"), desk)
    review.add_argument("--date", metavar="YYYY-MM-DD", help=say("日期（默认：今天）", "the day (default: today)"))
    close = add(
        "close-day",
        cmd_close_day,
        say("日清（主管）并写出日清报告", "close the day (日清, supervisor) and write its report"),
        desk,
    )
    close.add_argument("--date", metavar="YYYY-MM-DD", help=say("日期（默认：今天）", "the day (default: today)"))
    close.add_argument(
        "--record-omissions",
        action="store_true",
        help=say(
            "过去的日期：仍然日清，把没有跟进记录的工单列为遗漏",
            "a past day: close it anyway, listing the tickets without their note as omissions",
        ),
    )
    close.add_argument(
        "-o", "--output", required=True, metavar="FILE.pdf", help=say("报告写到哪里", "where to write the report")
    )
    figures = add("figures", cmd_figures, say("一段时间的前台服务统计", "the desk's figures for a period"), desk)
    figures.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    figures.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    figures.add_argument(
        "-o", "--output", metavar="FILE.xlsx", help=say("另把统计写成 .xlsx", "also write the figures as .xlsx")
    )
    for cmd in (board, review, close, figures):
        cmd.add_argument("--user", help=user_help())


def _day(text: str | None, option: str, clock: Clock) -> date:
    from estate_desk.domain.routines.common import office_date

    if text is None:
        return office_date(clock.now())
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputProblem(
            zh=f"日期应写成 YYYY-MM-DD：{text}", en=f"Write the date as YYYY-MM-DD: {text}", where=option
        ) from None


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    """Columns padded to their widest cell, counting a Chinese character as two."""
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(row[c]) for row in rows) for c in range(len(rows[0]))] if rows else []
    return ["  ".join(cell + " " * (widths[c] - width(cell)) for c, cell in enumerate(row)).rstrip() for row in rows]


def _clock_cell(countdown: Countdown | None, lang: str) -> str:
    """The rules' text of a clock; "✓" before one that has stopped (arrived, handled)."""
    if countdown is None:
        return "—"
    return ("✓" if countdown.stopped else "") + countdown.text(lang)


def cmd_board(args: argparse.Namespace) -> int:
    from estate_desk.domain.clock import CHINA_TZ
    from estate_desk.domain.desk.terms import TicketKind, TicketStatus
    from estate_desk.services.desk import board as desk_board
    from estate_desk.services.desk.board import BoardFilter

    db = open_db(args)
    actor = sign_in(args, db)
    clock = desk_clock()
    lang = cli_lang()
    filters = BoardFilter(
        kinds=frozenset(TicketKind(k) for k in args.kind or ()), building=args.building, mine_only=args.mine
    )
    rows = desk_board.board_rows(db, clock, actor, filters)
    head = [
        say("到场", "Arrival"),
        say("承诺", "Promise"),
        say("状态", "State"),
        say("工单", "Ticket"),
        say("类别", "Kind"),
        say("房间", "Room"),
        say("事由", "About"),
        say("处理人", "Handler"),
    ]
    lines = [
        [
            _clock_cell(row.arrival, lang),
            _clock_cell(row.promise, lang),
            row.state.value,
            row.entry.number,
            row.entry.kind.label(lang),
            row.entry.room_code or "—",
            row.entry.matter[:24],
            (row.entry.handler or "—")
            + (say("（待回访）", " (return visit due)") if row.entry.status is TicketStatus.COMPLETED else ""),
        ]
        for row in rows
    ]
    now = clock.now().astimezone(CHINA_TZ)
    print(say(f"工单看板 {now:%Y-%m-%d %H:%M:%S}", f"Board at {now:%Y-%m-%d %H:%M:%S}"))
    for line in _table([head, *lines]):
        print(line)
    print(say(f"共 {len(rows)} 张未办结", f"{len(rows)} open"))
    return EXIT_OK


def _review_lines(title: str, found: Sequence[ReviewLine], lang: str) -> list[str]:
    from estate_desk.domain.desk.records import shown

    out = [f"{title}（{len(found)}）" if lang == "zh" else f"{title} ({len(found)})"]
    for line in found:
        reasons = "、".join(r.label_zh if lang == "zh" else r.label_en for r in line.reasons)
        text = f"  {line.number}  {line.kind.label(lang)}  {line.room_code or '—'}  {line.matter}"
        text += f"  {shown(line.promise_due_at)}" + (f"  [{reasons}]" if reasons else "")
        out.append(text)
    return out


def cmd_review(args: argparse.Namespace) -> int:
    from estate_desk.domain.desk.records import shown
    from estate_desk.services.desk import review as desk_review

    db = open_db(args)
    sign_in(args, db)
    clock = desk_clock()
    lang = cli_lang()
    day = _day(args.date, "--date", clock)
    r = desk_review.review(db, clock, day)
    print(
        say(
            f"日清日审 {day:%Y-%m-%d}（截至 {shown(r.as_of)}）", f"Daily review {day:%Y-%m-%d} (as of {shown(r.as_of)})"
        )
    )
    for title_zh, title_en, found in (
        ("当日受理", "Received", r.received),
        ("当日处理完毕", "Handled", r.completed),
        ("当日办结", "Closed", r.closed),
        ("逾期", "Late", r.late),
        ("事先解释、延迟到场", "Delay explained in advance", r.arrival_explained),
        ("仍未办结", "Still open", r.still_open),
        ("待回访", "Awaiting return visit", r.awaiting_return_visit),
        ("重复投诉", "Repeat complaints", r.repeats),
        ("不能日清的原因", "Keeping the day open", r.blockers),
    ):
        for line in _review_lines(title_zh if lang == "zh" else title_en, found, lang):
            print(line)
    if r.closure is not None:
        c = r.closure
        print(say(f"已日清：{c.closed_by} {shown(c.closed_at)}", f"Closed by {c.closed_by} at {shown(c.closed_at)}"))
        return EXIT_OK
    for unclosed in desk_review.unclosed_days(db, clock):
        print(say(f"注意：{unclosed:%Y-%m-%d} 尚未日清", f"Note: {unclosed:%Y-%m-%d} was not closed"))
    if r.blockers:
        print(say(f"尚不能日清：{len(r.blockers)} 张工单今日未跟进", f"Cannot close yet: {len(r.blockers)} blocker(s)"))
        return EXIT_PROBLEM
    print(say("可以日清。", "The day can be closed."))
    return EXIT_OK


def cmd_close_day(args: argparse.Namespace) -> int:
    from estate_desk.services.desk import review as desk_review

    db = open_db(args)
    actor = sign_in(args, db)
    clock = desk_clock()
    day = _day(args.date, "--date", clock)
    out = Path(args.output)
    closure = desk_review.close_day(db, clock, actor, day, record_omissions=args.record_omissions, out=out)
    omitted = say(f"，遗漏 {closure.omissions} 张", f", {closure.omissions} omission(s)") if closure.omissions else ""
    print(say(f"已日清 {day:%Y-%m-%d}{omitted} → {out}", f"Closed {day:%Y-%m-%d}{omitted} → {out}"))
    return EXIT_OK


def cmd_figures(args: argparse.Namespace) -> int:
    from estate_desk.services.desk import figures as desk_figures

    db = open_db(args)
    sign_in(args, db)
    clock = desk_clock()
    lang = cli_lang()
    start, end = _day(args.start, "--from", clock), _day(args.end, "--to", clock)
    result = desk_figures.figures(db, clock, start, end)
    print(say(f"服务质量统计 {start:%Y-%m-%d} – {end:%Y-%m-%d}", f"Desk figures {start:%Y-%m-%d} – {end:%Y-%m-%d}"))
    rows = [[say("指标", "Figure"), say("数量", "Count"), say("基数", "Of"), say("比率", "Rate")]]
    for line in result.lines():
        percent = line.percent()
        rate = "" if line.base is None else ("—" if percent is None else f"{percent}%")
        rows.append([line.label(lang), str(line.count), "" if line.base is None else str(line.base), rate])
    for text in _table(rows):
        print(text)
    if args.output:
        written = desk_figures.export_figures(result, Path(args.output), lang=lang)
        print(say(f"已导出 {written} 行 → {args.output}", f"Exported {written} rows → {args.output}"))
    return EXIT_OK
