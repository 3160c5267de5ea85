"""``estate-desk print KEY …``: every printout of the registry from the command line (issue 4).

One subcommand per registered printout (``labels``, ``owner-catalogue``, ``catalogue``,
``volume-catalogue``, ``register``, ``box-notes`` …), each offering the selections its scopes
accept. Codes the clerk knows (box, cabinet, volume codes) become ids through the services;
the document is made by the same ``render`` the window uses.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from estate_desk.cli.common import EXIT_OK, cli_clock, open_db, say, sign_in, user_help
from estate_desk.domain.errors import InputProblem, NotFound

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder
    from estate_desk.services.actor import Actor
    from estate_desk.services.printouts.kinds import Printout, Selection
    from estate_desk.store.database import Database


def add_printouts(keys: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """A subcommand for each registered printout, with the options of its scopes."""
    from estate_desk.services.printouts import registry as printouts
    from estate_desk.services.printouts.kinds import Scope

    for printout in printouts.printouts():
        cmd = add(
            printout.key, cmd_print, say(printout.title_zh, f"{printout.title('en')} ({printout.title_zh})"), keys
        )
        cmd.set_defaults(printout_key=printout.key)
        scopes = printout.scopes
        if Scope.BOX in scopes:
            cmd.add_argument(
                "--box",
                action="append",
                metavar="CODE",
                help=say("档案盒编号，或范围 起..止（可重复）", "a box code, or a range FIRST..LAST (repeatable)"),
            )
        if Scope.CABINET in scopes:
            cmd.add_argument(
                "--cabinet", metavar="CODE", help=say("档案柜编号（G01）或名称", "a cabinet code (G01) or name")
            )
        if Scope.CATEGORY in scopes:
            cmd.add_argument(
                "--category",
                metavar="CODE",
                help=say("类别代码（YZ、GC……），含子类", "a category code (YZ, GC …), sub-categories included"),
            )
        if Scope.BUILDING in scopes:
            cmd.add_argument("--building", type=int, metavar="N", help=say("楼栋号", "a building number (栋)"))
        if Scope.YEAR in scopes:
            cmd.add_argument("--year", type=int, metavar="N")
        if Scope.VOLUME in scopes:
            cmd.add_argument("--volume", metavar="CODE", help=say("案卷编号", "a volume code"))
        if Scope.DATE in scopes:
            cmd.add_argument("--date", metavar="YYYY-MM-DD")
        if Scope.BATCH in scopes:
            cmd.add_argument(
                "batch",
                metavar="BATCH",
                help=say("销毁批次编号（Z001-XH-2026-001）", "a destruction batch code (Z001-XH-2026-001)"),
            )
        cmd.add_argument(
            "--option",
            action="append",
            metavar="NAME=VALUE",
            help=say("打印选项，例如 format=thermal start=7", "a printout option, e.g. format=thermal start=7"),
        )
        if printout.xlsx is not None:
            cmd.add_argument(
                "--xlsx",
                action="store_true",
                help=say("把同一张表写成 .xlsx 而不是 PDF", "write the same table as .xlsx instead of PDF"),
            )
        cmd.add_argument(
            "-o",
            "--output",
            required=True,
            metavar="FILE",
            help=say("要写的文件（.pdf 或 .xlsx）", "the file to write (.pdf or .xlsx)"),
        )
        cmd.add_argument(
            "--reason",
            help=say("打印或导出的理由（记入审计记录）", "why it is printed or exported (recorded in the audit trail)"),
        )
        cmd.add_argument("--user", help=user_help())


def _options(pairs: list[str] | None) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise InputProblem(
                zh=f"选项应写成 名称=值：{pair}", en=f"Write options as NAME=VALUE: {pair}", where="--option"
            )
        options[name.strip()] = value.strip()
    return options


def _box_ids(db: Database, actor: Actor, values: list[str]) -> list[int]:
    from estate_desk.services.archive import browse, code_lookup

    ids: list[int] = []
    for value in values:
        first, sep, last = value.partition("..")
        ends = [first.strip(), last.strip()] if sep else [value.strip()]
        for code in ends:
            hit = code_lookup.find_by_code(db, actor, code)
            if hit is None or hit.kind != "box":
                raise NotFound(zh=f"没有编号为 {code} 的档案盒。", en=f"No box with code {code}.", where="--box")
            if not sep:
                ids.append(hit.id)
        if sep:
            low, high = sorted(ends)
            ids += [b.id for b in sorted(browse.boxes(db, actor), key=lambda b: b.code) if low <= b.code <= high]
    return list(dict.fromkeys(ids))


def _cabinet_id(db: Database, actor: Actor, text: str) -> int:
    from estate_desk.services.archive import cabinets

    wanted = text.strip()
    for row in cabinets.cabinets(db, actor):
        if wanted.upper() == row.code.upper() or wanted == row.name:
            return row.id
    raise NotFound(zh=f"没有档案柜 {wanted}。", en=f"No cabinet {wanted}.", where="--cabinet")


def _category(db: Database, actor: Actor, text: str) -> str:
    from estate_desk.services.archive import browse

    codes = {c.code.upper(): c.code for c in browse.categories(db, actor)}
    found = codes.get(text.strip().upper())
    if found is None:
        raise NotFound(
            zh=f"没有门类 {text}（可选：{'、'.join(codes.values())}）。",
            en=f"No category {text} (choose: {', '.join(codes.values())}).",
            where="--category",
        )
    return found


def _volume_id(db: Database, actor: Actor, code: str) -> int:
    from estate_desk.services.archive import code_lookup

    hit = code_lookup.find_by_code(db, actor, code)
    if hit is None or hit.kind != "volume":
        raise NotFound(zh=f"没有编号为 {code} 的案卷。", en=f"No volume with code {code}.", where="--volume")
    return hit.id


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InputProblem(
            zh=f"日期应写成 YYYY-MM-DD：{text}", en=f"Write the date as YYYY-MM-DD: {text}", where="--date"
        ) from None


def selection_from_args(db: Database, actor: Actor, args: argparse.Namespace) -> Selection:
    """The command line's codes and numbers as a :class:`Selection` of ids."""
    from estate_desk.services.printouts.kinds import Selection

    given: dict[str, Any] = vars(args)
    boxes = given.get("box")
    cabinet, category, volume, day = (given.get(k) for k in ("cabinet", "category", "volume", "date"))
    options = _options(given.get("option"))
    if given.get("reason"):
        options["reason"] = str(given["reason"])
    return Selection(
        box_ids=tuple(_box_ids(db, actor, boxes)) if boxes else (),
        cabinet_id=_cabinet_id(db, actor, cabinet) if cabinet else None,
        category_code=_category(db, actor, category) if category else None,
        building=given.get("building"),
        year=given.get("year"),
        volume_id=_volume_id(db, actor, volume) if volume else None,
        day=_day(day) if day else None,
        batch=given.get("batch"),
        options=options,
    )


def cmd_print(args: argparse.Namespace) -> int:
    """Make one printout's file from the same services as the window."""
    from estate_desk.services.printouts import registry as printouts

    printout: Printout = printouts.printout(args.printout_key)
    db = open_db(args)
    actor = sign_in(args, db)
    selection = selection_from_args(db, actor, args)
    render = printout.xlsx if getattr(args, "xlsx", False) and printout.xlsx is not None else printout.render
    result = render(db, cli_clock(), actor, selection, Path(args.output))
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    print(
        say(
            f"已生成{printout.title_zh}：{result.items} 项，共 {result.pages} 页 → {result.path}",
            f"Made {printout.title_en.lower()}: {result.items} item(s), {result.pages} page(s) → {result.path}",
        )
    )
    return EXIT_OK
