"""``estate-desk audit …``, ``keys …``, ``record`` and ``owner``: the audit trail, the archive's keys,
and reading one record from the command line — through the same services, checked the same way.

* ``audit verify`` — check the hash chain; exit 0 when intact, 1 naming the first broken row.
* ``audit list [--person NAME] [--action A] [--record TEXT] [--since D] [--until D] --user NAME``
  — the trail, newest first (management office and administrators only); ``--export FILE`` writes
  ``.xlsx``/``.csv``. ``--person`` filters; ``--user`` is who signs in, as for every other command.
  Rows about a record above the user's clearance are masked (``services/audit_log``).
* ``keys recovery --user NAME`` — issue a new recovery key (shown once; the old one stops working).
* ``keys recover USERNAME`` — with the recovery key (first line of stdin) give an account a new
  password (second line) and the master key again.
* ``keys reseal --user NAME`` — encrypt or decrypt stored attachments to match their records' grades.
* ``record ID|档号 --user NAME`` and ``owner ID --user NAME`` — one record or one owner's file,
  within the user's clearance; a request above it is refused as "not found" and audited.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING

from estate_desk.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    cli_clock,
    cli_lang,
    open_db,
    read_line,
    say,
    sign_in,
    user_help,
)
from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.errors import InputProblem, NotFound

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def _when(text: str, *, end: bool, where: str) -> datetime:
    """A day (YYYY-MM-DD, the whole day in China time) or an ISO time; ``end``: the moment after it."""
    raw = text.strip()
    try:
        if len(raw) == 10:
            day = datetime.combine(datetime.fromisoformat(raw).date(), time(0), CHINA_TZ)
            return day + timedelta(days=1) if end else day
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise InputProblem(
            zh=f"时间应写成 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM：{text}",
            en=f"Write the time as YYYY-MM-DD or YYYY-MM-DDTHH:MM: {text}",
            where=where,
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=CHINA_TZ)


def cmd_audit_verify(args: argparse.Namespace) -> int:
    from estate_desk.services import audit

    report = audit.verify(open_db(args))
    print(report.message(cli_lang()))
    return EXIT_OK if report.ok else EXIT_PROBLEM


def cmd_audit_list(args: argparse.Namespace) -> int:
    from pathlib import Path

    from estate_desk.domain.audit import parse_action
    from estate_desk.services.secrecy import audit_log

    db = open_db(args)
    actor = sign_in(args, db)
    wanted = audit_log.AuditFilter(
        person=args.person,
        action=parse_action(args.action) if args.action else None,
        record=args.record,
        since=_when(args.since, end=False, where="--since") if args.since else None,
        until=_when(args.until, end=True, where="--until") if args.until else None,
    )
    if args.export:
        rows = audit_log.export_events(db, cli_clock(), actor, Path(args.export), wanted, reason=args.reason or "")
        print(say(f"已导出 {rows} 条审计记录到 {args.export}", f"Exported {rows} audit rows to {args.export}"))
        return EXIT_OK
    lang = cli_lang()
    found = audit_log.events(db, actor, wanted, limit=args.limit)
    for row in found:
        print("\t".join(row.cells(lang)).rstrip())
    if not found:
        print(say("没有符合条件的审计记录。", "No audit rows match."))
    return EXIT_OK


def cmd_keys_recovery(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import admin as account_admin

    db = open_db(args)
    key = account_admin.issue_recovery_key(db, cli_clock(), sign_in(args, db))
    print(
        say(
            "新的恢复密钥（只显示这一次，请抄写后交管理处保管；旧的恢复密钥已失效）：",
            "New recovery key (shown once: write it down for the management office; the old one no longer works):",
        )
    )
    print(f"  {key}")
    return EXIT_OK


def cmd_keys_recover(args: argparse.Namespace) -> int:
    from estate_desk.services.accounts import admin as account_admin

    db = open_db(args)
    recovery = read_line(say("恢复密钥：", "Recovery key: "))
    password = read_line(say(f"{args.username} 的新密码：", f"New password for {args.username}: "))
    account_admin.recover_with(db, cli_clock(), recovery, args.username, password)
    print(
        say(
            f"已用恢复密钥为 {args.username} 设置新密码。",
            f"{args.username} has a new password, set with the recovery key.",
        )
    )
    return EXIT_OK


def cmd_keys_reseal(args: argparse.Namespace) -> int:
    from estate_desk.services.secrecy import sealing

    db = open_db(args)
    changed = sealing.bring_into_line(db, cli_clock(), sign_in(args, db))
    print(
        say(
            f"已按密级加密/解密 {changed} 个附件。",
            f"{changed} attachment(s) encrypted or decrypted to match their grades.",
        )
    )
    return EXIT_OK


def cmd_record(args: argparse.Namespace) -> int:
    from estate_desk.services.archive import code_lookup, register

    db = open_db(args)
    actor = sign_in(args, db)
    ref = args.ref.strip()
    if ref.isdigit():
        document_id = int(ref)
    else:
        hit = code_lookup.find_by_code(db, actor, ref)
        if hit is None or hit.kind != "document":
            raise NotFound(zh=f"没有这份档案：{ref}", en=f"No such record: {ref}")
        document_id = hit.id
    d = register.document_detail(db, actor, document_id)
    lang = cli_lang()
    category = d.category_zh if lang == "zh" else d.category_en
    print(f"{d.archive_no}\t{d.title}")
    print(f"  {category} · {d.year} · {d.secrecy.label(lang)} · {d.retention.label(lang)} · {d.pages}")
    for label, value in (("room", d.room_code), ("owner", d.owner_name), ("box", d.box_code), ("place", d.place)):
        if value:
            print(f"  {label}: {value}")
    if d.destroyed_in:
        print(f"  已销毁 (destroyed): {d.destroyed_in}")
    if d.void:
        print(f"  作废 (void): {d.void_on} {d.void_by or ''} {d.void_reason}")
    for hold in d.holds:
        print(f"  冻结 (legal hold): {hold}")
    return EXIT_OK


def cmd_owner(args: argparse.Namespace) -> int:
    from estate_desk.services.estate import owners

    db = open_db(args)
    f = owners.owner_file(db, sign_in(args, db), args.owner_id)
    print(f"{f.name}\t{f.phone}\t{f.address}")
    for o in f.ownerships:
        print(f"  {o.room_code}\t{o.start_date}–{o.end_date or ''}")
    print(f"  documents: {len(f.document_ids)}")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """The audit, keys, record and owner commands."""
    trail = sub.add_parser(
        "audit", help=say("审计记录：校验哈希链、列出和导出", "the audit trail: verify the hash chain, list and export")
    ).add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    add(
        "verify",
        cmd_audit_verify,
        say("校验哈希链；若断裂，指出第一行并以 1 退出", "check the hash chain; exit 1 naming the first broken row"),
        trail,
    )
    al = add(
        "list",
        cmd_audit_list,
        say(
            "审计记录，最新的在前（管理处、系统管理员）",
            "the audit trail, newest first (management office, administrators)",
        ),
        trail,
    )
    al.add_argument("--person", "--by", metavar="NAME", help=say("只看此用户的操作", "only what this user did"))
    al.add_argument(
        "--action",
        help=say(
            "操作类型：sign_in、sign_in_failed、view、view_attachment、print、export、change、approve、refuse、key",
            "sign_in, sign_in_failed, view, view_attachment, print, export, change, approve, refuse, key",
        ),
    )
    al.add_argument(
        "--record",
        metavar="TEXT",
        help=say(
            "档号、姓名、打印件……（对象的一部分）", "an archive number, a name, a printout … (part of the target)"
        ),
    )
    al.add_argument("--since", metavar="YYYY-MM-DD")
    al.add_argument("--until", metavar="YYYY-MM-DD", help=say("截至当天结束", "up to the end of that day"))
    al.add_argument("--limit", type=int, default=200, help=say("显示的行数（默认 200）", "rows to show (default 200)"))
    al.add_argument(
        "--export",
        metavar="FILE",
        help=say("改为把所有匹配的行写入 .xlsx 或 .csv", "write every matching row to .xlsx or .csv instead"),
    )
    al.add_argument("--reason", help=say("导出审计记录的理由（会被记录）", "why the trail is exported (recorded)"))
    keys = sub.add_parser("keys", help=say("档案库的加密密钥", "the archive's encryption keys")).add_subparsers(
        dest="keys_command", metavar="ACTION", required=True
    )
    kr = add(
        "recovery",
        cmd_keys_recovery,
        say("签发新的恢复密钥（只显示一次）", "issue a new recovery key (shown once)"),
        keys,
    )
    kv = add(
        "recover",
        cmd_keys_recover,
        say(
            "为 USERNAME 用恢复密钥（标准输入第 1 行）设新密码（第 2 行）",
            "recovery key (stdin line 1) → new password (line 2) for USERNAME",
        ),
        keys,
    )
    kv.add_argument("username")
    ks = add(
        "reseal",
        cmd_keys_reseal,
        say("按档案的密级加密或解密已存的附件", "encrypt/decrypt stored attachments to match their records' grades"),
        keys,
    )
    rec = add(
        "record",
        cmd_record,
        say(
            "按编号或档号显示一份档案（在本人密级之内）",
            "show one record by id or archive number (within your clearance)",
        ),
    )
    rec.add_argument("ref", metavar="ID|档号")
    own = add("owner", cmd_owner, say("显示业主档案（绝密）", "show an owner's file (绝密)"))
    own.add_argument("owner_id", type=int, metavar="ID")
    for cmd in (al, kr, ks, rec, own):
        cmd.add_argument("--user", help=user_help())
