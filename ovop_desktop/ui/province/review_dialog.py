"""The dialog that records a review of one survey: its state, a comment (required when the survey
needs correction) and the reviewer. Saving runs on the worker; a refusal shows next to its field.

Keyboard: Alt+R/N/A choose the state (arrow keys move between them), Alt+C the comment, Alt+V
the reviewer; Tab leaves the comment box; Ctrl+Enter saves from anywhere in the dialog.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.services.province.reviews import (
    APPROVED,
    NEEDS_CORRECTION,
    RECEIVED,
    ReviewEntry,
    set_review,
)
from ovop_desktop.ui.kit.messages import ERROR_STYLE, error_text
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker


class ReviewDialog(QDialog):
    """`saved(entry)` once the review is stored; the dialog then closes."""

    saved = Signal(object)  # ReviewEntry

    def __init__(
        self,
        db: Database,
        worker: Worker,
        survey_id: uuid.UUID,
        place: str,
        *,
        state: str | None = None,
        reviewer: str = "",
        officer_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.survey_id, self.officer_id = survey_id, officer_id
        self.setWindowTitle(self.tr("Review survey"))
        self.setMinimumWidth(520)

        heading = QLabel(place)
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.state_buttons = {
            RECEIVED: QRadioButton(self.tr("&Received: the survey arrived and is being checked")),
            NEEDS_CORRECTION: QRadioButton(
                self.tr("&Needs correction: the officer must correct it")
            ),
            APPROVED: QRadioButton(self.tr("&Approved: the survey is accepted as it is")),
        }
        self.state_group = QButtonGroup(self)
        for button in self.state_buttons.values():
            self.state_group.addButton(button)
        self.state_error = self._error_label()

        self.comment_label = QLabel(self.tr("&Comment"))
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(
            self.tr("What should the officer correct? Say where and what, e.g. photo of product 2.")
        )
        self.comment_label.setBuddy(self.comment)
        self.comment.setAccessibleName(self.tr("Comment"))
        self.comment_error = self._error_label()

        self.reviewer_label = QLabel(self.tr("Re&viewer"))
        self.reviewer = QLineEdit(reviewer)
        self.reviewer.setMaxLength(200)
        self.reviewer_label.setBuddy(self.reviewer)
        self.reviewer_error = self._error_label()
        self.message = self._error_label()

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save review"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.cancel_button = buttons.addButton(
            self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        state_box = QVBoxLayout()
        state_box.setSpacing(4)
        state_box.addWidget(QLabel(self.tr("Review state")))
        for button in self.state_buttons.values():
            state_box.addWidget(button)
        state_box.addWidget(self.state_error)
        layout.addLayout(state_box)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment, 1)
        layout.addWidget(self.comment_error)
        reviewer_row = QHBoxLayout()
        reviewer_row.addWidget(self.reviewer_label)
        reviewer_row.addWidget(self.reviewer, 1)
        layout.addLayout(reviewer_row)
        layout.addWidget(self.reviewer_error)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        chosen = self.state_buttons.get(state or RECEIVED, self.state_buttons[RECEIVED])
        chosen.setChecked(True)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.state_group.buttonToggled.connect(self._on_state_group_button_toggled)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._on_save_button_clicked)
        self._show_comment_hint()
        chosen.setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(560, 420)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def state(self) -> str:
        return next(s for s, button in self.state_buttons.items() if button.isChecked())

    def _show_comment_hint(self) -> None:
        required = self.state() == NEEDS_CORRECTION
        self.comment_label.setText(
            self.tr("&Comment (required: sent to the officer)") if required else self.tr("&Comment")
        )

    @Slot(object, bool)
    def _on_state_group_button_toggled(self, _button: object, checked: bool) -> None:
        if checked:
            self._show_comment_hint()
            self.state_error.hide()
            self.comment_error.hide()

    @Slot()
    def _on_save_button_clicked(self) -> None:
        if not self.save_button.isEnabled():
            return
        for label in (self.state_error, self.comment_error, self.reviewer_error, self.message):
            label.hide()
        db, survey_id, officer_id = self.db, self.survey_id, self.officer_id
        state, comment, reviewer = self.state(), self.comment.toPlainText(), self.reviewer.text()
        self.save_button.setEnabled(False)
        Operation[ReviewEntry](self, self.worker).always(self._on_save_ended).success(
            self._on_saved
        ).failure(self._on_refused).run(
            lambda: set_review(
                db, survey_id, state, comment, reviewer=reviewer, officer_id=officer_id
            )
        )

    def _on_save_ended(self) -> None:
        self.save_button.setEnabled(True)

    @Slot(object)
    def _on_saved(self, entry: ReviewEntry) -> None:
        self.saved.emit(entry)
        self.accept()

    def _on_refused(self, error: DomainError) -> None:
        """A refusal shows next to its field; one of no field, under the form."""
        field = error.field if isinstance(error, InvalidInputError) else None
        label = {
            "state": self.state_error,
            "comment": self.comment_error,
            "reviewer": self.reviewer_error,
        }.get(field or "", self.message)
        label.setText(error_text(error))
        label.show()
        focus = {"comment": self.comment, "reviewer": self.reviewer}.get(field or "")
        if focus is not None:
            focus.setFocus(Qt.FocusReason.OtherFocusReason)
