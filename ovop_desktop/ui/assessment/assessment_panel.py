"""Assessing one candidate product: the rubric grid, the live score, the criterion pane and the
other assessments of the same product.

Scoring is pure and fast, so it runs on the GUI thread at every keystroke; saving goes through
the worker, debounced, so scoring with the keyboard stays instant.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.scoring import Score, score
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.assessments import AssessmentResult, reassess, save_assessment
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.photos import PhotoInfo, list_photos
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.assessment.assessment_data import (
    AssessmentRef,
    OtherVersion,
    PanelData,
    attach_evidence,
    compare,
    detach_evidence,
    load_panel_data,
)
from ovop_desktop.ui.assessment.assessment_layout import AssessmentPanelUi, Place
from ovop_desktop.ui.assessment.assessment_saving import AssessmentSaver
from ovop_desktop.ui.assessment.radar_chart import PALETTE, Series
from ovop_desktop.ui.kit.display import category_name
from ovop_desktop.ui.kit.messages import error_text
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.surveys.products_section import PHOTO_FILTER
from ovop_desktop.ui.worker import Worker


class AssessmentPanel(QWidget):
    """Emits `assessmentSaved(product_id)` after each successful save (ranking views refresh)."""

    assessmentSaved = Signal(object)

    def __init__(
        self, db: Database, paths: AppPaths, worker: Worker, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker = db, paths, worker
        self.product_id: uuid.UUID | None = None
        self.product_name = ""
        self.category = ""
        self.in_force: Rubric | None = None
        self.rubric: Rubric | None = None  # the rubric the grid shows
        self.data: PanelData | None = None
        self.viewing: OtherVersion | None = None  # set while an old version is shown
        self.status: str | None = None  # of the own assessment: None, "draft" or "final"
        self.current_score: Score | None = None
        self._notes: dict[str, str | None] = {}
        self._own_photos: list[PhotoInfo] = []
        self._other_photos: list[PhotoInfo] = []
        self._place: Place | None = None  # restored once a reload of the same candidate is in
        self._keep_edits = False
        self.saver = AssessmentSaver(db, worker, self)
        self.ui = AssessmentPanelUi(self)
        self.grid, self.summary, self.radar = self.ui.grid, self.ui.summary, self.ui.radar
        self.criterion_pane, self.other_pane = self.ui.criterion_pane, self.ui.other_pane
        self.message_label = self.ui.message_label
        self.saver.saved.connect(self._on_saver_saved)
        self.saver.saveFailed.connect(self._on_saver_save_failed)
        self.grid.levelChosen.connect(self._on_grid_level_chosen)
        self.grid.currentCriterionChanged.connect(self._on_grid_current_criterion_changed)
        pane = self.criterion_pane
        pane.noteEdited.connect(self._on_criterion_pane_note_edited)
        pane.addEvidenceRequested.connect(self._on_criterion_pane_add_evidence_requested)
        pane.removeEvidenceRequested.connect(self._on_criterion_pane_remove_evidence_requested)
        self.other_pane.showRequested.connect(self._on_other_pane_show_requested)
        self.ui.finalize_button.clicked.connect(self._on_finalize_button_clicked)
        self.ui.reassess_button.clicked.connect(self._on_reassess_button_clicked)
        self.ui.back_button.clicked.connect(self._on_back_button_clicked)

    # --- opening ---------------------------------------------------------------------------

    def show_product(
        self, product_id: uuid.UUID, product_name: str, category: str, rubric_in_force: Rubric
    ) -> None:
        """Show a candidate's assessment; nothing is created until the officer scores. Showing
        the candidate already shown (renamed, re-categorised) reloads it in place."""
        same = product_id == self.product_id and rubric_in_force is self.in_force
        self.product_id, self.product_name, self.category = product_id, product_name, category
        self.in_force = rubric_in_force
        self.ui.stack.setCurrentIndex(1)
        self._load(keep_place=same and self.data is not None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.ui.arrange(event.size().width())
        super().resizeEvent(event)

    def save_now(self) -> None:
        """Save pending edits at once (Ctrl+S, leaving the page)."""
        self.saver.save_now()

    def _load(self, *, keep_place: bool = False) -> None:
        """(Re)load the candidate shown. Reloading the one being scored keeps the officer's
        place (criterion, scroll, pane, the note being typed) and keeps the grid editable: what
        the grid shows is either saved or on its way, so it stays as it is."""
        assert self.product_id is not None and self.in_force is not None
        self._place = self.ui.place() if keep_place else None
        self._keep_edits = keep_place and self._editable()
        db, paths, product_id, rubric = self.db, self.paths, self.product_id, self.in_force
        if not self._keep_edits:
            self.saver.start(None)  # saves what is pending for the assessment shown until now
            self.data, self.viewing, self.status = None, None, None
            self.ui.show_message("")
            self.ui.show_saved("")
            # Read-only until loaded, so a key pressed meanwhile cannot start a second one.
            self._show_assessment(self.in_force, {}, {}, read_only=True)
            if self._place is None:
                self.grid.set_current_criterion(self.in_force.criterion_ids[0])
            else:
                self.ui.restore_place(self._place)
        self.operation().success(self._on_data_loaded).run(
            lambda: load_panel_data(db, paths, product_id, rubric)
        )

    @Slot(object)
    def _on_data_loaded(self, data: PanelData) -> None:
        if data.product_id != self.product_id or self.in_force is None:
            return  # another product was opened meanwhile
        self.data = data
        own = data.own
        ref = self.saver.ref
        if self._keep_edits and ref is not None and ref.product_id == data.product_id:
            # Keep the reference the pending and running saves use, so no second assessment.
            if own is not None:
                ref.assessment_id = own.id
        else:
            ref = AssessmentRef(
                data.product_id, self.in_force, data.officer_id, own.id if own else None
            )
            self.saver.start(ref)
        self.status = own.status if own else None
        self._own_photos = list(data.photos)
        self.other_pane.show_other_versions(data.other_versions)
        if self._keep_edits and self.viewing is None:
            read_only = self.status == "final"
            levels, notes = self.grid.levels(), dict(self._notes)
            self._show_assessment(self.in_force, levels, notes, read_only=read_only)
        elif not data.has_assessment_in_force and data.other_versions:
            self.show_other_version(data.other_versions[-1])
        else:
            self.show_own()
        if self._place is not None and not self._keep_edits:
            # The grid was reset for the load: back to the place. Kept edits mean the officer
            # worked on during the load, so the grid is where they are now.
            self.ui.restore_place(self._place)
        self._place, self._keep_edits = None, False

    def show_own(self) -> None:
        """This officer's assessment under the rubric in force (editable unless final)."""
        if self.data is None or self.in_force is None:
            return
        own = self.data.own
        self.viewing = None
        levels = dict(own.levels) if own else {}
        notes: dict[str, str | None] = dict(own.notes) if own else {}
        levels.update(self.saver.pending_levels)
        notes.update(self.saver.pending_notes)
        self._show_assessment(self.in_force, levels, notes, read_only=self.status == "final")

    def show_other_version(self, other: OtherVersion) -> None:
        """An assessment made under another rubric version, read-only under its own version."""
        self.saver.save_now()
        self.viewing = other
        view = other.assessment
        self._other_photos = []
        self._show_assessment(other.rubric, view.levels, view.notes, read_only=True)
        db, paths, assessment_id = self.db, self.paths, view.id
        self.operation().success(lambda photos: self._on_other_photos_loaded(other, photos)).run(
            lambda: list_photos(db, paths, assessment_id=assessment_id)
        )

    def _show_assessment(
        self,
        rubric: Rubric,
        levels: dict[str, int | None],
        notes: dict[str, str | None],
        *,
        read_only: bool,
    ) -> None:
        self.rubric = rubric
        if self.grid.rubric() is not rubric:
            self.grid.set_rubric(rubric)
            self.summary.set_rubric(rubric)
            self.radar.set_rubric(rubric)
        self._notes = notes
        self.grid.set_levels(levels)
        self.grid.set_read_only(read_only)
        self.criterion_pane.set_read_only(read_only)
        self._update_header()
        self._refresh()
        self._show_current_criterion()

    # --- the live score --------------------------------------------------------------------

    def _refresh(self) -> None:
        rubric = self.rubric
        if rubric is None:
            return
        levels = self.grid.levels()
        try:
            self.current_score = score(rubric, levels, self.category)
        except DomainError as error:
            self.current_score = None
            self.ui.show_message(error_text(error))
        self.summary.show_score(self.current_score)
        mine = self.tr("This assessment")
        series = [Series(mine, levels, PALETTE[0])]
        colleagues = self.data.colleagues if self.data and self.viewing is None else ()
        names = [mine]
        for position, colleague in enumerate(colleagues, start=1):
            names.append(colleague.assessor_name or self.tr("Another officer"))
            series.append(Series(names[-1], colleague.levels, PALETTE[position % len(PALETTE)]))
        rows = compare(rubric, levels, self.status == "final", colleagues) if colleagues else []
        self.other_pane.show_comparison(rubric if colleagues else None, rows, names)
        self.grid.set_flagged(row.criterion_id for row in rows if row.flagged)
        self.radar.set_series(series)
        self._update_tab_titles()
        current = self.grid.current_criterion()
        if current is not None:
            self.criterion_pane.show_level(levels.get(current))

    def _update_tab_titles(self) -> None:
        others = len(self.data.colleagues) + len(self.data.other_versions) if self.data else 0
        self.ui.show_tab_titles(self.grid.current_criterion(), others, bool(self.grid.flagged()))

    def _update_header(self) -> None:
        data, viewing, rubric, category = self.data, self.viewing, self.rubric, self.category
        if rubric is not None and category in rubric.category_ids:
            category = category_name(rubric, category)
        has_in_force = data is not None and data.has_assessment_in_force
        offer_reassess = viewing is not None and data is not None and not has_in_force
        self.ui.show_header(
            self.product_name,
            category,
            rubric,
            status=viewing.assessment.status if viewing else self.status,
            old_version=viewing is not None,
            finalize=viewing is None and data is not None and self.status != "final",
            back=viewing is not None and has_in_force,
            reassess_to=self.in_force.version if offer_reassess and self.in_force else None,
        )

    # --- editing and saving ----------------------------------------------------------------

    def _editable(self) -> bool:
        return self.viewing is None and self.saver.ref is not None and self.status != "final"

    @Slot(str, object)
    def _on_grid_level_chosen(self, criterion_id: str, level: object) -> None:
        if self._editable():
            self.saver.set_level(criterion_id, level if isinstance(level, int) else None)
            self.ui.show_saved("dirty")
            self._refresh()

    @Slot(str, str)
    def _on_criterion_pane_note_edited(self, criterion_id: str, text: str) -> None:
        if self._editable():
            self._notes[criterion_id] = text
            self.saver.set_note(criterion_id, text)
            self.ui.show_saved("dirty")

    @Slot(object, bool)
    def _on_saver_saved(self, result: AssessmentResult, current: bool) -> None:
        if current:
            self.status = self.status or "draft"
            self.ui.show_saved("saved")
            if self.viewing is None:
                self._update_header()
        self.assessmentSaved.emit(result.product_id)

    @Slot(object)
    def _on_saver_save_failed(self, error: DomainError) -> None:
        self.ui.show_saved("failed")
        self.report_failure(error)

    # --- finalise and re-assess ------------------------------------------------------------

    @Slot()
    def _on_finalize_button_clicked(self) -> None:
        result, rubric, db, ref = self.current_score, self.in_force, self.db, self.saver.ref
        if result is None or not result.complete or rubric is None or ref is None:
            missing = ", ".join(result.missing) if result else ""
            self.ui.show_message(
                self.tr(
                    "Not final yet: every criterion needs a level. Still not assessed: %1."
                ).replace("%1", missing)
            )
            return
        self.ui.show_message("")
        product_id, levels = ref.product_id, dict(result.levels)
        # services.assessments.finalize_assessment scores the empty mapping it passes instead
        # of the stored levels and so refuses every assessment: finalise with the levels shown.
        self.saver.run(
            lambda assessment_id: save_assessment(
                db, product_id, rubric, levels, assessment_id=assessment_id, final=True
            ),
            self._on_finalized_or_reassessed,
            self.report_failure,
        )

    @Slot()
    def _on_reassess_button_clicked(self) -> None:
        if self.product_id is None or self.in_force is None or self.data is None:
            return
        db, product_id, rubric = self.db, self.product_id, self.in_force
        officer = self.data.officer_id
        self.operation().success(self._on_finalized_or_reassessed).run(
            lambda: reassess(db, product_id, rubric, assessor_id=officer)
        )

    @Slot(object)
    def _on_finalized_or_reassessed(self, result: AssessmentResult) -> None:
        self.assessmentSaved.emit(result.product_id)
        if result.product_id == self.product_id:
            self._load()

    @Slot()
    def _on_back_button_clicked(self) -> None:
        self.show_own()

    @Slot(object)
    def _on_other_pane_show_requested(self, assessment_id: object) -> None:
        others = self.data.other_versions if self.data else ()
        for other in others:
            if other.assessment.id == assessment_id:
                self.show_other_version(other)

    # --- the criterion pane and evidence ---------------------------------------------------

    @Slot(str)
    def _on_grid_current_criterion_changed(self, _criterion_id: str) -> None:
        self._show_current_criterion()

    def _show_current_criterion(self) -> None:
        criterion_id = self.grid.current_criterion()
        if self.rubric is None or criterion_id is None:
            return
        level = self.grid.levels().get(criterion_id)
        note = self._notes.get(criterion_id)
        self.criterion_pane.show_criterion(self.rubric, criterion_id, level, note)
        photos = self._own_photos if self.viewing is None else self._other_photos
        self.criterion_pane.show_photos([p for p in photos if p.criterion_id == criterion_id])
        self._update_tab_titles()

    @Slot()
    def _on_criterion_pane_add_evidence_requested(self) -> None:
        dialogs.open_files(self, self.tr("Add evidence"), PHOTO_FILTER, self.add_evidence)

    def add_evidence(self, files: list[str]) -> None:
        """Attach photos or scans to the criterion in focus."""
        criterion_id, ref = self.grid.current_criterion(), self.saver.ref
        if not files or criterion_id is None or not self._editable():
            return
        db, paths = self.db, self.paths
        self.saver.run(
            lambda assessment_id: attach_evidence(db, paths, assessment_id, criterion_id, files),
            lambda photos: self._on_evidence_changed(ref, photos),
            self.report_failure,
        )

    @Slot(object)
    def _on_criterion_pane_remove_evidence_requested(self, attachment_id: object) -> None:
        if not isinstance(attachment_id, uuid.UUID) or not self._editable():
            return
        db, paths, ref = self.db, self.paths, self.saver.ref
        dialogs.confirm(
            self,
            self.tr("Remove evidence"),
            self.tr("Remove this photo from the assessment?"),
            self.tr("Remove"),
            lambda: self.saver.run(
                lambda assessment_id: detach_evidence(db, paths, assessment_id, attachment_id),
                lambda photos: self._on_evidence_changed(ref, photos),
                self.report_failure,
            ),
        )

    def _on_evidence_changed(self, ref: AssessmentRef | None, photos: list[PhotoInfo]) -> None:
        if ref is None:
            return
        if ref is self.saver.ref:
            self._own_photos = photos
            if self.viewing is None:
                self.status = self.status or "draft"
                self._update_header()
                self._show_current_criterion()
        self.assessmentSaved.emit(ref.product_id)

    def _on_other_photos_loaded(self, other: OtherVersion, photos: list[PhotoInfo]) -> None:
        if self.viewing is other:
            self._other_photos = photos
            self._show_current_criterion()

    # --- messages --------------------------------------------------------------------------

    def operation(self) -> Operation[Any]:
        """A job of the panel: expected trouble shows above the grid, a bug in the crash
        dialog."""
        return Operation(self, self.worker).failure(self.report_failure)

    def report_failure(self, error: DomainError) -> None:
        """Expected trouble shows as a plain message above the grid."""
        self.ui.show_message(error_text(error))
