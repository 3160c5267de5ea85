"""``estate-desk search TEXT``: what the window's one search field finds, grouped by kind, within clearance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, cli_lang, open_db, say, sign_in, user_help

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_search(args: argparse.Namespace) -> int:
    """What the window's one search field finds, grouped by kind, within the user's clearance."""
    from estate_desk.services.archive import scan_search, search

    db = open_db(args)
    actor = sign_in(args, db)
    hits = search.search(db, actor, args.text, limit=args.limit, include_void=args.include_void)
    lang = cli_lang()
    kind = None
    for hit in hits:
        if hit.kind != kind:
            kind = hit.kind
            print(kind.label(lang))
        mark = f"【{hit.status}】" if hit.status else ""
        print(f"  {mark}{hit.title}\t{hit.detail}".rstrip())
    pages = scan_search.search_pages(db, actor, args.text, limit=args.limit)
    if pages:
        print(say("扫描件页面", "Pages of scans"))
    for page in pages:
        print(f"  {page.archive_no}\t{say(f'第 {page.page} 页', f'page {page.page}')}\t{page.title}\t{page.snippet}")
    if not hits and not pages:
        print(say(f"没有找到「{args.text.strip()}」", f"Nothing found for “{args.text.strip()}”"))
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """``search TEXT``."""
    se = add(
        "search",
        cmd_search,
        say(
            "查找业主、房号、档号、档案盒、案卷、题名和文号",
            "find owners, rooms, archive numbers, boxes, volumes, titles and 文号",
        ),
    )
    se.add_argument("text")
    se.add_argument(
        "--limit", type=int, default=20, help=say("每类结果数（默认 20）", "hits of each kind (default 20)")
    )
    se.add_argument(
        "--include-void",
        action="store_true",
        help=say("也包括作废和已销毁的档案，并加标记", "also void (作废) and destroyed (已销毁) records, marked"),
    )
    se.add_argument("--user", help=user_help())
