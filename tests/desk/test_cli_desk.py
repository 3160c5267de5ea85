"""``estate-desk desk …`` on the demo estate at the demo's moment (F2, F4, F6): the board as text with
both countdowns, the daily review, closing a day with its report, and the figures as .xlsx."""

from __future__ import annotations

import io
import logging
from typing import TYPE_CHECKING

import openpyxl
import pdfplumber
import pytest

from estate_desk.cli import desk as cli_desk
from estate_desk.cli.__main__ import main
from estate_desk.services.demo.estate import DEMO_PASSWORD

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock


@pytest.fixture(autouse=True)
def _demo_moment(monkeypatch: pytest.MonkeyPatch, clock: FakeClock) -> None:
    """The desk commands read the demo's 2026-11-23 09:00, not the machine's clock."""
    monkeypatch.setattr(cli_desk, "desk_clock", lambda: clock)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")


def run(capsys, monkeypatch, url: URL, *args: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", DEMO_PASSWORD)
    code = main(["--database", url.render_as_string(hide_password=False), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_f4_desk_board_prints_both_countdowns_most_urgent_first(demo_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, monkeypatch, demo_url, "desk", "board", "--user", "desk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "工单看板 2026-11-23 09:00:00"
    assert lines[2].split()[:4] == ["✓00:40", "超时1天", "red", "GD20261120-001"]
    repeat = next(line for line in lines if "GD20261123-001" in line)
    assert repeat.split()[:3] == ["+02:00", "1天23小时55分", "red"]  # mm:ss counting up once breached
    lift = next(line for line in lines if "GD20261123-003" in line)
    assert lift.split()[:3] == ["00:30", "1天23小时58分", "amber"]
    assert lines[-1] == "共 10 张未办结"
    code, out, _ = run(capsys, monkeypatch, demo_url, "desk", "board", "--kind", "complaint", "--user", "desk")
    assert out.splitlines()[-1] == "共 2 张未办结" and "（待回访）" in out


def test_f6_desk_review_lists_the_day_and_what_keeps_it_open(demo_url: URL, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, monkeypatch, demo_url, "desk", "review", "--date", "2026-11-22", "--user", "desk")
    assert code == 1  # blockers: the day cannot be closed yet
    assert out.startswith("日清日审 2026-11-22")
    assert "不能日清的原因（2）" in out and "[今日未跟进并告知业主]" in out
    assert "注意：2026-11-22 尚未日清" in out
    code, out, _ = run(capsys, monkeypatch, demo_url, "desk", "review", "--date", "2026-11-20", "--user", "desk")
    assert code == 0 and "已日清：陈主管" in out
    code, _, err = run(capsys, monkeypatch, demo_url, "desk", "review", "--date", "22/11/2026", "--user", "desk")
    assert code == 1 and "YYYY-MM-DD" in err


def test_f6_close_day_refuses_until_allowed_then_writes_the_report(  # type: ignore[no-untyped-def]
    demo_url: URL, tmp_path: Path, capsys, monkeypatch, caplog
) -> None:
    caplog.set_level(logging.INFO, logger="estate_desk.cli")
    out_pdf = tmp_path / "日清-20261122.pdf"
    args = ("desk", "close-day", "--date", "2026-11-22", "-o", str(out_pdf))
    code, _, err = run(capsys, monkeypatch, demo_url, *args, "--user", "super")
    assert code == 1 and "尚不能日清" in err and "F6" not in err and not out_pdf.exists()
    assert any(r.getMessage().startswith("refused: [F6] ") for r in caplog.records)  # the rule goes to the log
    code, _, err = run(capsys, monkeypatch, demo_url, *args, "--record-omissions", "--user", "desk")
    assert code == 1 and "只有主管可以日清" in err
    code, out, _ = run(capsys, monkeypatch, demo_url, *args, "--record-omissions", "--user", "super")
    assert code == 0 and "已日清 2026-11-22，遗漏 2 张" in out
    with pdfplumber.open(out_pdf) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "日清日审" in text and "2026-11-22" in text


def test_desk_figures_prints_the_table_and_exports_xlsx(  # type: ignore[no-untyped-def]
    demo_url: URL, tmp_path: Path, capsys, monkeypatch
) -> None:
    out_xlsx = tmp_path / "figures.xlsx"
    code, out, _ = run(
        capsys,
        monkeypatch,
        demo_url,
        "desk",
        "figures",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-23",
        "-o",
        str(out_xlsx),
        "--user",
        "desk",
    )
    assert code == 0
    arrival = next(line for line in out.splitlines() if line.startswith("三分钟到场率"))
    assert arrival.split()[1:] == ["3", "4", "75.0%"]
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert sheet is not None and sheet.cell(2, 1).value == "受理工单" and sheet.cell(2, 2).value == 10
    code, _, err = run(
        capsys, monkeypatch, demo_url, "desk", "figures", "--from", "2026-11-23", "--to", "2026-11-01", "--user", "desk"
    )
    assert code == 1 and "结束日期不能早于开始日期" in err
