"""The candidates of a kabupaten/kota, a kecamatan or the whole province ranked under one rubric
version, narrowed by category, stars and survey status, and the surveyed villages that have no
assessed candidate yet.

The region picked is ranked on the worker; the other filters work in the proxy model. The first
rows show as soon as the ranking is known; the rest are prepared on the worker a part at a time
and added below them, so that the GUI thread never does more than show a part.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import short_regency, star_text
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.assessment.regional_ranking import RegionalRanking, rank_region
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import RegionHit, children, regencies
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.display import category_names, number_text
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.read_only_table import fit_columns, read_only_table
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.ranking.regional_table_model import (
    SURVEY_ID_ROLE,
    Column,
    RegionalFilterProxy,
    RegionalTableModel,
    UnassessedTableModel,
    prepare_rows,
)
from ovop_desktop.ui.worker import Worker

# Widths of the fixed columns: their common content (longer names elide, with the full text on
# hover); the product and village columns take what is left, so that the table fits 1366 px
# less the navigation. The stars column is sized to the rubric's scale once it is known.
_SAMPLES: dict[int, str] = {
    Column.TOTAL: "100,00",
    Column.CATEGORY: "Anyaman purun",
    Column.DISTRICT: "Sungai Pandan",
    Column.REGENCY: short_regency("Kabupaten Hulu Sungai Selatan"),
    Column.VILLAGE_RANK: "88",
    Column.RECOMMENDED: "✔",
    Column.BASIS: "Konsensus",
}


FIRST_ROWS = 200  # prepared with the ranking: more than a screenful
PART_ROWS = 5_000  # prepared per job on the worker afterwards


@dataclass(frozen=True)
class _Part:
    """Rows of a ranking prepared for the table, from row `start` on."""

    ranking: RegionalRanking
    start: int
    prepared: list[Any]


def _first_part(db: Database, code: str | None, rubric: Rubric, texts: dict[str, str]) -> _Part:
    ranking = rank_region(db, code, rubric)
    return _Part(ranking, 0, prepare_rows(ranking.rows[:FIRST_ROWS], rubric, texts))


def _next_part(
    ranking: RegionalRanking, start: int, rubric: Rubric, texts: dict[str, str]
) -> _Part:
    rows = ranking.rows[start : start + PART_ROWS]
    return _Part(ranking, start, prepare_rows(rows, rubric, texts))


class RegionalRankingView(QWidget):
    """The regional ranking. `openProduct(product_id, survey_id)` on double-click or Enter on a
    candidate; `openSurvey(survey_id)` on a village without an assessed candidate."""

    openProduct = Signal(object, object)  # uuid.UUID of the product, of its survey
    openSurvey = Signal(object)  # uuid.UUID of the survey

    def __init__(self, db: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.rubric: Rubric | None = None
        self.ranking: RegionalRanking | None = None
        self._regencies_loaded = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(8)
        layout.addWidget(page_title(self.tr("Regional ranking")))

        self.regency_combo = QComboBox()
        self.regency_combo.addItem(self.tr("Whole province"), None)
        self.district_combo = QComboBox()
        self.district_combo.addItem(self.tr("All districts"), None)
        self.district_combo.setEnabled(False)
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All categories"), None)
        self.stars_combo = QComboBox()
        self.stars_combo.addItem(self.tr("All"), 0)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All surveys"), None)
        self.status_combo.addItem(self.tr("Draft surveys"), "draft")
        self.status_combo.addItem(self.tr("Final surveys"), "final")
        filters = QGridLayout()
        filters.setHorizontalSpacing(12)
        filters.setVerticalSpacing(2)
        pickers = (
            (self.tr("Regency / City"), self.regency_combo, 3),
            (self.tr("District"), self.district_combo, 3),
            (self.tr("Category"), self.category_combo, 3),
            (self.tr("Minimum stars"), self.stars_combo, 1),
            (self.tr("Survey status"), self.status_combo, 2),
        )
        for column, (text, combo, stretch) in enumerate(pickers):
            label = QLabel(text)
            label.setBuddy(combo)
            combo.setMaxVisibleItems(20)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            filters.addWidget(label, 0, column)
            filters.addWidget(combo, 1, column)
            filters.setColumnStretch(column, stretch)
        layout.addLayout(filters)

        self.summary = QLabel(self.tr("Loading the ranking…"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.model = RegionalTableModel(self)
        self.proxy = RegionalFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self.proxy, alternating=False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.TOTAL, Qt.SortOrder.DescendingOrder)
        fit_columns(self.table, _SAMPLES)

        self.unassessed_model = UnassessedTableModel(self)
        self.unassessed_table = read_only_table(self.unassessed_model, alternating=False)
        fit_columns(self.unassessed_table, {})
        self.unassessed_label = QLabel()
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 6, 0, 0)
        lower_layout.addWidget(self.unassessed_label)
        lower_layout.addWidget(self.unassessed_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_current_index_changed)
        self.district_combo.currentIndexChanged.connect(
            self._on_district_combo_current_index_changed
        )
        self.category_combo.currentIndexChanged.connect(
            self._on_category_combo_current_index_changed
        )
        self.stars_combo.currentIndexChanged.connect(self._on_stars_combo_current_index_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_combo_current_index_changed)
        self.table.activated.connect(self._on_table_activated)
        self.unassessed_table.activated.connect(self._on_unassessed_table_activated)
        self._show_state()

    # Public interface

    def load(self, rubric: Rubric) -> None:
        """Rank the region picked (the province at first) under `rubric`, on the worker."""
        if self.rubric is None or (self.rubric.id, self.rubric.version) != (
            rubric.id,
            rubric.version,
        ):
            self.rubric = rubric
            self._fill_stars(rubric.max_stars)
            fit_columns(self.table, {**_SAMPLES, Column.STARS: star_text(0, rubric.max_stars)})
            self._fill_categories()
        db = self.db
        if not self._regencies_loaded:
            Operation[list[RegionHit]](self, self.worker).success(self._on_regencies_loaded).run(
                lambda: regencies(db)
            )
        self._reload()

    def region_code(self) -> str | None:
        """The kecamatan picked, else the kabupaten/kota, else None (the whole province)."""
        district = self.district_combo.currentData()
        if isinstance(district, str):
            return district
        regency = self.regency_combo.currentData()
        return regency if isinstance(regency, str) else None

    # Layout and state

    def _fill_categories(self) -> None:
        names = category_names(self.rubric) if self.rubric is not None else {}
        refill_combo(self.category_combo, [(name, id_) for id_, name in names.items()])
        self.proxy.set_category(self.category_combo.currentData())

    def _fill_stars(self, out_of: int) -> None:
        """The minimum stars to pick from: one to the top of the rubric's scale."""
        steps = [(f"★{n}+" if n < out_of else f"★{n}", n) for n in range(1, out_of + 1)]
        refill_combo(self.stars_combo, steps)
        self.proxy.set_min_stars(int(self.stars_combo.currentData() or 0))

    def _fill_regions(self, combo: QComboBox, hits: list[RegionHit]) -> None:
        refill_combo(combo, [(hit.name, hit.code) for hit in hits])

    def _reload(self) -> None:
        rubric, db, code = self.rubric, self.db, self.region_code()
        if rubric is None:
            return
        texts = self.model.texts()
        Operation[_Part](self, self.worker).success(self._on_ranking_loaded).run(
            lambda: _first_part(db, code, rubric, texts)
        )

    def _load_part(self, ranking: RegionalRanking, start: int) -> None:
        """Prepare the rows from `start` on, on the worker; they are added when they come."""
        rubric, texts = self.rubric, self.model.texts()
        if rubric is None or start >= len(ranking.rows):
            return
        Operation[_Part](self, self.worker).success(self._on_part_loaded).run(
            lambda: _next_part(ranking, start, rubric, texts)
        )

    def _show_state(self) -> None:
        ranking, rubric = self.ranking, self.rubric
        if ranking is None or rubric is None:
            self.summary.setText(self.tr("Loading the ranking…"))
            self.unassessed_label.setText(self.tr("Villages without an assessed candidate yet"))
            return
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total < len(ranking.rows):
            self.summary.setText(
                self.tr("Ranking under rubric %1 version %2 · loading %3 of %4 candidates…")
                .replace("%1", rubric.name)
                .replace("%2", str(ranking.rubric_version))
                .replace("%3", number_text(total))
                .replace("%4", number_text(len(ranking.rows)))
            )
            return
        text = (
            self.tr("Ranking under rubric %1 version %2 · %3 of %4 candidates")
            if self.proxy.regional_filter.active
            else self.tr("Ranking under rubric %1 version %2 · %3 candidates")
        )
        self.summary.setText(
            text.replace("%1", rubric.name)
            .replace("%2", str(ranking.rubric_version))
            .replace("%3", number_text(shown))
            .replace("%4", number_text(total))
        )
        self.unassessed_label.setText(
            self.tr("Villages without an assessed candidate yet (%1)").replace(
                "%1", number_text(len(ranking.unassessed))
            )
        )

    # Slots

    @Slot(object)
    def _on_regencies_loaded(self, hits: list[RegionHit]) -> None:
        self._regencies_loaded = True
        self._fill_regions(self.regency_combo, hits)

    @Slot(object)
    def _on_districts_loaded(self, hits: list[RegionHit]) -> None:
        regency = self.regency_combo.currentData()
        if regency is not None and all(hit.code.startswith(regency + ".") for hit in hits):
            self._fill_regions(self.district_combo, hits)
            self.district_combo.setEnabled(bool(hits))

    @Slot(object)
    def _on_ranking_loaded(self, part: _Part) -> None:
        ranking, rubric = part.ranking, self.rubric
        if rubric is None or ranking.region_code != self.region_code():
            return  # a newer pick is on its way
        if (ranking.rubric_id, ranking.rubric_version) != (rubric.id, rubric.version):
            return
        self.ranking = ranking
        self.model.set_prepared(ranking.rows[: len(part.prepared)], part.prepared)
        self.unassessed_model.set_villages(ranking.unassessed)
        self._show_state()
        self._load_part(ranking, len(part.prepared))

    @Slot(object)
    def _on_part_loaded(self, part: _Part) -> None:
        if part.ranking is not self.ranking or part.start != self.model.row_total():
            return  # a newer ranking replaced this one
        end = part.start + len(part.prepared)
        self.model.append_prepared(part.ranking.rows[part.start : end], part.prepared)
        self._show_state()
        self._load_part(part.ranking, end)

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, index: int) -> None:
        code = self.regency_combo.itemData(index)
        self._fill_regions(self.district_combo, [])
        self.district_combo.setEnabled(False)
        if isinstance(code, str):
            db = self.db
            Operation[list[RegionHit]](self, self.worker).success(self._on_districts_loaded).run(
                lambda: children(db, code)
            )
        self._reload()

    @Slot(int)
    def _on_district_combo_current_index_changed(self, _index: int) -> None:
        self._reload()

    @Slot(int)
    def _on_category_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_category(self.category_combo.itemData(index))
        self._show_state()

    @Slot(int)
    def _on_stars_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_min_stars(int(self.stars_combo.itemData(index) or 0))
        self._show_state()

    @Slot(int)
    def _on_status_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_status(self.status_combo.itemData(index))
        self._show_state()

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openProduct.emit(*self.proxy.ids_at(index.row()))

    @Slot(QModelIndex)
    def _on_unassessed_table_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openSurvey.emit(index.data(SURVEY_ID_ROLE))
