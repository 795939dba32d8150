"""Filling a picker again (after a reload) without losing what the user had chosen."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


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
