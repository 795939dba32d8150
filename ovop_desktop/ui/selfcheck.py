"""The Qt side of the self-test (`ovop selftest`), and the hidden `--quit-after-ms` start used
by the packaging smoke run: both check an installation, not a user's work."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow

from ovop_desktop.paths import translations_dir

# A string of the main window and its Indonesian (resources/translations/ovop_id.ts).
PROBE_CONTEXT = "MainWindow"
PROBE_SOURCE = "Assessment & Ranking"
PROBE_INDONESIAN = "Penilaian & Peringkat"


class TranslationMissingError(Exception):
    """The Indonesian translation cannot be loaded or does not translate the window."""


def check_translation() -> str:
    """Load ovop_id.qm and qtbase_id.qm as the application does, and translate one string."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    folder = str(translations_dir())
    translator = QTranslator(app)
    if not translator.load("ovop_id", folder):
        raise TranslationMissingError(f"ovop_id.qm cannot be loaded from {folder}")
    shown = translator.translate(PROBE_CONTEXT, PROBE_SOURCE)
    if shown != PROBE_INDONESIAN:
        raise TranslationMissingError(f"'{PROBE_SOURCE}' translates to '{shown}'")
    if not QTranslator(app).load("qtbase_id", folder):
        raise TranslationMissingError(f"qtbase_id.qm cannot be loaded from {folder}")
    return f"'{PROBE_SOURCE}' → '{shown}' (ovop_id.qm, qtbase_id.qm)"


def quit_after(milliseconds: int) -> None:
    """Make the application (about to start) describe its main window on standard output, close
    it and quit after `milliseconds`: an offscreen start a script can check."""
    app = QApplication.instance() or QApplication(sys.argv)
    QTimer.singleShot(milliseconds, app, _describe_and_quit)


def window_summary() -> list[str]:
    """The title and navigation entries of every main window, as a user would read them."""
    lines = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            lines.append(f"window: {widget.windowTitle()}")
            for navigation in widget.findChildren(QListWidget, "navigation"):
                entries = [navigation.item(row).text() for row in range(navigation.count())]
                lines.append(f"navigation: {' | '.join(entries)}")
    return lines


def _describe_and_quit() -> None:
    if sys.stdout is not None:  # a windowed program on Windows has no standard output
        for line in window_summary() or ["window: (none open)"]:
            print(line, flush=True)
    for widget in QApplication.topLevelWidgets():
        widget.close()
    QApplication.quit()
