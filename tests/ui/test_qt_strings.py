"""Qt's own strings the application shows (file dialogs, message-box buttons, the context menu of
a text field) are Indonesian in the Indonesian interface, and English in the English one."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QWidget
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
