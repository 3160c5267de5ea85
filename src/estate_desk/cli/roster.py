"""``estate-desk import …`` and ``estate-desk export …``: the owner roster in and out, and an arrears list in.

Nothing is written when a file has problems: the report says what and where, by row and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    cli_clock,
    cli_lang,
    open_db,
    row_numbers,
    say,
    sign_in,
    user_help,
)

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_import_owners(args: argparse.Namespace) -> int:
    from estate_desk.services.estate import roster

    exclude = row_numbers(args.exclude_rows or "")
    db = open_db(args)
    actor = sign_in(args, db)
    report = roster.import_roster(db, cli_clock(), actor, Path(args.file), exclude_rows=exclude, dry_run=args.dry_run)
    for line in report.lines(cli_lang()):
        print(line)
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_import_arrears(args: argparse.Namespace) -> int:
    from estate_desk.services.routines.arrears_import import import_arrears

    db = open_db(args)
    actor = sign_in(args, db)
    report = import_arrears(db, cli_clock(), actor, Path(args.file), dry_run=args.dry_run)
    for line in report.lines(cli_lang()):
        print(line)
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_export_owners(args: argparse.Namespace) -> int:
    from estate_desk.services.estate import roster

    db = open_db(args)
    actor = sign_in(args, db)
    written = roster.export_roster(db, actor, Path(args.file))
    print(say(f"已导出 {written} 行到 {args.file}", f"Exported {written} rows to {args.file}"))
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``import owners``, ``import arrears`` and ``export owners``."""
    imports = sub.add_parser("import", help=say("导入数据", "import data")).add_subparsers(
        dest="import_command", metavar="WHAT", required=True
    )
    io = add(
        "owners",
        cmd_import_owners,
        say(
            "从 .xlsx/.csv 导入业主和房号（有问题时什么也不写）",
            "import owners and rooms from .xlsx/.csv (nothing is written on problems)",
        ),
        imports,
    )
    io.add_argument("file")
    io.add_argument(
        "--dry-run", action="store_true", help=say("只检查并报告，不写入", "check and report only; write nothing")
    )
    io.add_argument(
        "--exclude-rows",
        metavar="ROWS",
        help=say("要跳过的行，按 Excel 的行号：3,17 或 3-5", "rows to leave out, as Excel numbers them: 3,17 or 3-5"),
    )
    ia = add(
        "arrears",
        cmd_import_arrears,
        say(
            "从 .xlsx/.csv 导入欠费（房号、费用类型、金额、起始日期）",
            "import fee arrears (room, fee type, amount, since) from .xlsx/.csv",
        ),
        imports,
    )
    ia.add_argument("file")
    ia.add_argument(
        "--dry-run", action="store_true", help=say("只检查并报告，不写入", "check and report only; write nothing")
    )
    ia.add_argument("--user", help=user_help())
    exports = sub.add_parser("export", help=say("导出数据", "export data")).add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    eo = add("owners", cmd_export_owners, say("把业主和房号导出为 .xlsx", "export owners and rooms to .xlsx"), exports)
    eo.add_argument("file")
    for cmd in (io, eo):
        cmd.add_argument("--user", help=user_help())
