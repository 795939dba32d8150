"""Saving the assessment being edited: levels and notes collect for a moment, then go to the
database on the worker, in order, without the officer ever pressing Save."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from ovop_desktop.core.errors import DomainError
from ovop_desktop.services.assessment.assessments import AssessmentResult, save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.ui.assessment.assessment_data import AssessmentRef
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

SAVE_DELAY_MS = 500  # quick typing of 1–5 stays one save


class AssessmentSaver(QObject):
    """Emits `saved(result, current)`: `current` is False when the save was of an assessment no
    longer shown; `saveFailed(error)` (a DomainError) after the unsaved edits were put back.
    Nothing is called back once `owner`, the panel, is gone: the save is kept, nobody is left to
    tell."""

    saved = Signal(object, bool)
    saveFailed = Signal(object)

    def __init__(self, db: Database, worker: Worker, owner: QWidget) -> None:
        super().__init__(owner)
        self.db, self.worker, self.owner = db, worker, owner
        self.ref: AssessmentRef | None = None
        self.pending_levels: dict[str, int | None] = {}
        self.pending_notes: dict[str, str] = {}
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def start(self, ref: AssessmentRef | None) -> None:
        """Save what is pending for the previous assessment, then edit `ref`."""
        self.save_now()
        self.ref = ref

    def set_level(self, criterion_id: str, level: int | None) -> None:
        self.pending_levels[criterion_id] = level
        self._timer.start()

    def set_note(self, criterion_id: str, note: str) -> None:
        self.pending_notes[criterion_id] = note
        self._timer.start()

    @Slot()
    def save_now(self) -> None:
        """Send pending levels and notes to the database (the worker keeps saves in order)."""
        self._timer.stop()
        ref = self.ref
        if ref is None or not (self.pending_levels or self.pending_notes):
            return
        levels, notes = self.pending_levels, self.pending_notes
        self.pending_levels, self.pending_notes = {}, {}
        db = self.db

        def job() -> AssessmentResult:
            result = save_assessment(
                db,
                ref.product_id,
                ref.rubric,
                levels,
                notes=notes,
                assessment_id=ref.assessment_id,
                assessor_id=ref.assessor_id,
            )
            ref.assessment_id = result.assessment_id
            return result

        Operation[AssessmentResult](self.owner, self.worker).success(
            lambda result: self.saved.emit(result, ref is self.ref)
        ).failure(lambda error: self._on_job_failed(ref, levels, notes, error)).run(job)

    def _on_job_failed(
        self,
        ref: AssessmentRef,
        levels: dict[str, int | None],
        notes: dict[str, str],
        error: DomainError,
    ) -> None:
        if ref is self.ref:
            # Put the edits back under anything chosen since, so nothing is lost.
            for criterion_id, level in levels.items():
                self.pending_levels.setdefault(criterion_id, level)
            for criterion_id, note in notes.items():
                self.pending_notes.setdefault(criterion_id, note)
        self.saveFailed.emit(error)

    def run(
        self,
        work: Callable[[uuid.UUID], Any],
        done: Callable[[Any], None],
        failed: Callable[[DomainError], None],
    ) -> None:
        """`work(assessment_id)` on the worker after the pending saves, creating the (empty)
        assessment first when the officer has not scored anything yet."""
        ref = self.ref
        if ref is None:
            return
        self.save_now()
        db = self.db
        Operation(self.owner, self.worker).success(done).failure(failed).run(
            lambda: work(ref.ensure(db))
        )
