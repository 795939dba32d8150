"""Qt's own strings the application shows (file dialogs, message-box buttons, the context menu of
a text field, the print dialog) are Indonesian in the Indonesian interface, and English in the
English one."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ovop_desktop.ui import i18n
from tests.conftest import ROOT

QT_TS = ROOT / "resources" / "translations" / "qtbase_id.ts"


def test_every_qt_string_has_its_indonesian() -> None:
    messages = ET.parse(QT_TS).getroot().iter("message")
    unfinished = [
        m.findtext("source")
        for m in messages
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
    ]
    assert unfinished == []


@pytest.mark.parametrize(
    ("context", "source", "expected"),
    [
        ("QPlatformTheme", "Cancel", "Batal"),
        ("QPlatformTheme", "&Yes", "&Ya"),
        ("QFileDialog", "File &name:", "&Nama berkas:"),
        ("QLineEdit", "&Paste", "&Tempel"),
        # Its page setup (Properti of the print dialog: a printer's own dialog, not offscreen).
        ("QPageSetupWidget", "Portrait", "Tegak"),
        ("QPageSetupWidget", "Landscape", "Mendatar"),
    ],
)
def test_qt_strings_follow_the_interface_language(
    indonesian: str, context: str, source: str, expected: str
) -> None:
    assert QCoreApplication.translate(context, source) == expected


def test_the_dialog_buttons_and_file_dialog_speak_indonesian(
    qtbot: QtBot, qapp: QApplication, indonesian: str
) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(buttons)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel is not None and cancel.text() == "Batal"
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = QFileDialog(parent, "Simpan")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    assert dialog.labelText(QFileDialog.DialogLabel.FileName) == "&Nama berkas:"
    i18n.install(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


# Words Indonesian takes as they are (typographic units are names).
SAME_IN_BOTH = {"Printer", "OK", "Didot (DD)", "Pica (P̸)", "Cicero (CC)"}


def _texts(dialog: QDialog) -> set[str]:
    """What the dialog shows in words: its title, buttons, labels, group and tab titles."""
    texts = {dialog.windowTitle()}
    for widget in dialog.findChildren(QWidget):
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QTabWidget):
            texts |= {widget.tabText(i) for i in range(widget.count())}
        elif isinstance(widget, QComboBox) and widget.objectName() != "pageSizeCombo":
            texts |= {widget.itemText(i) for i in range(widget.count())}
    return {text for text in texts if re.search("[A-Za-z]{2}", text)} - SAME_IN_BOTH


def test_the_print_dialog_speaks_indonesian(qapp: QApplication, indonesian: str) -> None:
    """The letter is printed through Qt's own print dialog (kit/pdf_preview.PdfPrinter)."""
    shown: dict[str, set[str]] = {}
    printer = QPrinter()  # outlives the dialogs, which use it
    for language in ("en", "id"):
        i18n.install(qapp, language)
        dialog = QPrintDialog(printer)
        shown[language] = _texts(dialog)
        dialog.deleteLater()
    i18n.install(qapp, "id")
    assert len(shown["en"]) > 10
    assert shown["id"] & shown["en"] == set()
