"""The conflicts tab of Sinkronisasi: the open conflicts, the differing fields of the chosen one
side by side, and keeping version A or B with a reason (kept with the choice).

The database jobs run on the worker as Operations; the callbacks come back on the GUI thread.
"""

from __future__ import annotations

import json
import uuid
from typing import Any, Literal

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.officers import current_officer
from ovop_desktop.services.sync.conflicts import ConflictView, list_conflicts, resolve_conflict
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import OK_STYLE
from ovop_desktop.ui.kit.read_only_table import read_only_table_widget, read_only_tree
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole


def value_text(value: Any) -> str:
    """A record value as one line of text for the comparison table."""
    if value is None or value == "":
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


class ConflictReview(QWidget):
    """`show_conflicts()` fills it; `countChanged` tells how many conflicts stay open."""

    countChanged = Signal(int)
    resolved = Signal()  # a settled conflict changed a record other pages show

    def __init__(self, db: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.conflicts: list[ConflictView] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build())
        self.conflict_list.itemSelectionChanged.connect(self._on_conflict_list_itemSelectionChanged)
        self.keep_a_button.clicked.connect(self._on_keep_a_button_clicked)
        self.keep_b_button.clicked.connect(self._on_keep_b_button_clicked)

    def _build(self) -> QWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.conflict_list = read_only_tree(
            [self.tr("Table"), self.tr("Record"), self.tr("Differing fields")]
        )
        self.conflict_list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.conflict_list.header().setStretchLastSection(True)
        splitter.addWidget(self.conflict_list)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.comparison = read_only_table_widget(
            [self.tr("Field"), self.tr("Version A (this database)"), self.tr("Version B (package)")]
        )
        header = self.comparison.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.keep_a_button = QPushButton(self.tr("Keep &A…"))
        self.keep_b_button = QPushButton(self.tr("Keep &B…"))
        self.conflict_message = QLabel()
        self.conflict_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.conflict_message, 1)
        buttons.addWidget(self.keep_a_button)
        buttons.addWidget(self.keep_b_button)
        side_layout.addWidget(self.comparison, 1)
        side_layout.addLayout(buttons)
        splitter.addWidget(side)
        splitter.setSizes([420, 640])
        self._show_conflict(None)
        return splitter

    def show_conflicts(self, conflicts: list[ConflictView]) -> None:
        selected = self._selected_conflict()
        self.conflicts = conflicts
        labels = self.table_labels()
        self.conflict_list.clear()
        for conflict in conflicts:
            item = QTreeWidgetItem(
                [
                    labels.get(conflict.table, conflict.table),
                    self._record_label(conflict),
                    ", ".join(conflict.differences()),
                ]
            )
            item.setData(0, ID_ROLE, conflict.id)
            self.conflict_list.addTopLevelItem(item)
            if selected is not None and conflict.id == selected.id:
                item.setSelected(True)
        if not conflicts:
            self.conflict_list.addTopLevelItem(QTreeWidgetItem([self.tr("No open conflicts.")]))
        self.countChanged.emit(len(conflicts))
        self._show_conflict(self._selected_conflict())

    @staticmethod
    def _record_label(conflict: ConflictView) -> str:
        for key in ("village_name", "name", "village_code", "number"):
            value = conflict.first.get(key) or conflict.second.get(key)
            if value:
                return f"{value} ({str(conflict.record_id)[:8]})"
        return str(conflict.record_id)[:8]

    def _selected_conflict(self) -> ConflictView | None:
        items = self.conflict_list.selectedItems()
        if not items:
            return None
        conflict_id = items[0].data(0, ID_ROLE)
        return next((c for c in self.conflicts if c.id == conflict_id), None)

    @Slot()
    def _on_conflict_list_itemSelectionChanged(self) -> None:
        self._show_conflict(self._selected_conflict())

    def _show_conflict(self, conflict: ConflictView | None) -> None:
        fields = conflict.differences() if conflict else []
        self.comparison.setRowCount(len(fields))
        for index, name in enumerate(fields):
            assert conflict is not None
            for column, text in enumerate(
                (
                    name,
                    value_text(conflict.first.get(name)),
                    value_text(conflict.second.get(name)),
                )
            ):
                self.comparison.setItem(index, column, QTableWidgetItem(text))
        self.comparison.resizeRowsToContents()
        self.keep_a_button.setEnabled(conflict is not None)
        self.keep_b_button.setEnabled(conflict is not None)

    @Slot()
    def _on_keep_a_button_clicked(self) -> None:
        self.keep("first")

    @Slot()
    def _on_keep_b_button_clicked(self) -> None:
        self.keep("second")

    def keep(self, which: Literal["first", "second"]) -> None:
        """Ask the reason, then keep version A ("first") or B ("second") of the selected one."""
        conflict = self._selected_conflict()
        if conflict is None:
            return
        dialogs.ask_reason(
            self,
            self.tr("Keep version A") if which == "first" else self.tr("Keep version B"),
            self.tr("Reason for keeping this version (who confirmed it, how):"),
            lambda reason: self._resolve(conflict.id, which, reason),
        )

    def _resolve(
        self, conflict_id: uuid.UUID, which: Literal["first", "second"], reason: str
    ) -> None:
        db = self.db

        def job() -> list[ConflictView]:
            officer = current_officer(db)
            resolve_conflict(
                db, conflict_id, which, reason, officer_id=officer.id if officer else None
            )
            return list_conflicts(db)

        self.keep_a_button.setEnabled(False)
        self.keep_b_button.setEnabled(False)
        Operation[list[ConflictView]](self, self.worker).success(self._on_resolved).errors_in(
            self.conflict_message
        ).always(self._on_resolve_ended).run(job)

    def _on_resolve_ended(self) -> None:
        self._show_conflict(self._selected_conflict())

    def _on_resolved(self, conflicts: list[ConflictView]) -> None:
        self.conflict_list.clearSelection()
        self.show_conflicts(conflicts)
        self.conflict_message.setStyleSheet(OK_STYLE)
        self.conflict_message.setText(self.tr("Conflict settled; the choice and reason are kept."))
        self.resolved.emit()

    def table_labels(self) -> dict[str, str]:
        return {
            "officers": self.tr("officers"),
            "surveys": self.tr("surveys"),
            "respondents": self.tr("respondents"),
            "candidate_products": self.tr("products"),
            "assessments": self.tr("assessments"),
            "attachments": self.tr("photos"),
            "letters": self.tr("letters"),
            "audit_log": self.tr("correction records"),
        }
