"""``estate-desk retention …``: the office's retention settings (保管期限, A17) from the command line.

* ``retention show --user NAME`` — the periods offered, each category's default, the void grace period.
* ``retention add-period YEARS --user NAME`` — offer another period (e.g. 5 or 15 years).
* ``retention set-default CATEGORY PERIOD --user NAME`` — a category's default (永久, 30y, 10y, 15y …).
* ``retention set-grace DAYS --user NAME`` — how long a void record waits before it comes up for review.

Changes are for supervisors, the management office and administrators, and are audited (``services/disposal/marks.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, cli_lang, open_db, say, sign_in, user_help
from estate_desk.domain.disposal.retention import Retention

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_show(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from estate_desk.services.archive import browse
    from estate_desk.services.disposal import marks as disposal
    from estate_desk.store.archive import Category

    db = open_db(args)
    actor = sign_in(args, db)
    lang = cli_lang()
    print(say("保管期限：", "Retention periods: ") + "、".join(p.label(lang) for p in disposal.periods(db)))
    with db.session() as s:
        grace = disposal.grace_days(s)
    print(say(f"作废宽限期：{grace} 天", f"Void grace period: {grace} days"))
    with db.session() as s:
        defaults = {c.code: c.default_retention for c in s.scalars(select(Category))}
    for node in browse.categories(db, actor):
        name = node.name_zh if lang == "zh" else node.name_en
        print(f"  {node.code}\t{name}\t{Retention.parse(defaults[node.code]).label(lang)}")
    return EXIT_OK


def cmd_add_period(args: argparse.Namespace) -> int:
    from estate_desk.domain.clock import SystemClock
    from estate_desk.services.disposal import marks as disposal

    db = open_db(args)
    period = disposal.add_period(db, SystemClock(), sign_in(args, db), args.years)
    print(say(f"已添加保管期限 {period.label()}", f"Added the retention period {period.label('en')}"))
    return EXIT_OK


def cmd_set_default(args: argparse.Namespace) -> int:
    from estate_desk.domain.clock import SystemClock
    from estate_desk.services.disposal import marks as disposal

    db = open_db(args)
    period = Retention.parse(args.period)
    disposal.set_category_default(db, SystemClock(), sign_in(args, db), args.category.strip().upper(), period)
    print(say(f"{args.category} 默认保管期限：{period.label()}", f"{args.category} defaults to {period.label('en')}"))
    return EXIT_OK


def cmd_set_grace(args: argparse.Namespace) -> int:
    from estate_desk.domain.clock import SystemClock
    from estate_desk.services.disposal import marks as disposal

    db = open_db(args)
    disposal.set_grace_days(db, SystemClock(), sign_in(args, db), args.days)
    print(say(f"作废宽限期：{args.days} 天", f"Void grace period: {args.days} days"))
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """The retention commands."""
    retention = sub.add_parser(
        "retention",
        help=say(
            "保管期限、各类别的默认期限、作废的宽限期", "retention periods, category defaults, the void grace period"
        ),
    )
    actions = retention.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    show = add(
        "show",
        cmd_show,
        say(
            "可选的期限、各类别的默认期限、作废的宽限期",
            "the periods offered, each category's default, the void grace period",
        ),
        actions,
    )
    period = add(
        "add-period",
        cmd_add_period,
        say("增加一个 YEARS 年的保管期限", "offer another retention period of YEARS"),
        actions,
    )
    period.add_argument("years", type=int)
    default = add(
        "set-default",
        cmd_set_default,
        say("某类别的默认保管期限（永久、30y、10y……）", "a category's default retention (永久, 30y, 10y …)"),
        actions,
    )
    default.add_argument("category", metavar="CATEGORY")
    default.add_argument("period", metavar="PERIOD")
    grace = add(
        "set-grace",
        cmd_set_grace,
        say("作废的档案等待多少天后进入鉴定", "days a void record waits before it comes up for review"),
        actions,
    )
    grace.add_argument("days", type=int)
    for cmd in (show, period, default, grace):
        cmd.add_argument("--user", help=user_help())
