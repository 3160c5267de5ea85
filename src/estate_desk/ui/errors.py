"""Showing problems to the user: a clear message in their language; the rule id and the traceback only in the log."""

from __future__ import annotations

import logging
import sys
from typing import TYPE_CHECKING

from estate_desk import paths
from estate_desk.domain.errors import UserError
from estate_desk.ui import i18n
from estate_desk.ui.qt import QCoreApplication, QMessageBox, QWidget

if TYPE_CHECKING:
    from types import TracebackType

log = logging.getLogger(__name__)


def show_problem(parent: QWidget | None, exc: UserError, title: str | None = None) -> None:
    """The message in the user's language; the rule that decided it goes to the log."""
    log.info("refused: %s", exc.log_text())
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("Errors", "Estate Desk"),
        exc.message(i18n.lang_code()),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("problemBox")
    box.exec()


def unexpected_text() -> str:
    return QCoreApplication.translate(
        "Errors",
        "Something unexpected went wrong. Nothing you saved before was lost.\n"
        "The details were written to the log in {folder}.",
    ).format(folder=paths.log_dir())


def install_excepthook() -> None:
    """Unhandled errors in slots: a UserError is explained; anything else is logged and summarised."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, UserError):
            show_problem(None, exc)
            return
        log.error("unexpected error", exc_info=(kind, exc, tb))
        QMessageBox.critical(None, QCoreApplication.translate("Errors", "Estate Desk"), unexpected_text())

    sys.excepthook = hook
