"""What the parts of the survey editor share: the open survey, its pending edits and the worker."""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from ovop_desktop.core.errors import DomainError
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.recovery import PendingEdits
from ovop_desktop.ui.forms.ui_survey_editor import Ui_SurveyEditor
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker


class EditorHost(Protocol):
    db: Database
    paths: AppPaths
    worker: Worker
    ui: Ui_SurveyEditor
    categories: frozenset[str]
    survey_id: uuid.UUID | None
    pending: PendingEdits

    def touch(self) -> None:
        """Something was edited: journal it now and save it soon."""

    def mark_saved(self) -> None:
        """Show the time of the last save."""

    def report_failure(self, error: DomainError) -> None:
        """Show a job's expected failure in the editor's banner."""

    def operation(self) -> Operation[Any]:
        """A job of the editor, its expected failures shown by `report_failure`."""

    def save_now(self) -> None:
        """Send what is pending to the database."""

    def is_read_only(self) -> bool:
        """A final survey not being corrected."""
