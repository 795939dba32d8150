"""The two kinds of error: expected trouble gets a plain message, a bug gets the crash dialog.

Bugs are logged with their traceback; `faulthandler` writes hard crashes to a log that the next
start offers to show.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtWidgets import QApplication, QWidget

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import error_text

log = logging.getLogger(__name__)
_fault_file: IO[str] | None = None


def install(crash_log: Path) -> str | None:
    """Route uncaught exceptions to the crash dialog and enable faulthandler.

    Returns the previous crash log's text when the last run died hard, so it can be offered.
    """
    global _fault_file
    previous = None
    if crash_log.exists() and crash_log.stat().st_size > 0:
        previous = crash_log.read_text(encoding="utf-8", errors="replace")
        crash_log.replace(crash_log.with_suffix(".previous.log"))
    crash_log.parent.mkdir(parents=True, exist_ok=True)
    _fault_file = crash_log.open("w", encoding="utf-8")
    faulthandler.enable(_fault_file)
    sys.excepthook = _excepthook
    return previous


def uninstall() -> None:
    """Called at a clean exit: an empty crash log means the run ended well."""
    global _fault_file
    if _fault_file is not None:
        faulthandler.disable()
        name = _fault_file.name
        _fault_file.close()
        Path(name).unlink(missing_ok=True)
        _fault_file = None
    sys.excepthook = sys.__excepthook__


def report_text(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return f"OVOP Desktop {__version__}, Python {sys.version.split()[0]}\n\n" + "".join(lines)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if isinstance(exc, DomainError):
        show_expected(None, exc)
        return
    log.critical("Uncaught exception", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None:
        dialogs.crash_dialog(None, report_text(exc_type, exc, tb))


def show_expected(parent: QWidget | None, exc: DomainError) -> None:
    """An error the user can act on: its message, no traceback."""
    dialogs.error(parent, error_text(exc))
