"""Guards against known defects of the pinned Qt binding.

PySide6 6.12.0 drops a reference to None each time a QVariant holding no value comes back to
Python (QComboBox.currentData() on an item without data, an unset item role...). On Python 3.11
None is not immortal, so an officer's session crashed after a few thousand such reads
("none_dealloc"). 6.11.3 is pinned for that reason; this test fails on a binding that has it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableWidgetItem


def test_reading_empty_qt_values_keeps_none_alive(qapp: QApplication) -> None:
    combo = QComboBox()
    combo.addItem("—", None)
    item = QTableWidgetItem("Siti")
    before = sys.getrefcount(None)
    for _ in range(500):
        assert combo.currentData() is None
        assert item.data(Qt.ItemDataRole.UserRole) is None
    assert sys.getrefcount(None) >= before - 50  # other code may release a few; not 1,000
