"""``estate-desk digitise ocr BATCH|--record NO``: read the text of scans (文字识别, issue 17).

Every page not read before, one at a time, each committed as it is read: interrupting (Ctrl+C) or a
crash loses nothing, and running it again goes on where it stopped. Without the ``ocr`` extra it says
OCR is not installed. Registered under ``digitise`` by ``cli/digitise.py``.

``estate-desk digitise ocr-sealed on|off --user NAME``: the office setting (management office and
administrators) whether the text of scans of records at sealed grades (秘密 and above by default) is read and
searchable too; the text then sits in the database unencrypted, so it is off by default, and switching it
off takes out the text read before (``services/secrecy/grades.set_index_sealed_text``).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, EXIT_USAGE, cli_clock, open_db, say, sign_in, user_help

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_ocr(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, ocr

    if bool(args.batch) == bool(args.record):
        print(
            say("请给出一个批次，或用 --record 给出一个档号。", "Give one batch, or one archive number with --record.")
        )
        return EXIT_USAGE
    db = open_db(args)
    actor = sign_in(args, db)
    if args.record:
        scans = ocr.scans_of_record(db, actor, args.record)
    else:
        scans = ocr.scans_of_batch(db, actor, batches.find(db, actor, args.batch))

    def progress(done: int, total: int) -> bool:
        print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)
        return True

    result = ocr.read_scans(db, cli_clock(), actor, scans, progress=progress)
    print(file=sys.stderr)
    print(
        say(
            f"{result.scans} 件扫描件：本次识别 {result.read} 页，此前已识别 {result.already} 页，"
            f"因密级未识别 {result.withheld} 页",
            f"{result.scans} scans: {result.read} pages read now, {result.already} read before, "
            f"{result.withheld} passed over for their grade",
        )
    )
    return EXIT_OK


def cmd_ocr_sealed(args: argparse.Namespace) -> int:
    from estate_desk.services.secrecy import grades

    db = open_db(args)
    on = args.state == "on"
    emptied = grades.set_index_sealed_text(db, cli_clock(), sign_in(args, db), on)
    if on:
        print(
            say(
                "已设置：密级档案扫描件中的文字将被识别、可检索（文字以未加密形式存入数据库，"
                "只有相应密级权限的人能检索到）。下次文字识别时生效。",
                "Set: the text of sealed records' scans is read and searchable (kept unencrypted in the "
                "database, found only by readers cleared for the grade), from the next recognition run.",
            )
        )
    else:
        print(
            say(
                f"已设置：不保留密级档案扫描件中的文字；已清除 {emptied} 页。",
                f"Set: the text of sealed records' scans is not kept; {emptied} pages emptied.",
            )
        )
    return EXIT_OK


def add_commands(actions: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``digitise ocr``, under the ``digitise`` command's actions."""
    ocr = add(
        "ocr",
        cmd_ocr,
        say("识别扫描件中的文字，供检索（可中断，续做）", "read the text of scans for search (resumable)"),
        actions,
    )
    ocr.add_argument("batch", nargs="?", metavar="BATCH")
    ocr.add_argument("--record", metavar="NO", help=say("只识别这一件档案", "only this record"))
    ocr.add_argument("--user", help=user_help())
    sealed = add(
        "ocr-sealed",
        cmd_ocr_sealed,
        say(
            "是否识别、检索密级档案扫描件中的文字（文字将以未加密形式存入数据库）",
            "whether the text of sealed records' scans is read and searchable (kept unencrypted in the database)",
        ),
        actions,
    )
    sealed.add_argument("state", choices=("on", "off"))
    sealed.add_argument("--user", help=user_help())
