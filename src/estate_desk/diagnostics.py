"""``estate-desk check``: what this installation has, and whether the archive is ready.

It sits beside the CLI (not in services/) because it also asks Qt which fonts it sees.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from estate_desk import __version__, paths
from estate_desk.domain.errors import UserError


@dataclass(frozen=True)
class CheckLine:
    label: str
    value: str
    ok: bool = True


def _qt_lines(lang: str) -> list[CheckLine]:
    zh = lang == "zh"
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display: never let Qt abort looking for xcb
    try:
        from estate_desk.resources import resource_path
        from estate_desk.ui import fonts as ui_fonts
        from estate_desk.ui import i18n
        from estate_desk.ui.qt import QApplication, QGuiApplication

        app = QApplication.instance() or QApplication(["estate-desk-check"])
        families = ui_fonts.register_bundled_fonts()
        lines = [CheckLine("Qt 平台" if zh else "Qt platform", QGuiApplication.platformName())]
        lines.append(
            CheckLine(
                "界面字体" if zh else "UI fonts",
                ", ".join(families) or ("未找到" if zh else "none found"),
                bool(families),
            )
        )
        translated = i18n.install(app, "zh_CN")
        lines.append(
            CheckLine(
                "界面翻译 zh_CN" if zh else "Translation zh_CN",
                str(resource_path("translations", "estate_desk_zh_CN.qm"))
                if translated
                else ("缺失" if zh else "missing"),
                translated,
            )
        )
        return lines
    except Exception as exc:  # Qt missing or broken: report, don't crash the check
        return [CheckLine("Qt", f"{type(exc).__name__}: {exc}", False)]


def _print_font_lines(lang: str) -> list[CheckLine]:
    zh = lang == "zh"
    try:
        from estate_desk.printing.fonts import font_report
    except ImportError as exc:
        return [CheckLine("打印字体" if zh else "Print fonts", str(exc), False)]
    report = font_report()
    lines = []
    for name, where in report:
        missing = where == "missing"
        optional = "optional" in name or "SimHei" in name
        lines.append(CheckLine(("打印字体 " if zh else "Print font ") + name, where, ok=not missing or optional))
    return lines


def _migration_lines(lang: str) -> list[CheckLine]:
    """Where the database migrations (数据库升级脚本) were found, and how many there are."""
    from estate_desk.resources import migrations_dir

    label = "数据库升级脚本" if lang == "zh" else "Migrations"
    try:
        folder = migrations_dir()
    except FileNotFoundError as exc:
        return [CheckLine(label, str(exc), False)]
    count = len(list((folder / "versions").glob("[0-9]*.py")))
    return [CheckLine(label, f"{folder} ({count})", (folder / "env.py").is_file() and count > 0)]


def _database_lines(database: str | None, lang: str) -> list[CheckLine]:
    from estate_desk.store.database import RevisionStatus, mask_url, resolve_url, revision_state

    zh = lang == "zh"
    try:
        url = resolve_url(database)
    except UserError as exc:
        return [CheckLine("数据库" if zh else "Database", exc.message(lang), False)]
    lines = [CheckLine("数据库" if zh else "Database", mask_url(url))]
    try:
        state = revision_state(url)
    except UserError as exc:
        return [*lines, CheckLine("数据库版本" if zh else "Revision", exc.message(lang), False)]
    fine = state.status in (RevisionStatus.CURRENT, RevisionStatus.EMPTY, RevisionStatus.BEHIND)
    text = {
        RevisionStatus.CURRENT: ("已是最新", "current"),
        RevisionStatus.EMPTY: ("空数据库，首次启动时创建", "empty; created at first start"),
        RevisionStatus.BEHIND: ("较旧，打开时将自动升级", "older; upgraded when opened"),
        RevisionStatus.NEWER: ("由更新版本创建，不能打开", "written by a newer version; cannot open"),
        RevisionStatus.FOREIGN: ("不是 Estate Desk 数据库", "not an Estate Desk database"),
    }[state.status]
    detail = f"{state.current or '-'} / head {state.head} — {text[0] if zh else text[1]}"
    return [*lines, CheckLine("数据库版本" if zh else "Revision", detail, fine)]


def run_checks(database: str | None, lang: str = "en") -> list[CheckLine]:
    from estate_desk.store import attachment_home

    zh = lang == "zh"
    lines = [CheckLine("版本" if zh else "Version", __version__), CheckLine("Python", sys.version.split()[0])]
    lines += _qt_lines(lang)
    lines += _print_font_lines(lang)
    lines += _migration_lines(lang)
    lines += _database_lines(database, lang)
    for label_zh, label_en, folder in (
        ("数据文件夹", "Data folder", paths.data_dir()),
        ("配置文件夹", "Config folder", paths.config_dir()),
        ("日志文件夹", "Log folder", paths.log_dir()),
        ("附件文件夹", "Attachment folder", attachment_home.configured_folder()),
    ):
        lines.append(CheckLine(label_zh if zh else label_en, str(folder)))
    return lines
