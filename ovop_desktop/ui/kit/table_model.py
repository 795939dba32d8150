"""What every read-only table model of the window shares: its roles, its named headers with their
tooltips, flat rows that cannot be edited, and the alignments of numbers and stars.

A model names its columns once (`set_headers`), says how many rows it has (`row_total`) and
answers `data()`; counting, headers and flags come from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts: int, or folded text
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # the uuid.UUID (or key) of the row's record, every cell
OWNER_ID_ROLE = Qt.ItemDataRole.UserRole + 3  # the record it belongs to (a product's survey)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter  # numbers
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter  # stars, marks

ModelIndex = QModelIndex | QPersistentModelIndex

_READ_ONLY = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table whose cells can be selected but not edited, with a header per column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._header_tips: tuple[str, ...] = ()

    def set_headers(self, headers: Sequence[str], tips: Sequence[str] = ()) -> None:
        """The columns' titles and, optionally, a tooltip for each (the title's meaning)."""
        self._headers, self._header_tips = tuple(headers), tuple(tips)

    def row_total(self) -> int:
        """How many rows the table has (a subclass counts its records)."""
        raise NotImplementedError

    # Qt model interface

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section < len(self._header_tips):
            return self._header_tips[section] or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        return _READ_ONLY if index.isValid() else Qt.ItemFlag.NoItemFlags
