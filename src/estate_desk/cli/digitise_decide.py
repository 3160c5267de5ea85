"""``estate-desk digitise …``: settling a batch after the quality check (issue 17) — the same services as the window.

* ``digitise accept BATCH [--record NO]… [--all-passed]`` — accept records' scans (质检);
* ``digitise rescan BATCH --record NO --reason TEXT`` — send a record to be rescanned, saying why;
* ``digitise pending BATCH`` — the 待处理 items still open; ``digitise pending assign ITEM --record NO``,
  ``digitise pending drop ITEM`` and ``digitise pending rescan ITEM`` settle one;
* ``digitise sample BATCH`` — draw the 验收 sample (once) and show it with its error rate;
  ``digitise sample BATCH --record NO --ok`` or ``--error NOTE`` records a comparison with the original.

Every command takes ``--user`` and is checked like the window (``services/digitise/``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, cli_clock, cli_lang, open_db, say, sign_in, user_help
from estate_desk.domain.errors import InputProblem, NotFound

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.sampling import SampleView
    from estate_desk.store.database import Database


def record_id(db: Database, actor: Actor, number: str) -> int:
    """The register's id of the record with this archive number (档号), within the actor's clearance."""
    from estate_desk.services.archive.code_lookup import find_by_code

    hit = find_by_code(db, actor, number)
    if hit is None or hit.kind != "document":
        raise NotFound(zh=f"没有档案 {number}。", en=f"No record {number}.")
    return hit.id


def cmd_accept(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, decisions
    from estate_desk.services.digitise.quality_check import optional_direction_reader

    db = open_db(args)
    actor = sign_in(args, db)
    batch_id = batches.find(db, actor, args.batch)
    if not args.record and not args.all_passed:
        raise InputProblem(
            zh="请用 --record 指定档号，或用 --all-passed 接收全部质检合格的档案。",
            en="Name records with --record, or accept every record that passed the check with --all-passed.",
        )
    count = 0
    if args.record:
        ids = [record_id(db, actor, number) for number in args.record]
        count += decisions.accept(db, cli_clock(), actor, batch_id, ids)
    if args.all_passed:
        count += len(decisions.accept_passed(db, cli_clock(), actor, batch_id, optional_direction_reader()))
    print(say(f"已接收 {count} 件档案的扫描件", f"Accepted the scans of {count} record(s)"))
    return EXIT_OK


def cmd_rescan(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, decisions

    db = open_db(args)
    actor = sign_in(args, db)
    batch_id = batches.find(db, actor, args.batch)
    decisions.rescan(db, cli_clock(), actor, batch_id, record_id(db, actor, args.record), args.reason)
    print(
        say(
            f"{args.record} 已退回重扫：{args.reason.strip()}（批次退回“扫描”后导入新的扫描件）",
            f"{args.record} is to be rescanned: {args.reason.strip()} (import its new scan with the batch at Scanning)",
        )
    )
    return EXIT_OK


def _list_pending(db: Database, actor: Actor, batch: str) -> int:
    from estate_desk.services.digitise import batches, pending

    lang = cli_lang()
    items = pending.open_items(db, actor, batches.find(db, actor, batch))
    for item in items:
        sheet = say(f"分隔页 {item.sheet_page}", f"sheet {item.sheet_page}") if item.sheet_page else "—"
        print(
            f"{item.id}\t{item.reason.label(lang)}\t{item.source}\t{sheet}\t{say('页', 'pages')} {item.pages}\t{item.detail}"
        )
    print(say(f"待处理 {len(items)} 项", f"{len(items)} pending"))
    return EXIT_OK


def cmd_pending(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import pending

    words = list(args.target)
    action = words[0] if words[0] in ("assign", "drop", "rescan") else None
    if action is None:
        if len(words) != 1:
            raise InputProblem(zh="用法：digitise pending 批次", en="Usage: digitise pending BATCH")
        db = open_db(args)
        return _list_pending(db, sign_in(args, db), words[0])
    if len(words) != 2 or not words[1].isdigit():
        raise InputProblem(
            zh=f"用法：digitise pending {action} 待处理项编号", en=f"Usage: digitise pending {action} ITEM"
        )
    item = int(words[1])
    db = open_db(args)
    actor = sign_in(args, db)
    if action == "assign":
        if not args.record:
            raise InputProblem(zh="请用 --record 指定档号。", en="Name the record with --record.")
        pending.assign(db, cli_clock(), actor, item, record_id(db, actor, args.record))
        print(say(f"待处理项 {item} 已挂接到 {args.record}", f"Pending item {item} is now {args.record}'s scan"))
        return EXIT_OK
    how = pending.Settlement.DROPPED if action == "drop" else pending.Settlement.RESCAN
    pending.settle(db, cli_clock(), actor, item, how, args.note or "")
    print(say(f"待处理项 {item} 已处理：{'舍弃' if action == 'drop' else '重扫'}", f"Pending item {item}: {how.value}"))
    return EXIT_OK


def _print_sample(view: SampleView) -> None:
    t = view.tally
    print(
        say(
            f"{view.batch} 抽检 {t.drawn} 件（比例 {view.share}%，种子 {view.seed}）：已核对 {t.compared} 件，"
            f"差错 {t.errors} 件，差错率 {t.rate:.1f}%（上限 {view.error_limit}%）",
            f"{view.batch}: {t.drawn} record(s) sampled ({view.share} %, seed {view.seed}): {t.compared} compared, "
            f"{t.errors} with errors, {t.rate:.1f} % (limit {view.error_limit} %)",
        )
    )
    for r in view.records:
        result = {"": say("未核对", "not compared"), "ok": say("相符", "matches"), "error": say("差错", "error")}[
            r.result
        ]
        print(f"  {r.archive_no}\t{result}\t{r.note}\t{r.title}")
    lang = cli_lang()
    print(view.refusal.message(lang) if view.refusal else say("可以入库。", "The batch may go back (入库)."))


def cmd_sample(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, sampling

    db = open_db(args)
    actor = sign_in(args, db)
    batch_id = batches.find(db, actor, args.batch)
    if args.record is None:
        if args.ok or args.error is not None:
            raise InputProblem(zh="请用 --record 指定核对的档号。", en="Name the record compared with --record.")
        _print_sample(sampling.draw_sample(db, cli_clock(), actor, batch_id))
        return EXIT_OK
    if args.ok == (args.error is not None):
        raise InputProblem(
            zh="请给出核对结果：--ok（相符）或 --error 说明（有差错）。",
            en="Give the comparison's result: --ok (matches) or --error NOTE (an error).",
        )
    record = record_id(db, actor, args.record)
    _print_sample(sampling.compare(db, cli_clock(), actor, batch_id, record, args.ok, args.error or ""))
    return EXIT_OK


def add_commands(actions: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """The commands that settle a batch, under ``digitise`` (``actions`` is its subcommands)."""
    accept = add(
        "accept", cmd_accept, say("接收扫描件（质检之后）", "accept records' scans (after the check)"), actions
    )
    accept.add_argument("batch", metavar="BATCH")
    accept.add_argument(
        "--record", action="append", metavar="NO", help=say("档号（可重复）", "an archive number (repeatable)")
    )
    accept.add_argument(
        "--all-passed", action="store_true", help=say("全部质检合格的档案", "every record whose scan passes the check")
    )
    rescan = add("rescan", cmd_rescan, say("退回重扫，写明原因", "send a record to be rescanned, saying why"), actions)
    rescan.add_argument("batch", metavar="BATCH")
    rescan.add_argument("--record", required=True, metavar="NO")
    rescan.add_argument("--reason", required=True, metavar="TEXT")
    queue = add(
        "pending",
        cmd_pending,
        say(
            "待处理：列出（批次），或 assign 编号 --record 档号 / drop 编号 / rescan 编号",
            "the pending queue: list (BATCH), or assign ITEM --record NO / drop ITEM / rescan ITEM",
        ),
        actions,
    )
    queue.add_argument("target", nargs="+", metavar="BATCH | assign ITEM | drop ITEM | rescan ITEM")
    queue.add_argument("--record", metavar="NO", help=say("挂接到的档号", "the record to assign the pages to"))
    queue.add_argument("--note", metavar="TEXT", help=say("说明", "a note"))
    sample = add(
        "sample",
        cmd_sample,
        say("验收抽检：抽取并查看样本，或记录核对结果", "acceptance sample: draw and show it, or record a comparison"),
        actions,
    )
    sample.add_argument("batch", metavar="BATCH")
    sample.add_argument("--record", metavar="NO")
    sample.add_argument("--ok", action="store_true", help=say("与原件相符", "matches the original"))
    sample.add_argument("--error", metavar="NOTE", help=say("有差错，说明差错", "an error, described"))
    for cmd in (accept, rescan, queue, sample):
        cmd.add_argument("--user", help=user_help())
