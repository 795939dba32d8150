"""The pane of the criterion in focus: its five descriptors in full, a note and the evidence
(photos and scans of permits) attached to it."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.rubric import Criterion, Rubric
from ovop_desktop.services.surveys.photos import PhotoInfo
from ovop_desktop.ui.assessment.rubric_text import criterion_name, descriptor_text, group_name

THUMBNAIL = 64


class CriterionPane(QWidget):
    """Emits `noteEdited(criterion_id, text)` on each user edit of the note, and
    `addEvidenceRequested()` / `removeEvidenceRequested(attachment_id)`."""

    noteEdited = Signal(str, str)
    addEvidenceRequested = Signal()
    removeEvidenceRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._criterion: Criterion | None = None
        self._rubric: Rubric | None = None
        self._loading = False
        self._read_only = False
        self.title_label = QLabel()
        self.title_label.setObjectName("criterionTitle")
        self.title_label.setWordWrap(True)
        self.descriptors = QTextBrowser()
        self.descriptors.setObjectName("criterionDescriptors")
        self.descriptors.setOpenLinks(False)
        self.descriptors.setAccessibleName(self.tr("Level descriptors"))
        self.note_edit = QPlainTextEdit()
        self.note_edit.setObjectName("criterionNote")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            self.tr("Note for this criterion: sources, volumes, permits seen…")
        )
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.evidence_list = QListWidget()
        self.evidence_list.setObjectName("evidenceList")
        self.evidence_list.setViewMode(QListView.ViewMode.IconMode)
        self.evidence_list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.evidence_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.evidence_list.setMovement(QListView.Movement.Static)
        self.evidence_list.setAccessibleName(self.tr("Evidence"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Attach photos or scans of permits to this criterion"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self._build_layout()
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.add_button.clicked.connect(self.addEvidenceRequested)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.evidence_list.currentItemChanged.connect(self._on_evidence_list_current_item_changed)
        self._on_evidence_list_current_item_changed(None, None)

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        columns = QHBoxLayout()
        columns.setSpacing(8)
        columns.addWidget(self.descriptors, 5)
        note_column = QVBoxLayout()
        note_column.addWidget(QLabel(self.tr("Note")))
        note_column.addWidget(self.note_edit, 1)
        columns.addLayout(note_column, 3)
        evidence_column = QVBoxLayout()
        evidence_header = QHBoxLayout()
        evidence_header.addWidget(QLabel(self.tr("Evidence")), 1)
        evidence_header.addWidget(self.add_button)
        evidence_header.addWidget(self.remove_button)
        evidence_column.addLayout(evidence_header)
        evidence_column.addWidget(self.evidence_list, 1)
        columns.addLayout(evidence_column, 3)
        layout.addLayout(columns, 1)
        self.setStyleSheet("QLabel#criterionTitle { font-weight: bold; }")

    def sizeHint(self) -> QSize:
        # Compact under the grid; the splitter gives it more on request.
        return QSize(600, 150)

    # --- content ---------------------------------------------------------------------------

    def criterion_id(self) -> str | None:
        return self._criterion.id if self._criterion else None

    def show_criterion(
        self, rubric: Rubric, criterion_id: str, level: int | None, note: str | None
    ) -> None:
        """Show one criterion; setting the note here emits no `noteEdited`."""
        self._rubric = rubric
        self._criterion = criterion = rubric.criterion(criterion_id)
        group = rubric.group(criterion.group)
        self.title_label.setText(
            self.tr("%1 %2 (group %3 %4, weight %5)")
            .replace("%1", criterion.id)
            .replace("%2", criterion_name(criterion))
            .replace("%3", group.id)
            .replace("%4", group_name(group))
            .replace("%5", str(criterion.weight))
        )
        self.show_level(level)
        if self.note_edit.toPlainText() != (note or ""):
            self._loading = True
            try:
                self.note_edit.setPlainText(note or "")
            finally:
                self._loading = False

    def show_level(self, level: int | None) -> None:
        """Highlight the chosen level among the descriptors."""
        if self._criterion is None:
            return
        rows = []
        for descriptor in self._criterion.levels:
            chosen = descriptor.level == level
            style = (
                "background:#cfe5ea; border-left:3px solid #1d5b6b;"
                if chosen
                else "border-left:3px solid transparent;"
            )
            rows.append(
                f'<tr><td style="{style} padding:2px 6px;"><b>{descriptor.level}</b></td>'
                f'<td style="padding:2px 4px;">{html.escape(descriptor_text(descriptor))}</td></tr>'
            )
        self.descriptors.setHtml(f'<table cellspacing="0" width="100%">{"".join(rows)}</table>')

    def set_read_only(self, read_only: bool) -> None:
        self.note_edit.setReadOnly(read_only)
        self.add_button.setEnabled(not read_only)
        self._read_only = read_only
        self.remove_button.setEnabled(
            not read_only and self.evidence_list.currentItem() is not None
        )

    def show_photos(self, photos: list[PhotoInfo]) -> None:
        """The evidence of the criterion shown (the caller filters by criterion)."""
        self.evidence_list.clear()
        for photo in photos:
            pixmap = QPixmap(str(photo.path))
            icon = QIcon(
                pixmap.scaled(
                    QSize(THUMBNAIL, THUMBNAIL),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            name = photo.original_name or ""
            item = QListWidgetItem(icon, name)
            item.setData(Qt.ItemDataRole.UserRole, photo.attachment_id)
            item.setToolTip(f"{name} ({photo.width}×{photo.height})")
            self.evidence_list.addItem(item)

    def photo_ids(self) -> list[uuid.UUID]:
        return [
            self.evidence_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.evidence_list.count())
        ]

    # --- slots -----------------------------------------------------------------------------

    @Slot()
    def _on_note_edit_text_changed(self) -> None:
        if not self._loading and self._criterion is not None:
            self.noteEdited.emit(self._criterion.id, self.note_edit.toPlainText())

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        item = self.evidence_list.currentItem()
        if item is not None:
            self.removeEvidenceRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    @Slot(object, object)
    def _on_evidence_list_current_item_changed(self, current: object, _previous: object) -> None:
        self.remove_button.setEnabled(current is not None and not self._read_only)
