"""Every message box of the application, in one small module that tests can patch.

Dialogs are opened non-blocking (`open()`), except where the caller cannot continue without an
answer. With no screen to show them on (the offscreen platform of tests and CI) the message is
logged instead, so that nothing waits for a click that cannot come.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)


def _headless() -> bool:
    return QGuiApplication.platformName() in ("offscreen", "minimal")


def error(parent: QWidget | None, text: str) -> None:
    if _headless():
        log.warning("error dialog: %s", text)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QApplication.translate("Dialogs", "OVOP Desktop"),
        text,
        parent=parent,
    )
    box.addButton(QApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.open()


def fatal(text: str) -> None:
    """A message before the main window exists; the application stops after it."""
    if _headless():
        log.error("%s", text)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, QApplication.translate("Dialogs", "OVOP Desktop"), text
    )
    box.addButton(QApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def crash_dialog(parent: QWidget | None, report: str) -> None:
    if _headless():
        log.error("crash report:\n%s", report)
        return
    dialog = QDialog(parent)
    dialog.setWindowTitle(QApplication.translate("Dialogs", "OVOP Desktop: unexpected error"))
    layout = QVBoxLayout(dialog)
    text = QPlainTextEdit(report, readOnly=True)
    layout.addWidget(text)
    buttons = QDialogButtonBox()
    copy = buttons.addButton(
        QApplication.translate("Dialogs", "Copy report"), QDialogButtonBox.ButtonRole.ActionRole
    )
    close = buttons.addButton(
        QApplication.translate("Dialogs", "Close"), QDialogButtonBox.ButtonRole.RejectRole
    )
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(report))
    close.clicked.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(640, 420)
    dialog.open()
