"""The rubric grid assessors know from paper: criteria in rows, levels 1–5 in columns.

Keyboard first: Up/Down or Tab/Shift+Tab move between criteria, 1–5 choose a level and move on,
Left/Right step the chosen level, Delete or Backspace clears it. Clicking a cell chooses it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ovop_desktop.core.rubric import LEVELS, Rubric
from ovop_desktop.ui.assessment.rubric_grid_delegate import RubricGridDelegate, row_height
from ovop_desktop.ui.assessment.rubric_grid_model import NAME_COLUMN, RubricGridModel

NAME_COLUMN_WIDTH = 170
LEVEL_KEYS = {
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_4: 4,
    Qt.Key.Key_5: 5,
}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class RubricGrid(QTableView):
    """Emits `levelChosen(criterion_id, level or None)` for each choice the user makes and
    `currentCriterionChanged(criterion_id)` when another criterion gets the focus."""

    levelChosen = Signal(str, object)
    currentCriterionChanged = Signal(str)

    def __init__(self, rubric: Rubric | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = RubricGridModel(rubric, self)
        self._read_only = False
        self.setModel(self._model)
        self.setItemDelegate(RubricGridDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setWordWrap(False)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsClickable(False)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(56)
        self.setAccessibleName(self.tr("Rubric grid"))
        self.setAccessibleDescription(
            self.tr(
                "Up and Down move between criteria; 1 to 5 choose a level; Left and Right change "
                "it; Delete clears it."
            )
        )
        self._layout_sections()
        self._model.modelReset.connect(self._on_model_model_reset)
        if rubric is not None:
            self.set_current_criterion(rubric.criterion_ids[0])

    # --- public API ------------------------------------------------------------------------

    def rubric(self) -> Rubric | None:
        return self._model.rubric

    def set_rubric(self, rubric: Rubric) -> None:
        """Rebuild the rows from another rubric (version); levels and flags are cleared."""
        self._model.set_rubric(rubric)
        self.set_current_criterion(rubric.criterion_ids[0])

    def set_levels(self, levels: Mapping[str, int | None]) -> None:
        """Show these levels (criteria left out are unscored); emits no `levelChosen`."""
        self._model.set_levels(levels)
        self._sync_current_column()

    def levels(self) -> dict[str, int | None]:
        return self._model.levels()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.viewport().update()

    def is_read_only(self) -> bool:
        return self._read_only

    def set_flagged(self, criteria: Iterable[str]) -> None:
        """Mark criteria where assessors disagree (an orange bar and a tooltip)."""
        self._model.set_flagged(criteria)

    def flagged(self) -> frozenset[str]:
        return self._model.flagged()

    def current_criterion(self) -> str | None:
        if self._model.rowCount() == 0:
            return None
        return self._model.criterion(self._current_row()).id

    def set_current_criterion(self, criterion_id: str) -> None:
        self._move_to(self._model.row_of(criterion_id))

    def sizeHint(self) -> QSize:
        height = self.horizontalHeader().sizeHint().height()
        height += self._model.rowCount() * row_height(self.font()) + 2 * self.frameWidth()
        return QSize(880, height)

    def minimumSizeHint(self) -> QSize:
        # The criterion names and five level columns at their narrowest: the panel fits a
        # 1024-pixel screen beside the navigation (issue 14).
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        width = NAME_COLUMN_WIDTH + 5 * 56 + scroll_bar + 2 * self.frameWidth()
        return QSize(width, 3 * row_height(self.font()))

    # --- choosing and moving ---------------------------------------------------------------

    def _current_row(self) -> int:
        return max(self.currentIndex().row(), 0)

    def _move_to(self, row: int) -> None:
        if not 0 <= row < self._model.rowCount():
            return
        column = self._model.level(row) or NAME_COLUMN
        self.selectionModel().setCurrentIndex(
            self._model.index(row, column), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        self.scrollTo(self._model.index(row, NAME_COLUMN))

    def _sync_current_column(self) -> None:
        self._move_to(self._current_row())

    def _choose(self, row: int, level: int | None) -> None:
        if self._read_only:
            return
        changed = self._model.set_level(row, level)
        if row == self._current_row():
            self._sync_current_column()
        if changed:
            self.levelChosen.emit(self._model.criterion(row).id, level)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        blocking = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        if event.modifiers() & blocking:
            super().keyPressEvent(event)
            return
        if self._model.rowCount() == 0:
            super().keyPressEvent(event)
            return
        row = self._current_row()
        last = self._model.rowCount() - 1
        level = self._model.level(row)
        if key == Qt.Key.Key_Up:
            self._move_to(row - 1)
        elif key == Qt.Key.Key_Down:
            self._move_to(row + 1)
        elif key == Qt.Key.Key_Home:
            self._move_to(0)
        elif key == Qt.Key.Key_End:
            self._move_to(last)
        elif key in LEVEL_KEYS:
            if not self._read_only:
                self._choose(row, LEVEL_KEYS[key])
                self._move_to(min(row + 1, last))
        elif key == Qt.Key.Key_Right:
            self._choose(row, min((level or 0) + 1, LEVELS[-1]))
        elif key == Qt.Key.Key_Left:
            if level is not None:
                self._choose(row, max(level - 1, LEVELS[0]))
        elif key in CLEAR_KEYS:
            self._choose(row, None)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.currentIndex().column() != NAME_COLUMN:
                self._choose(row, self.currentIndex().column())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab walk the criteria, then leave the grid at either end."""
        if self.hasFocus():
            target = self._current_row() + (1 if next else -1)
            if 0 <= target < self._model.rowCount():
                self._move_to(target)
                return True
        return super().focusNextPrevChild(next)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        super().mousePressEvent(event)
        if not index.isValid() or event.button() != Qt.MouseButton.LeftButton:
            return
        if index.column() == NAME_COLUMN:
            self._move_to(index.row())
        else:
            self._choose(index.row(), index.column())
            self._move_to(index.row())

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:  # type: ignore[override]
        super().currentChanged(current, previous)
        self.viewport().update()  # the current row's shading follows
        if current.isValid() and current.row() != previous.row():
            self.currentCriterionChanged.emit(self._model.criterion(current.row()).id)

    # --- layout ----------------------------------------------------------------------------

    @Slot()
    def _on_model_model_reset(self) -> None:
        self._layout_sections()

    def _layout_sections(self) -> None:
        header = self.horizontalHeader()
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(NAME_COLUMN, NAME_COLUMN_WIDTH)
        for column in LEVELS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setDefaultSectionSize(row_height(self.font()))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._layout_sections()
