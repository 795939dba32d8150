"""Every message box of the application, in one small module that tests can patch.

Dialogs are opened non-blocking (`open()`), except where the caller cannot continue without an
answer. In headless mode, which only the tests switch on (`set_headless`, or the environment
variable OVOP_HEADLESS_DIALOGS=1 for the application processes that tests start), the error,
fatal and crash messages are recorded in `shown` and logged instead of opened, so that nothing
waits for a click that cannot come and a test can see what would have been shown.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)

HEADLESS_ENV = "OVOP_HEADLESS_DIALOGS"


@dataclass(frozen=True)
class Shown:
    """A message that headless mode recorded instead of showing."""

    kind: Literal["error", "fatal", "crash"]
    text: str


shown: list[Shown] = []
_headless = os.environ.get(HEADLESS_ENV) == "1"


def set_headless(on: bool) -> None:
    """Record error, fatal and crash messages in `shown` instead of opening them (tests only:
    the application never calls this). Switching clears the record."""
    global _headless
    _headless = on
    shown.clear()


def is_headless() -> bool:
    return _headless


# Parentless dialogs being shown: without a Python reference PySide deletes them at once.
_parentless: set[QDialog] = set()


def _open(dialog: QDialog) -> None:
    """Open `dialog` non-blocking; one without a parent (a crash before or outside the main
    window) is kept alive until it closes, then deleted."""
    if dialog.parent() is None:
        _parentless.add(dialog)

        def closed() -> None:
            _parentless.discard(dialog)
            dialog.deleteLater()

        dialog.finished.connect(closed)
    dialog.open()


def _record(kind: Literal["error", "fatal", "crash"], text: str) -> bool:
    """In headless mode, note the message and say so; otherwise the caller shows it."""
    if _headless:
        shown.append(Shown(kind, text))
    return _headless


def error(parent: QWidget | None, text: str) -> None:
    if _record("error", text):
        log.warning("error dialog: %s", text)
        return
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QApplication.translate("Dialogs", "OVOP Desktop"),
        text,
        parent=parent,
    )
    box.addButton(QApplication.translate("Dialogs", "OK"), QMessageBox.ButtonRole.AcceptRole)
    _open(box)


def fatal(text: str) -> None:
    """A message before the main window exists; the application stops after it."""
    if _record("fatal", text):
        log.error("%s", text)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical, QApplication.translate("Dialogs", "OVOP Desktop"), text
    )
    box.addButton(QApplication.translate("Dialogs", "Close"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def crash_dialog(parent: QWidget | None, report: str) -> None:
    if _record("crash", report):
        log.error("crash report:\n%s", report)
        return
    _open(build_crash_dialog(parent, report))


def build_crash_dialog(parent: QWidget | None, report: str) -> QDialog:
    """The dialog a bug shows: what happened, and a button that copies the report."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QApplication.translate("Dialogs", "OVOP Desktop: unexpected error"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        QApplication.translate(
            "Dialogs",
            "Something went wrong that OVOP Desktop did not expect. What you typed has been "
            "saved. Please copy this report and send it to whoever supports the application.",
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
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
    return dialog


def question(
    parent: QWidget,
    title: str,
    text: str,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
    on_no: Callable[[], None] | None = None,
    *,
    destructive: bool = False,
) -> QMessageBox:
    """Ask a yes/no question without blocking; the matching callback runs on the answer."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName("question")
    agree = box.addButton(
        yes,
        QMessageBox.ButtonRole.DestructiveRole
        if destructive
        else QMessageBox.ButtonRole.AcceptRole,
    )
    refuse = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(refuse if destructive else agree)

    def finished() -> None:
        if box.clickedButton() is agree:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(finished)
    box.open()
    return box


def confirm(
    parent: QWidget, title: str, text: str, yes: str, on_yes: Callable[[], None]
) -> QMessageBox:
    """Ask before something destructive; `on_yes` runs only when the user agrees."""
    return question(
        parent,
        title,
        text,
        yes,
        QApplication.translate("Dialogs", "Cancel"),
        on_yes,
        destructive=True,
    )


def ask_reason(parent: QWidget, title: str, text: str, on_reason: Callable[[str], None]) -> QDialog:
    """Ask for a written reason (a correction, a justification); empty answers are refused."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    label = QLabel(text)
    label.setWordWrap(True)
    reason = QPlainTextEdit()
    reason.setTabChangesFocus(True)
    buttons = QDialogButtonBox()
    ok = buttons.addButton(
        QApplication.translate("Dialogs", "OK"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    buttons.addButton(
        QApplication.translate("Dialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
    )
    ok.setEnabled(False)
    reason.textChanged.connect(lambda: ok.setEnabled(bool(reason.toPlainText().strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    for widget in (label, reason, buttons):
        layout.addWidget(widget)
    dialog.accepted.connect(lambda: on_reason(reason.toPlainText().strip()))
    dialog.resize(460, 220)
    dialog.open()
    return dialog


# The folder file dialogs start in: the last one used (kept by the window in the preferences,
# see `remember_folders`), else Documents.
_folder_memory: dict[str, Callable[..., Any]] = {}
_last_folder: list[str] = []


def remember_folders(load: Callable[[], str | None], save: Callable[[str], None]) -> None:
    """Keep the last folder used beyond this run: `load` gives it, `save` keeps a new one."""
    _folder_memory.update(load=load, save=save)
    _last_folder.clear()


def start_folder() -> str:
    """The last folder a file dialog used, if it still exists; else Documents, else home."""
    if not _last_folder and "load" in _folder_memory:
        kept = _folder_memory["load"]()
        if kept:
            _last_folder.append(kept)
    if _last_folder and Path(_last_folder[0]).is_dir():
        return _last_folder[0]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def _used(path: str, is_folder: bool = False) -> None:
    folder = path if is_folder else str(Path(path).parent)
    _last_folder[:] = [folder]
    if "save" in _folder_memory:
        with contextlib.suppress(OSError):
            _folder_memory["save"](folder)


def _remembering(on_path: Callable[[str], None], is_folder: bool = False) -> Callable[[str], None]:
    def chosen(path: str) -> None:
        _used(path, is_folder)
        on_path(path)

    return chosen


def open_files(
    parent: QWidget, title: str, name_filter: str, on_files: Callable[[list[str]], None]
) -> None:
    """Pick files without blocking; `on_files` gets the chosen paths (not called on cancel)."""
    dialog = QFileDialog(parent, title, start_folder())
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    dialog.setNameFilter(name_filter)

    def chosen(files: list[str]) -> None:
        if files:
            _used(files[0])
        on_files(list(files))

    dialog.filesSelected.connect(chosen)
    dialog.open()


def open_file(
    parent: QWidget, title: str, folder: str, name_filter: str, on_path: Callable[[str], None]
) -> None:
    """Pick one file, starting in `folder`, without blocking; `on_path` gets its path (not
    called on cancel)."""
    dialog = QFileDialog(parent, title, folder or start_folder())
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilter(name_filter)
    dialog.fileSelected.connect(_remembering(on_path))
    dialog.open()


def save_file(
    parent: QWidget,
    title: str,
    suggested_name: str,
    name_filter: str,
    on_path: Callable[[str], None],
    on_cancel: Callable[[], None] | None = None,
) -> None:
    """Ask where to save without blocking; `on_path` gets the chosen path, `on_cancel` (if
    given) runs when the user closes the dialog without choosing."""
    dialog = QFileDialog(parent, title, start_folder())
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilter(name_filter)
    suffix = suggested_name.rpartition(".")[2] if "." in suggested_name else ""
    if suffix:
        dialog.setDefaultSuffix(suffix)
    dialog.selectFile(suggested_name)
    dialog.fileSelected.connect(_remembering(on_path))
    if on_cancel is not None:
        dialog.rejected.connect(on_cancel)
    dialog.open()


def choose_folder(parent: QWidget, title: str, on_path: Callable[[str], None]) -> None:
    """Pick a folder without blocking; `on_path` gets it (not called on cancel)."""
    dialog = QFileDialog(parent, title, start_folder())
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.fileSelected.connect(_remembering(on_path, is_folder=True))
    dialog.open()
