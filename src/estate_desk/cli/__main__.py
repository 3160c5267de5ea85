"""The ``estate-desk`` command: with no subcommand it opens the window; with one, it runs that job.

This module parses the command line and reports how a job ended; each command group lives in its own
module of this package (``cli/<group>.py``) and registers its subcommands with ``add_commands``.
Every job goes through the same services as the window. Messages follow the locale (Chinese where
LANG starts with ``zh``, English otherwise); tracebacks go to the log.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.cli import (
    accounts,
    backup,
    database,
    demo,
    desk,
    digitise,
    digitise_decide,
    inspect,
    lan,
    retention,
    roster,
    search,
    secrecy,
    window,
)
from estate_desk.cli.common import EXIT_BROKEN_PIPE, EXIT_PROBLEM, Parser, cli_lang, say
from estate_desk.domain.errors import UserError
from estate_desk.logs import setup_logging

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked (it costs tens of milliseconds)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help=say("显示版本号并退出", "show the version and exit"),
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from estate_desk import __version__

        print(f"estate-desk {__version__}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command's parser; the ``print`` subcommands (which load reportlab) only when ``argv`` asks to print."""
    p: argparse.ArgumentParser = Parser(
        prog="estate-desk", description=say("物业档案与前台（Estate Desk）", "Estate Desk (物业档案与前台)")
    )
    p.add_argument("--version", action=_VersionAction)
    p.add_argument(
        "--database",
        metavar="URL",
        help=say(
            "SQLite 文件 URL 或 postgresql+psycopg://…（默认：数据文件夹）",
            "SQLite file URL or postgresql+psycopg://… (default: the data folder)",
        ),
    )
    p.add_argument(
        "--demo", action="store_true", help=say("打开一个用后即弃的演示小区", "open a throw-away demo estate")
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    def add(
        name: str,
        handler: Callable[[argparse.Namespace], int],
        help_text: str,
        parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub,
    ) -> argparse.ArgumentParser:
        cmd = parent.add_parser(name, help=help_text)
        cmd.set_defaults(handler=handler)
        cmd.add_argument("--database", metavar="URL", default=argparse.SUPPRESS)
        return cmd

    database.add_commands(sub, add)
    accounts.add_commands(sub, add)
    demo.add_commands(sub, add)
    roster.add_commands(sub, add)
    search.add_commands(sub, add)
    printing = sub.add_parser(
        "print",
        help=say(
            "标签、目录、登记簿……输出为 PDF 或 .xlsx（estate-desk print 名称 --help）",
            "labels, catalogues, the register book … as PDF or .xlsx (estate-desk print KEY --help)",
        ),
    ).add_subparsers(dest="print_command", metavar="PRINTOUT", required=True)
    secrecy.add_commands(sub, add)
    backup.add_backup_commands(sub, add)
    retention.add_commands(sub, add)
    digitise_decide.add_commands(digitise.add_commands(sub, add), add)
    inspect.add_commands(sub, add)
    if argv is None or "print" in argv:
        from estate_desk.cli import printouts  # loads reportlab's registry: only when printing

        printouts.add_printouts(printing, add)
    desk_actions = sub.add_parser(
        "desk",
        help=say(
            "前台：看板、日清日审、日清、服务统计（estate-desk desk 操作 --help）",
            "the front desk: board, daily review, close the day, figures (estate-desk desk ACTION --help)",
        ),
    ).add_subparsers(dest="desk_command", metavar="ACTION", required=True)
    desk.add_desk_commands(desk_actions, add)
    lan.add_lan_commands(sub, add)
    return p


def _output_closed() -> int:
    """The reader of our output went away (``estate-desk search … | head``): stop quietly, as Unix tools do.

    Python's recipe (library/signal, "Note on SIGPIPE"): point stdout at devnull so that the final flush
    at exit cannot fail again, and exit with the status of a process ended by SIGPIPE (128 + 13).
    """
    log.info("output closed by its reader; stopped")
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor behind stdout (embedded, tests)
        pass
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    setup_logging()
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return window.run_window(args)
        code = int(handler(args))
        if sys.stdout is not None:
            sys.stdout.flush()  # a reader that has gone shows here, inside the try, not at interpreter exit
        return code
    except BrokenPipeError:
        return _output_closed()
    except UserError as exc:
        log.info("refused: %s", exc.log_text())
        print(exc.message(cli_lang()), file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return 130
    except Exception:
        log.exception("unexpected error in %s", args.command or "window")
        print(
            say(
                f"发生意外错误，详情已写入日志：{paths.log_dir()}",
                f"An unexpected error occurred; details are in the log: {paths.log_dir()}",
            ),
            file=sys.stderr,
        )
        return EXIT_PROBLEM


if __name__ == "__main__":
    raise SystemExit(main())
