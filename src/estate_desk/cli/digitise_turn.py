"""``estate-desk digitise turn BATCH [--record NO --page N …]``: turn pages upside down upright (issue 17).

Without ``--record``, the batch's quality check looks for pages whose text runs upside down (the ``ocr``
extra) and every page found is turned; with ``--record`` and ``--page``, the pages named are turned, no OCR
needed. Each record turned gets a new version of its scan (the page's PDF rotation, nothing re-encoded),
the earlier kept, the turn in the audit trail (``services/digitise/page_turns.py``). Registered under
``digitise`` by ``cli/digitise.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, EXIT_USAGE, cli_clock, cli_lang, open_db, say, sign_in, user_help
from estate_desk.cli.digitise_decide import record_id

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_turn(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, page_turns
    from estate_desk.services.digitise.ocr import OcrNotInstalled
    from estate_desk.services.digitise.text_direction import direction_reader

    if bool(args.record) != bool(args.page):
        print(say("--record 与 --page 须一起给出。", "Give --record and --page together."))
        return EXIT_USAGE
    db = open_db(args)
    actor = sign_in(args, db)
    batch = batches.find(db, actor, args.batch)
    clock = cli_clock()
    if args.record:
        document_id = record_id(db, actor, args.record)
        turned = [page_turns.turn_pages(db, clock, actor, batch, document_id, args.page)]
    else:
        try:
            reader = direction_reader()
        except OcrNotInstalled as exc:
            print(exc.message(cli_lang()))
            return 1
        turned = page_turns.turn_found(db, clock, actor, batch, reader)
    for scan in turned:
        pages = ", ".join(str(n) for n in scan.pages)
        print(
            say(
                f"{scan.archive_no}\t已转正第 {pages} 页（新版本）",
                f"{scan.archive_no}\tpage {pages} turned (new version)",
            )
        )
    if not turned:
        print(say("没有发现倒置的页面。", "No page is upside down."))
    return EXIT_OK


def add_commands(actions: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``digitise turn``, under the ``digitise`` command's actions."""
    turn = add(
        "turn",
        cmd_turn,
        say("把倒置的页面转正（新版本，原件保留）", "turn pages upside down upright (a new version, the earlier kept)"),
        actions,
    )
    turn.add_argument("batch", metavar="BATCH")
    turn.add_argument("--record", metavar="NO", help=say("只转这一件档案的页面", "turn pages of this record"))
    turn.add_argument(
        "--page",
        type=int,
        action="append",
        metavar="N",
        help=say("要转正的页（可多次）", "a page to turn (repeatable)"),
    )
    turn.add_argument("--user", help=user_help())
