"""The dashboard's tabs: the best candidates of each kabupaten/kota, each officer's last
imported package, and the villages of the region list not surveyed yet (filtered by
kabupaten/kota and typed words)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import short_regency, star_text
from ovop_desktop.core.regions import RegionLevel
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.services.province.dashboard import Dashboard
from ovop_desktop.ui.kit.combo import refill_combo
from ovop_desktop.ui.kit.display import (
    category_name,
    category_names,
    fill,
    in_language,
    number_text,
    total_text,
    when_text,
)
from ovop_desktop.ui.kit.read_only_table import fit_columns, read_only_table
from ovop_desktop.ui.province.dashboard_tables import (
    Cell,
    CellTableModel,
    GroupFilterProxy,
    Row,
)

_REGENCY_SAMPLE = short_regency("Kabupaten Hulu Sungai Selatan")


class DashboardTabs(QTabWidget):
    """`show_dashboard(dashboard)` fills the three tabs."""

    def __init__(self, rubric: Rubric, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rubric = rubric
        self.addTab(self._build_top(), self.tr("&Top candidates"))
        self.addTab(self._build_imports(), self.tr("Officers' last &imports"))
        self.addTab(self._build_unsurveyed(), self.tr("&Villages not yet surveyed"))

    def show_dashboard(self, d: Dashboard) -> None:
        self._show_top(d)
        self._show_imports(d)
        self._show_unsurveyed(d)

    def _build_top(self) -> QWidget:
        self.top_model = CellTableModel(
            (
                self.tr("Regency / City"),
                self.tr("No."),
                self.tr("Candidate product"),
                self.tr("Village"),
                self.tr("Category"),
                self.tr("Stars"),
                self.tr("Total"),
            ),
            self,
        )
        self.top_table = read_only_table(self.top_model, alternating=False)
        self.top_table.setAccessibleName(self.tr("Top candidates of each regency / city"))
        out_of = self.rubric.max_stars
        fit_columns(
            self.top_table,
            {
                0: _REGENCY_SAMPLE,
                1: "88",
                4: tuple(category_names(self.rubric).values()),
                5: star_text(0, out_of),
                6: "100,00",
            },
        )
        return self.top_table

    def _build_imports(self) -> QWidget:
        self.imports_model = CellTableModel(
            (
                self.tr("Officer"),
                self.tr("Device"),
                self.tr("Last import"),
                self.tr("Result"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Conflicts"),
                self.tr("Refused"),
                self.tr("Packages"),
            ),
            self,
        )
        self.imports_table = read_only_table(self.imports_model, alternating=False)
        self.imports_table.setAccessibleName(self.tr("Each officer's last imported package"))
        counts = "88.888"
        fit_columns(
            self.imports_table,
            {
                2: "30 Sep 2026 14.32",
                3: tuple(self._outcomes().values()),
                **dict.fromkeys(range(4, 9), counts),
            },
        )
        self.imports_empty = QLabel(
            self.tr(
                "No data package has been imported yet. Officers' packages are imported in "
                "Synchronisation."
            )
        )
        self.imports_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.imports_empty.setWordWrap(True)
        self.imports_stack = QStackedWidget()
        self.imports_stack.addWidget(self.imports_table)
        self.imports_stack.addWidget(self.imports_empty)
        return self.imports_stack

    def _build_unsurveyed(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(6, 6, 6, 6)
        filters = QHBoxLayout()
        self.regency_combo = QComboBox()
        self.regency_combo.setMinimumContentsLength(28)
        self.regency_combo.setToolTip(self.tr("Show the villages of one regency or city"))
        regency_label = QLabel(self.tr("Regenc&y / City"))
        regency_label.setBuddy(self.regency_combo)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Village, district or region code"))
        self.search_edit.setClearButtonEnabled(True)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search_edit)
        self.unsurveyed_count = QLabel()
        for widget in (regency_label, self.regency_combo, search_label):
            filters.addWidget(widget)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.unsurveyed_count)
        layout.addLayout(filters)
        self.unsurveyed_model = CellTableModel(
            (
                self.tr("Region code"),
                self.tr("Village"),
                self.tr("Level"),
                self.tr("District"),
                self.tr("Regency / City"),
            ),
            self,
        )
        self.unsurveyed_proxy = GroupFilterProxy(self)
        self.unsurveyed_proxy.setSourceModel(self.unsurveyed_model)
        self.unsurveyed_table = read_only_table(self.unsurveyed_proxy, alternating=False)
        self.unsurveyed_table.setAccessibleName(self.tr("Villages not yet surveyed"))
        self.unsurveyed_table.setSortingEnabled(True)
        self.unsurveyed_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        fit_columns(
            self.unsurveyed_table,
            {0: "63.01.01.2001", 2: tuple(self._level_name(level) for level in RegionLevel)},
        )
        layout.addWidget(self.unsurveyed_table, 1)
        self.regency_combo.currentIndexChanged.connect(self._on_regency_combo_current_index_changed)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        return page

    def _show_top(self, d: Dashboard) -> None:
        rows: list[Row] = []
        spans: list[tuple[int, int]] = []
        for regency in d.regencies:
            if not regency.surveys and not regency.top:
                continue
            name = Cell(short_regency(regency.name), tooltip=regency.name)
            if not regency.top:
                rows.append(
                    Row((name, Cell(""), Cell(self.tr("No candidate assessed yet"))), muted=True)
                )
                continue
            spans.append((len(rows), len(regency.top)))
            for rank, candidate in enumerate(regency.top, start=1):
                rows.append(
                    Row(
                        (
                            name if rank == 1 else Cell(""),
                            Cell(str(rank), number=True),
                            Cell(candidate.name),
                            Cell(
                                candidate.village,
                                tooltip=fill(
                                    self.tr("%1, district %2"),
                                    candidate.village,
                                    candidate.district,
                                ),
                            ),
                            Cell(category_name(self.rubric, candidate.category)),
                            Cell(
                                star_text(candidate.stars, self.rubric.max_stars),
                                tooltip=fill(
                                    self.tr("%1 of %2 stars"),
                                    str(candidate.stars or 0),
                                    str(self.rubric.max_stars),
                                ),
                            ),
                            Cell(total_text(candidate.total), number=True),
                        ),
                        key=regency.code,
                    )
                )
        self.top_table.clearSpans()
        self.top_model.set_rows(rows)
        for first, count in spans:
            if count > 1:
                self.top_table.setSpan(first, 0, count, 1)

    def _outcomes(self) -> dict[str, str]:
        return {
            "imported": self.tr("Imported"),
            "partial": self.tr("Imported, some records refused"),
            "unchanged": self.tr("Nothing new"),
            "rejected": self.tr("Refused"),
        }

    @staticmethod
    def _level_name(level: RegionLevel) -> str:
        return in_language(level.label_id, level.label_en)

    def _show_imports(self, d: Dashboard) -> None:
        outcomes = self._outcomes()
        rows = []
        for entry in d.imports:
            counts = [
                Cell(number_text(entry.counts.get(key, 0)), entry.counts.get(key, 0), number=True)
                for key in ("new", "updated", "conflicts", "rejected")
            ]
            rows.append(
                Row(
                    (
                        Cell(entry.officer_name or self.tr("(no name)")),
                        Cell(entry.device_name or "", tooltip=entry.file_name),
                        Cell(when_text(entry.imported_at), entry.imported_at.timestamp()),
                        Cell(outcomes.get(entry.outcome, entry.outcome), tooltip=entry.file_name),
                        *counts,
                        Cell(number_text(entry.packages), entry.packages, number=True),
                    )
                )
            )
        self.imports_model.set_rows(rows)
        self.imports_stack.setCurrentIndex(0 if rows else 1)
        self.setTabText(1, fill(self.tr("Officers' last &imports (%1)"), number_text(len(rows))))

    def _show_unsurveyed(self, d: Dashboard) -> None:
        levels = {str(level): level for level in RegionLevel}
        self.unsurveyed_model.set_rows(
            [
                Row(
                    (
                        Cell(v.code),
                        Cell(v.name),
                        Cell(self._level_name(levels[v.level]) if v.level in levels else v.level),
                        Cell(v.district),
                        Cell(short_regency(v.regency), tooltip=v.regency),
                    ),
                    key=v.regency_code,
                )
                for v in d.unsurveyed
            ]
        )
        every = fill(self.tr("All regencies / cities (%1)"), number_text(d.unsurveyed_villages))
        each = self.tr("%1 (%2 of %3)")
        regencies = [
            (
                fill(
                    each,
                    short_regency(regency.name),
                    number_text(regency.unsurveyed_villages),
                    number_text(regency.villages),
                ),
                regency.code,
            )
            for regency in d.regencies
            if regency.villages
        ]
        refill_combo(self.regency_combo, [(every, None), *regencies], keep=0)
        self.unsurveyed_proxy.set_group(self.regency_combo.currentData())
        self.setTabText(
            2, fill(self.tr("&Villages not yet surveyed (%1)"), number_text(d.unsurveyed_villages))
        )
        self._show_unsurveyed_count()

    def _show_unsurveyed_count(self) -> None:
        self.unsurveyed_count.setText(
            fill(self.tr("%1 shown"), number_text(self.unsurveyed_proxy.rowCount()))
        )

    @Slot(int)
    def _on_regency_combo_current_index_changed(self, index: int) -> None:
        self.unsurveyed_proxy.set_group(self.regency_combo.itemData(index))
        self._show_unsurveyed_count()

    @Slot(str)
    def _on_search_edit_text_changed(self, text: str) -> None:
        self.unsurveyed_proxy.set_text(text)
        self._show_unsurveyed_count()
