"""The ``estate-desk`` command: with no subcommand it opens the window; with one, it runs that job.

Every job goes through the same services as the window. Messages follow the locale
(Chinese where LANG starts with ``zh``, English otherwise); tracebacks go to the log.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.domain.clock import SystemClock
from estate_desk.domain.errors import InputProblem, UserError
from estate_desk.logs import setup_logging

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.accounts.users import Actor
    from estate_desk.store.database import Database

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)
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


# --------------------------------------------------------------------------- helpers


def _read_line(prompt: str) -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


_clock: Clock | None = None  # the open archive's clock: the server's time on PostgreSQL (issue 9)


def cli_clock() -> Clock:
    """The clock commands stamp with: the database server's on a LAN archive, else this machine's."""
    return _clock or SystemClock()


def _open_db(args: argparse.Namespace) -> Database:
    from estate_desk.services.archive.attachments import open_store
    from estate_desk.store.database import open_database
    from estate_desk.store.server_clock import workstation_clock

    global _clock
    db = open_database(args.database)
    _clock = workstation_clock(db)
    open_store(db)  # this workstation's attachment folder must belong to this archive
    return db


def _actor(args: argparse.Namespace, db: Database) -> Actor:
    """Sign in the CLI's user exactly as the window would."""
    from estate_desk.services.accounts import users as accounts

    username = args.user or os.environ.get("ESTATE_DESK_USER")
    if not username:
        raise InputProblem(zh="请用 --user 指定登录用户。", en="Name the signed-in user with --user.")
    password = os.environ.get("ESTATE_DESK_PASSWORD")
    if password is None:
        password = _read_line(say(f"{username} 的密码：", f"Password for {username}: "))
    return accounts.authenticate(db, cli_clock(), username, password)


# --------------------------------------------------------------------------- commands


def cmd_check(args: argparse.Namespace) -> int:
    from estate_desk.diagnostics import run_checks

    problems = 0
    for line in run_checks(args.database, lang=cli_lang()):
        print(f"{'✗' if not line.ok else '✓'} {line.label}: {line.value}")
        problems += 0 if line.ok else 1
    if problems:
        print(say(f"发现 {problems} 个问题。", f"{problems} problem(s) found."))
        return EXIT_PROBLEM
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from estate_desk.store.database import RevisionStatus, mask_url, resolve_url, upgrade

    url = resolve_url(args.database)
    before, copy = upgrade(url)
    if before.status is RevisionStatus.CURRENT:
        print(say(f"数据库已是最新版本 {before.head}：{mask_url(url)}", f"Already at {before.head}: {mask_url(url)}"))
    else:
        print(
            say(
                f"已升级 {before.current or '空'} → {before.head}：{mask_url(url)}",
                f"Upgraded {before.current or 'empty'} → {before.head}: {mask_url(url)}",
            )
        )
    if copy:
        print(say(f"升级前的副本：{copy}", f"Copy made before upgrading: {copy}"))
    return EXIT_OK


def cmd_db_current(args: argparse.Namespace) -> int:
    from estate_desk.store.database import RevisionStatus, mask_url, resolve_url, revision_state

    url = resolve_url(args.database)
    state = revision_state(url)
    print(f"{mask_url(url)}: {state.current or '-'} ({state.status.value}; head {state.head})")
    return EXIT_OK if state.status is RevisionStatus.CURRENT else EXIT_PROBLEM


def cmd_setup(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import setup

    db = _open_db(args)
    password = _read_line(say("管理员密码：", "Administrator password: "))
    made = setup.initialise(
        db,
        cli_clock(),
        office_name=args.office,
        fonds_code=args.fonds,
        admin_username=args.admin,
        admin_password=password,
    )
    print(
        say(
            f"已设置：{args.office}（全宗号 {args.fonds.upper()}），管理员 {args.admin}",
            f"Set up: {args.office} (fonds {args.fonds.upper()}), administrator {args.admin}",
        )
    )
    print(
        say(
            "恢复密钥（只显示这一次，请抄写后交管理处保管；所有管理员都忘记密码时用它打开加密附件）：",
            "Recovery key (shown once: write it down for the management office; it opens the encrypted "
            "attachments when every administrator has forgotten their password):",
        )
    )
    print(f"  {made.recovery_key}")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from estate_desk.domain.roles import parse_role
    from estate_desk.domain.secrecy.grades import parse_grade
    from estate_desk.services.accounts import users as accounts

    role = parse_role(args.role)
    clearance = parse_grade(args.clearance) if args.clearance else None
    db = _open_db(args)
    actor = _actor(args, db)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(say(f"{args.name} 的新密码：", f"New password for {args.name}: "))
        if getpass.getpass(say("再输入一次：", "Again: ")) != password:
            raise InputProblem(zh="两次输入的密码不一致。", en="The passwords do not match.")
    row = accounts.create_user(
        db,
        cli_clock(),
        username=args.name,
        password=password,
        role=role,
        clearance=clearance,
        display_name=args.display_name,
        actor=actor,
    )
    print(
        say(
            f"已添加用户 {row.username}（{row.role.zh}，密级 {row.clearance.label('zh')}）",
            f"Added user {row.username} ({row.role.en}, clearance {row.clearance.label('en')})",
        )
    )
    return EXIT_OK


def cmd_user_list(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import users as accounts

    db = _open_db(args)
    actor = _actor(args, db)
    lang = cli_lang()
    for row in accounts.list_users(db, cli_clock(), actor):
        state = [say("已停用", "disabled")] if row.disabled else []
        state += [say("已锁定", "locked")] if row.locked else []
        print(
            f"{row.username}\t{row.display_name}\t{row.role.label(lang)}\t{row.clearance.label(lang)}\t{' '.join(state)}"
        )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from estate_desk.services.demo import estate as demo

    if not (args.database or os.environ.get("ESTATE_DESK_DATABASE_URL")):
        raise InputProblem(
            zh="请用 --database 指定要填入演示数据的数据库。", en="Name the database to fill with --database URL."
        )
    db = _open_db(args)
    if args.households is not None or args.documents is not None:
        return _big_demo(db, args)
    summary = demo.fill(db, cli_clock())
    print(
        say(
            f"演示小区已生成：{summary.households} 户，{summary.documents} 件档案，{summary.boxes} 个档案盒，{summary.cabinets} 个档案柜。",
            f"Demo estate ready: {summary.households} households, {summary.documents} documents, "
            f"{summary.boxes} boxes, {summary.cabinets} cabinets.",
        )
    )
    _print_logins(summary.logins)
    return EXIT_OK


def _big_demo(db: Database, args: argparse.Namespace) -> int:
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


def _row_numbers(text: str) -> set[int]:
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


def cmd_import_owners(args: argparse.Namespace) -> int:
    from estate_desk.services.estate import roster

    exclude = _row_numbers(args.exclude_rows or "")
    db = _open_db(args)
    actor = _actor(args, db)
    report = roster.import_roster(db, cli_clock(), actor, Path(args.file), exclude_rows=exclude, dry_run=args.dry_run)
    for line in report.lines(cli_lang()):
        print(line)
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_import_arrears(args: argparse.Namespace) -> int:
    from estate_desk.services.routines.arrears_import import import_arrears

    db = _open_db(args)
    actor = _actor(args, db)
    report = import_arrears(db, cli_clock(), actor, Path(args.file), dry_run=args.dry_run)
    for line in report.lines(cli_lang()):
        print(line)
    return EXIT_PROBLEM if report.problems else EXIT_OK


def cmd_export_owners(args: argparse.Namespace) -> int:
    from estate_desk.services.estate import roster

    db = _open_db(args)
    actor = _actor(args, db)
    written = roster.export_roster(db, actor, Path(args.file))
    print(say(f"已导出 {written} 行到 {args.file}", f"Exported {written} rows to {args.file}"))
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    """What the window's one search field finds, grouped by kind, within the user's clearance."""
    from estate_desk.services.archive import search

    db = _open_db(args)
    actor = _actor(args, db)
    hits = search.search(db, actor, args.text, limit=args.limit, include_void=args.include_void)
    lang = cli_lang()
    kind = None
    for hit in hits:
        if hit.kind != kind:
            kind = hit.kind
            print(kind.label(lang))
        mark = f"【{hit.status}】" if hit.status else ""
        print(f"  {mark}{hit.title}\t{hit.detail}".rstrip())
    if not hits:
        print(say(f"没有找到「{args.text.strip()}」", f"Nothing found for “{args.text.strip()}”"))
    return EXIT_OK


def _print_logins(logins: Sequence[tuple[str, str, str]]) -> None:
    print(say("演示账户（用户名 / 密码 / 角色）：", "Demo logins (user / password / role):"))
    for user, password, role in logins:
        print(f"  {user} / {password} / {role}")


def run_window(args: argparse.Namespace) -> int:
    from estate_desk.ui.app import run_app

    demo_logins = None
    database = args.database
    if args.demo:
        from estate_desk.services.demo import estate as demo

        home = Path(tempfile.mkdtemp(prefix="estate-desk-demo-"))
        os.environ["ESTATE_DESK_HOME"] = str(home)
        database = f"sqlite:///{paths.default_sqlite_path()}"
        from estate_desk.store.database import open_database

        db = open_database(database)
        summary = demo.fill(db, cli_clock())
        db.dispose()
        demo_logins = summary.logins
        print(say(f"演示数据库（关闭后可删除）：{home}", f"Throw-away demo database: {home}"))
        _print_logins(summary.logins)
    return run_app(database, demo_logins=demo_logins)


# --------------------------------------------------------------------------- parser


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked (it costs tens of milliseconds)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from estate_desk import __version__

        print(f"estate-desk {__version__}")
        parser.exit()


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command's parser; the ``print`` subcommands (which load reportlab) only when ``argv`` asks to print."""
    p = argparse.ArgumentParser(prog="estate-desk", description="Estate Desk 物业档案与前台")
    p.add_argument("--version", action=_VersionAction)
    p.add_argument(
        "--database", metavar="URL", help="SQLite file URL or postgresql+psycopg://… (default: the data folder)"
    )
    p.add_argument("--demo", action="store_true", help="open a throw-away demo estate")
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

    add("check", cmd_check, "check fonts, translations, database and folders")
    db = sub.add_parser("db", help="database revision").add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    add("upgrade", cmd_db_upgrade, "bring the database to the current revision", db)
    add("current", cmd_db_current, "show the database's revision", db)
    st = add("setup", cmd_setup, "set up an empty archive (administrator password read from stdin/terminal)")
    st.add_argument("--office", required=True)
    st.add_argument("--fonds", required=True, help="全宗号")
    st.add_argument("--admin", required=True)
    users = sub.add_parser("user", help="accounts").add_subparsers(dest="user_command", metavar="ACTION", required=True)
    ua = add("add", cmd_user_add, "add a user", users)
    ua.add_argument("name")
    ua.add_argument("--role", required=True)
    ua.add_argument("--clearance")
    ua.add_argument("--display-name")
    ua.add_argument("--password-stdin", action="store_true", help="read the new user's password from stdin")
    ul = add("list", cmd_user_list, "list users", users)
    for cmd in (ua, ul):
        cmd.add_argument("--user", help="the signed-in user (password from ESTATE_DESK_PASSWORD or stdin)")
    dm = add("demo", cmd_demo, "fill a database with the demo estate")
    dm.add_argument("--households", type=int, help="build the big synthetic estate in bulk (benchmarks): households")
    dm.add_argument("--documents", type=int, help="… and documents (default 1,000,000 when --households is given)")
    dm.add_argument("--seed", type=int, default=2024, help="random seed of the big estate")
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
    ia.add_argument("--user", help="the signed-in user (password from ESTATE_DESK_PASSWORD or stdin)")
    exports = sub.add_parser("export", help="export data").add_subparsers(
        dest="export_command", metavar="WHAT", required=True
    )
    eo = add("owners", cmd_export_owners, "export owners and rooms to .xlsx", exports)
    eo.add_argument("file")
    for cmd in (io, eo):
        cmd.add_argument("--user", help="the signed-in user (password from ESTATE_DESK_PASSWORD or stdin)")
    se = add("search", cmd_search, "find owners, rooms, archive numbers, boxes, volumes, titles and 文号")
    se.add_argument("text")
    se.add_argument("--limit", type=int, default=20, help="hits of each kind (default 20)")
    se.add_argument(
        "--include-void", action="store_true", help="also void (作废) and destroyed (已销毁) records, marked"
    )
    se.add_argument("--user", help="the signed-in user (password from ESTATE_DESK_PASSWORD or stdin)")
    printing = sub.add_parser(
        "print", help="labels, catalogues, the register book … as PDF or .xlsx (estate-desk print KEY --help)"
    ).add_subparsers(dest="print_command", metavar="PRINTOUT", required=True)
    from estate_desk.cli_secrecy import add_commands

    add_commands(sub, add)
    from estate_desk.cli_backup import add_backup_commands

    add_backup_commands(sub, add)

    from estate_desk.cli_disposal import add_commands as add_retention_commands

    add_retention_commands(sub, add)
    if argv is None or "print" in argv:
        from estate_desk.cli_print import add_printouts

        add_printouts(printing, add)
    desk = sub.add_parser(
        "desk", help="the front desk: board, daily review, close the day, figures (estate-desk desk ACTION --help)"
    ).add_subparsers(dest="desk_command", metavar="ACTION", required=True)
    from estate_desk.cli_desk import add_desk_commands

    add_desk_commands(desk, add)
    from estate_desk.cli_lan import add_lan_commands

    add_lan_commands(sub, add)
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
            return run_window(args)
        code = int(handler(args))
        if sys.stdout is not None:
            sys.stdout.flush()  # a reader that has gone shows here, inside the try, not at interpreter exit
        return code
    except BrokenPipeError:
        return _output_closed()
    except UserError as exc:
        log.info("refused: %s", exc.bilingual())
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
