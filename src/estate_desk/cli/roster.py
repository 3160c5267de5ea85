"""``estate-desk import …`` and ``estate-desk export …``: the owner roster in and out, and an arrears list in.

Nothing is written when a file has problems: the report says what and where, by row and column.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    USER_HELP,
    cli_clock,
    cli_lang,
    open_db,
    row_numbers,
    say,
    sign_in,
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
    imports = sub.add_parser("import", help="import data").add_subparsers(
        dest="import_command", metavar="WHAT", required=True
    )
    io = add(
        "owners", cmd_import_owners, "import owners and rooms from .xlsx/.csv (nothing is written on problems)", imports
    )
    io.add_argument("file")
    io.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    io.add_argument("--exclude-rows", metavar="ROWS", help="rows to leave out, as Excel numbers them: 3,17 or 3-5")
    ia = add(
        "arrears", cmd_import_arrears, "import fee arrears (room, fee type, amount, since) from .xlsx/.csv", imports
    )
    ia.add_argument("file")
    ia.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    ia.add_argument("--user", help=USER_HELP)
    exports = sub.add_parser("export", help="export data").add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    eo = add("owners", cmd_export_owners, "export owners and rooms to .xlsx", exports)
    eo.add_argument("file")
    for cmd in (io, eo):
        cmd.add_argument("--user", help=USER_HELP)
