"""``estate-desk demo``: the demo estate for a newcomer, or the big synthetic estate of the benchmarks."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, cli_clock, open_db, print_logins, say
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder
    from estate_desk.store.database import Database


def cmd_demo(args: argparse.Namespace) -> int:
    from estate_desk.services.demo import estate as demo

    if not (args.database or os.environ.get("ESTATE_DESK_DATABASE_URL")):
        raise InputProblem(
            zh="请用 --database 指定要填入演示数据的数据库。", en="Name the database to fill with --database URL."
        )
    db = open_db(args)
    if args.households is not None or args.documents is not None:
        return big_demo(db, args)
    summary = demo.fill(db, cli_clock())
    print(
        say(
            f"演示小区已生成：{summary.households} 户，{summary.documents} 件档案，{summary.boxes} 个档案盒，{summary.cabinets} 个档案柜。",
            f"Demo estate ready: {summary.households} households, {summary.documents} documents, "
            f"{summary.boxes} boxes, {summary.cabinets} cabinets.",
        )
    )
    print_logins(summary.logins)
    return EXIT_OK


def big_demo(db: Database, args: argparse.Namespace) -> int:
    """The big synthetic estate of the benchmarks (issue 10), written in bulk."""
    from estate_desk.services.demo import big_estate

    households = 50_000 if args.households is None else args.households
    documents = 1_000_000 if args.documents is None else args.documents
    if households < 1 or documents < 0:
        raise InputProblem(
            zh="户数至少为 1，件数不能为负数。", en="At least one household; documents cannot be negative."
        )
    summary = big_estate.build(
        db, cli_clock(), households=households, documents=documents, seed=args.seed, progress=print
    )
    print(
        say(
            f"大型小区已生成（{summary.seconds:.0f} 秒）：{summary.households} 户，{summary.documents} 件档案，"
            f"{summary.boxes} 个档案盒，{summary.cabinets} 个档案柜，{summary.tickets} 张未结工单。",
            f"Big estate ready in {summary.seconds:.0f} s: {summary.households} households, "
            f"{summary.documents} documents, {summary.boxes} boxes, {summary.cabinets} cabinets, "
            f"{summary.tickets} open tickets.",
        )
    )
    print(
        say(
            f"登录：admin / clerk / desk，密码 {big_estate.PASSWORD}",
            f"Logins: admin / clerk / desk, password {big_estate.PASSWORD}",
        )
    )
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``demo``, and ``demo --households N --documents M`` for the big estate."""
    dm = add("demo", cmd_demo, say("用演示小区填充数据库", "fill a database with the demo estate"))
    dm.add_argument(
        "--households",
        type=int,
        help=say(
            "批量生成大型模拟小区（性能测试）：户数", "build the big synthetic estate in bulk (benchmarks): households"
        ),
    )
    dm.add_argument(
        "--documents",
        type=int,
        help=say(
            "……及文件数（给出 --households 时默认 1,000,000）",
            "… and documents (default 1,000,000 when --households is given)",
        ),
    )
    dm.add_argument("--seed", type=int, default=2024, help=say("大型小区的随机种子", "random seed of the big estate"))
