"""``estate-desk backup``, ``restore`` and ``verify``: the archive saved whole, put back, and checked (A5)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli.common import cli_lang, open_db, read_line, say, sign_in, user_help
from estate_desk.domain.clock import SystemClock

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from estate_desk.services.maintenance.backup_crypto import Credentials

EXIT_OK, EXIT_PROBLEM = 0, 1


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A percentage on stderr when it is a terminal; nothing otherwise (scripts, tests)."""
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        pct = done * 100 // max(total, 1)
        if pct != last[0]:
            last[0] = pct
            print(f"\r{label} {pct:3d}%", end="" if pct < 100 else "\n", file=sys.stderr, flush=True)

    return show


def cmd_backup(args: argparse.Namespace) -> int:
    from estate_desk.services.maintenance import backup_write

    db = open_db(args)
    try:  # no user: the service refuses (a backup needs a sign-in cleared for the whole archive)
        actor = sign_in(args, db) if args.user or os.environ.get("ESTATE_DESK_USER") else None
        info = backup_write.create_backup(
            db, SystemClock(), actor, Path(args.output), progress=_progress(say("备份", "Backup"))
        )
    finally:
        db.dispose()
    print(say(f"已备份到 {info.path}", f"Backed up to {info.path}"))
    print(info.summary(cli_lang()))
    return EXIT_OK


def _credentials(args: argparse.Namespace) -> Credentials:
    """What opens the backup: a user of the source archive and their password (ESTATE_DESK_PASSWORD or
    stdin), or the recovery key (stdin)."""
    from estate_desk.domain.errors import InputProblem
    from estate_desk.services.maintenance.backup_crypto import Credentials

    if args.recovery_key:
        return Credentials(recovery_key=read_line(say("恢复密钥：", "Recovery key: ")))
    username = args.user or os.environ.get("ESTATE_DESK_USER")
    if not username:
        raise InputProblem(
            zh="备份已加密：请用 --user 指定来源档案库的用户（密码取自 ESTATE_DESK_PASSWORD 或标准输入），"
            "或用 --recovery-key 从标准输入读入恢复密钥。",
            en="Backups are encrypted: name a user of the source archive with --user (password from "
            "ESTATE_DESK_PASSWORD or stdin), or give --recovery-key to read the recovery key from stdin.",
        )
    password = os.environ.get("ESTATE_DESK_PASSWORD")
    if password is None:
        password = read_line(say(f"{username} 的密码：", f"Password for {username}: "))
    return Credentials(username=username, password=password)


def cmd_restore(args: argparse.Namespace) -> int:
    from estate_desk.services.maintenance import restore

    report = restore.restore_backup(
        args.database,
        Path(args.file),
        _credentials(args),
        force=args.force,
        progress=_progress(say("恢复", "Restore")),
    )
    lang = cli_lang()
    print(
        say(
            f"已恢复：{report.rows} 行记录，{report.files} 个附件文件。",
            f"Restored {report.rows} rows and {report.files} files.",
        )
    )
    print(report.info.summary(lang))
    if report.moved_aside is not None:
        print(
            say(
                f"原附件库已移到 {report.moved_aside}",
                f"The previous attachment store was moved to {report.moved_aside}",
            )
        )
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from estate_desk.services.maintenance import count_check, integrity

    db = open_db(args)
    try:
        if args.rebuild_counts:
            rows = count_check.rebuild(db)
            print(say(f"已按实际数据重建计数表（{rows} 行）。", f"Rebuilt the counts from the records ({rows} rows)."))
        actor = sign_in(args, db) if args.user or os.environ.get("ESTATE_DESK_USER") or args.four_properties else None
        report = integrity.check_archive(db, SystemClock(), keyring=actor.keyring if actor else None)
        lang = cli_lang()
        for line in report.lines(lang):
            print(line)
        ok = report.ok
        if args.four_properties and actor is not None:
            from estate_desk.services.digitise import four_properties
            from estate_desk.services.maintenance import four_properties_last

            inspection = four_properties.inspect_archive(db, actor)
            for line in inspection.lines(lang):
                print(line)
            integrity.remember_result(db, report, four_properties_last.of(inspection))  # for the today page
            ok = ok and inspection.ok
    finally:
        db.dispose()
    return EXIT_OK if ok else EXIT_PROBLEM


def add_backup_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Callable[..., argparse.ArgumentParser]
) -> None:
    bk = add(
        "backup",
        cmd_backup,
        say(
            "写一个加密的备份文件：数据库和附件库，附校验和",
            "write one encrypted backup file: the database and the attachment store, with checksums",
        ),
    )
    bk.add_argument("-o", "--output", required=True, metavar="FILE")
    bk.add_argument(
        "--user",
        help=user_help()
        + say(
            "；须为密级达到档案库最高密级的档案员或系统管理员；记入审计",
            "; an archive clerk or administrator cleared for the archive's highest grade; audited",
        ),
    )
    rs = add(
        "restore",
        cmd_restore,
        say("把备份文件恢复到空数据库和数据文件夹", "restore a backup file into an empty database and data folder"),
    )
    rs.add_argument("file")
    rs.add_argument(
        "--force",
        action="store_true",
        help=say(
            "替换已有的档案库（先清空，绝不混合）",
            "replace an archive that is there (it is emptied first, never mixed)",
        ),
    )
    opener = rs.add_mutually_exclusive_group()
    opener.add_argument(
        "--user",
        help=say(
            "备份来源档案库的一个用户（密码取自 ESTATE_DESK_PASSWORD 或标准输入）：用来打开备份的密钥",
            "a user of the archive the backup came from (password from "
            "ESTATE_DESK_PASSWORD or stdin): opens the backup's key",
        ),
    )
    opener.add_argument(
        "--recovery-key",
        action="store_true",
        help=say(
            "用原档案库的恢复密钥（标准输入）打开备份的密钥",
            "open the backup's key with the source archive's recovery key (stdin)",
        ),
    )
    vf = add(
        "verify",
        cmd_verify,
        say(
            "检查数据库、每个附件的校验和、加密文件和审计链",
            "check the database, every attachment's checksum, encrypted files and the audit chain",
        ),
    )
    vf.add_argument(
        "--user",
        help=user_help() + say("；验证加密附件时需要", "; needed to authenticate encrypted attachments"),
    )
    vf.add_argument(
        "--four-properties",
        action="store_true",
        help=say(
            "再对全部档案做四性检测（DA/T 70；需要 --user，档案员或系统管理员）",
            "also run the four-properties check (DA/T 70) over the whole archive (needs --user: a clerk or administrator)",
        ),
    )
    vf.add_argument(
        "--rebuild-counts",
        action="store_true",
        help=say(
            "先按实际数据重建计数表（待数字化、纸质件未归位、门类件数），再检查",
            "first rebuild the counts (to digitise, paper missing, category totals) from the records, then check",
        ),
    )
