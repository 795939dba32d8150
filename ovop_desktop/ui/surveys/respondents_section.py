"""The respondents table of the survey editor: a row is saved as soon as it has a name."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QTableWidgetItem

from ovop_desktop.services.surveys.capture import RespondentInput, add_respondent, delete_respondent
from ovop_desktop.services.surveys.survey_detail import RecordState
from ovop_desktop.ui.surveys.editor_host import EditorHost

RESPONDENT_FIELDS = ("name", "role", "phone")


class RespondentsSection(QObject):
    def __init__(self, host: EditorHost) -> None:
        super().__init__(host.ui.respondentsTable)
        self.host = host
        self.table = host.ui.respondentsTable
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Phone")])
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(1, 180)
        host.ui.addRespondentButton.clicked.connect(self._on_add_respondent_button_clicked)
        host.ui.removeRespondentButton.clicked.connect(self._on_remove_respondent_button_clicked)
        self.table.cellChanged.connect(self._on_table_cell_changed)

    def show(self, respondents: tuple[RecordState, ...]) -> None:
        blocked = self.table.blockSignals(True)
        self.table.setRowCount(0)
        for respondent in respondents:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for column, name in enumerate(RESPONDENT_FIELDS):
                item = QTableWidgetItem(respondent.values.get(name) or "")
                item.setData(Qt.ItemDataRole.UserRole, respondent.id)
                self.table.setItem(row, column, item)
        self.table.blockSignals(blocked)

    def cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def respondent_id(self, row: int) -> uuid.UUID | None:
        for column in range(len(RESPONDENT_FIELDS)):
            item = self.table.item(row, column)
            if item is not None and isinstance(item.data(Qt.ItemDataRole.UserRole), uuid.UUID):
                return item.data(Qt.ItemDataRole.UserRole)  # type: ignore[no-any-return]
        return None

    @Slot()
    def _on_add_respondent_button_clicked(self) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        blocked = self.table.blockSignals(True)
        first = QTableWidgetItem("")
        self.table.setItem(row, 0, first)
        for column in range(1, len(RESPONDENT_FIELDS)):
            self.table.setItem(row, column, QTableWidgetItem(""))
        self.table.blockSignals(blocked)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(first)

    @Slot(int, int)
    def _on_table_cell_changed(self, row: int, column: int) -> None:
        host = self.host
        respondent_id = self.respondent_id(row)
        if respondent_id is not None:
            host.pending.respondents.setdefault(respondent_id, {})[RESPONDENT_FIELDS[column]] = (
                self.cell(row, column) or None
            )
            host.touch()
            return
        name, role, phone = (self.cell(row, c) for c in range(len(RESPONDENT_FIELDS)))
        if not name or host.survey_id is None:
            return
        data = RespondentInput(name, role or None, phone or None)
        db, survey_id, reason = host.db, host.survey_id, host.pending.reason
        host.operation().success(lambda new_id: self._on_respondent_created(row, new_id)).run(
            lambda: add_respondent(db, survey_id, data, reason=reason)
        )

    def _on_respondent_created(self, row: int, respondent_id: uuid.UUID) -> None:
        blocked = self.table.blockSignals(True)
        for column in range(len(RESPONDENT_FIELDS)):
            item = self.table.item(row, column)
            if item is None:
                item = QTableWidgetItem("")
                self.table.setItem(row, column, item)
            item.setData(Qt.ItemDataRole.UserRole, respondent_id)
        self.table.blockSignals(blocked)
        # What was typed into the other cells while the row was being created still counts.
        for column in range(1, len(RESPONDENT_FIELDS)):
            self.host.pending.respondents.setdefault(respondent_id, {})[
                RESPONDENT_FIELDS[column]
            ] = self.cell(row, column) or None
        self.host.touch()

    @Slot()
    def _on_remove_respondent_button_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        respondent_id = self.respondent_id(row)
        self.table.removeRow(row)
        if respondent_id is not None:
            host = self.host
            host.pending.respondents.pop(respondent_id, None)
            db, reason = host.db, host.pending.reason
            host.operation().run(lambda: delete_respondent(db, respondent_id, reason=reason))
