"""``estate-desk check`` and ``estate-desk db …``: is this workstation ready, and the database's revision."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, EXIT_PROBLEM, cli_lang, say

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


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


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``check``, ``db upgrade`` and ``db current``."""
    add("check", cmd_check, say("检查字体、翻译、数据库和文件夹", "check fonts, translations, database and folders"))
    db = sub.add_parser("db", help=say("数据库版本", "database revision")).add_subparsers(
        dest="db_command", metavar="ACTION", required=True
    )
    add("upgrade", cmd_db_upgrade, say("把数据库升级到当前版本", "bring the database to the current revision"), db)
    add("current", cmd_db_current, say("显示数据库的版本", "show the database's revision"), db)
