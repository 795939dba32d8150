"""The survey list as a table model, which filters and sorts itself, and the proxy the view
shows it through.

Everything a cell shows, sorts by or is searched for is computed once per row in `set_rows`, so
that `data()` and the filter are lookups. The model holds only the rows that pass the filter:
Qt then asks Python about the rows on screen alone, where a filtering proxy asks about every row
at each keystroke (at 100,000 surveys, 90 ms of calls a keystroke on top of the matching).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from ovop_desktop.core.formatting import short_regency, star_text
from ovop_desktop.core.text import fold, search_key
from ovop_desktop.services.surveys.gps_flags import GpsFlag
from ovop_desktop.services.surveys.survey_row import SurveyRow
from ovop_desktop.ui.kit.display import number_text, short_date
from ovop_desktop.ui.kit.gps_flag_cells import GPS_FLAG, GpsFlagCells
from ovop_desktop.ui.kit.table_model import (
    CENTER,
    ID_ROLE,
    RIGHT,
    SORT_ROLE,
    ModelIndex,
    ReadOnlyTableModel,
)

SURVEY_ID_ROLE = ID_ROLE  # the survey's uuid.UUID, on every cell of a row


class Column(IntEnum):
    REGENCY = 0
    DISTRICT = 1
    VILLAGE = 2
    DATE = 3
    OFFICER = 4
    STATUS = 5
    CANDIDATES = 6
    TOP_CANDIDATE = 7
    STARS = 8


@dataclass(frozen=True)
class _Prepared:
    """One row as the view and the filter need it."""

    display: tuple[str, ...]  # by Column
    sort: tuple[int | str, ...]  # by Column
    haystack: str  # search keys of the searchable fields, one per line
    stars_hint: str  # tooltip and accessible text of the stars cell


class SurveyTableModel(ReadOnlyTableModel):
    """A read-only table of `SurveyRow`s, one row per survey.

    The model sorts itself (`sort`), by the values SORT_ROLE gives: a Python sort of precomputed
    keys takes milliseconds where Qt's proxy sort would call `data()` twice per comparison
    (over half a second for 10,000 rows, and again whenever a filter is cleared).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # As loaded (the service's order), then every row as arranged (sorted), with what the
        # filter reads of each; then the rows shown: the arranged ones that pass the filter.
        self._loaded: list[tuple[SurveyRow, _Prepared]] = []
        self._known: set[uuid.UUID] = set()  # every survey loaded, shown or not
        self._arranged: list[tuple[SurveyRow, _Prepared]] = []
        self._haystacks: list[str] = []
        self._regencies: list[str] = []
        self._statuses: list[str] = []
        self._filter = SurveyFilter()
        self._passing: list[int] | None = None  # arranged positions shown; None: every row
        self._rows: list[SurveyRow] = []
        self._out_of: int | None = None
        self._prepared: list[_Prepared] = []
        self._row_of_shown: dict[uuid.UUID, int] | None = {}  # made when first asked for
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._gps_flags = GpsFlagCells(self, int(Column.VILLAGE))
        self._prepare = _Preparer(0, final="", draft="", not_assessed="", stars_hint="")
        self._headers = (
            self.tr("Regency / City"),
            self.tr("District"),
            self.tr("Village"),
            self.tr("Date"),
            self.tr("Officer"),
            self.tr("Status"),
            self.tr("Candidates"),
            self.tr("Top candidate"),
            self.tr("Stars"),
        )
        self._header_tips = (
            self.tr("Regency or city of the village"),
            self.tr("District of the village"),
            self.tr("Village or urban village surveyed"),
            self.tr("Date of the survey"),
            self.tr("Officer who recorded the survey"),
            self.tr("Draft surveys can still be completed; final surveys are closed"),
            self.tr("Number of candidate products recorded"),
            self.tr("The candidate product ranked first under the rubric in force"),
            self.tr("Stars of the top candidate under the rubric in force"),
        )

    # Loading

    def set_rows(self, rows: Sequence[SurveyRow], out_of: int) -> None:
        """Show `rows` (in the current sort order, if any), their stars out of `out_of`: the
        top of the star scale of the rubric they were ranked under."""
        # Translated here, in the class lupdate files them under.
        self._prepare = prepare = _Preparer(
            out_of,
            final=self.tr("Final"),
            draft=self.tr("Draft"),
            not_assessed=self.tr("Not assessed"),
            stars_hint=self.tr("%1 of %2 stars, total %3"),
            ranking=self.tr("Ranking the candidates while the database opens…"),
        )
        self._out_of = out_of
        loaded = [(row, prepare(row)) for row in rows]
        self.beginResetModel()
        self._loaded = loaded
        self._known = {row.survey_id for row, _ in loaded}
        self._arrange()
        self.endResetModel()

    def same_rows(self, rows: Sequence[SurveyRow], out_of: int) -> bool:
        """`rows` are the rows loaded, in the same order, under the same star scale."""
        loaded = self._loaded
        return (
            out_of == self._out_of
            and len(rows) == len(loaded)
            and all(row == held for row, (held, _) in zip(rows, loaded, strict=True))
        )

    def add_rows(self, rows: Sequence[SurveyRow]) -> None:
        """Show `rows` too (the rest of a list whose first rows came first), each in its place in
        the current sort order; a survey loaded already is not loaded twice. Rows the view holds
        (selection, current row) stay on their surveys."""
        fresh = [(row, self._prepare(row)) for row in rows if row.survey_id not in self._known]
        if not fresh:
            return
        self._loaded = self._loaded + fresh
        self._known.update(row.survey_id for row, _ in fresh)
        start = len(self._arranged)
        self._arranged = self._arranged + fresh  # at the end for now, as announced
        self._haystacks.extend(prepared.haystack for _, prepared in fresh)
        self._regencies.extend(row.regency for row, _ in fresh)
        self._statuses.extend(row.status for row, _ in fresh)
        shown = self._passing_among(range(start, len(self._arranged)))
        if self._passing is not None:
            self._passing.extend(shown)
        if shown:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(shown) - 1)
            for position in shown:
                row, prepared = self._arranged[position]
                if self._row_of_shown is not None:
                    self._row_of_shown[row.survey_id] = len(self._rows)
                self._rows.append(row)
                self._prepared.append(prepared)
            self.endInsertRows()
        if self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)  # then each to its place

    def add_gps_flags(self, flags: Mapping[uuid.UUID, GpsFlag]) -> None:
        """Flag the village of surveys whose point lies outside its outline (worked out on the
        worker after the rows were shown); the tooltip says how far and where it lies."""
        self._gps_flags.add(flags, (self._row_of.get(survey_id) for survey_id in flags))

    def _arrange(self) -> None:
        """Lay the loaded rows out in the sort order, index what the filter reads, and show
        those that pass it."""
        arranged = self._loaded
        if self._sort_column >= 0:
            column = self._sort_column
            # Python's sort is stable, in reverse too: ties keep the service's order.
            arranged = sorted(
                arranged,
                key=lambda pair: pair[1].sort[column],
                reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
            )
        self._arranged = arranged
        self._haystacks = [prepared.haystack for _, prepared in arranged]
        self._regencies = [row.regency for row, _ in arranged]
        self._statuses = [row.status for row, _ in arranged]
        self._passing = self._passing_among(range(len(arranged))) if self._filter.active else None
        self._show()

    def _passing_among(self, positions: Sequence[int]) -> list[int]:
        """The arranged positions among `positions` whose rows pass the filter, in order."""
        return matching_positions(
            self._filter, self._haystacks, self._regencies, self._statuses, positions
        )

    def _show(self) -> None:
        """Make the passing rows the rows shown."""
        if self._passing is None:
            self._rows = [row for row, _ in self._arranged]
            self._prepared = [prepared for _, prepared in self._arranged]
        else:
            arranged = self._arranged
            self._rows = [arranged[position][0] for position in self._passing]
            self._prepared = [arranged[position][1] for position in self._passing]
        self._row_of_shown = None  # a keystroke need not index 100,000 rows: see _row_of

    @property
    def _row_of(self) -> dict[uuid.UUID, int]:
        """The row each shown survey is on."""
        if self._row_of_shown is None:
            self._row_of_shown = {row.survey_id: index for index, row in enumerate(self._rows)}
        return self._row_of_shown

    def _relayout(self, change: Callable[[], None]) -> None:
        """Run `change` (a new order or filter) as a layout change: rows the view holds stay on
        their surveys; those no longer shown are let go."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[index.row()].survey_id for index in before]
        change()
        if before:
            row_of, after = self._row_of, []
            for survey_id, index in zip(ids, before, strict=True):
                row = row_of.get(survey_id)
                after.append(QModelIndex() if row is None else self.index(row, index.column()))
            self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by SORT_ROLE of `column`; -1 restores the order the rows were loaded in."""
        if column >= len(Column):
            return

        def change() -> None:
            self._sort_column, self._sort_order = column, order
            self._arrange()

        self._relayout(change)

    # Filtering

    @property
    def survey_filter(self) -> SurveyFilter:
        return self._filter

    def set_filter(self, survey_filter: SurveyFilter) -> None:
        """Show only the rows that pass `survey_filter`: one pass, none when nothing changed.
        Typing on (the new text extends the old, nothing else changed) looks only at the rows
        that passed the old text: they are the only ones that can pass the new one."""
        if survey_filter == self._filter:
            return
        narrowing = (
            self._passing is not None
            and survey_filter.regency == self._filter.regency
            and survey_filter.status == self._filter.status
            and search_key(survey_filter.text).startswith(search_key(self._filter.text))
        )

        def change() -> None:
            candidates = self._passing if narrowing else range(len(self._arranged))
            assert candidates is not None
            self._filter = survey_filter
            self._passing = self._passing_among(candidates) if survey_filter.active else None
            self._show()

        self._relayout(change)

    @property
    def total_rows(self) -> int:
        """Every survey loaded, whether it passes the filter or not."""
        return len(self._arranged)

    # Lookups

    def survey_at(self, row: int) -> SurveyRow:
        return self._rows[row]

    def row_for(self, survey_id: uuid.UUID) -> int | None:
        """The model row of the survey, or None when it is not in the list."""
        return self._row_of.get(survey_id)

    def regencies(self) -> list[str]:
        """The regencies and cities present (shown or not), in alphabetical order."""
        return sorted({regency for regency in self._regencies if regency}, key=fold)

    @property
    def haystacks(self) -> Sequence[str]:
        """Per row, shown or not, the search keys of its searchable fields (see
        `matching_positions`)."""
        return self._haystacks

    # Qt model interface

    def row_total(self) -> int:
        return len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.VILLAGE and self._rows[row].survey_id in self._gps_flags:
                return f"{GPS_FLAG} {self._prepared[row].display[column]}"
            return self._prepared[row].display[column]
        if role == SORT_ROLE:
            return self._prepared[row].sort[column]
        if role == SURVEY_ID_ROLE:
            return self._rows[row].survey_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == Column.CANDIDATES:
                return RIGHT
            if column == Column.STARS:
                return CENTER
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == Column.STARS:
                return self._prepared[row].stars_hint or None
            if (
                column == Column.VILLAGE
                and (flag := self._gps_flags.text(self._rows[row].survey_id)) is not None
            ):
                return f"{self._prepared[row].display[column]}: {flag}"
            if role == Qt.ItemDataRole.ToolTipRole:
                # The full text of a cell the view may elide.
                if column == Column.REGENCY:
                    return self._rows[row].regency or None
                return self._prepared[row].display[column] or None
        return None


class _Preparer:
    """Turns SurveyRows into `_Prepared` rows, with the texts translated once per load; the
    folding of names that repeat (regencies, districts, officers, products) is cached."""

    def __init__(
        self,
        out_of: int,
        *,
        final: str,
        draft: str,
        not_assessed: str,
        stars_hint: str,
        ranking: str = "",
    ) -> None:
        self.out_of = out_of
        self.final, self.draft, self.not_assessed = final, draft, not_assessed
        self.ranking = ranking
        self.stars_hint = stars_hint.replace("%2", str(out_of))
        self._folded: dict[str, str] = {}
        self._keys: dict[str, str] = {}
        self._totals: dict[Decimal, str] = {}  # a province has a few hundred distinct totals

    def _fold(self, text: str) -> str:
        folded = self._folded.get(text)
        if folded is None:
            folded = self._folded[text] = fold(text)
        return folded

    def _key(self, text: str) -> str:
        key = self._keys.get(text)
        if key is None:
            key = self._keys[text] = search_key(text)
        return key

    def _total(self, total: Decimal) -> str:
        text = self._totals.get(total)
        if text is None:
            text = self._totals[total] = number_text(total, 2)
        return text

    def __call__(self, row: SurveyRow) -> _Prepared:
        officer = row.officer or ""
        top = row.top_candidate or (self.not_assessed if row.candidates else "")
        status = self.final if row.status == "final" else self.draft
        stars_hint, stars = "", star_text(row.top_stars, self.out_of)
        if not row.ranked and row.candidates:  # (services.surveys.lean_list)
            top, stars, stars_hint = "…", "…", self.ranking
        elif row.top_stars is not None:
            total = "-" if row.top_total is None else self._total(row.top_total)
            stars_hint = self.stars_hint.replace("%1", str(row.top_stars)).replace("%3", total)
        cents = 0 if row.top_total is None else int(row.top_total * 100)
        key = self._key
        return _Prepared(
            display=(
                short_regency(row.regency),
                row.district,
                row.village,
                short_date(row.survey_date),
                officer,
                status,
                str(row.candidates),
                top,
                stars,
            ),
            sort=(
                self._fold(row.regency),
                self._fold(row.district),
                self._fold(row.village),
                row.survey_date.toordinal(),
                self._fold(officer),
                self._fold(status),
                row.candidates,
                self._fold(row.top_candidate or ""),
                # By stars, then by total within the same stars; no rating sorts lowest.
                (row.top_stars or 0) * 100_000 + cents,
            ),
            haystack="\n".join(
                (
                    key(row.village),
                    key(row.district),
                    key(row.regency),
                    key(officer),
                    key(row.top_candidate or ""),
                    row.village_code,
                )
            ),
            stars_hint=stars_hint,
        )


@dataclass(frozen=True)
class SurveyFilter:
    """What the list is narrowed to. Empty text, no regency and no status show everything."""

    text: str = ""
    regency: str | None = None  # exact name, as in SurveyRow.regency
    status: str | None = None  # "draft" or "final"

    @property
    def active(self) -> bool:
        return bool(self.text.strip()) or self.regency is not None or self.status is not None


def matching_positions(
    survey_filter: SurveyFilter,
    haystacks: Sequence[str],
    regencies: Sequence[str],
    statuses: Sequence[str],
    positions: Iterable[int],
) -> list[int]:
    """The positions among `positions` (in their order) whose row passes the filter: every word
    of the text appears (folded, accents and apostrophes ignored) in the village, district,
    regency, officer, top candidate or code; the regency and status are the ones chosen.

    One pass per criterion over the rows still in the running, longest word first (it rules out
    the most): at 100,000 rows a word is a few milliseconds, where a test of every criterion per
    row took 40."""
    chosen = list(positions)
    regency, status = survey_filter.regency, survey_filter.status
    if regency is not None:
        chosen = [i for i in chosen if regencies[i] == regency]
    if status is not None:
        chosen = [i for i in chosen if statuses[i] == status]
    for word in sorted(set(search_key(survey_filter.text).split()), key=len, reverse=True):
        chosen = [i for i in chosen if word in haystacks[i]]
    return chosen


class SurveyFilterProxy(QSortFilterProxyModel):
    """What the view shows a SurveyTableModel through; the filter and the order are the
    model's own (`set_filter`, `sort`), so that no Python is called per row.

    Kept as a proxy so that the view's rows stay apart from the model's: the page asks the proxy
    for the rows shown (`survey_id`, `proxy_row_for`).
    """

    def survey_model(self) -> SurveyTableModel:
        model = self.sourceModel()
        assert isinstance(model, SurveyTableModel)
        return model

    @property
    def survey_filter(self) -> SurveyFilter:
        return self.survey_model().survey_filter

    def set_filter(self, survey_filter: SurveyFilter) -> None:
        """Apply several criteria at once: one re-filter, none when nothing changed."""
        self.survey_model().set_filter(survey_filter)

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self.survey_filter, text=text))

    def set_regency(self, regency: str | None) -> None:
        self.set_filter(replace(self.survey_filter, regency=regency))

    def set_status(self, status: str | None) -> None:
        self.set_filter(replace(self.survey_filter, status=status))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by SORT_ROLE, done by the source model (see SurveyTableModel)."""
        self.survey_model().sort(column, order)

    def survey_id(self, proxy_row: int) -> uuid.UUID:
        value = self.index(proxy_row, 0).data(SURVEY_ID_ROLE)
        assert isinstance(value, uuid.UUID)
        return value

    def proxy_row_for(self, survey_id: uuid.UUID) -> int | None:
        """The row the survey shows on, or None when it is filtered out or absent."""
        source_row = self.survey_model().row_for(survey_id)
        if source_row is None:
            return None
        index = self.mapFromSource(self.survey_model().index(source_row, 0))
        return index.row() if index.isValid() else None
