"""The surveys of the review page as a table model with their current review state, and the proxy
that filters them by state, regency and typed text and sorts them."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ovop_desktop.core.formatting import short_regency
from ovop_desktop.core.text import fold, search_key
from ovop_desktop.services.province.reviews import APPROVED, NEEDS_CORRECTION, RECEIVED, ReviewRow
from ovop_desktop.services.surveys.gps_flags import GpsFlag
from ovop_desktop.ui.kit.display import short_date
from ovop_desktop.ui.kit.gps_flag_cells import GPS_FLAG, GpsFlagCells
from ovop_desktop.ui.kit.table_model import ID_ROLE, SORT_ROLE, ModelIndex, ReadOnlyTableModel

SURVEY_ID_ROLE = ID_ROLE
NOT_REVIEWED = "belum"  # the state filter's value for surveys without a review
STATE_COLOURS = {
    NEEDS_CORRECTION: QColor("#a61b1b"),
    APPROVED: QColor("#1d6b3a"),
    RECEIVED: QColor("#1d4d5c"),
    NOT_REVIEWED: QColor("#6b7075"),
}
# The order a sort by state follows: what needs attention first.
_STATE_ORDER = {NEEDS_CORRECTION: 0, NOT_REVIEWED: 1, RECEIVED: 2, APPROVED: 3}


class Column(IntEnum):
    VILLAGE = 0
    DISTRICT = 1
    REGENCY = 2
    OFFICER = 3
    DATE = 4
    STATE = 5
    REVIEWED = 6
    COMMENT = 7


@dataclass(frozen=True)
class _Prepared:
    display: tuple[str, ...]
    sort: tuple[int | str, ...]
    haystack: str
    state: str  # a review state, or NOT_REVIEWED


class ReviewTableModel(ReadOnlyTableModel):
    """A read-only table of `ReviewRow`s, one row per survey."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._prepared: list[_Prepared] = []
        self._changed_tip = ""
        self._gps_flags = GpsFlagCells(self, int(Column.VILLAGE))
        self._headers = (
            self.tr("Village"),
            self.tr("District"),
            self.tr("Regency / City"),
            self.tr("Officer"),
            self.tr("Survey date"),
            self.tr("Review"),
            self.tr("Reviewed"),
            self.tr("Comment"),
        )

    def state_names(self) -> dict[str, str]:
        """The review states as the interface names them (translated here, where lupdate
        files them)."""
        return {
            NOT_REVIEWED: self.tr("Not reviewed"),
            RECEIVED: self.tr("Received"),
            NEEDS_CORRECTION: self.tr("Needs correction"),
            APPROVED: self.tr("Approved"),
        }

    def changed_text(self, reviewed: str) -> str:
        """The Reviewed cell of a survey changed since its review."""
        return self.tr("%1 (changed)").replace("%1", reviewed)

    def set_rows(self, rows: Sequence[ReviewRow]) -> None:
        names = self.state_names()
        # A draft says so beside its name: only a final survey can be approved.
        draft = self.tr("%1 (draft)")
        provisional = self.tr("%1 (not in the official region list yet)")
        self._changed_tip = self.tr("The survey was changed after its last review.")
        prepared = []
        for row in rows:
            state = row.state or NOT_REVIEWED
            review = row.review
            reviewed = short_date(review.reviewed_at.astimezone()) if review else ""
            if row.changed_since_review:
                reviewed = self.changed_text(reviewed)
            village = draft.replace("%1", row.village) if row.status == "draft" else row.village
            if row.provisional_village:
                village = provisional.replace("%1", village)
            display = (
                village,
                row.district,
                short_regency(row.regency),
                row.officer or "",
                short_date(row.survey_date),
                names[state],
                reviewed,
                " ".join((review.comment or "").split()) if review else "",
            )
            sort: tuple[int | str, ...] = (
                fold(row.village),
                fold(row.district),
                fold(row.regency),
                fold(row.officer or ""),
                row.survey_date.toordinal(),
                _STATE_ORDER[state],
                int(review.reviewed_at.timestamp()) if review else 0,
                fold(display[Column.COMMENT]),
            )
            haystack = search_key(
                " ".join((row.village, row.district, row.regency, row.officer or ""))
            )
            prepared.append(_Prepared(display, sort, haystack, state))
        self.beginResetModel()
        self._rows, self._prepared = list(rows), prepared
        self.endResetModel()

    def add_gps_flags(self, flags: Mapping[uuid.UUID, GpsFlag]) -> None:
        """Flag the village of surveys whose point lies outside its outline (worked out on the
        worker after the rows were shown); the tooltip says how far and where it lies."""
        self._gps_flags.add(flags, (i for i, r in enumerate(self._rows) if r.survey_id in flags))

    def row_at(self, row: int) -> ReviewRow:
        return self._rows[row]

    def row_for(self, survey_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.survey_id == survey_id), None)

    def prepared(self, row: int) -> _Prepared:
        return self._prepared[row]

    def regencies(self) -> list[str]:
        return sorted({row.regency for row in self._rows if row.regency}, key=fold)

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        prepared = self._prepared[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.VILLAGE and self._rows[row].survey_id in self._gps_flags:
                return f"{GPS_FLAG} {prepared.display[column]}"
            return prepared.display[column]
        if role == SORT_ROLE:
            return prepared.sort[column]
        if role == SURVEY_ID_ROLE:
            return self._rows[row].survey_id
        if role == Qt.ItemDataRole.ForegroundRole and column == Column.STATE:
            return QBrush(STATE_COLOURS[prepared.state])
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.REGENCY:
                return self._rows[row].regency or None
            review = self._rows[row].review
            if column == Column.COMMENT:
                return review.comment if review else None
            if column == Column.REVIEWED and self._rows[row].changed_since_review:
                return self._changed_tip
            if (
                column == Column.VILLAGE
                and (flag := self._gps_flags.text(self._rows[row].survey_id)) is not None
            ):
                return f"{prepared.display[column]}: {flag}"
            return prepared.display[column] or None
        return None


class ReviewFilterProxy(QSortFilterProxyModel):
    """Rows of one state (or all), of one regency (or all), matching every typed word."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._state: str | None = None
        self._regency: str | None = None
        self._words: list[str] = []

    @property
    def review_model(self) -> ReviewTableModel:
        model = self.sourceModel()
        assert isinstance(model, ReviewTableModel)
        return model

    @property
    def active(self) -> bool:
        return bool(self._state or self._regency or self._words)

    def set_state(self, state: str | None) -> None:
        self.beginFilterChange()
        self._state = state
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_regency(self, regency: str | None) -> None:
        self.beginFilterChange()
        self._regency = regency
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = search_key(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def survey_id(self, proxy_row: int) -> uuid.UUID:
        value = self.index(proxy_row, 0).data(SURVEY_ID_ROLE)
        assert isinstance(value, uuid.UUID)
        return value

    def proxy_row_for(self, survey_id: uuid.UUID) -> int | None:
        source = self.review_model.row_for(survey_id)
        if source is None:
            return None
        index = self.mapFromSource(self.review_model.index(source, 0))
        return index.row() if index.isValid() else None

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.review_model
        prepared = model.prepared(source_row)
        if self._state is not None and prepared.state != self._state:
            return False
        if self._regency is not None and model.row_at(source_row).regency != self._regency:
            return False
        return all(word in prepared.haystack for word in self._words)
