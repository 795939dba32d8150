"""The Survei page: every survey with its top candidate, narrowed by typing and two pickers, and
the Excel template for paper surveys (template_import).

Rows are loaded on the worker, the first screenful first and the rest right after; filtering and
sorting happen in the models (see survey_table_model), fast enough at 10,000 surveys to follow
every keystroke without a delay.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from ovop_desktop.core.formatting import short_date, short_regency, star_text
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.surveys.gps_flags import GpsFlag, gps_flags
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui.forms.ui_survey_list import Ui_SurveyListPage
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.display import number_text
from ovop_desktop.ui.kit.read_only_table import fit_columns, make_read_only
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.surveys.survey_table_model import (
    Column,
    SurveyFilter,
    SurveyFilterProxy,
    SurveyTableModel,
)
from ovop_desktop.ui.surveys.template_import import TemplateMenu
from ovop_desktop.ui.worker import Worker

# Widest content of the fixed columns, measured with the view's font; the village and top
# candidate columns take what is left, so that the table fits 1366 px less the navigation.
# The stars column fits the scale of the rubric the rows were ranked under.
_SAMPLES: dict[int, str] = {
    Column.REGENCY: short_regency("Kabupaten Hulu Sungai Selatan"),
    Column.DISTRICT: "Banjarmasin Tengah",
    Column.DATE: short_date(date(2026, 12, 30), "id"),
    Column.OFFICER: "Rahmah Hidayati, S.E.",
    Column.STATUS: "Final",
    Column.CANDIDATES: "888",
}


@dataclass(frozen=True)
class _Loaded:
    rows: list[SurveyRow]
    out_of: int  # the top of the star scale of the rubric in force


TYPE_CHECKING = False
if TYPE_CHECKING:  # the database side loads after the first paint: the list may show before
    from ovop_desktop.services.database import Database
    from ovop_desktop.services.surveys.xlsx_template import TemplateImportResult

# Surveys loaded first, to fill the screen at once; the rest follow in a second job.
FIRST_ROWS = 100


def _load_rows(db: Database, *, offset: int = 0, limit: int | None = None) -> _Loaded:
    """The job run on the worker: no widget is touched here."""
    from ovop_desktop.services.rubrics import rubric_in_force
    from ovop_desktop.services.surveys.survey_list import list_surveys

    rubric = rubric_in_force(db)
    return _Loaded(list_surveys(db, rubric, offset=offset, limit=limit), rubric.max_stars)


class SurveyListPage(QWidget):
    """The list of surveys. `openRequested(survey_id)` on double-click or Enter on a row;
    `newRequested()` from the New survey button; `surveysImported()` once a filled template
    came in (the list reloads itself)."""

    openRequested = Signal(object)  # uuid.UUID of the survey
    newRequested = Signal()
    surveysImported = Signal()

    def __init__(self, db: Database | None, worker: Worker, parent: QWidget | None = None) -> None:
        """`db` None: the page shows a list before the database is open (see show_kept), and
        works once `attach` gives it."""
        super().__init__(parent)
        self.db: Database | None = None
        self.worker = worker
        self._loaded = False
        self._whole_next = False  # the next load replaces the rows shown at once, whole
        self._open_after_attach: uuid.UUID | None = None
        self._load = 0  # the latest reload: results of an earlier one are dropped
        self._select_after_load: uuid.UUID | None = None
        self._kept: uuid.UUID | None = None  # selected before a reload, until its row is back
        self._paths: AppPaths | None = None  # set: points are checked against the outlines
        self.ui = Ui_SurveyListPage()
        self.ui.setupUi(self)  # type: ignore[no-untyped-call]
        title_font = self.ui.pageTitle.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.ui.pageTitle.setFont(title_font)

        self.model = SurveyTableModel(self)
        self.proxy = SurveyFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        table = self.ui.surveyTable
        table.setModel(self.proxy)
        make_read_only(table)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        self._stars_scale: int | None = None
        self._size_columns(0)
        table.sortByColumn(Column.REGENCY, Qt.SortOrder.AscendingOrder)

        self.ui.statusCombo.addItem(self.tr("All statuses"), None)
        self.ui.statusCombo.addItem(self.tr("Draft"), "draft")
        self.ui.statusCombo.addItem(self.tr("Final"), "final")
        self.ui.regencyCombo.addItem(self.tr("All regencies / cities"), None)
        self._fill_regencies()

        self.ui.searchEdit.textChanged.connect(self._on_search_edit_text_changed)
        self.ui.regencyCombo.currentIndexChanged.connect(
            self._on_regency_combo_current_index_changed
        )
        self.ui.statusCombo.currentIndexChanged.connect(self._on_status_combo_current_index_changed)
        self.ui.clearFiltersButton.clicked.connect(self._on_clear_filters_button_clicked)
        self.ui.newSurveyButton.clicked.connect(self._on_new_survey_button_clicked)
        self.template_menu = TemplateMenu(
            self, self.ui.templateButton, self.ui.messageLabel, None, worker
        )
        self.template_menu.imported.connect(self._on_template_menu_imported)
        table.activated.connect(self._on_survey_table_activated)
        if db is None:
            self.ui.newSurveyButton.setEnabled(False)
            self.ui.templateButton.setEnabled(False)
        else:
            self.attach(db)
        self._show_state()

    # Public interface

    def attach(self, db: Database) -> None:
        """The database is open: the page works on it (a survey opened meanwhile opens now).
        The caller reloads the list."""
        self.db = self.template_menu.db = db
        self.ui.newSurveyButton.setEnabled(True)
        self.ui.templateButton.setEnabled(True)
        if self._open_after_attach is not None:
            survey_id, self._open_after_attach = self._open_after_attach, None
            self.openRequested.emit(survey_id)

    def show_kept(self, rows: list[SurveyRow], out_of: int) -> None:
        """Show the list kept from the last session (services.surveys.kept_list), or read
        before the ranking (services.surveys.lean_list), until the database is open; the first
        load then replaces it whole, at once."""
        self._whole_next = True
        self._size_columns(out_of)
        self.model.set_rows(rows, out_of)
        self._loaded = True
        self._fill_regencies()
        self._show_state()

    def show_kept_more(self, rows: list[SurveyRow]) -> None:
        """Show these rows too, after those of show_kept (the rest of a list read before the
        ranking, its first screenful shown first)."""
        self.model.add_rows(rows)
        self._fill_regencies()
        self._show_state()

    def reload(self) -> None:
        """Load the surveys again on the worker, the first screenful first, then the rest (two
        jobs, one after the other on the serial worker); the selected survey stays selected.
        Over a list shown by show_kept, one job loads them all: the rows shown stay until it is
        done."""
        db, first = self.db, FIRST_ROWS
        if db is None:
            return  # attach loads them
        self._load += 1
        load = self._load
        if self._whole_next:
            self._whole_next = False
            Operation[_Loaded](self, self.worker).success(
                lambda loaded: self._on_surveys_loaded(loaded, load)
            ).run(lambda: _load_rows(db))
            return
        Operation[_Loaded](self, self.worker).success(
            lambda loaded: self._on_surveys_loaded(loaded, load)
        ).run(lambda: _load_rows(db, limit=first))
        Operation[_Loaded](self, self.worker).success(
            lambda loaded: self._on_more_loaded(loaded, load)
        ).run(lambda: _load_rows(db, offset=first))

    def check_points(self, paths: AppPaths) -> None:
        """Flag surveys whose point lies outside their village's outline (a job after the rows
        are shown, only for surveys with a point)."""
        self._paths = paths

    def _check_gps(self, rows: list[SurveyRow], load: int) -> None:
        paths = self._paths
        points = [
            (row.survey_id, row.latitude, row.longitude, row.village_code)
            for row in rows
            if row.latitude is not None and row.longitude is not None
        ]
        if paths is None or not points:
            return
        Operation[dict[uuid.UUID, GpsFlag]](self, self.worker).success(
            lambda flags: self._on_gps_checked(flags, load)
        ).run(lambda: gps_flags(paths, points))

    def _on_gps_checked(self, flags: dict[uuid.UUID, GpsFlag], load: int) -> None:
        if load == self._load:
            self.model.add_gps_flags(flags)

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def clear_filters(self) -> None:
        """Show every survey: empty search, all regencies, all statuses."""
        for widget in (self.ui.searchEdit, self.ui.regencyCombo, self.ui.statusCombo):
            widget.blockSignals(True)
        self.ui.searchEdit.clear()
        self.ui.regencyCombo.setCurrentIndex(0)
        self.ui.statusCombo.setCurrentIndex(0)
        for widget in (self.ui.searchEdit, self.ui.regencyCombo, self.ui.statusCombo):
            widget.blockSignals(False)
        self.proxy.set_filter(SurveyFilter())
        self._show_state()

    def selected_survey_id(self) -> uuid.UUID | None:
        current = self.ui.surveyTable.selectionModel().currentIndex()
        if not current.isValid() or not self.ui.surveyTable.selectionModel().isRowSelected(
            current.row()
        ):
            return None
        return self.proxy.survey_id(current.row())

    def select_survey(self, survey_id: uuid.UUID) -> bool:
        """Select and show the survey's row; False when it is filtered out or absent."""
        row = self.proxy_row(survey_id)
        if row is None:
            return False
        index = self.proxy.index(row, 0)
        self.ui.surveyTable.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.ui.surveyTable.scrollTo(index)
        return True

    def proxy_row(self, survey_id: uuid.UUID) -> int | None:
        return self.proxy.proxy_row_for(survey_id)

    # Layout

    def _size_columns(self, out_of: int) -> None:
        """Fit the columns to their samples, the stars to a scale of `out_of` (once per scale:
        widths the officer dragged stay)."""
        if out_of != self._stars_scale:
            self._stars_scale = out_of
            fit_columns(self.ui.surveyTable, {**_SAMPLES, Column.STARS: star_text(0, out_of)})

    def _fill_regencies(self) -> None:
        regencies = [(regency, regency) for regency in self.model.regencies()]
        if not refill_combo(self.ui.regencyCombo, regencies):
            # The regency chosen has no survey any more: show all rather than nothing.
            self.proxy.set_regency(None)

    def _show_state(self) -> None:
        total = self.model.total_rows
        shown = self.proxy.rowCount()
        if not self._loaded:
            self.ui.emptyLabel.setText(self.tr("Loading surveys…"))
        elif total == 0:
            self.ui.emptyLabel.setText(
                self.tr("No surveys yet. Press Ctrl+N to record the first one.")
            )
        else:
            self.ui.emptyLabel.setText(
                self.tr("No survey matches the search and filters. Clear the filters to see all.")
            )
        self.ui.stack.setCurrentWidget(self.ui.tablePage if shown else self.ui.emptyPage)
        self.ui.countLabel.setText(
            self.tr("%1 of %2 surveys")
            .replace("%1", number_text(shown))
            .replace("%2", number_text(total))
        )
        self.ui.countLabel.setVisible(total > 0)
        for widget in (self.ui.searchEdit, self.ui.regencyCombo, self.ui.statusCombo):
            widget.setEnabled(total > 0)
        self.ui.clearFiltersButton.setEnabled(self.proxy.survey_filter.active)

    # Slots

    def _on_surveys_loaded(self, loaded: _Loaded, load: int) -> None:
        """The first rows of a load: they replace what was shown."""
        if load != self._load:
            return  # a later reload is on its way
        self._kept = self._select_after_load or self.selected_survey_id()
        self._select_after_load = None
        self._size_columns(loaded.out_of)
        if not self.model.same_rows(loaded.rows, loaded.out_of):
            self.model.set_rows(loaded.rows, loaded.out_of)  # else nothing moves on screen
        self._check_gps(loaded.rows, load)
        self._loaded = True
        self._fill_regencies()
        if self._kept is not None and self.select_survey(self._kept):
            self._kept = None
        self._show_state()

    def _on_more_loaded(self, loaded: _Loaded, load: int) -> None:
        """The rest of a load, added to its first rows."""
        if load != self._load or not loaded.rows:
            self._kept = None if load == self._load else self._kept
            return  # a later reload is on its way, or the first rows were all there is
        self.model.add_rows(loaded.rows)
        self._check_gps(loaded.rows, load)
        self._fill_regencies()
        if self._kept is not None:  # the survey selected before was not among the first rows
            self.select_survey(self._kept)
            self._kept = None
        self._show_state()

    @Slot(str)
    def _on_search_edit_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_state()

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_regency(self.ui.regencyCombo.itemData(index))
        self._show_state()

    @Slot(int)
    def _on_status_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_status(self.ui.statusCombo.itemData(index))
        self._show_state()

    @Slot()
    def _on_clear_filters_button_clicked(self) -> None:
        self.clear_filters()
        self.ui.searchEdit.setFocus()

    @Slot()
    def _on_new_survey_button_clicked(self) -> None:
        self.newRequested.emit()

    @Slot(object)
    def _on_template_menu_imported(self, result: TemplateImportResult) -> None:
        # Show what came in: no filter may hide the new drafts, the first one is selected.
        self.clear_filters()
        self._select_after_load = result.survey_ids[0] if result.survey_ids else None
        self.reload()
        self.surveysImported.emit()

    @Slot(QModelIndex)
    def _on_survey_table_activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        survey_id = self.proxy.survey_id(index.row())
        if self.db is None:  # a list shown before the database is open: opened on attach
            self._open_after_attach = survey_id
        else:
            self.openRequested.emit(survey_id)
