"""Number fields that show "—" for "not filled in" (a spin box at its minimum with special value
text) take typing at once: a digit typed over the dash replaces it, wherever the cursor is.

Qt would insert the digit beside the dash ("—2"), find the text invalid and drop the key: the
officer saw typed digits vanish unless the field was entered by Tab or with Ctrl+A first.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QSpinBox, QWidget

STARTS_A_NUMBER = frozenset("0123456789-,.")


class _TypeOverBlank(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            spin = watched if isinstance(watched, QAbstractSpinBox) else watched.parent()
            if (
                isinstance(spin, QSpinBox | QDoubleSpinBox)
                and spin.specialValueText()
                and spin.value() == spin.minimum()
                and event.text()
                and event.text()[0] in STARTS_A_NUMBER
            ):
                spin.lineEdit().selectAll()  # the key replaces the dash
        return False


def accept_typing_over_blanks(root: QWidget) -> None:
    """Let every blank-able number field under `root` take a typed number at once."""
    watcher = _TypeOverBlank(root)
    for spin in root.findChildren(QAbstractSpinBox):
        if isinstance(spin, QSpinBox | QDoubleSpinBox) and spin.specialValueText():
            spin.installEventFilter(watcher)
            spin.lineEdit().installEventFilter(watcher)
