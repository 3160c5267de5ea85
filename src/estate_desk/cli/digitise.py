"""``estate-desk digitise …``: digitisation batches (数字化批次, DA/T 31) from the command line (issue 17).

* ``digitise batch new [--record NO]… [--box CODE]… [--to-digitise] [--dpi N] [--colour MODE] [--format F]``
* ``digitise batch list`` / ``digitise batch show BATCH`` / ``digitise batch advance BATCH [--to STEP]``
* ``digitise sheets BATCH -o FILE.pdf`` — the batch's scan cover sheets and its end sheet;
* ``digitise inbox FILE… --batch BATCH`` — split a scanned stack and link each record's pages;
* ``digitise watch FOLDER [--batch BATCH] [--quiet SECONDS] [--once]`` — the scanner's "scan to folder" target,
  read as each stack stops growing, moved to 已导入 or 问题文件 (``services/digitise/watch.py``);
* ``digitise check BATCH`` — the quality check by the numbers (质检): each record's flaws by page; exits 1 if any;
* ``digitise return BATCH BOX…`` — back in the archive room (入库): every box of the batch, scanned or typed;
* ``digitise ocr BATCH|--record NO`` — read the text of scans for search (``cli/digitise_ocr.py``).
* ``digitise turn BATCH [--record NO --page N]`` — turn pages upside down upright (``cli/digitise_turn.py``).

Settling a batch (accept, rescan, pending, sample) is ``cli/digitise_decide.py``, registered under ``digitise``.

The same services as the window, checked the same way (``services/digitise/``); every command takes ``--user``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli import digitise_ocr, digitise_turn
from estate_desk.cli.common import EXIT_OK, cli_clock, cli_lang, open_db, say, sign_in, user_help
from estate_desk.domain.errors import NotFound

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _ids_of(db: Database, actor: Actor, codes: list[str] | None, kind: str) -> list[int]:
    from estate_desk.services.archive.code_lookup import find_by_code

    ids = []
    for code in codes or []:
        hit = find_by_code(db, actor, code)
        if hit is None or hit.kind != kind:
            what = ("档案", "record") if kind == "document" else ("档案盒", "box")
            raise NotFound(zh=f"没有{what[0]} {code}。", en=f"No {what[1]} {code}.")
        ids.append(hit.id)
    return ids


def cmd_new(args: argparse.Namespace) -> int:
    from estate_desk.domain.digitise.settings import make_settings
    from estate_desk.services.digitise import batches

    settings = make_settings(args.dpi, args.colour, args.format)  # checked before signing in
    db = open_db(args)
    actor = sign_in(args, db)
    batch_id = batches.new_batch(
        db,
        cli_clock(),
        actor,
        settings=settings,
        document_ids=_ids_of(db, actor, args.record, "document"),
        box_ids=_ids_of(db, actor, args.box, "box"),
        to_digitise=args.to_digitise,
        title=args.title or "",
    )
    summary = batches.batch_view(db, actor, batch_id).summary
    print(
        say(
            f"已建立数字化批次 {summary.code}：{summary.records} 件",
            f"Made batch {summary.code}: {summary.records} records",
        )
    )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches

    db = open_db(args)
    lang = cli_lang()
    for b in batches.batches(db, sign_in(args, db)):
        print(
            f"{b.code}\t{b.step.label(lang)}\t{b.scanned}/{b.records}\t{say('待处理', 'pending')} {b.pending}\t{b.title}"
        )
    return EXIT_OK


def _show(db: Database, actor: Actor, batch_id: int) -> None:
    from estate_desk.services.digitise import batches, decisions

    lang = cli_lang()
    view = batches.batch_view(db, actor, batch_id)
    s = view.summary
    print(f"{s.code}\t{s.step.label(lang)}\t{s.title}")
    print(
        say(
            f"分辨率 {view.settings.dpi} dpi，{view.settings.colour.zh}，格式 {view.settings.file_format.value.upper()}；"
            f"已扫描 {s.scanned}/{s.records} 件，待处理 {s.pending} 项",
            f"{view.settings.dpi} dpi, {view.settings.colour.value}, format {view.settings.file_format.value.upper()}; "
            f"{s.scanned}/{s.records} records scanned, {s.pending} pending",
        )
    )
    for r in view.records:
        print(f"  {r.archive_no}\t{r.pages}\t{r.status}\t{r.title}")
    for e in view.log:
        print(f"  {e.at:%Y-%m-%d %H:%M}\t{e.step.label(lang)}\t{e.by or ''}\t{e.note}")
    for d in decisions.decisions_of(db, actor, batch_id):  # accepted, or to be rescanned and why
        label = d.decision.zh if lang == "zh" else d.decision.en
        print(f"  {d.at:%Y-%m-%d %H:%M}\t{d.archive_no}\t{label}\t{d.by or ''}\t{d.reason}")


def cmd_show(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches

    db = open_db(args)
    actor = sign_in(args, db)
    _show(db, actor, batches.find(db, actor, args.batch))
    return EXIT_OK


def cmd_advance(args: argparse.Namespace) -> int:
    from estate_desk.domain.digitise.steps import Step
    from estate_desk.services.digitise import batches

    db = open_db(args)
    actor = sign_in(args, db)
    target = next((s for s in Step if args.to in (s.value, s.zh)), None) if args.to else None
    if args.to and target is None:
        raise NotFound(zh=f"没有环节“{args.to}”。", en=f"No step '{args.to}'.")
    view = batches.advance(db, cli_clock(), actor, batches.find(db, actor, args.batch), target, args.note or "")
    print(say(f"{view.summary.code} → {view.summary.step.zh}", f"{view.summary.code} → {view.summary.step.en}"))
    return EXIT_OK


def cmd_sheets(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, sheets

    db = open_db(args)
    actor = sign_in(args, db)
    pages = sheets.print_cover_sheets(db, actor, batches.find(db, actor, args.batch), Path(args.output))
    print(say(f"已写出 {args.output}：{pages} 页", f"Wrote {args.output}: {pages} pages"))
    return EXIT_OK


def cmd_inbox(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, inbox

    db = open_db(args)
    actor = sign_in(args, db)
    result = inbox.import_stack(db, actor, [Path(f) for f in args.files], batches.find(db, actor, args.batch))
    if result.already:
        print(say("这叠扫描件已导入过，未重复挂接。", "This stack was imported before; nothing attached again."))
        return EXIT_OK
    print(
        say(
            f"共 {result.pages} 页：挂接 {len(result.linked)} 件，待处理 {len(result.pending)} 项",
            f"{result.pages} pages: {len(result.linked)} records linked, {len(result.pending)} pending",
        )
    )
    lang = cli_lang()
    for x in result.linked:
        turned = "\t" + say(f"已转正 {x.turned}°", f"turned upright {x.turned}°") if x.turned else ""
        print(f"  {x.archive_no}\t{len(x.pages)}\t{x.name}{turned}")
    for p in result.pending:
        pages = ",".join(map(str, p.pages))
        print(f"  {p.reason.label(lang)}\t{say('页', 'pages')} {pages}\t{p.detail}")
    if result.inspection is not None:  # the four-properties check of the records linked (DA/T 70)
        for line in result.inspection.lines(lang):
            print(f"  {line}")
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    import time
    from datetime import timedelta

    from estate_desk.services.digitise import batches, watch

    folder = Path(args.folder)
    if not folder.is_dir():
        raise NotFound(zh=f"没有这个文件夹：{folder}", en=f"No such folder: {folder}")
    db = open_db(args)
    actor = sign_in(args, db)
    batch_id = batches.find(db, actor, args.batch) if args.batch else None
    seen = watch.Watch(folder, batch_id, quiet=timedelta(seconds=max(args.quiet, 0.0)))
    lang = cli_lang()
    print(say(f"正在监视 {folder}（Ctrl+C 停止）", f"Watching {folder} (Ctrl+C stops)"), flush=True)
    looks = 0
    try:
        while True:
            for event in watch.poll(db, actor, seen):
                where = f" → {event.moved_to}" if event.moved_to else ""
                print(f"{'、'.join(event.files)}: {event.message(lang)}{where}", flush=True)
            looks += 1
            if args.once and looks >= 2:  # seen once, then read once it stayed the same for the quiet period
                return EXIT_OK
            time.sleep(args.quiet if args.once else 1.0)
    except KeyboardInterrupt:
        return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, quality_check

    db = open_db(args)
    actor = sign_in(args, db)
    direction = None if args.no_turns else quality_check.optional_direction_reader()
    checks = quality_check.check_batch(db, actor, batches.find(db, actor, args.batch), direction=direction)
    lang = cli_lang()
    if direction is None:
        print(
            say(
                "倒置页：未检查（未安装文字识别组件或已用 --no-turns 跳过）",
                "Pages upside down: not checked (OCR not installed, or skipped with --no-turns)",
            )
        )
    for check in checks:
        verdict = (
            say("合格", "passed")
            if check.passed
            else say(f"{len(check.findings)} 处问题", f"{len(check.findings)} flaw(s)")
        )
        print(f"{check.archive_no}\t{check.title}\t{verdict}")
        for finding in check.findings:
            print(f"  {finding.flaw.label(lang)}\t{finding.message(lang)}")
    failed = sum(not c.passed for c in checks)
    print(say(f"共 {len(checks)} 件，{failed} 件有问题", f"{len(checks)} records, {failed} with flaws"))
    return EXIT_OK if not failed else 1


def cmd_return(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, returning

    db = open_db(args)
    actor = sign_in(args, db)
    view = returning.return_batch(db, cli_clock(), actor, batches.find(db, actor, args.batch), args.boxes)
    print(say(f"{view.summary.code} 已入库：{view.log[-1].note}", f"{view.summary.code} is back: {view.log[-1].note}"))
    return EXIT_OK


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    """The digitisation commands; returns ``digitise``'s subcommands, for the commands of ``digitise_*.py``."""
    digitise = sub.add_parser(
        "digitise",
        help=say("数字化：批次、扫描分隔页、导入扫描件", "digitisation: batches, cover sheets, importing scans"),
    )
    actions = digitise.add_subparsers(dest="digitise_command", metavar="ACTION", required=True)
    batch = actions.add_parser("batch", help=say("数字化批次", "digitisation batches"))
    batch_actions = batch.add_subparsers(dest="batch_command", metavar="ACTION", required=True)
    new = add("new", cmd_new, say("从所选档案建立批次", "make a batch from a selection"), batch_actions)
    new.add_argument(
        "--record", action="append", metavar="NO", help=say("档号（可重复）", "an archive number (repeatable)")
    )
    new.add_argument(
        "--box", action="append", metavar="CODE", help=say("档案盒编号（可重复）", "a box code (repeatable)")
    )
    new.add_argument(
        "--to-digitise",
        action="store_true",
        help=say("待数字化清单上的全部档案", "every record on the to-digitise list"),
    )
    new.add_argument(
        "--dpi",
        type=int,
        default=300,
        help=say("分辨率，不低于 200（默认 300）", "resolution, at least 200 (default 300)"),
    )
    new.add_argument(
        "--colour",
        default="colour",
        help=say("彩色、灰度或黑白二值（默认彩色）", "colour, grey or binary (default colour)"),
    )
    new.add_argument(
        "--format",
        default="pdf",
        help=say("全批次一种格式：pdf、tiff、jpeg", "one format for the batch: pdf, tiff, jpeg"),
    )
    new.add_argument("--title", help=say("批次名称", "a name for the batch"))
    listing = add("list", cmd_list, say("全部批次", "every batch"), batch_actions)
    show = add("show", cmd_show, say("一个批次的档案和环节记录", "one batch's records and step log"), batch_actions)
    show.add_argument("batch", metavar="BATCH")
    advance = add(
        "advance",
        cmd_advance,
        say("推进到下一环节（或 --to 扫描 退回重扫）", "move to the next step (or --to scan for a rescan)"),
        batch_actions,
    )
    advance.add_argument("batch", metavar="BATCH")
    advance.add_argument("--to", metavar="STEP")
    advance.add_argument("--note", metavar="TEXT")
    sheets = add(
        "sheets", cmd_sheets, say("打印批次的扫描分隔页（PDF）", "print a batch's scan cover sheets (PDF)"), actions
    )
    sheets.add_argument("batch", metavar="BATCH")
    sheets.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    inbox = add(
        "inbox",
        cmd_inbox,
        say("导入扫描件：按分隔页拆分并挂接", "import scans: split at the cover sheets and link"),
        actions,
    )
    inbox.add_argument("files", nargs="+", metavar="FILE")
    inbox.add_argument("--batch", required=True, metavar="BATCH")
    watching = add(
        "watch",
        cmd_watch,
        say("监视扫描收件夹：文件写完后自动拆分挂接", "watch the scan folder: split and link each file once written"),
        actions,
    )
    watching.add_argument("folder", metavar="FOLDER")
    watching.add_argument(
        "--batch", metavar="BATCH", help=say("默认：正在扫描的那个批次", "default: the batch at scanning")
    )
    watching.add_argument(
        "--quiet",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help=say(
            "文件多久不变才读取（默认 5 秒）", "how long a file must stay unchanged before it is read (default 5 s)"
        ),
    )
    watching.add_argument(
        "--once", action="store_true", help=say("只读取一次已写完的文件后退出", "read what is whole once, then exit")
    )
    check = add(
        "check", cmd_check, say("质检：逐件逐页检查扫描件", "quality check: every record's scan, page by page"), actions
    )
    check.add_argument("batch", metavar="BATCH")
    check.add_argument(
        "--no-turns",
        action="store_true",
        help=say("不检查倒置页（较快）", "do not look for pages upside down (faster)"),
    )
    back = add(
        "return",
        cmd_return,
        say("入库：逐盒扫描归还的档案盒", "back in the archive room: scan each box as it returns"),
        actions,
    )
    back.add_argument("batch", metavar="BATCH")
    back.add_argument(
        "boxes", nargs="+", metavar="BOX", help=say("档案盒编号，扫码或键入", "box codes, scanned or typed")
    )
    for cmd in (new, listing, show, advance, sheets, inbox, watching, check, back):
        cmd.add_argument("--user", help=user_help())
    digitise_ocr.add_commands(actions, add)
    digitise_turn.add_commands(actions, add)
    return actions
