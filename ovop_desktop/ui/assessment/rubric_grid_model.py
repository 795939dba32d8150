"""The table behind the rubric grid: one row per criterion, a column per level 1–5.

Built from the rubric's data only, so a new rubric version with other criteria or texts needs no
code change. Each cell carries an accessible name for screen readers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ovop_desktop.core.rubric import LEVELS, Criterion, Rubric
from ovop_desktop.ui.assessment.rubric_text import criterion_name, descriptor_text, group_name

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1
CHOSEN_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 3

NAME_COLUMN = 0

Index = QModelIndex | QPersistentModelIndex


class RubricGridModel(QAbstractTableModel):
    """Empty (no rows) until it has a rubric."""

    def __init__(self, rubric: Rubric | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rubric = rubric
        self._criteria: tuple[Criterion, ...] = rubric.criteria if rubric else ()
        self._levels: dict[str, int | None] = {c.id: None for c in self._criteria}
        self._flagged: frozenset[str] = frozenset()

    # --- content ---------------------------------------------------------------------------

    @property
    def rubric(self) -> Rubric | None:
        return self._rubric

    def set_rubric(self, rubric: Rubric) -> None:
        self.beginResetModel()
        self._rubric = rubric
        self._criteria = rubric.criteria
        self._levels = dict.fromkeys(rubric.criterion_ids)
        self._flagged = frozenset()
        self.endResetModel()

    def criterion(self, row: int) -> Criterion:
        return self._criteria[row]

    def row_of(self, criterion_id: str) -> int:
        return [c.id for c in self._criteria].index(criterion_id)

    def levels(self) -> dict[str, int | None]:
        return dict(self._levels)

    def level(self, row: int) -> int | None:
        return self._levels[self.criterion(row).id]

    def set_levels(self, levels: Mapping[str, int | None]) -> None:
        self._levels = {c.id: levels.get(c.id) for c in self._criteria}
        self._changed_rows(0, self.rowCount() - 1)

    def set_level(self, row: int, level: int | None) -> bool:
        """Set one row's level; False when it already had it."""
        criterion_id = self.criterion(row).id
        if self._levels[criterion_id] == level:
            return False
        self._levels[criterion_id] = level
        self._changed_rows(row, row)
        return True

    def set_flagged(self, criteria: Iterable[str]) -> None:
        self._flagged = frozenset(criteria) & frozenset(self._levels)
        self._changed_rows(0, self.rowCount() - 1)

    def flagged(self) -> frozenset[str]:
        return self._flagged

    def _changed_rows(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(LEVELS)))

    # --- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._criteria)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else 1 + len(LEVELS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == NAME_COLUMN:
                return self.tr("Criterion")
            return self.tr("Level %1").replace("%1", str(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        criterion = self.criterion(index.row())
        column = index.column()
        chosen = self._levels[criterion.id]
        if role == CRITERION_ROLE:
            return criterion
        if role == CHOSEN_LEVEL_ROLE:
            return chosen
        if role == FLAGGED_ROLE:
            return criterion.id in self._flagged
        if column == NAME_COLUMN:
            return self._name_data(criterion, chosen, role)
        text = descriptor_text(criterion.descriptor(column))
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Level %1: %2").replace("%1", str(column)).replace("%2", text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("chosen") if chosen == column else self.tr("not chosen")
            return (
                self.tr("%1 %2, level %3, %4: %5")
                .replace("%1", criterion.id)
                .replace("%2", criterion_name(criterion))
                .replace("%3", str(column))
                .replace("%4", state)
                .replace("%5", text)
            )
        return None

    def _name_data(self, criterion: Criterion, chosen: int | None, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return criterion_name(criterion)
        if role not in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        assert self._rubric is not None  # rows exist only with a rubric
        group = self._rubric.group(criterion.group)
        parts = [
            f"{criterion.id} {criterion_name(criterion)}",
            self.tr("Group %1 (%2), weight %3")
            .replace("%1", group.id)
            .replace("%2", group_name(group))
            .replace("%3", str(criterion.weight)),
            self.tr("Level %1").replace("%1", str(chosen))
            if chosen is not None
            else self.tr("Not assessed"),
        ]
        if criterion.id in self._flagged:
            parts.append(self.flag_text())
        return ("\n" if role == Qt.ItemDataRole.ToolTipRole else ", ").join(parts)

    def flag_text(self) -> str:
        return self.tr("The two assessments differ by 2 levels or more on this criterion.")
