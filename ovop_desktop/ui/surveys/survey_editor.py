"""The survey editor: where a field officer spends the day.

Nothing is lost: every edit goes at once into the recovery journal (fsync'd) and to the database
within two seconds, or as soon as focus leaves the field; Ctrl+S saves immediately. All database
work runs on the serial worker, and nothing here waits for it: leaving the survey goes on once the
last save has reported.
"""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.settings.officers import current_officer
from ovop_desktop.services.surveys import photos
from ovop_desktop.services.surveys.capture import (
    SurveyIncompleteError,
    SurveyInput,
    create_survey,
    delete_survey,
    finalize_survey,
)
from ovop_desktop.services.surveys.photos import WITA
from ovop_desktop.services.surveys.recovery import PendingEdits, RecoveryJournal, apply_pending
from ovop_desktop.services.surveys.survey_detail import SurveyDetail, load_survey, regency_points
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.forms.ui_survey_editor import Ui_SurveyEditor
from ovop_desktop.ui.kit.blank_numbers import accept_typing_over_blanks
from ovop_desktop.ui.kit.combo import type_to_choose
from ovop_desktop.ui.kit.display import date_text, in_language
from ovop_desktop.ui.kit.messages import error_text
from ovop_desktop.ui.kit.read_only_look import show_as_data
from ovop_desktop.ui.kit.region_picker import RegionPicker
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.surveys.field_binding import Binding, bind, load
from ovop_desktop.ui.surveys.gps_fields import GpsFields
from ovop_desktop.ui.surveys.products_section import PHOTO_FILTER, ProductsSection
from ovop_desktop.ui.surveys.respondents_section import RespondentsSection
from ovop_desktop.ui.worker import Worker

AUTOSAVE_MS = 1500  # the promise is "within two seconds"
JOURNAL_MS = 250


def _python_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class SurveyEditor(QWidget):
    closed = Signal()
    deleted = Signal(object)

    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.paths, self.worker, self.rubric = db, paths, worker, rubric
        self.ui = Ui_SurveyEditor()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        accept_typing_over_blanks(self)
        type_to_choose(self)
        self.categories = frozenset(c.id for c in rubric.categories)
        self.journal = RecoveryJournal(paths.data_dir)
        self.survey_id: uuid.UUID | None = None
        self.detail: SurveyDetail | None = None
        self.pending = PendingEdits()
        self.officer_id: uuid.UUID | None = None
        self._final = False
        self._saves_in_flight = 0
        self._after_saves: list[Callable[[], None]] = []
        self.products = ProductsSection(self, rubric)
        self.respondents = RespondentsSection(self)
        self.picker = RegionPicker(
            db,
            worker,
            self.ui.villageSearch,
            self.ui.regencyCombo,
            self.ui.districtCombo,
            self.ui.villageCombo,
        )
        self.gps = GpsFields(self.ui, self._on_survey_field_edited)
        self.gps.check_against_outlines(self.paths, self.operation)
        self._setup_choices()
        self.bindings: list[Binding] = [
            bind(widget, name, self._on_survey_field_edited)
            for widget, name in (
                (self.ui.hamletEdit, "hamlet"),
                (self.ui.gpsSourceCombo, "gps_source"),
                (self.ui.accuracySpin, "gps_accuracy_m"),
                (self.ui.surveyDate, "survey_date"),
                (self.ui.populationSpin, "population"),
                (self.ui.householdsSpin, "households"),
                (self.ui.livelihoodsEdit, "main_livelihoods"),
                (self.ui.roadCombo, "road_access"),
                (self.ui.electricityCombo, "electricity"),
                (self.ui.signalCombo, "mobile_signal"),
                (self.ui.cooperativesSpin, "cooperatives_count"),
                (self.ui.bumdesCombo, "has_bumdes"),
                (self.ui.umkmSpin, "umkm_count"),
                (self.ui.notesEdit, "notes"),
            )
        ]
        self._autosave = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_MS)
        self._journal_timer.timeout.connect(self._write_journal)
        self._connect()

    # --- set-up ----------------------------------------------------------------------------

    def _setup_choices(self) -> None:
        ui = self.ui
        ui.surveyDate.setDisplayFormat("d MMMM yyyy")
        ui.surveyDate.setMaximumDate(QDate.currentDate().addYears(1))
        for combo, items in (
            (
                ui.roadCombo,
                (
                    self.tr("Asphalt road"),
                    self.tr("Gravel or dirt road"),
                    self.tr("River only"),
                    self.tr("River and footpath"),
                ),
            ),
            (
                ui.electricityCombo,
                (
                    self.tr("PLN, 24 hours"),
                    self.tr("PLN, part of the day"),
                    self.tr("Generator or solar"),
                    self.tr("None"),
                ),
            ),
            (
                ui.signalCombo,
                (
                    self.tr("4G"),
                    self.tr("3G or weak"),
                    self.tr("Only at some places"),
                    self.tr("None"),
                ),
            ),
        ):
            combo.addItem("")
            combo.addItems(list(items))
        for combo in (
            ui.regencyCombo,
            ui.districtCombo,
            ui.villageCombo,
            ui.roadCombo,
            ui.electricityCombo,
            ui.signalCombo,
        ):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        ui.bumdesCombo.addItem("—", None)
        ui.bumdesCombo.addItem(self.tr("Yes"), True)
        ui.bumdesCombo.addItem(self.tr("No"), False)
        for label in (ui.villageError, ui.officerError, ui.productsError, ui.missingBanner):
            label.setProperty("severity", "error")
        ui.missingBanner.setTextFormat(Qt.TextFormat.RichText)
        ui.missingBanner.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        ui.missingBanner.linkActivated.connect(self._on_missing_banner_link_activated)
        self.setStyleSheet(
            'QLabel[severity="error"] { color: #a61b1b; }'
            'QLabel[severity="warning"] { color: #8a5a00; }'
            'QLabel[severity="info"] { color: #1d5b6b; }'
            "QLabel#missingBanner { background: #fdecea; border: 1px solid #f2b8b5;"
            " border-radius: 4px; padding: 6px 10px; }"
            "QLabel#titleLabel { font-size: 15pt; font-weight: bold; }"
            "QListWidget#sectionList { border: none; background: transparent; }"
            "QListWidget#sectionList::item { padding: 7px 10px; border-radius: 4px; }"
            "QListWidget#sectionList::item:selected { background: #d7e7ec; color: #123a45; }"
            "QLabel#statusLabel { border-radius: 4px; padding: 2px 8px; background: #e8eef0; }"
            'QLineEdit[invalid="true"] { border: 1px solid #a61b1b; }'
        )

    def _connect(self) -> None:
        ui = self.ui
        self.picker.villageChosen.connect(self._on_picker_village_chosen)
        self.picker.regionsMissing.connect(self._on_picker_regions_missing)
        ui.sectionList.currentRowChanged.connect(self._on_section_list_current_row_changed)
        ui.gpsFromPhotoButton.clicked.connect(self._on_gps_from_photo_button_clicked)
        ui.finalizeButton.clicked.connect(self._on_finalize_button_clicked)
        ui.correctButton.clicked.connect(self._on_correct_button_clicked)
        ui.deleteButton.clicked.connect(self._on_delete_button_clicked)
        ui.backButton.clicked.connect(self._on_back_button_clicked)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    # --- opening ---------------------------------------------------------------------------

    def new_survey(self) -> None:
        """An empty form; the survey is created once a village is picked."""
        self._reset()
        self.ui.titleLabel.setText(self.tr("New survey"))
        self.ui.surveyDate.setDate(QDate.currentDate())
        db = self.db
        self.operation().success(self._on_officer_loaded).run(lambda: current_officer(db))
        self.picker.load()
        self.ui.villageSearch.setFocus()

    def open_survey(self, survey_id: uuid.UUID, pending: PendingEdits | None = None) -> None:
        self._reset()
        self.survey_id = survey_id
        db, categories = self.db, self.categories

        def job() -> SurveyDetail:
            if pending is not None and not pending.empty:
                apply_pending(db, pending, categories)
            return load_survey(db, survey_id)

        self.operation().success(self._on_survey_loaded).run(job)
        self.picker.load()

    def _reset(self) -> None:
        self.survey_id, self.detail = None, None
        self.pending = PendingEdits()
        self._final = False
        load(self.bindings, {})
        self.gps.show(None, None, None)
        self.gps.set_village(None)
        self.respondents.show(())
        self.products.clear()
        self.ui.sectionList.setCurrentRow(0)
        self.ui.scrollArea.verticalScrollBar().setValue(0)
        self.picker.clear()
        self.ui.savedLabel.clear()
        self._show_missing(())
        self._set_read_only(False)

    @Slot(object)
    def _on_officer_loaded(self, officer: Any) -> None:
        self.officer_id = officer.id if officer else None
        self.ui.officerLabel.setText(
            officer.name
            if officer
            else self.tr("No officer profile yet: fill it in under Settings.")
        )

    @Slot(object)
    def _on_survey_loaded(self, detail: SurveyDetail) -> None:
        self.detail = detail
        self.survey_id = detail.id
        values = detail.survey.values
        load(self.bindings, values)
        self.gps.show(values.get("latitude"), values.get("longitude"), values.get("gps_source"))
        self.picker.show_village(values["village_code"])
        self.gps.set_village(values["village_code"])
        self.ui.villageSearch.setText(detail.village_name)
        self.ui.titleLabel.setText(self.tr("Survey of %1").replace("%1", detail.village_name))
        self.ui.officerLabel.setText(
            detail.officer_name or self.tr("No officer profile yet: fill it in under Settings.")
        )
        self.respondents.show(detail.respondents)
        self._final = detail.is_final
        self.products.show(detail.products)
        self._set_read_only(detail.is_final)
        self.pending = PendingEdits(detail.id, detail.village_name)
        self._write_journal()
        db, code, own = self.db, values["village_code"], detail.id
        self.operation().success(self._on_points_loaded).run(lambda: regency_points(db, code, own))
        if values.get("officer_id") is None and not detail.is_final:
            self.operation().success(self._on_profile_for_draft).run(lambda: current_officer(db))

    @Slot(object)
    def _on_profile_for_draft(self, officer: Any) -> None:
        """A draft without an officer takes the profile of the one who opens it."""
        if officer is not None and self.survey_id is not None:
            self.ui.officerLabel.setText(officer.name)
            self._on_survey_field_edited("officer_id", officer.id)

    @Slot(object)
    def _on_points_loaded(self, points: list[tuple[float, float]]) -> None:
        self.gps.others = points
        self.gps.check()

    def _set_read_only(self, read_only: bool) -> None:
        for group in (self.ui.placeGroup, self.ui.officerGroup, self.ui.factsGroup):
            show_as_data(group, read_only)  # readable as data, not greyed out
        self.products.set_read_only(read_only)
        self.ui.correctButton.setVisible(read_only)
        self.ui.finalizeButton.setVisible(not self._final)
        self.ui.statusLabel.setText(self.tr("Final") if self._final else self.tr("Draft"))

    # --- editing and saving ----------------------------------------------------------------

    def _on_survey_field_edited(self, field: str, value: Any) -> None:
        self.pending.survey[field] = value
        self.touch()

    def is_read_only(self) -> bool:
        return self._final and self.pending.reason is None

    def mark_saved(self) -> None:
        self.ui.savedLabel.setText(
            self.tr("Saved %1").replace("%1", datetime.now().strftime("%H:%M"))
        )

    def touch(self) -> None:
        self.ui.savedLabel.setText(self.tr("Not saved yet…"))
        self._journal_timer.start()
        self._autosave.start()

    @Slot()
    def _write_journal(self) -> None:
        if self.survey_id is not None:
            self.journal.write(self.pending)

    @Slot()
    def save_now(self) -> None:
        """Send what is pending to the database (the worker keeps the order of saves)."""
        self._autosave.stop()
        if self.survey_id is None or self.pending.empty:
            return
        edits, self.pending = (
            self.pending,
            PendingEdits(self.survey_id, self.pending.survey_label, reason=self.pending.reason),
        )
        db, categories = self.db, self.categories
        self._saves_in_flight += 1
        self.operation().always(self._on_save_reported).success(
            lambda _result: self._on_saved()
        ).failure(lambda error: self._on_save_failed(edits, error)).run(
            lambda: apply_pending(db, edits, categories)
        )

    def operation(self) -> Operation[Any]:
        """A job of the editor: expected trouble shows in the banner, a bug goes to the crash
        dialog, and nothing is called back once the editor is gone."""
        return Operation(self, self.worker).failure(self.report_failure)

    def _on_saved(self) -> None:
        self.mark_saved()
        self._write_journal()

    def _on_save_reported(self) -> None:
        self._saves_in_flight -= 1
        if not self._saves_in_flight:
            # after the success or failure callback has run: `always` runs first
            QTimer.singleShot(0, self, self._run_after_saves)

    @Slot()
    def _run_after_saves(self) -> None:
        if self._saves_in_flight:
            return
        waiting, self._after_saves = self._after_saves, []
        for step in waiting:
            step()

    def _on_save_failed(self, edits: PendingEdits, error: DomainError) -> None:
        # Put the edits back under anything typed since, so nothing is lost.
        for name, value in edits.survey.items():
            self.pending.survey.setdefault(name, value)
        for table_edits, pending_table in (
            (edits.products, self.pending.products),
            (edits.respondents, self.pending.respondents),
        ):
            for record_id, values in table_edits.items():
                merged = dict(values)
                merged.update(pending_table.get(record_id, {}))
                pending_table[record_id] = merged
        self._write_journal()
        self.ui.savedLabel.setText(self.tr("Not saved"))
        self.report_failure(error)

    def report_failure(self, error: DomainError) -> None:
        self.ui.missingBanner.setText(html.escape(error_text(error)))
        self.ui.missingBanner.setVisible(True)

    @Slot(object, object)
    def _on_app_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.isAncestorOf(old) and not self.pending.empty:
            self.save_now()

    def leave(self, then: Callable[[], None] | None = None) -> None:
        """Save and forget the open survey, then run `then`, without waiting for the worker.

        Once the last save has reported, the journal is no longer needed and is cleared; a save
        that failed put its edits back into `pending`, and the journal keeps them for the next
        start. With nothing in flight, all this happens at once.
        """
        self.save_now()
        left = self.survey_id

        def finish() -> None:
            if self.pending.empty and self.survey_id == left:
                self.journal.clear()
            if then is not None:
                then()

        if self._saves_in_flight:
            self._after_saves.append(finish)
        else:
            finish()

    # --- village ---------------------------------------------------------------------------

    @Slot(str)
    def _on_picker_village_chosen(self, code: str) -> None:
        self.ui.villageError.setVisible(False)
        self.gps.set_village(code)
        if self.survey_id is not None:
            self._on_survey_field_edited("village_code", code)
            self.save_now()
            return
        data = SurveyInput(
            village_code=code,
            survey_date=_python_date(self.ui.surveyDate.date()),
            officer_id=self.officer_id,
        )
        db = self.db
        self.operation().success(self.open_survey).run(lambda: create_survey(db, data))

    @Slot()
    def _on_picker_regions_missing(self) -> None:
        self._show_missing(
            (("village_code", self.tr("There is no region list yet: import it under Settings.")),)
        )

    # --- GPS from a photo ----------------------------------------------------------------

    @Slot()
    def _on_gps_from_photo_button_clicked(self) -> None:
        dialogs.open_files(
            self,
            self.tr("Read position from a photo"),
            PHOTO_FILTER,
            lambda files: self.read_gps_from_photo(files[0]),
        )

    def read_gps_from_photo(self, file: str) -> None:
        self.operation().success(self._on_photo_location_read).run(
            lambda: photos.read_photo_location(Path(file))
        )

    @Slot(object)
    def _on_photo_location_read(self, location: photos.PhotoLocation | None) -> None:
        if location is None:
            self.gps.warn(self.tr("This photo carries no GPS position."))
            return
        self.gps.set_point(location.latitude, location.longitude, "foto")
        if location.taken_at is not None and not self.ui.gpsWarning.isVisible():
            local = location.taken_at.astimezone(WITA)
            self.gps.warn(
                self.tr("Position read from a photo taken on %1 at %2.")
                .replace("%1", date_text(local.date()))
                .replace("%2", local.strftime("%H.%M")),
                severity="info",
            )

    # --- finalise, correct, delete ---------------------------------------------------------

    @Slot()
    def _on_finalize_button_clicked(self) -> None:
        if self.survey_id is None:  # nothing saved yet: no village, so no candidate either
            self._show_missing(
                (
                    ("village_code", self.tr("Choose the village from the region list.")),
                    ("products", self.tr("Add at least one candidate product.")),
                )
            )
            return
        self.save_now()
        db, survey_id = self.db, self.survey_id
        self.operation().success(lambda _r: self.open_survey(survey_id)).failure(
            self._on_finalize_failed
        ).run(lambda: finalize_survey(db, survey_id))

    def _on_finalize_failed(self, error: DomainError) -> None:
        if isinstance(error, SurveyIncompleteError):
            self._show_missing(
                tuple((m.field, in_language(m.message_id, m.message_en)) for m in error.missing)
            )
        else:
            self.report_failure(error)

    def _show_missing(self, items: tuple[tuple[str, str], ...]) -> None:
        """Each missing item next to its field, and all of them in the banner."""
        targets: dict[str, QLabel] = {
            "village_code": self.ui.villageError,
            "officer_id": self.ui.officerError,
            "products": self.ui.productsError,
        }
        by_label: dict[QLabel, list[str]] = {}
        for field, text in items:
            label = targets.get(field)
            if label is not None:
                by_label.setdefault(label, []).append(text)
        for label in targets.values():
            texts = by_label.get(label, [])
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        banner = self.ui.missingBanner
        banner.setVisible(bool(items))
        links = " ".join(f'<a href="{field}">{html.escape(text)}</a>' for field, text in items)
        banner.setText(f"{html.escape(self.tr('Not final yet:'))} {links}" if items else "")

    @Slot(str)
    def _on_missing_banner_link_activated(self, field: str) -> None:
        """A missing item of the banner, clicked: its field comes into view, with the focus."""
        ui = self.ui
        target: QWidget = {
            "village_code": ui.villageSearch,
            "survey_date": ui.surveyDate,
            "officer_id": ui.officerLabel,
            "products": ui.addProductButton,
        }.get(field, ui.villageSearch)
        ui.scrollArea.ensureWidgetVisible(target)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_correct_button_clicked(self) -> None:
        dialogs.ask_reason(
            self,
            self.tr("Correct a final survey"),
            self.tr(
                "Why does this final survey need a correction? The reason is "
                "kept with every change in the audit log."
            ),
            self.start_correction,
        )

    def start_correction(self, reason: str) -> None:
        self.pending.reason = reason
        self._set_read_only(False)
        self.ui.correctButton.setVisible(False)
        self.ui.statusLabel.setText(self.tr("Final, being corrected"))

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        if self.survey_id is None:
            self.closed.emit()
            return
        survey_id, db = self.survey_id, self.db

        def delete() -> None:
            self.pending = PendingEdits()
            self.operation().success(lambda _r: self._on_deleted(survey_id)).run(
                lambda: delete_survey(db, survey_id)
            )

        dialogs.confirm(
            self,
            self.tr("Delete survey"),
            self.tr("Delete this survey? You can undo it until the next export."),
            self.tr("Delete"),
            delete,
        )

    def _on_deleted(self, survey_id: uuid.UUID) -> None:
        self.journal.clear()
        self.survey_id = None
        self.deleted.emit(survey_id)

    @Slot()
    def _on_back_button_clicked(self) -> None:
        self.leave()
        self.closed.emit()

    @Slot(int)
    def _on_section_list_current_row_changed(self, row: int) -> None:
        groups = (
            self.ui.placeGroup,
            self.ui.officerGroup,
            self.ui.factsGroup,
            self.ui.productsGroup,
        )
        if 0 <= row < len(groups):
            self.ui.scrollArea.ensureWidgetVisible(groups[row], 0, 0)
            self.ui.scrollArea.verticalScrollBar().setValue(groups[row].y())
