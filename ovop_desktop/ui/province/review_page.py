"""Tinjauan (province mode): every survey received with its review state, filtered by state,
regency and typed text; a review recorded with a comment; the history of a survey's reviews; and
the list of surveys needing correction exported for the officers as XLSX or CSV.

Lists load on the worker; nothing here holds a database session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.province.reviews import (
    STATE_NAMES,
    ReviewEntry,
    ReviewRow,
    correction_list,
    export_corrections_csv,
    export_corrections_xlsx,
    review_history,
    review_rows,
)
from ovop_desktop.services.settings.officers import OfficerProfile, current_officer
from ovop_desktop.services.surveys.gps_flags import GpsFlag, gps_flags
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.display import number_text, short_date, when_text
from ovop_desktop.ui.kit.messages import ERROR_STYLE, OK_STYLE
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.kit.read_only_table import fit_columns, read_only_table, read_only_tree
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.province.review_dialog import ReviewDialog
from ovop_desktop.ui.province.review_table_model import (
    NOT_REVIEWED,
    STATE_COLOURS,
    Column,
    ReviewFilterProxy,
    ReviewTableModel,
)
from ovop_desktop.ui.worker import Worker

# Widest content of the fixed columns (longer text is elided, in full in its tooltip); the
# comment takes what is left, in full in the history below.
_SAMPLES: dict[int, str] = {
    Column.VILLAGE: "Gunung Batu Besar",
    Column.DISTRICT: "Banjarmasin Tengah",
    Column.REGENCY: "Kab. Hulu Sungai Selatan",
    Column.OFFICER: "Rahmah Hidayati",
    Column.DATE: "30 Sep 2026",
    Column.REVIEWED: "30 Sep 2026",
}


@dataclass(frozen=True)
class _Loaded:
    rows: list[ReviewRow]
    profile: OfficerProfile | None


@dataclass(frozen=True)
class _Exported:
    path: Path
    count: int


def _load(db: Database) -> _Loaded:
    """The worker's job: no widget is touched here."""
    return _Loaded(review_rows(db), current_officer(db))


class ReviewPage(QWidget):
    def __init__(self, db: Database, worker: Worker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.worker = db, worker
        self.review_dialog: ReviewDialog | None = None
        self._profile: OfficerProfile | None = None
        self._loaded = False
        self._paths: AppPaths | None = None  # set: points are checked against the outlines

        self.review_button = QPushButton(self.tr("Set &review…"))
        self.review_button.setToolTip(self.tr("Record a review of the selected survey (Ctrl+R)"))
        self.export_button = QPushButton(self.tr("E&xport correction list…"))
        self.export_button.setToolTip(
            self.tr(
                "Save the surveys needing correction (of the regency chosen, or all) as a "
                "spreadsheet for the officers"
            )
        )
        top = QHBoxLayout()
        top.addWidget(page_title(self.tr("Survey review")))
        top.addStretch(1)
        top.addWidget(self.review_button)
        top.addWidget(self.export_button)

        self.search = QLineEdit(placeholderText=self.tr("Find a village, district or officer…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.state_combo = QComboBox()
        self.state_combo.setAccessibleName(self.tr("Review state"))
        self.model = ReviewTableModel(self)
        self.state_combo.addItem(self.tr("All review states"), None)
        for state, name in self.model.state_names().items():
            self.state_combo.addItem(name, state)
        self.regency_combo = QComboBox()
        self.regency_combo.setAccessibleName(self.tr("Regency / City"))
        self.regency_combo.addItem(self.tr("All regencies / cities"), None)
        self.clear_button = QPushButton(self.tr("C&lear filters"))
        self.count_label = QLabel()
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.state_combo, 1)
        filters.addWidget(self.regency_combo, 1)
        filters.addWidget(self.clear_button)
        filters.addWidget(self.count_label)

        self.proxy = ReviewFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = read_only_table(self.proxy)
        self.table.setSortingEnabled(True)
        self._size_columns()
        self.table.sortByColumn(Column.REGENCY, Qt.SortOrder.AscendingOrder)

        self.history_label = QLabel(self.tr("Review history"))
        self.history = read_only_tree(
            [self.tr("Date and time"), self.tr("Review"), self.tr("Reviewer"), self.tr("Comment")],
            {
                0: "30 Sep 2026 14.32",
                1: tuple(self.model.state_names().values()),
                2: "Siti Rahmawati, S.E., M.M.",
            },
        )
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_label)
        lower_layout.addWidget(self.history, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.notice = QLabel()
        self.notice.setStyleSheet("color: #6b7075;")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.notice)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.state_combo.currentIndexChanged.connect(self._on_state_combo_current_index_changed)
        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_current_index_changed)
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.review_button.clicked.connect(self._on_review_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        QShortcut(QKeySequence("Ctrl+R"), self).activated.connect(self._on_review_button_clicked)
        self._show_state()

    @staticmethod
    def navigation_text() -> str:
        """The section's name in the navigation list."""
        return QCoreApplication.translate("ReviewPage", "Review")

    # --- loading -----------------------------------------------------------------------------

    def check_points(self, paths: AppPaths) -> None:
        """Flag surveys whose point lies outside their village's outline (a job after the rows
        are shown, only for surveys with a point)."""
        self._paths = paths

    def _check_gps(self, rows: list[ReviewRow]) -> None:
        paths = self._paths
        points = [
            (row.survey_id, row.latitude, row.longitude, row.village_code)
            for row in rows
            if row.latitude is not None and row.longitude is not None
        ]
        if paths is None or not points:
            return
        Operation[dict[uuid.UUID, GpsFlag]](self, self.worker).success(
            self.model.add_gps_flags
        ).run(lambda: gps_flags(paths, points))

    def load(self) -> None:
        """Reload the surveys with their review states (when the page is shown)."""
        db = self.db
        Operation[_Loaded](self, self.worker).errors_in(self.message).success(self._on_loaded).run(
            lambda: _load(db)
        )

    @Slot(object)
    def _on_loaded(self, loaded: _Loaded) -> None:
        kept = self.selected_survey()
        self._profile = loaded.profile
        self.model.set_rows(loaded.rows)
        self._check_gps(loaded.rows)
        self._loaded = True
        self._fill_regencies()
        if kept is None or not self.select_survey(kept):
            self._show_history(None)
        self._show_state()

    def _fill_regencies(self) -> None:
        regencies = [(regency, regency) for regency in self.model.regencies()]
        if not refill_combo(self.regency_combo, regencies):
            self.proxy.set_regency(None)

    def _size_columns(self) -> None:
        # The comment column, without a sample, takes what is left.
        samples: dict[int, str | tuple[str, ...]] = dict(_SAMPLES)
        samples[Column.STATE] = tuple(self.model.state_names().values())
        samples[Column.REVIEWED] = self.model.changed_text(_SAMPLES[Column.REVIEWED])
        fit_columns(self.table, samples)

    def _show_state(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 surveys")
            .replace("%1", number_text(shown))
            .replace("%2", number_text(total))
        )
        if not self._loaded:
            self.notice.setText(self.tr("Loading surveys…"))
        elif total == 0:
            self.notice.setText(
                self.tr("No surveys yet: import the officers' data packages first.")
            )
        elif shown == 0:
            self.notice.setText(
                self.tr("No survey matches the filters. Clear the filters to see all.")
            )
        self.notice.setVisible(not self._loaded or shown == 0)
        self.clear_button.setEnabled(self.proxy.active)
        self.review_button.setEnabled(self.selected_survey() is not None)

    # --- selection and history ---------------------------------------------------------------

    def selected_survey(self) -> uuid.UUID | None:
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.survey_id(rows[0].row()) if rows else None

    def selected_row(self) -> ReviewRow | None:
        survey_id = self.selected_survey()
        source = self.model.row_for(survey_id) if survey_id else None
        return self.model.row_at(source) if source is not None else None

    def select_survey(self, survey_id: uuid.UUID) -> bool:
        row = self.proxy.proxy_row_for(survey_id)
        if row is None:
            return False
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: object, _deselected: object) -> None:
        self._show_history(self.selected_row())
        self.review_button.setEnabled(self.selected_survey() is not None)

    def _show_history(self, row: ReviewRow | None) -> None:
        self.history.clear()
        if row is None:
            self.history_label.setText(self.tr("Review history: choose a survey above."))
            return
        self.history_label.setText(
            self.tr("Review history of %1, %2")
            .replace("%1", row.village)
            .replace("%2", row.district)
        )
        db, survey_id = self.db, row.survey_id
        Operation[tuple[uuid.UUID, list[ReviewEntry]]](self, self.worker).errors_in(
            self.message
        ).success(self._on_history_loaded).run(lambda: (survey_id, review_history(db, survey_id)))

    @Slot(object)
    def _on_history_loaded(self, loaded: tuple[uuid.UUID, list[ReviewEntry]]) -> None:
        survey_id, entries = loaded
        if survey_id != self.selected_survey():
            return  # another survey was chosen meanwhile
        self.history.clear()
        names = self.model.state_names()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    when_text(entry.reviewed_at),
                    names[entry.state],
                    entry.reviewer,
                    " ".join((entry.comment or "").split()),
                ]
            )
            item.setForeground(1, STATE_COLOURS[entry.state])
            item.setToolTip(3, entry.comment or "")
            self.history.addTopLevelItem(item)
        if not entries:
            item = QTreeWidgetItem([self.tr("Not reviewed yet.")])
            item.setForeground(0, STATE_COLOURS[NOT_REVIEWED])
            self.history.addTopLevelItem(item)

    # --- filters -------------------------------------------------------------------------------

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_state()

    @Slot(int)
    def _on_state_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_state(self.state_combo.itemData(index))
        self._show_state()

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, index: int) -> None:
        self.proxy.set_regency(self.regency_combo.itemData(index))
        self._show_state()

    def show_state(self, state: str | None) -> None:
        """Show the surveys of one review state (None: all), as the state filter does."""
        assert state is None or state in (*STATE_NAMES, NOT_REVIEWED)
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(state)))

    @Slot()
    def _on_clear_button_clicked(self) -> None:
        self.search.clear()
        self.state_combo.setCurrentIndex(0)
        self.regency_combo.setCurrentIndex(0)
        self.search.setFocus()

    # --- reviewing -----------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_table_activated(self, _index: QModelIndex) -> None:
        self._on_review_button_clicked()

    @Slot()
    def _on_review_button_clicked(self) -> None:
        row = self.selected_row()
        if row is None:
            self._say(self.tr("Choose a survey in the list first."), ERROR_STYLE)
            return
        place = (
            self.tr("%1, %2 District, %3 — surveyed on %4 by %5")
            .replace("%1", row.village)
            .replace("%2", row.district)
            .replace("%3", row.regency)
            .replace("%4", short_date(row.survey_date))
            .replace("%5", row.officer or self.tr("an unknown officer"))
        )
        profile = self._profile
        dialog = ReviewDialog(
            self.db,
            self.worker,
            row.survey_id,
            place,
            state=row.state,
            reviewer=profile.name if profile else "",
            officer_id=profile.id if profile else None,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_review_saved)
        dialog.finished.connect(self._on_review_dialog_finished)
        self.review_dialog = dialog
        dialog.open()

    @Slot(object)
    def _on_review_saved(self, entry: ReviewEntry) -> None:
        name = self.model.state_names()[entry.state]
        self._say(self.tr("Review saved: %1.").replace("%1", name), OK_STYLE)
        self.load()

    @Slot(int)
    def _on_review_dialog_finished(self, _result: int) -> None:
        self.review_dialog = None

    # --- export ------------------------------------------------------------------------------

    @Slot()
    def _on_export_button_clicked(self) -> None:
        regency = self.regency_combo.currentData()
        dialogs.save_file(
            self,
            self.tr("Export the surveys needing correction"),
            f"perlu-perbaikan-{date.today().isoformat()}.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV for Excel, semicolon-separated (*.csv)"),
            lambda path: self.export_corrections(Path(path), regency),
        )

    def export_corrections(self, target: Path, regency: str | None = None) -> None:
        """Write the correction list to `target`: CSV (semicolons, for Excel in Indonesian)
        when its name ends in .csv, else an XLSX workbook."""
        if target.suffix.lower() not in (".csv", ".xlsx"):
            target = target.with_name(target.name + ".xlsx")
        db = self.db

        def job() -> _Exported:
            count = len(correction_list(db, regency))
            if target.suffix.lower() == ".csv":
                export_corrections_csv(db, target, regency, delimiter=";")
            else:
                export_corrections_xlsx(db, target, regency)
            return _Exported(target, count)

        self.export_button.setEnabled(False)
        Operation[_Exported](self, self.worker).errors_in(self.message).always(
            self._on_export_ended
        ).success(self._on_exported).run(job)

    def _on_export_ended(self) -> None:
        self.export_button.setEnabled(True)

    @Slot(object)
    def _on_exported(self, exported: _Exported) -> None:
        if exported.count == 0:
            text = self.tr("No survey needs correction; the file %1 holds the headings only.")
            text = text.replace("%1", str(exported.path))
        else:
            text = (
                self.tr("%1 surveys needing correction saved to %2.")
                .replace("%1", str(exported.count))
                .replace("%2", str(exported.path))
            )
        self._say(text, OK_STYLE)

    # --- messages ----------------------------------------------------------------------------

    def _say(self, text: str, style: str) -> None:
        self.message.setStyleSheet(style)
        self.message.setText(text)
