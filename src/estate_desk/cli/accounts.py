"""``estate-desk setup`` and ``estate-desk user …``: the first run, and the office's accounts — the same
services the window's 管理 → 用户 calls (add, list, disable, enable, reset a password, set a clearance,
change one's own password, where the archive clerk lands)."""

from __future__ import annotations

import getpass
import os
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


def new_password(args: argparse.Namespace, username: str) -> str:
    """A new password for ``username``: one line of stdin with ``--password-stdin``, else typed twice."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass(say(f"{username} 的新密码：", f"New password for {username}: "))
    if getpass.getpass(say("再输入一次：", "Again: ")) != password:
        raise InputProblem(zh="两次输入的密码不一致。", en="The passwords do not match.")
    return password


def cmd_user_add(args: argparse.Namespace) -> int:
    from estate_desk.domain.roles import parse_role
    from estate_desk.domain.secrecy.grades import parse_grade
    from estate_desk.services.accounts import users as accounts

    role = parse_role(args.role)
    clearance = parse_grade(args.clearance) if args.clearance else None
    db = open_db(args)
    actor = sign_in(args, db)
    password = new_password(args, args.name)
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


def cmd_user_disable(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import users as accounts

    db = open_db(args)
    accounts.disable_user(db, sign_in(args, db), args.name)
    print(say(f"已停用用户 {args.name}", f"Disabled user {args.name}"))
    return EXIT_OK


def cmd_user_enable(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import admin

    db = open_db(args)
    actor = sign_in(args, db)
    admin.enable_user(db, cli_clock(), actor, args.name, new_password(args, args.name))
    print(say(f"已启用用户 {args.name}（新密码已生效）", f"Enabled user {args.name} (with the new password)"))
    return EXIT_OK


def cmd_user_reset_password(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import admin

    db = open_db(args)
    actor = sign_in(args, db)
    admin.reset_password(db, cli_clock(), actor, args.name, new_password(args, args.name))
    print(say(f"已重设 {args.name} 的密码", f"Reset the password of {args.name}"))
    return EXIT_OK


def cmd_user_clearance(args: argparse.Namespace) -> int:
    from estate_desk.domain.secrecy.grades import parse_grade
    from estate_desk.services.accounts import admin

    grade = parse_grade(args.grade)
    db = open_db(args)
    admin.set_clearance(db, cli_clock(), sign_in(args, db), args.name, grade)
    print(say(f"{args.name} 的密级权限：{grade.label('zh')}", f"Clearance of {args.name}: {grade.label('en')}"))
    return EXIT_OK


def cmd_user_passwd(args: argparse.Namespace) -> int:
    """The signed-in user's own password: the current one signs in (``ESTATE_DESK_PASSWORD`` or the first
    line read), the new one is read after it."""
    from estate_desk.services.accounts import admin
    from estate_desk.services.accounts import users as accounts

    username = args.user or os.environ.get("ESTATE_DESK_USER")
    if not username:
        raise InputProblem(zh="请用 --user 指定登录用户。", en="Name the signed-in user with --user.")
    db = open_db(args)
    current = os.environ.get("ESTATE_DESK_PASSWORD")
    if current is None:
        current = read_line(say("当前密码：", "Current password: "))
    actor = accounts.authenticate(db, cli_clock(), username, current)
    admin.change_password(db, cli_clock(), actor, current, new_password(args, actor.username))
    print(say("密码已修改。", "Your password was changed."))
    return EXIT_OK


def cmd_user_home(args: argparse.Namespace) -> int:
    from estate_desk.domain.roles import Home
    from estate_desk.services.accounts import homes

    db = open_db(args)
    if args.home is None:
        print(homes.clerk_home(db).label(cli_lang()))
        return EXIT_OK
    home = Home.TODAY if args.home == "today" else Home.ARCHIVE
    homes.set_clerk_home(db, cli_clock(), sign_in(args, db), home)
    print(say(f"档案管理员登录后首先看到：{home.label('zh')}", f"The archive clerk starts on: {home.label('en')}"))
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``setup`` and ``user add|list|disable|enable|reset-password|clearance|passwd|home``."""
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
    ud = add(
        "disable",
        cmd_user_disable,
        say(
            "停用用户（不删除：姓名仍留在其经手的记录上）",
            "disable a user (never deleted: the name stays on the records)",
        ),
        users,
    )
    ue = add(
        "enable",
        cmd_user_enable,
        say("设置新密码后重新启用用户", "enable a disabled user again, with a new password"),
        users,
    )
    ur = add(
        "reset-password",
        cmd_user_reset_password,
        say("为用户设置新密码（管理员）", "give a user a new password (administrator)"),
        users,
    )
    uc = add(
        "clearance",
        cmd_user_clearance,
        say("设置用户的密级权限（不能设置自己的）", "set a user's clearance (密级权限; never one's own)"),
        users,
    )
    for cmd in (ud, ue, ur, uc):
        cmd.add_argument("name")
    uc.add_argument("grade", help=say("公开 内部 秘密 机密 绝密（或 0–4）", "公开 内部 秘密 机密 绝密 (or 0–4)"))
    up = add(
        "passwd",
        cmd_user_passwd,
        say(
            "修改自己的密码（先输当前密码，再输两次新密码）",
            "change your own password (the current one, then the new one twice)",
        ),
        users,
    )
    uh = add(
        "home",
        cmd_user_home,
        say(
            "档案管理员登录后首先看到的页面：today 或 archive",
            "where the archive clerk lands after signing in: today or archive",
        ),
        users,
    )
    uh.add_argument(
        "home",
        nargs="?",
        choices=("today", "archive"),
        help=say("不填则显示当前设置", "leave out to show the current choice"),
    )
    for cmd in (ue, ur, up):
        cmd.add_argument(
            "--password-stdin",
            action="store_true",
            help=say("从标准输入读取新密码", "read the new password from stdin"),
        )
    for cmd in (ua, ul, ud, ue, ur, uc, up, uh):
        cmd.add_argument("--user", help=user_help())
