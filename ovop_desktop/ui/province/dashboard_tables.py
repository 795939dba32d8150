"""The dashboard's tables as one small read-only model of prepared cells, the filter of the
villages not yet surveyed (by kabupaten/kota and typed words), and the text helpers the
dashboard's parts share.

The page prepares every cell's text once (in the interface language); the model only looks
them up, so that sorting and filtering follow each keystroke.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from ovop_desktop.core.text import search_key
from ovop_desktop.ui.kit.table_model import (
    ID_ROLE,
    LEFT,
    RIGHT,
    SORT_ROLE,
    ModelIndex,
    ReadOnlyTableModel,
)

KEY_ROLE = ID_ROLE  # the row's group (a kabupaten/kota code), on every cell


@dataclass(frozen=True)
class Cell:
    """What a cell shows; `sort` orders it (its folded text when None); numbers align right."""

    text: str
    sort: int | float | str | None = None
    tooltip: str = ""
    number: bool = False


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]
    key: str = ""
    muted: bool = False  # a placeholder row, such as "no candidate assessed yet"

    @property
    def haystack(self) -> str:
        return "\n".join(search_key(cell.text) for cell in self.cells)


class CellTableModel(ReadOnlyTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_headers(headers)
        self._rows: list[Row] = []
        self._haystacks: list[str] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._haystacks = [row.haystack for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def haystack(self, row: int) -> str:
        return self._haystacks[row]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._headers):
            return None
        row = self._rows[index.row()]
        cell = row.cells[index.column()] if index.column() < len(row.cells) else Cell("")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or cell.text or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if cell.number else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and row.muted:
            return Qt.GlobalColor.darkGray
        if role == SORT_ROLE:
            return search_key(cell.text) if cell.sort is None else cell.sort
        if role == KEY_ROLE:
            return row.key
        return None


class GroupFilterProxy(QSortFilterProxyModel):
    """Rows of one group (None: all) whose cells hold every typed word, sorted by SORT_ROLE."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._group: str | None = None
        self._words: tuple[str, ...] = ()

    def set_group(self, group: str | None) -> None:
        if group != self._group:
            self.beginFilterChange()
            self._group = group
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        words = tuple(search_key(text).split())
        if words != self._words:
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, CellTableModel):
            return True
        if self._group is not None and model.row_at(source_row).key != self._group:
            return False
        haystack = model.haystack(source_row)
        return all(word in haystack for word in self._words)
