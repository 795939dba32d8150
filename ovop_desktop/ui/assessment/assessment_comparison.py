"""Other assessments of the same candidate: colleagues' ones under the same rubric version side by
side with this one, and the read-only list of assessments made under other rubric versions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import star_text
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.ui.assessment.assessment_data import ComparisonRow, OtherVersion
from ovop_desktop.ui.assessment.rubric_text import criterion_name
from ovop_desktop.ui.kit.display import date_text, number_text

FLAG_BACKGROUND = QColor("#ffe8d6")
FLAG_MARK = "⚑"


class OtherAssessmentsPane(QWidget):
    """Emits `showRequested(assessment_id)` to show an old-version assessment in the grid."""

    showRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison_label = QLabel()
        self.comparison_label.setWordWrap(True)
        self.comparison_table = QTableWidget(0, 0)
        self.comparison_table.setObjectName("comparisonTable")
        self.comparison_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.comparison_table.verticalHeader().setDefaultSectionSize(22)
        self.comparison_table.setAccessibleName(self.tr("Comparison with other officers"))
        self.versions_label = QLabel(self.tr("Under other rubric versions (read-only)"))
        self.versions_list = QListWidget()
        self.versions_list.setObjectName("otherVersions")
        self.versions_list.setAccessibleName(self.versions_label.text())
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setToolTip(self.tr("Show this assessment under its own rubric version"))
        self.empty_label = QLabel(self.tr("No other assessments of this candidate product."))
        self.empty_label.setObjectName("emptyLabel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.comparison_box = QWidget()
        comparison = QVBoxLayout(self.comparison_box)
        comparison.setContentsMargins(0, 0, 0, 0)
        comparison.addWidget(self.comparison_label)
        comparison.addWidget(self.comparison_table)
        comparison.addStretch(1)
        self.versions_box = QWidget()
        versions = QVBoxLayout(self.versions_box)
        versions.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(self.versions_label, 1)
        header.addWidget(self.show_button)
        versions.addLayout(header)
        versions.addWidget(self.versions_list, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.comparison_box, 3)
        layout.addWidget(self.versions_box, 2)
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self.versions_list.itemActivated.connect(self._on_versions_list_item_activated)
        self.clear()

    def sizeHint(self) -> QSize:
        # Compact under the grid; the splitter gives it more on request.
        return QSize(600, 150)

    def clear(self) -> None:
        self.show_comparison(None, [], [])
        self.show_other_versions([])

    def _update_empty(self) -> None:
        self.empty_label.setVisible(self.comparison_box.isHidden() and self.versions_box.isHidden())

    # --- colleagues under the same version -------------------------------------------------

    def show_comparison(
        self, rubric: Rubric | None, rows: Sequence[ComparisonRow], names: Sequence[str]
    ) -> None:
        """`names`: this assessment's officer first, then each colleague's, as in `rows`."""
        table = self.comparison_table
        table.clearContents()
        shown = rubric is not None and len(names) > 1
        self.comparison_box.setVisible(shown)
        self._update_empty()
        if not shown or rubric is None:
            table.setRowCount(0)
            return
        flagged = [row.criterion_id for row in rows if row.flagged]
        text = self.tr(
            "Another officer also assessed this product under this rubric version. The ranking "
            "uses the median level per criterion of the final assessments."
        )
        if flagged:
            text += " " + self.tr("%1 marks levels 2 or more apart: %2.").replace(
                "%1", FLAG_MARK
            ).replace("%2", ", ".join(flagged))
        self.comparison_label.setText(text)
        # Assessors in rows and criteria in columns: all of it fits under the grid unscrolled.
        labels = [*names, self.tr("Median (final)")]
        table.setRowCount(len(labels))
        table.setColumnCount(len(rows))
        table.setVerticalHeaderLabels(labels)
        for column, row in enumerate(rows):
            name = criterion_name(rubric.criterion(row.criterion_id))
            tooltip = name
            if row.flagged:
                tooltip += "\n" + self.tr(
                    "The levels differ by 2 or more: discuss before finalising."
                )
            header = QTableWidgetItem(
                f"{FLAG_MARK} {row.criterion_id}" if row.flagged else row.criterion_id
            )
            header.setToolTip(tooltip)
            table.setHorizontalHeaderItem(column, header)
            for line, level in enumerate((*row.levels, row.median)):
                item = QTableWidgetItem(_level(level))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setToolTip(tooltip)
                if row.flagged:
                    item.setBackground(QBrush(FLAG_BACKGROUND))
                table.setItem(line, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setFixedHeight(
            table.horizontalHeader().sizeHint().height()
            + sum(table.rowHeight(line) for line in range(table.rowCount()))
            + 2 * table.frameWidth()
        )

    def flagged_criteria(self) -> list[str]:
        return [
            text.removeprefix(FLAG_MARK).strip()
            for column in range(self.comparison_table.columnCount())
            if (item := self.comparison_table.horizontalHeaderItem(column)) is not None
            and (text := item.text()).startswith(FLAG_MARK)
        ]

    # --- other rubric versions -------------------------------------------------------------

    def show_other_versions(self, others: Sequence[OtherVersion]) -> None:
        self.versions_list.clear()
        for other in others:
            view = other.assessment
            status = self.tr("Final") if view.status == "final" else self.tr("Draft")
            day = "" if view.assessed_on is None else date_text(view.assessed_on)
            total = number_text(view.total, 2) if view.total is not None else "—"
            text = (
                self.tr("%1 version %2 · %3 · %4 · %5 · total %6 %7")
                .replace("%1", other.rubric.name)
                .replace("%2", str(view.rubric_version))
                .replace("%3", view.assessor_name or self.tr("no officer"))
                .replace("%4", day)
                .replace("%5", status)
                .replace("%6", total)
                # An assessment without stars shows the scale all hollow.
                .replace("%7", star_text(view.stars or 0, other.rubric.max_stars))
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, view.id)
            item.setToolTip(text)
            self.versions_list.addItem(item)
        self.versions_box.setVisible(bool(others))
        self.show_button.setEnabled(bool(others))
        if others:
            self.versions_list.setCurrentRow(len(others) - 1)
        self._update_empty()

    @Slot()
    def _on_show_button_clicked(self) -> None:
        item = self.versions_list.currentItem()
        if item is not None:
            self.showRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    @Slot(QListWidgetItem)
    def _on_versions_list_item_activated(self, item: QListWidgetItem) -> None:
        self.showRequested.emit(item.data(Qt.ItemDataRole.UserRole))


def _level(level: int | None) -> str:
    return "—" if level is None else str(level)
