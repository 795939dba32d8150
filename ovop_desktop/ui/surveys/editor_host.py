"""What the parts of the survey editor share: the open survey, its pending edits and the worker."""

from __future__ import annotations

import uuid
from typing import Protocol

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.recovery import PendingEdits
from ovop_desktop.ui.forms.ui_survey_editor import Ui_SurveyEditor
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

    def report_failure(self, error: BaseException) -> None:
        """Show a job's expected failure (re-raise a bug)."""

    def save_now(self) -> None:
        """Send what is pending to the database."""

    def is_read_only(self) -> bool:
        """A final survey not being corrected."""
