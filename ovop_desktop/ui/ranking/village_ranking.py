"""The ranking of one village's candidates under one rubric version, and the officer's
recommendation: rank 1, or another ranked candidate with a written reason.

Every database call runs on the worker. The right-hand column (`side_layout`) is left free for
the radar chart that overlays the village's candidates.
"""

from __future__ import annotations

import uuid
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import star_text
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.assessment.village_ranking import (
    RankEntry,
    VillageRanking,
    rank_survey,
    recommend_product,
)
from ovop_desktop.services.database import Database
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import (
    category_name,
    date_text,
    gate_reason,
    in_language,
    total_text,
)
from ovop_desktop.ui.kit.messages import ERROR_STYLE, error_text
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.read_only_table import fit_columns, read_only_table
from ovop_desktop.ui.kit.table_model import CENTER, RIGHT, ModelIndex, ReadOnlyTableModel
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.ranking.regional_table_model import RECOMMENDED_MARK
from ovop_desktop.ui.worker import Worker


class Column(IntEnum):
    RANK = 0
    PRODUCT = 1
    CATEGORY = 2
    TOTAL = 3
    STARS = 4
    GATE = 5
    BASIS = 6


# An unranked row says "not assessed" once, across the total, stars and gate cells.
NOT_ASSESSED_SPAN = (Column.TOTAL, Column.GATE - Column.TOTAL + 1)


class VillageRankingModel(ReadOnlyTableModel):
    """The candidates of one survey in rank order, incomplete ones last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rubric: Rubric | None = None
        self.entries: tuple[RankEntry, ...] = ()
        self.recommended_id: uuid.UUID | None = None
        self._headers = (
            self.tr("Rank"),
            self.tr("Product"),
            self.tr("Category"),
            self.tr("Total"),
            self.tr("Stars"),
            self.tr("Gate note"),
            self.tr("Assessment"),
        )

    @property
    def out_of(self) -> int:
        """The top of the star scale: the stars of the rubric's highest band."""
        return self.rubric.max_stars if self.rubric is not None else 0

    def set_ranking(self, ranking: VillageRanking, rubric: Rubric) -> None:
        self.beginResetModel()
        self.rubric, self.entries = rubric, ranking.entries
        recommended = ranking.recommended
        self.recommended_id = recommended.product_id if recommended else None
        self.endResetModel()

    def _text(self, entry: RankEntry, column: int) -> str:
        if column == Column.RANK:
            return "–" if entry.rank is None else str(entry.rank)
        if column == Column.PRODUCT:
            mark = entry.product_id == self.recommended_id
            return f"{RECOMMENDED_MARK} {entry.name}" if mark else entry.name
        if column == Column.CATEGORY:
            return category_name(self.rubric, entry.category)
        if entry.rank is None and column in (Column.STARS, Column.GATE):
            return ""
        if entry.rank is None and column == Column.TOTAL:
            scored = sum(1 for level in entry.levels.values() if level is not None)
            return (
                self.tr("Not assessed (%1/%2 criteria)")
                .replace("%1", str(scored))
                .replace("%2", str(len(entry.levels)))
            )
        if column == Column.TOTAL:
            return total_text(entry.total)
        if column == Column.STARS:
            return star_text(entry.stars, self.out_of)
        if column == Column.GATE:
            return gate_reason(self.rubric, entry.gate, entry.gate_reason)
        if entry.consensus:
            return self.tr("Consensus (%1)").replace("%1", str(len(entry.assessment_ids)))
        if entry.final:
            return self.tr("Final")
        return self.tr("Draft") if entry.assessment_ids else ""

    def row_total(self) -> int:
        return len(self.entries)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry, column = self.entries[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and column == Column.STARS and entry.stars:
                return (
                    self.tr("%1 of %2 stars")
                    .replace("%1", str(entry.stars))
                    .replace("%2", str(self.out_of))
                )
            return self._text(entry, column) or None
        if role == Qt.ItemDataRole.FontRole and entry.product_id == self.recommended_id:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.RANK, Column.TOTAL) and entry.rank is not None:
                return RIGHT
            if column == Column.STARS:
                return CENTER
        return None


def tie_break_entries(entries: tuple[RankEntry, ...]) -> list[RankEntry]:
    """The entries whose tie-break sentence to show: each tied pair explained once.

    The first of a tied group explains itself against the next; every later one against the one
    above, so the second's sentence only mirrors the first's.
    """
    shown = []
    ranked = [entry for entry in entries if entry.rank is not None]
    for position, entry in enumerate(ranked):
        if entry.tie_break is None:
            continue
        above = ranked[position - 1] if position else None
        before_above = ranked[position - 2] if position > 1 else None
        mirrors_first = (
            above is not None
            and above.total == entry.total
            and (before_above is None or before_above.total != above.total)
        )
        if not mirrors_first:
            shown.append(entry)
    return shown


class VillageRankingView(QWidget):
    """One village's ranking. `recommendationChanged(survey_id)` after a recommendation is
    saved. `side_layout` is an empty column on the right for a chart."""

    recommendationChanged = Signal(object)  # uuid.UUID of the survey

    def __init__(self, db: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.rubric: Rubric | None = None
        self.ranking: VillageRanking | None = None
        self._survey_id: uuid.UUID | None = None
        self._asked_for: uuid.UUID | None = None  # the product a reason is being asked for

        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(16)
        main = QVBoxLayout()
        main.setSpacing(8)
        outer.addLayout(main, 1)
        self.side = QWidget()
        self.side.setObjectName("side")
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.side, 0)

        self.title = page_title()
        self.subtitle = QLabel(self.tr("Loading the ranking…"))
        self.subtitle.setWordWrap(True)
        main.addWidget(self.title)
        main.addWidget(self.subtitle)

        self.model = VillageRankingModel(self)
        self.table = read_only_table(self.model, alternating=False)
        self._fitted_scale: int | None = None
        self._fit_columns(0)
        main.addWidget(self.table, 1)

        self.tie_breaks = QLabel()
        self.tie_breaks.setWordWrap(True)
        main.addWidget(self.tie_breaks)

        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box_layout = QVBoxLayout(box)
        self.recommended_label = QLabel()
        self.recommended_label.setWordWrap(True)
        self.justification_label = QLabel()
        self.justification_label.setWordWrap(True)
        self.justification_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.recommend_button = QPushButton(self.tr("&Recommend this product"))
        self.recommend_button.setToolTip(
            self.tr("Make the selected candidate the village's recommended OVOP product")
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.recommend_button)
        for widget in (self.recommended_label, self.justification_label, self.message):
            box_layout.addWidget(widget)
        box_layout.addLayout(buttons)
        main.addWidget(box)

        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.recommend_button.clicked.connect(self._on_recommend_button_clicked)
        self._show_state()

    # Public interface

    def show_survey(self, survey_id: uuid.UUID, rubric: Rubric) -> None:
        """Load and show the ranking of the survey's candidates under `rubric`."""
        self._survey_id, self.rubric = survey_id, rubric
        self._set_message("")
        if self.ranking is None or self.ranking.survey_id != survey_id:
            self.subtitle.setText(self.tr("Loading the ranking…"))
        db = self.db
        self._operation().success(self._on_ranking_loaded).run(
            lambda: rank_survey(db, survey_id, rubric)
        )

    def reload(self) -> None:
        """Rank again (after an assessment changed)."""
        if self._survey_id is not None and self.rubric is not None:
            self.show_survey(self._survey_id, self.rubric)

    def selected_entry(self) -> RankEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def select_product(self, product_id: uuid.UUID) -> bool:
        for row, entry in enumerate(self.model.entries):
            if entry.product_id == product_id:
                self.table.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    # Layout and state

    def _set_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _fit_columns(self, out_of: int) -> None:
        """Size the columns to their samples, the stars to the rubric's scale `out_of`."""
        if out_of == self._fitted_scale:
            return
        self._fitted_scale = out_of
        fit_columns(
            self.table,
            {
                Column.RANK: "88",
                Column.CATEGORY: "Makanan",
                Column.TOTAL: "100,00",
                Column.STARS: star_text(0, out_of),
                Column.BASIS: self.tr("Consensus (%1)").replace("%1", "3"),
            },
        )

    def _show_ranking(self, ranking: VillageRanking) -> None:
        assert self.rubric is not None
        self._fit_columns(self.rubric.max_stars)
        kept = self.selected_entry()
        self.ranking = ranking
        self.model.set_ranking(ranking, self.rubric)
        self.table.clearSpans()
        for row, entry in enumerate(ranking.entries):
            if entry.rank is None:
                self.table.setSpan(row, NOT_ASSESSED_SPAN[0], 1, NOT_ASSESSED_SPAN[1])
        self.title.setText(ranking.village_name)
        day = date_text(ranking.survey_date)
        self.subtitle.setText(
            self.tr("Region code %1 · survey of %2 · Rubric %3 version %4")
            .replace("%1", ranking.village_code)
            .replace("%2", day)
            .replace("%3", self.rubric.name)
            .replace("%4", str(ranking.rubric_version))
        )
        lines = [
            self.tr("Rank %1, %2: %3")
            .replace("%1", str(entry.rank))
            .replace("%2", entry.name)
            .replace("%3", in_language(entry.tie_break or "", entry.tie_break_en or ""))
            for entry in tie_break_entries(ranking.entries)
        ]
        self.tie_breaks.setText("\n".join(lines))
        self.tie_breaks.setVisible(bool(lines))
        recommended = ranking.recommended
        choose = kept.product_id if kept else recommended.product_id if recommended else None
        if choose is not None:
            self.select_product(choose)
        self._show_state()

    def _recommendation_text(self, ranking: VillageRanking) -> str:
        recommended = ranking.recommended
        if recommended is not None and recommended.rank is not None:
            return (
                self.tr("Recommended product: %1 (rank %2)")
                .replace("%1", recommended.name)
                .replace("%2", str(recommended.rank))
            )
        if ranking.recommended_product_id is not None:
            return self.tr(
                "The recommended product is no longer ranked: it was deleted or its assessment "
                "is incomplete. Recommend one of the ranked candidates."
            )
        if not ranking.entries:
            return self.tr("No candidate product is recorded for this village yet.")
        return self.tr("No candidate is fully assessed yet: assess the candidates to rank them.")

    def _show_state(self) -> None:
        ranking, entry = self.ranking, self.selected_entry()
        self.recommended_label.setText(
            self._recommendation_text(ranking) if ranking is not None else ""
        )
        reason = ranking.justification if ranking is not None else None
        self.justification_label.setText(
            self.tr("Reason for choosing it over rank 1: %1").replace("%1", reason or "")
        )
        self.justification_label.setVisible(bool(reason))
        current = entry is not None and entry.product_id == self.model.recommended_id
        self.recommend_button.setEnabled(
            entry is not None and not (current and entry.rank == 1) and self.rubric is not None
        )
        self.recommend_button.setText(
            self.tr("Change the &reason…")
            if current and entry is not None and entry.rank != 1
            else self.tr("&Recommend this product")
        )

    def _submit_recommendation(self, product_id: uuid.UUID, reason: str | None) -> None:
        survey_id, rubric, db = self._survey_id, self.rubric, self.db
        assert survey_id is not None and rubric is not None
        self._set_message("")
        self.recommend_button.setEnabled(False)
        self._operation().success(self._on_recommendation_saved).run(
            lambda: recommend_product(db, survey_id, product_id, rubric, reason)
        )

    def _operation(self) -> Operation[Any]:
        return Operation(self, self.worker).failure(self._on_worker_failed)

    # Slots

    @Slot(object)
    def _on_ranking_loaded(self, ranking: VillageRanking) -> None:
        if ranking.survey_id == self._survey_id:
            self._show_ranking(ranking)

    @Slot(object)
    def _on_recommendation_saved(self, ranking: VillageRanking) -> None:
        if ranking.survey_id == self._survey_id:
            self._show_ranking(ranking)
        self.recommendationChanged.emit(ranking.survey_id)

    def _on_worker_failed(self, error: DomainError) -> None:
        self._set_message(error_text(error))
        self._show_state()

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _old: QItemSelection) -> None:
        self._set_message("")
        self._show_state()

    @Slot()
    def _on_recommend_button_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.rank != 1 and entry.rank is not None:
            self._asked_for = entry.product_id
            first = next((e.name for e in self.model.entries if e.rank == 1), "")
            dialogs.ask_reason(
                self,
                self.tr("Why this product?"),
                self.tr(
                    "%1 is ranked %2. Write why it is recommended rather than %3 (rank 1). "
                    "The reason is printed in the recommendation letter."
                )
                .replace("%1", entry.name)
                .replace("%2", str(entry.rank))
                .replace("%3", first),
                self._recommend_with_reason,
            )
            return
        # Rank 1 needs no reason; an unranked candidate is refused by the service, in words.
        self._submit_recommendation(entry.product_id, None)

    def _recommend_with_reason(self, reason: str) -> None:
        product_id, self._asked_for = self._asked_for, None
        if product_id is not None:
            self._submit_recommendation(product_id, reason)
