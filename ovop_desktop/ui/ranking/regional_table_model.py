"""The regional ranking as table models: the assessed candidates (filtered and sorted by a proxy)
and the surveyed villages that have no assessed candidate yet.

What a cell shows or sorts by is computed once per row (`prepare_rows`, which the screen runs on
the worker, a part at a time), so that `data()`, the sort and the filter are lookups. Rows can
arrive in parts (`append_prepared`): the first screenful shows while the rest is prepared.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import IntEnum
from itertools import pairwise
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from ovop_desktop.core.formatting import short_regency, star_text
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.core.text import fold
from ovop_desktop.services.assessment.regional_ranking import RegionalRow, UnassessedVillage
from ovop_desktop.ui.kit.display import category_name, gate_reason, total_text
from ovop_desktop.ui.kit.table_model import (
    CENTER,
    ID_ROLE,
    OWNER_ID_ROLE,
    RIGHT,
    SORT_ROLE,
    ModelIndex,
    ReadOnlyTableModel,
)

PRODUCT_ID_ROLE = ID_ROLE  # the product's uuid.UUID, on every cell
SURVEY_ID_ROLE = OWNER_ID_ROLE  # the survey's uuid.UUID, on every cell
RECOMMENDED_MARK = "✔"


class Column(IntEnum):
    TOTAL = 0
    STARS = 1
    PRODUCT = 2
    CATEGORY = 3
    VILLAGE = 4
    DISTRICT = 5
    REGENCY = 6
    VILLAGE_RANK = 7
    RECOMMENDED = 8
    BASIS = 9


@dataclass(frozen=True)
class _Prepared:
    display: tuple[str, ...]  # by Column
    sort: tuple[int | str, ...]  # by Column
    tips: tuple[str, ...]  # by Column; "" for none


class RegionalTableModel(ReadOnlyTableModel):
    """A read-only table of `RegionalRow`s: one row per assessed candidate."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RegionalRow] = []
        self._prepared: list[_Prepared] = []
        self._loaded_rows: list[RegionalRow] = []
        self._loaded_prepared: list[_Prepared] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._headers = (
            self.tr("Total"),
            self.tr("Stars"),
            self.tr("Product"),
            self.tr("Category"),
            self.tr("Village"),
            self.tr("District"),
            self.tr("Regency / City"),
            self.tr("Rank"),
            RECOMMENDED_MARK,
            self.tr("Assessment"),
        )
        self._header_tips = (
            self.tr("Total score under the rubric (20–100)"),
            self.tr("Stars under the rubric, after its gates"),
            self.tr("Candidate product"),
            self.tr("Product category"),
            self.tr("Village or urban village of the candidate"),
            self.tr("District of the village"),
            self.tr("Regency or city of the village"),
            self.tr("Rank of the candidate among the candidates of its village"),
            self.tr("Recommended product of its village"),
            self.tr("Consensus: median of two or more final assessments"),
        )

    def texts(self) -> dict[str, str]:
        """The translated words `prepare_rows` needs: translated here, on the GUI thread, in the
        class lupdate files them under."""
        return {
            "consensus": self.tr("Consensus"),
            "final": self.tr("Final"),
            "draft": self.tr("Draft"),
            "survey_final": self.tr("Final survey"),
            "survey_draft": self.tr("Draft survey"),
            "stars": self.tr("%1 of %2 stars, total %3"),
            "gate": self.tr("Lowered by a gate: %1"),
            "recommended": self.tr("Recommended product of %1"),
        }

    def set_ranking(self, rows: Sequence[RegionalRow], rubric: Rubric) -> None:
        """Show `rows`, ranked under `rubric` (names, gates and the star scale come from it)."""
        self.set_prepared(rows, prepare_rows(rows, rubric, self.texts()))

    def set_prepared(self, rows: Sequence[RegionalRow], prepared: Sequence[_Prepared]) -> None:
        """Show `rows` with what `prepare_rows` made of them, in place of any shown."""
        self.beginResetModel()
        self._loaded_rows = list(rows)
        self._loaded_prepared = list(prepared)
        self._arrange()
        self.endResetModel()

    def append_prepared(self, rows: Sequence[RegionalRow], prepared: Sequence[_Prepared]) -> None:
        """Add rows below those shown (the rest of the ranking, arriving), then put them in the
        order the user sorted by, if they are not already."""
        if not rows:
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._loaded_rows.extend(rows)
        self._loaded_prepared.extend(prepared)
        self._rows.extend(rows)
        self._prepared.extend(prepared)
        self.endInsertRows()
        if self._sort is not None and not self._in_order(max(start - 1, 0)):
            self.sort(*self._sort)

    def _in_order(self, start: int) -> bool:
        """Whether the rows from `start` on follow the sort (rows arriving in the service's order
        usually do, when sorted by total)."""
        assert self._sort is not None
        column, order = self._sort
        keys = [prepared.sort[column] for prepared in self._prepared[start:]]
        if order == Qt.SortOrder.DescendingOrder:
            keys.reverse()
        return all(a <= b for a, b in pairwise(keys))  # type: ignore[operator]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort on the precomputed keys (Python's stable sort: equal values keep the service's
        best-total-first order). Sorting here rather than in the proxy keeps 50,000 rows quick:
        the proxy would call data() for every comparison."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].product_id for index in before]
        self._sort = (column, order) if 0 <= column < len(Column) else None
        self._arrange()
        row_of = {row.product_id: number for number, row in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(row_of[pid], index.column())
                for pid, index in zip(ids, before, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        pairs = list(zip(self._loaded_rows, self._loaded_prepared, strict=True))
        if self._sort is not None:
            column, order = self._sort
            pairs.sort(
                key=lambda pair: pair[1].sort[column], reverse=order == Qt.SortOrder.DescendingOrder
            )
        self._rows = [row for row, _ in pairs]
        self._prepared = [prepared for _, prepared in pairs]

    def row_at(self, row: int) -> RegionalRow:
        return self._rows[row]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._prepared[row].display[column]
        if role == SORT_ROLE:
            return self._prepared[row].sort[column]
        if role == PRODUCT_ID_ROLE:
            return self._rows[row].product_id
        if role == SURVEY_ID_ROLE:
            return self._rows[row].survey_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.TOTAL, Column.VILLAGE_RANK):
                return RIGHT
            if column in (Column.STARS, Column.RECOMMENDED):
                return CENTER
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            prepared = self._prepared[row]
            return prepared.tips[column] or prepared.display[column] or None
        return None


def prepare_rows(
    rows: Sequence[RegionalRow], rubric: Rubric, texts: dict[str, str]
) -> list[_Prepared]:
    """What the table shows and sorts by for each row. Qt-free: it may run on the worker."""
    return [_prepare(row, rubric, texts) for row in rows]


def _prepare(row: RegionalRow, rubric: Rubric, texts: dict[str, str]) -> _Prepared:
    total = total_text(row.total)
    cents = -1 if row.total is None else int(row.total * 100)
    basis = texts["consensus" if row.consensus else "final" if row.final else "draft"]
    survey = texts["survey_final" if row.survey_status == "final" else "survey_draft"]
    stars_tip = (
        texts["stars"]
        .replace("%1", str(row.stars or 0))
        .replace("%2", str(rubric.max_stars))
        .replace("%3", total)
    )
    if row.gate:
        stars_tip += "\n" + texts["gate"].replace("%1", gate_reason(rubric, row.gate))
    category = category_name(rubric, row.category)
    regency = short_regency(row.regency)
    rank = "" if row.village_rank is None else str(row.village_rank)
    return _Prepared(
        display=(
            total,
            star_text(row.stars, rubric.max_stars),
            row.name,
            category,
            row.village,
            row.district,
            regency,
            rank,
            RECOMMENDED_MARK if row.recommended else "",
            basis,
        ),
        sort=(
            cents,
            (row.stars or 0) * 100_000 + cents,
            fold(row.name),
            fold(category),
            fold(row.village),
            fold(row.district),
            fold(row.regency),
            row.village_rank or 0,
            int(row.recommended),
            2 if row.consensus else 1 if row.final else 0,
        ),
        tips=(
            "",
            stars_tip,
            "",
            "",
            f"{row.village} ({row.village_code})",
            "",
            row.regency,
            "",
            texts["recommended"].replace("%1", row.village) if row.recommended else "",
            f"{basis} · {survey}",
        ),
    )


@dataclass(frozen=True)
class RegionalFilter:
    """What the candidates are narrowed to; the defaults show everything."""

    category: str | None = None  # a rubric category id
    min_stars: int = 0
    status: str | None = None  # the survey's "draft" or "final"

    @property
    def active(self) -> bool:
        return self.category is not None or self.min_stars > 0 or self.status is not None

    def accepts(self, row: RegionalRow) -> bool:
        return (
            (self.category is None or row.category == self.category)
            and (row.stars or 0) >= self.min_stars
            and (self.status is None or row.survey_status == self.status)
        )


class RegionalFilterProxy(QSortFilterProxyModel):
    """Filters a RegionalTableModel by category, minimum stars and survey status; sorts by
    SORT_ROLE (a stable sort, so equal values keep the service's best-total-first order)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(False)  # the source model sorts (see RegionalTableModel.sort)
        self._filter = RegionalFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, RegionalTableModel):
            model.sort(column, order)

    @property
    def regional_filter(self) -> RegionalFilter:
        return self._filter

    def set_filter(self, regional_filter: RegionalFilter) -> None:
        if regional_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = regional_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_category(self, category: str | None) -> None:
        self.set_filter(replace(self._filter, category=category))

    def set_min_stars(self, stars: int) -> None:
        self.set_filter(replace(self._filter, min_stars=stars))

    def set_status(self, status: str | None) -> None:
        self.set_filter(replace(self._filter, status=status))

    def ids_at(self, proxy_row: int) -> tuple[uuid.UUID, uuid.UUID]:
        """The (product id, survey id) of a shown row."""
        index = self.index(proxy_row, 0)
        product_id, survey_id = index.data(PRODUCT_ID_ROLE), index.data(SURVEY_ID_ROLE)
        assert isinstance(product_id, uuid.UUID) and isinstance(survey_id, uuid.UUID)
        return product_id, survey_id

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RegionalTableModel):
            return True
        return self._filter.accepts(model.row_at(source_row))


class UnassessedColumn(IntEnum):
    VILLAGE = 0
    DISTRICT = 1
    REGENCY = 2
    CANDIDATES = 3


class UnassessedTableModel(ReadOnlyTableModel):
    """The surveyed villages of the region whose candidates are not assessed yet."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[UnassessedVillage] = []
        self._headers = (
            self.tr("Village"),
            self.tr("District"),
            self.tr("Regency / City"),
            self.tr("Candidates"),
        )

    def set_villages(self, villages: Sequence[UnassessedVillage]) -> None:
        self.beginResetModel()
        self._rows = list(villages)
        self.endResetModel()

    def village_at(self, row: int) -> UnassessedVillage:
        return self._rows[row]

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        village = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == UnassessedColumn.VILLAGE:
                return village.village
            if column == UnassessedColumn.DISTRICT:
                return village.district
            if column == UnassessedColumn.REGENCY:
                return (
                    short_regency(village.regency)
                    if role == Qt.ItemDataRole.DisplayRole
                    else village.regency
                )
            if village.candidates == 0:
                return self.tr("None recorded yet")
            return self.tr("%1 not assessed").replace("%1", str(village.candidates))
        if role == SURVEY_ID_ROLE:
            return village.survey_id
        return None
