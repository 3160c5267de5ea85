"""``estate-desk setup`` and ``estate-desk user …``: the first run, and the office's accounts."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, cli_clock, cli_lang, open_db, read_line, say, sign_in, user_help
from estate_desk.domain.errors import InputProblem

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_setup(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import setup

    db = open_db(args)
    password = read_line(say("管理员密码：", "Administrator password: "))
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
    db = open_db(args)
    actor = sign_in(args, db)
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

    db = open_db(args)
    actor = sign_in(args, db)
    lang = cli_lang()
    for row in accounts.list_users(db, cli_clock(), actor):
        state = [say("已停用", "disabled")] if row.disabled else []
        state += [say("已锁定", "locked")] if row.locked else []
        print(
            f"{row.username}\t{row.display_name}\t{row.role.label(lang)}\t{row.clearance.label(lang)}\t{' '.join(state)}"
        )
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``setup``, ``user add`` and ``user list``."""
    st = add(
        "setup",
        cmd_setup,
        say(
            "设置一个空档案库（管理员密码从标准输入或终端读取）",
            "set up an empty archive (administrator password read from stdin/terminal)",
        ),
    )
    st.add_argument("--office", required=True)
    st.add_argument("--fonds", required=True, help=say("全宗号", "fonds code (全宗号)"))
    st.add_argument("--admin", required=True)
    users = sub.add_parser("user", help=say("账户", "accounts")).add_subparsers(
        dest="user_command", metavar="ACTION", required=True
    )
    ua = add("add", cmd_user_add, say("添加用户", "add a user"), users)
    ua.add_argument("name")
    ua.add_argument("--role", required=True)
    ua.add_argument("--clearance")
    ua.add_argument("--display-name")
    ua.add_argument(
        "--password-stdin",
        action="store_true",
        help=say("从标准输入读取新用户的密码", "read the new user's password from stdin"),
    )
    ul = add("list", cmd_user_list, say("列出用户", "list users"), users)
    for cmd in (ua, ul):
        cmd.add_argument("--user", help=user_help())
