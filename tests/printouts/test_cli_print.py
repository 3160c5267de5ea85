"""``estate-desk print``: every registered printout from the command line, the same file as the window's."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

import pdfplumber
import pytest

from estate_desk.cli.__main__ import main
from estate_desk.services.archive import browse, cabinets
from estate_desk.services.demo.estate import DEMO_PASSWORD
from estate_desk.services.printouts import registry as printouts
from estate_desk.services.printouts.kinds import Printout, PrintResult, Scope, Selection

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def run(capsys, monkeypatch, url: URL, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    code = main(["--database", url.render_as_string(hide_password=False), *args])
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def test_print_labels_makes_the_same_file_as_the_service(  # type: ignore[no-untyped-def]
    demo_url: URL, demo_db: Database, demo_clerk, clock: FakeClock, tmp_path: Path, capsys, monkeypatch
) -> None:
    cabinet = next(c for c in cabinets.cabinets(demo_db, demo_clerk) if c.boxes)
    options = {"spine": "spine", "start": "3"}
    service = tmp_path / "service.pdf"
    made = printouts.printout("labels").render(
        demo_db, clock, demo_clerk, Selection(cabinet_id=cabinet.id, options=options), service
    )
    cli = tmp_path / "cli.pdf"
    code, out, err = run(
        capsys, monkeypatch, demo_url, "print", "labels", "--cabinet", cabinet.code,
        "--option", "spine=spine", "--option", "start=3", "-o", str(cli), "--user", "clerk",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert f"{made.items} item(s), {made.pages} page(s)" in out
    assert pdf_text(cli) == pdf_text(service)


def test_print_labels_takes_boxes_and_box_ranges(  # type: ignore[no-untyped-def]
    demo_url: URL, demo_db: Database, demo_clerk, tmp_path: Path, capsys, monkeypatch
) -> None:
    codes = sorted(b.code for b in browse.boxes(demo_db, demo_clerk) if "-YZ-" in b.code)
    assert len(codes) >= 3
    out = tmp_path / "range.pdf"
    code, said, _ = run(
        capsys, monkeypatch, demo_url, "print", "labels", "--box", f"{codes[0]}..{codes[2]}",
        "--box", codes[0], "--option", "format=thermal", "-o", str(out), "--user", "clerk",
    )  # fmt: skip
    assert code == 0 and "3 item(s), 3 page(s)" in said
    assert [codes[n] in page for n, page in enumerate(pdf_text(out))] == [True, True, True]


def test_print_refuses_unknown_codes_and_options_with_a_message(  # type: ignore[no-untyped-def]
    demo_url: URL, tmp_path: Path, capsys, monkeypatch
) -> None:
    out = tmp_path / "x.pdf"
    code, _, err = run(
        capsys, monkeypatch, demo_url, "print", "labels", "--box", "NOPE", "-o", str(out), "--user", "clerk"
    )
    assert code == 1 and "No box with code NOPE" in err
    code, _, err = run(
        capsys, monkeypatch, demo_url, "print", "labels", "--year", "2024", "--option", "start", "-o", str(out),
        "--user", "clerk",
    )  # fmt: skip
    assert code == 1 and "NAME=VALUE" in err
    code, _, err = run(
        capsys, monkeypatch, demo_url, "print", "labels", "--cabinet", "G99", "-o", str(out), "--user", "clerk"
    )
    assert code == 1 and "No cabinet G99" in err
    assert not out.exists()


def test_every_registered_printout_is_a_subcommand_without_editing_the_cli(  # type: ignore[no-untyped-def]
    demo_url: URL, tmp_path: Path, capsys, monkeypatch
) -> None:
    """A provider that registers a printout gets ``estate-desk print KEY`` with its scopes' options."""
    calls: list[Selection] = []

    def render(db, clock, actor, selection, out, *, progress=None, cancelled=None) -> PrintResult:  # type: ignore[no-untyped-def]
        calls.append(selection)
        Path(out).write_bytes(b"%PDF-1.4\n")
        return PrintResult(Path(out), 1, 7)

    dummy = Printout("daily-test", "测试日报", "Test daily", frozenset({Scope.DATE, Scope.CATEGORY}), render, render)
    printouts.printouts()  # the real providers first
    monkeypatch.setitem(printouts.REGISTRY, dummy.key, dummy)
    out = tmp_path / "daily.xlsx"
    code, said, _ = run(
        capsys, monkeypatch, demo_url, "print", "daily-test", "--date", "2026-11-23", "--category", "yz",
        "--xlsx", "-o", str(out), "--user", "clerk",
    )  # fmt: skip
    assert code == 0 and out.is_file() and "7 item(s), 1 page(s)" in said
    assert calls == [Selection(category_code="YZ", day="2026-11-23")]
    with pytest.raises(SystemExit):  # labels take no --date: its scopes decide the options
        main(["print", "labels", "--date", "2026-11-23", "-o", str(out)])
    capsys.readouterr()
    for key in ("labels", *(p.key for p in printouts.printouts())):
        with pytest.raises(SystemExit) as shown:
            main(["print", key, "--help"])
        assert shown.value.code == 0
    assert "daily-test" in capsys.readouterr().out
