"""What every command of ``estate-desk`` shares: messages in the user's language, exit codes, reading a
password, opening the archive and signing in — the same way the window does.

Public names only: the command modules (``cli/<group>.py``) import these, never each other's.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from estate_desk.domain.clock import SystemClock
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from estate_desk.domain.clock import Clock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database

    Adder = Callable[..., argparse.ArgumentParser]
    """``add(name, handler, help, parent)``: a subcommand with its handler and the ``--database`` option."""

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + 13  # as a shell reports a process ended by SIGPIPE


def cli_lang() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def say(zh: str, en: str) -> str:
    return zh if cli_lang() == "zh" else en


def user_help() -> str:
    """The ``--user`` option's help, in the locale's language."""
    return say(
        "登录用户（密码取自 ESTATE_DESK_PASSWORD 或标准输入）",
        "the signed-in user (password from ESTATE_DESK_PASSWORD or stdin)",
    )


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any], prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, say("用法：", "usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in the locale's language, like the messages: argparse's own words ("usage", "options",
    ``-h``) too. Its subcommands' parsers are of this class as well (``add_subparsers`` makes them so)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = say("位置参数", "positional arguments")
        self._optionals.title = say("选项", "options")
        self.add_argument(
            "-h",
            "--help",
            action="help",
            default=argparse.SUPPRESS,
            help=say("显示本帮助并退出", "show this help message and exit"),
        )


def read_line(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


_clock: Clock | None = None  # the open archive's clock: the server's time on PostgreSQL (issue 9)


def cli_clock() -> Clock:
    """The clock commands stamp with: the database server's on a LAN archive, else this machine's."""
    return _clock or SystemClock()


def open_db(args: argparse.Namespace) -> Database:
    from estate_desk.services.maintenance.opening import open_store
    from estate_desk.store.database import open_database
    from estate_desk.store.server_clock import workstation_clock

    global _clock
    db = open_database(args.database)
    _clock = workstation_clock(db)
    open_store(db)  # this workstation's attachment folder must belong to this archive
    return db


def sign_in(args: argparse.Namespace, db: Database) -> Actor:
    """Sign in the CLI's user exactly as the window would."""
    from estate_desk.services.accounts import users as accounts

    username = args.user or os.environ.get("ESTATE_DESK_USER")
    if not username:
        raise InputProblem(zh="请用 --user 指定登录用户。", en="Name the signed-in user with --user.")
    password = os.environ.get("ESTATE_DESK_PASSWORD")
    if password is None:
        password = read_line(say(f"{username} 的密码：", f"Password for {username}: "))
    return accounts.authenticate(db, cli_clock(), username, password)


def row_numbers(text: str) -> set[int]:
    """Row numbers as the user sees them in Excel: "3,17" or "3-5,17"."""
    rows: set[int] = set()
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        first, _, last = part.partition("-")
        if not first.strip().isdigit() or (last and not last.strip().isdigit()):
            raise InputProblem(
                zh=f"行号「{part}」无效，请写成 3,17 或 3-5", en=f"Invalid row number '{part}': write 3,17 or 3-5"
            )
        rows.update(range(int(first), int(last or first) + 1))
    return rows


def print_logins(logins: Sequence[tuple[str, str, str]]) -> None:
    print(say("演示账户（用户名 / 密码 / 角色）：", "Demo logins (user / password / role):"))
    for user, password, role in logins:
        print(f"  {user} / {password} / {role}")
