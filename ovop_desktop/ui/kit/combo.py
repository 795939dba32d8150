"""Drop-down lists: filled again (after a reload) without losing what the user had chosen, and
chosen by typing a word of an item."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QWidget

from ovop_desktop.core.text import search_key


def refill_combo(combo: QComboBox, items: Iterable[tuple[str, object]], *, keep: int = 1) -> bool:
    """Replace the items after the first `keep` with `items` (text, data), signals blocked, and
    choose again the item whose data was chosen, else the first. True when the choice survived
    (or there was none)."""
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    while combo.count() > keep:
        combo.removeItem(keep)
    for text, data in items:
        combo.addItem(text, data)
    found = combo.findData(chosen) if chosen is not None else 0
    combo.setCurrentIndex(max(found, 0))
    combo.blockSignals(blocked)
    return found >= 0


class _TypeToChoose(QObject):
    """Typed letters choose the first item one of whose words starts with them ("ker" chooses
    "Gerabah / keramik / batu"), the typed text growing while keys come within a second."""

    PAUSE_MS = 1000

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.typed = ""
        self.clock = QElapsedTimer()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not (isinstance(watched, QComboBox) and event.type() == QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        text = event.text()
        if (
            not text
            or not text.isprintable()
            or event.modifiers()
            & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        ):
            return False
        if not self.clock.isValid() or self.clock.elapsed() > self.PAUSE_MS:
            self.typed = ""
        self.clock.restart()
        self.typed += text
        found = choice_for(watched, self.typed)
        if found is not None:
            watched.setCurrentIndex(found)
        return True  # Qt's own search would match the first letter of the whole text only


def choice_for(combo: QComboBox, typed: str) -> int | None:
    """The first item a word of which starts with `typed` (case and accents aside); the whole
    text's start wins over a later word's."""
    wanted = search_key(typed)
    if not wanted:
        return None
    later: int | None = None
    for index in range(combo.count()):
        text = search_key(combo.itemText(index))
        if text.startswith(wanted):
            return index
        if later is None and any(word.startswith(wanted) for word in text.split()):
            later = index
    return later


def type_to_choose(root: QWidget) -> None:
    """Every drop-down list under `root` (not the editable ones) chooses by typed words."""
    watcher = _TypeToChoose(root)
    for combo in root.findChildren(QComboBox):
        if not combo.isEditable():
            combo.installEventFilter(watcher)
