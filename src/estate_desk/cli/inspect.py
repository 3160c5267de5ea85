"""``estate-desk inspect …``: checks of the electronic archive from the command line (issue 17).

* ``inspect four-properties [--all | --record NO | --handover BATCH] [-o report.pdf] [--xlsx report.xlsx] [--file]``
  — the four-properties check (四性检测, DA/T 70) over the whole archive (the default), one record, or a
  digitisation batch at its hand-over; prints the summary and every failed item, writes the report as PDF
  and/or .xlsx, and with ``--file`` files the PDF as a record of the archive. Exits 1 when an item failed.

The same services as the window (``services/digitise/four_properties.py`` and ``four_properties_report.py``),
checked the same way: signs in with ``--user``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from estate_desk.cli.common import EXIT_OK, EXIT_PROBLEM, cli_clock, cli_lang, open_db, say, sign_in, user_help

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_four_properties(args: argparse.Namespace) -> int:
    from estate_desk.services.digitise import batches, four_properties, four_properties_report

    db = open_db(args)
    try:
        actor = sign_in(args, db)
        clock = cli_clock()
        if args.record:
            inspection = four_properties.inspect_record(db, actor, four_properties.find_record(db, actor, args.record))
        elif args.handover:
            inspection = four_properties.inspect_batch(db, actor, batches.find(db, actor, args.handover))
        else:
            inspection = four_properties.inspect_archive(db, actor)
        for line in inspection.lines(cli_lang()):
            print(line)
        if args.xlsx:
            four_properties_report.write_xlsx(db, actor, inspection, Path(args.xlsx), clock=clock)
            print(say(f"Excel 报告：{args.xlsx}", f"Spreadsheet report: {args.xlsx}"))
        if args.output or args.file:
            with tempfile.TemporaryDirectory(prefix="estate-desk-") as folder:
                pdf = Path(args.output) if args.output else Path(folder) / "四性检测报告.pdf"
                pages = four_properties_report.write_pdf(db, actor, inspection, pdf, clock=clock)
                if args.output:
                    print(say(f"PDF 报告（{pages} 页）：{pdf}", f"PDF report ({pages} pages): {pdf}"))
                if args.file:
                    document_id = four_properties_report.file_report(db, actor, inspection, pdf, clock=clock)
                    print(say(f"报告已归档为档案 #{document_id}", f"The report was filed as record #{document_id}"))
    finally:
        db.dispose()
    return EXIT_OK if inspection.ok else EXIT_PROBLEM


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    """The inspection commands."""
    inspect = sub.add_parser("inspect", help=say("电子档案检测（四性检测）", "checks of the electronic archive"))
    actions = inspect.add_subparsers(dest="inspect_command", metavar="CHECK", required=True)
    four = add(
        "four-properties",
        cmd_four_properties,
        say(
            "四性检测（DA/T 70）：真实性、完整性、可用性、安全性；有不通过项时退出码为 1",
            "the four-properties check (DA/T 70): authenticity, integrity, usability, security; exits 1 if an item failed",
        ),
        actions,
    )
    scope = four.add_mutually_exclusive_group()
    scope.add_argument("--all", action="store_true", help=say("全部档案（默认）", "the whole archive (the default)"))
    scope.add_argument("--record", metavar="NO", help=say("一件档案的档号", "one record's archive number"))
    scope.add_argument(
        "--handover",
        metavar="BATCH",
        help=say("一个数字化批次（移交时检测）", "a digitisation batch, at its hand-over"),
    )
    four.add_argument("-o", "--output", metavar="FILE.pdf", help=say("PDF 报告", "the report as PDF"))
    four.add_argument(
        "--xlsx", metavar="FILE.xlsx", help=say("Excel 报告（全部检测项）", "the report as .xlsx (every item)")
    )
    four.add_argument(
        "--file",
        action="store_true",
        help=say("把 PDF 报告登记为一件档案（行政文件资料）", "file the PDF report as a record (administrative)"),
    )
    four.add_argument("--user", help=user_help())
