"""Penilaian & Peringkat: pick a survey and a candidate, score it, rank the village, recommend;
and the regional ranking across a kecamatan, a kabupaten/kota or the province."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.text import search_key
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.assessment.village_ranking import VillageRanking, rank_survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui.assessment.assessment_panel import AssessmentPanel
from ovop_desktop.ui.assessment.radar_chart import PALETTE, RadarChart, Series
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.ranking.regional_ranking import RegionalRankingView
from ovop_desktop.ui.ranking.village_ranking import VillageRankingView
from ovop_desktop.ui.worker import Worker

ID_ROLE = Qt.ItemDataRole.UserRole


class AssessmentPage(QWidget):
    def __init__(
        self,
        db: Database,
        paths: AppPaths,
        worker: Worker,
        rubric: Rubric,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.worker, self.rubric = db, worker, rubric
        self.survey_id: uuid.UUID | None = None
        self._categories: dict[uuid.UUID, tuple[str, str]] = {}
        self._rows: list[SurveyRow] = []
        self._wanted_product: uuid.UUID | None = None
        self._grid_when_loaded = False

        self.search = QLineEdit(placeholderText=self.tr("Find a village…"))
        self.search.setClearButtonEnabled(True)
        self.surveys = QListWidget()
        self.surveys.setObjectName("surveyPicker")
        self.candidates = QListWidget()
        self.candidates.setObjectName("candidatePicker")
        self.candidates.setMaximumHeight(170)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            QLabel(self.tr("Survey")),
            self.search,
            self.surveys,
            QLabel(self.tr("Candidate products")),
            self.candidates,
        ):
            left_layout.addWidget(widget)
        left.setMinimumWidth(128)
        left.setMaximumWidth(210)
        self.left = left

        self.panel = AssessmentPanel(db, paths, worker)
        self.village = VillageRankingView(db, worker)
        self.village_radar = RadarChart(rubric)
        self.village_radar.setMinimumWidth(220)
        self.village_radar.setMaximumWidth(250)
        self.village.side_layout.addWidget(self.village_radar)
        self.regional = RegionalRankingView(db, worker)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.panel, self.tr("&Assessment"))
        self.tabs.addTab(self.village, self.tr("&Village ranking"))
        self.tabs.addTab(self.regional, self.tr("&Regional ranking"))

        village_side = QSplitter()
        village_side.addWidget(left)
        village_side.addWidget(self.tabs)
        village_side.setStretchFactor(1, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(village_side)

        self._filter_timer = QTimer(self, singleShot=True, interval=120)
        self._filter_timer.timeout.connect(self._on_filter_timer_timeout)
        self.search.textEdited.connect(self._filter_timer.start)
        self.surveys.currentItemChanged.connect(self._on_surveys_current_item_changed)
        self.candidates.currentItemChanged.connect(self._on_candidates_current_item_changed)
        self.panel.assessmentSaved.connect(self._on_panel_assessment_saved)
        self.regional.openProduct.connect(self._on_regional_open_product)
        self.regional.openSurvey.connect(self._on_regional_open_survey)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        # The keyboard path: Enter goes on (village → candidates → the grid), and the next or
        # previous candidate is one chord away from anywhere on the page.
        self.surveys.itemActivated.connect(lambda _item: self.candidates.setFocus())
        self.candidates.itemActivated.connect(lambda _item: self.focus_grid())
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            QShortcut(QKeySequence(keys), self).activated.connect(
                lambda step=step: self.next_candidate(step)
            )

    def focus_first(self) -> None:
        """Where the keyboard starts on this page: the grid of the candidate shown, else the
        village search."""
        if self.candidates.currentItem() is not None:
            self.focus_grid()
        else:  # the candidates are still loading: the grid takes the keyboard once they come
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._grid_when_loaded = True

    def focus_grid(self) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.panel.grid.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def next_candidate(self, step: int = 1) -> None:
        """The next (or previous) candidate of the village, its grid at the first criterion."""
        count = self.candidates.count()
        if not count:
            return
        row = (self.candidates.currentRow() + step) % count
        self.candidates.setCurrentRow(row)
        self.focus_grid()
        rubric = self.panel.grid.rubric()
        if rubric is not None and rubric.criterion_ids:
            self.panel.grid.set_current_criterion(rubric.criterion_ids[0])

    def load(self) -> None:
        """(Re)load the surveys; keeps the chosen one."""
        db, rubric = self.db, self.rubric
        Operation[list[SurveyRow]](self, self.worker).success(self._on_surveys_loaded).run(
            lambda: list_surveys(db, rubric)
        )

    def open_survey(self, survey_id: uuid.UUID, product_id: uuid.UUID | None = None) -> None:
        self._wanted_product = product_id
        for row in range(self.surveys.count()):
            item = self.surveys.item(row)
            if item.data(ID_ROLE) == survey_id:
                item.setHidden(False)
                self.surveys.setCurrentItem(item)
                return
        self._show_survey(survey_id)

    @Slot(object)
    def _on_surveys_loaded(self, rows: list[SurveyRow]) -> None:
        self._rows = rows
        chosen = self.survey_id
        blocked = self.surveys.blockSignals(True)
        self.surveys.clear()
        for row in rows:
            item = QListWidgetItem(row.village)
            item.setToolTip(f"{row.district}, {row.regency} · {row.survey_date:%d/%m/%Y}")
            item.setData(ID_ROLE, row.survey_id)
            self.surveys.addItem(item)
            if row.survey_id == chosen:
                self.surveys.setCurrentItem(item)
        self.surveys.blockSignals(blocked)
        self._on_filter_timer_timeout()
        if chosen is None and rows:
            self.surveys.setCurrentRow(0)

    @Slot()
    def _on_filter_timer_timeout(self) -> None:
        words = search_key(self.search.text()).split()
        for index, row in enumerate(self._rows):
            haystack = search_key(f"{row.village} {row.district} {row.regency}")
            self.surveys.item(index).setHidden(not all(w in haystack for w in words))

    @Slot(object, object)
    def _on_surveys_current_item_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        if current is not None:
            self._show_survey(current.data(ID_ROLE))

    def _show_survey(self, survey_id: uuid.UUID) -> None:
        self.survey_id = survey_id
        self.village.show_survey(survey_id, self.rubric)
        db, rubric = self.db, self.rubric
        Operation[VillageRanking](self, self.worker).success(self._on_ranking_loaded).run(
            lambda: rank_survey(db, survey_id, rubric)
        )

    @Slot(object)
    def _on_ranking_loaded(self, ranking: VillageRanking) -> None:
        if ranking.survey_id != self.survey_id:
            return
        wanted = self._wanted_product
        current = self.candidates.currentItem()
        keep = wanted or (current.data(ID_ROLE) if current is not None else None)
        entries = sorted(ranking.entries, key=lambda e: e.name.casefold())
        self._categories = {entry.product_id: (entry.name, entry.category) for entry in entries}
        blocked = self.candidates.blockSignals(True)
        listed = [self.candidates.item(row).data(ID_ROLE) for row in range(self.candidates.count())]
        if listed == [entry.product_id for entry in entries]:
            # The same candidates (a save re-ranked them): rename in place, so the list keeps
            # its scroll and current row.
            for row, entry in enumerate(entries):
                self.candidates.item(row).setText(entry.name)
        else:
            self.candidates.clear()
            for entry in entries:
                item = QListWidgetItem(entry.name)
                item.setData(ID_ROLE, entry.product_id)
                self.candidates.addItem(item)
        for row, entry in enumerate(entries):
            if entry.product_id == keep:
                self.candidates.setCurrentRow(row)
        self.candidates.blockSignals(blocked)
        self._wanted_product = None
        chosen = self.candidates.currentItem()
        if chosen is None and self.candidates.count():
            self.candidates.setCurrentRow(0)
        elif chosen is not None and not self._panel_shows(chosen.data(ID_ROLE)):
            self._on_candidates_current_item_changed(chosen, None)
        self.village_radar.set_series(
            [
                Series(entry.name, entry.levels, PALETTE[index % len(PALETTE)])
                for index, entry in enumerate(e for e in ranking.entries if e.rank is not None)
            ]
        )
        if self._grid_when_loaded and self.candidates.currentItem() is not None:
            self._grid_when_loaded = False
            if self.search.hasFocus() and not self.search.text():  # not searching meanwhile
                self.focus_grid()

    def _panel_shows(self, product_id: uuid.UUID) -> bool:
        """Whether the panel already shows this candidate as it is now named and categorised:
        a save re-ranks the village but must never re-open the candidate being scored."""
        panel = self.panel
        shown = (panel.product_id, panel.product_name, panel.category)
        return shown == (product_id, *self._categories[product_id])

    @Slot(object, object)
    def _on_candidates_current_item_changed(
        self, current: QListWidgetItem | None, _previous: object
    ) -> None:
        if current is None:
            return
        product_id = current.data(ID_ROLE)
        name, category = self._categories[product_id]
        self.panel.save_now()
        self.panel.show_product(product_id, name, category, self.rubric)

    @Slot(object)
    def _on_panel_assessment_saved(self, _product_id: object) -> None:
        if self.survey_id is not None:
            self.village.reload()
            db, rubric, survey_id = self.db, self.rubric, self.survey_id
            Operation[VillageRanking](self, self.worker).success(self._on_ranking_loaded).run(
                lambda: rank_survey(db, survey_id, rubric)
            )

    @Slot(object, object)
    def _on_regional_open_product(self, product_id: uuid.UUID, survey_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.open_survey(survey_id, product_id)

    @Slot(object)
    def _on_regional_open_survey(self, survey_id: uuid.UUID) -> None:
        self.tabs.setCurrentWidget(self.panel)
        self.open_survey(survey_id)

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        self.panel.save_now()
        regional = self.tabs.widget(index) is self.regional
        self.left.setVisible(not regional)  # the regional ranking needs the width, not a survey
        if regional:
            self.regional.load(self.rubric)
