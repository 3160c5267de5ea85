"""``estate-desk digitise ocr BATCH|--record NO``: read the text of scans (文字识别, issue 17).

Every page not read before, one at a time, each committed as it is read: interrupting (Ctrl+C) or a
crash loses nothing, and running it again goes on where it stopped. Without the ``ocr`` extra it says
OCR is not installed. Registered under ``digitise`` by ``cli/digitise.py``.
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
