"""Dasbor: the province's view of all merged surveys at a glance. Summary tiles, charts per
kabupaten/kota, stars and categories, and tables of the best candidates, the officers' last
imports and the villages of the region list not surveyed yet.

The numbers come from services.dashboard, loaded on the worker; nothing here queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.formatting import short_regency
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.province.dashboard import Dashboard, RegencySummary, province_dashboard
from ovop_desktop.ui.kit.display import fill, in_language, number_text, percent_text, when_text
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.map.coverage import CoverageMap
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.province.charts import (
    ASSESSED_COLOR,
    CATEGORY_COLOR,
    SURVEY_COLOR,
    BarRow,
    BarSeries,
    HorizontalBarChart,
    StarsChart,
)
from ovop_desktop.ui.province.dashboard_tabs import DashboardTabs
from ovop_desktop.ui.worker import Worker

STYLE = """
QFrame#tile, QFrame#card { background: white; border: 1px solid #d5dee0; border-radius: 6px; }
QLabel#tileTitle { color: #4a5b60; font-weight: bold; }
QLabel#tileValue { color: #1d4d5c; font-size: 20pt; font-weight: bold; }
QLabel#tileCaption { color: #5b6b70; }
QLabel#cardTitle { color: #33464c; font-weight: bold; }
QLabel#emptyLabel { color: #4a5b60; font-size: 12pt; }
"""
MAX_REGENCY_BARS = 16  # Kalimantan Selatan has 13 kabupaten/kota
TILE_ACCENTS = ("#2a6b7e", "#e09b12", "#b4532a", "#5c6fb1")


class _Tile(QFrame):
    """A summary number with its title above and a line of context below."""

    def __init__(self, title: str, accent: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setStyleSheet(f"QFrame#tile {{ border-left: 4px solid {accent}; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 12, 8)
        layout.setSpacing(0)
        self.title = QLabel(title)
        self.title.setObjectName("tileTitle")
        self.value = QLabel("–")
        self.value.setObjectName("tileValue")
        # One line, no word wrap: a wrapping label would make the scroll area take the tiles'
        # preferred height rather than their minimum. The full sentence is in the tooltip.
        self.caption = QLabel()
        self.caption.setObjectName("tileCaption")
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.title, self.value, self.caption):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_value(self, value: int, caption: str, detail: str) -> None:
        self.value.setText(number_text(value))
        self.caption.setText(caption)
        self.setToolTip(detail)
        self.setAccessibleName(f"{self.title.text()}: {number_text(value)}")
        self.setAccessibleDescription(detail)


def _card(title: str, content: QWidget) -> QFrame:
    card = QFrame()
    card.setObjectName("card")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(12, 8, 12, 8)
    layout.setSpacing(6)
    label = QLabel(title)
    label.setObjectName("cardTitle")
    layout.addWidget(label)
    layout.addWidget(content, 1)
    return card


# The page's width under which tiles and charts take two rows (at 1024 px it is about 790).
NARROW_BELOW = 1000


class DashboardPage(QWidget):
    """The province dashboard; `reload()` loads the numbers again on the worker."""

    def __init__(
        self, db: Database, worker: Worker, rubric: Rubric, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.worker, self.rubric = db, worker, rubric
        self._dashboard: Dashboard | None = None
        self.setStyleSheet(STYLE)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.addWidget(page_title(self.tr("Province dashboard")))
        header.addStretch(1)
        self.updated_label = QLabel()
        self.updated_label.setObjectName("tileCaption")
        header.addWidget(self.updated_label)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Count everything again (F5)"))
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        header.addWidget(self.refresh_button)
        layout.addLayout(header)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.activated.connect(self.reload)

        self.stack = QStackedWidget()
        self.empty_label = QLabel(self.tr("Loading the dashboard…"))
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMaximumWidth(640)
        empty_page = QWidget()
        centred = QHBoxLayout(empty_page)
        centred.addStretch(1)
        centred.addWidget(self.empty_label, 4)
        centred.addStretch(1)
        self.stack.addWidget(empty_page)
        self.stack.addWidget(self._build_content())
        layout.addWidget(self.stack, 1)

    # Public interface

    @staticmethod
    def navigation_text() -> str:
        """The section's name in the navigation list."""
        return QCoreApplication.translate("DashboardPage", "Dashboard")

    def reload(self) -> None:
        """Count everything again on the worker; the page shows the result when it comes."""
        db, rubric = self.db, self.rubric
        self.refresh_button.setEnabled(False)
        Operation[Dashboard](self, self.worker).always(self._on_load_ended).success(
            self._on_dashboard_loaded
        ).run(lambda: province_dashboard(db, rubric))

    def dashboard(self) -> Dashboard | None:
        """What the page shows (None until the first load)."""
        return self._dashboard

    # Building

    def _build_content(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        tiles = QGridLayout()
        tiles.setSpacing(10)
        self.surveys_tile = _Tile(self.tr("Surveys"), TILE_ACCENTS[0])
        self.assessed_tile = _Tile(self.tr("Assessed candidates"), TILE_ACCENTS[1])
        self.villages_tile = _Tile(self.tr("Villages not yet surveyed"), TILE_ACCENTS[2])
        self.officers_tile = _Tile(self.tr("Officers"), TILE_ACCENTS[3])
        self._tiles = tiles
        layout.addLayout(tiles)

        charts = QGridLayout()
        charts.setSpacing(10)
        self._charts = charts
        self.regency_chart = HorizontalBarChart(
            self.tr("Surveys and assessed candidates per regency / city")
        )
        self.regency_chart.set_series(
            [
                BarSeries(self.tr("Surveys"), SURVEY_COLOR),
                BarSeries(self.tr("Assessed candidates"), ASSESSED_COLOR),
            ]
        )
        self.stars_chart = StarsChart(self.tr("Stars of the assessed candidates"))
        self.category_chart = HorizontalBarChart(self.tr("Candidates per category"))
        self.category_chart.set_series([BarSeries(self.tr("Candidates"), CATEGORY_COLOR)])
        self._chart_cards = [
            (_card(chart.accessibleName(), chart), stretch)
            for chart, stretch in (
                (self.regency_chart, 9),
                (self.stars_chart, 5),
                (self.category_chart, 7),
            )
        ]
        self._narrow: bool | None = None
        self._reflow(narrow=False)
        layout.addLayout(charts, 5)

        self.tabs = DashboardTabs(self.rubric)
        self.coverage_map = CoverageMap()  # the last tab: the row of charts is full at 1024 px
        self.tabs.addTab(self.coverage_map, self.tr("Survey &coverage map"))
        layout.addWidget(self.tabs, 4)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        return scroll

    def _reflow(self, *, narrow: bool) -> None:
        """Tiles in one row and charts side by side; on a narrow screen (a 1024 px laptop) two
        rows of each, so that no figure or label is cut."""
        if narrow == self._narrow:
            return
        self._narrow = narrow
        tiles = (self.surveys_tile, self.assessed_tile, self.villages_tile, self.officers_tile)
        per_row = 2 if narrow else 4
        for index, tile in enumerate(tiles):
            self._tiles.removeWidget(tile)
            self._tiles.addWidget(tile, index // per_row, index % per_row)
        for column in range(4):
            self._tiles.setColumnStretch(column, 1 if column < per_row else 0)
        places = (
            ((0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 2))
            if narrow
            else ((0, 0, 1, 1), (0, 1, 1, 1), (0, 2, 1, 1))
        )
        for (card, stretch), (row, column, rows, columns) in zip(
            self._chart_cards, places, strict=True
        ):
            self._charts.removeWidget(card)
            self._charts.addWidget(card, row, column, rows, columns)
            if not narrow:
                self._charts.setColumnStretch(column, stretch)
        if narrow:
            for column, stretch in enumerate((9, 5, 0)):
                self._charts.setColumnStretch(column, stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._reflow(narrow=event.size().width() < NARROW_BELOW)
        super().resizeEvent(event)

    # Showing

    def _show(self, dashboard: Dashboard) -> None:
        self._dashboard = dashboard
        self.updated_label.setText(
            fill(
                self.tr("Rubric %1 version %2 · counted at %3"),
                self.rubric.name,
                str(dashboard.rubric_version),
                when_text(datetime.now().astimezone()),
            )
        )
        if dashboard.empty:
            self.empty_label.setText(
                self.tr(
                    "No surveys yet. The dashboard fills in as officers' data packages are "
                    "imported in Synchronisation, or as surveys are recorded on this computer."
                )
            )
            self.stack.setCurrentIndex(0)
            return
        self._show_tiles(dashboard)
        self._show_charts(dashboard)
        self.tabs.show_dashboard(dashboard)
        self.stack.setCurrentIndex(1)

    def _show_tiles(self, d: Dashboard) -> None:
        regencies = number_text(sum(1 for r in d.regencies if r.surveys))
        villages = number_text(d.surveyed_villages)
        self.surveys_tile.show_value(
            d.surveys,
            fill(self.tr("%1 villages · %2 regencies / cities"), villages, regencies),
            fill(
                self.tr("%1 surveys in %2 villages of %3 regencies / cities"),
                number_text(d.surveys),
                villages,
                regencies,
            ),
        )
        # "Good" is the top two steps of the rubric's star scale (4 and 5 of 5).
        candidates, good = number_text(d.candidates), number_text(sum(d.stars[-2:]))
        high, top = str(max(d.max_stars - 1, 1)), str(d.max_stars)
        self.assessed_tile.show_value(
            d.assessed,
            fill(self.tr("of %1 · %2 with %3–%4 stars"), candidates, good, high, top),
            fill(
                self.tr(
                    "%1 of %2 candidate products have a final assessment; %3 of them have %4 "
                    "or %5 stars"
                ),
                number_text(d.assessed),
                candidates,
                good,
                high,
                top,
            ),
        )
        share = percent_text(d.surveyed_villages, d.villages)
        self.villages_tile.show_value(
            d.unsurveyed_villages,
            fill(self.tr("of %1 · %2% surveyed"), number_text(d.villages), share),
            fill(
                self.tr(
                    "%1 of the %2 villages in the region list have no survey yet; %3% are surveyed"
                ),
                number_text(d.unsurveyed_villages),
                number_text(d.villages),
                share,
            ),
        )
        last = d.last_import
        caption = (
            fill(self.tr("last import %1"), when_text(last.imported_at))
            if last
            else self.tr("no package imported yet")
        )
        self.officers_tile.show_value(
            d.officers,
            caption,
            fill(
                self.tr("%1 officers recorded surveys; %2 sent data packages"),
                number_text(d.officers),
                number_text(len({entry.officer_name for entry in d.imports})),
            ),
        )

    def show_coverage_map(self, paths: AppPaths) -> None:
        """Load the kabupaten outlines of the coverage map (the map's card)."""
        self.coverage_map.load(paths, self.worker)

    def _show_charts(self, d: Dashboard) -> None:
        self.regency_chart.set_rows(self._regency_bars(d.regencies))
        self.coverage_map.set_coverage(
            {r.code: (r.surveyed_villages, r.villages) for r in d.regencies}
        )
        total = max(d.assessed, 1)
        self.stars_chart.set_counts(
            d.stars,
            [
                fill(
                    self.tr("%1 stars: %2 assessed candidates (%3%)"),
                    str(stars),
                    number_text(count),
                    percent_text(count, total),
                )
                for stars, count in enumerate(d.stars, start=1)
            ],
        )
        self.category_chart.set_rows(
            [
                BarRow(
                    name := in_language(c.name_id, c.name_en),
                    (c.candidates,),
                    fill(
                        self.tr("%1: %2 candidates, %3 of them assessed"),
                        name,
                        number_text(c.candidates),
                        number_text(c.assessed),
                    ),
                )
                for c in d.categories
            ]
        )

    def _regency_bars(self, regencies: Sequence[RegencySummary]) -> list[BarRow]:
        """A bar pair per kabupaten/kota; a region list of several provinces keeps the busiest
        ones and sums up the rest in one row, so that every label stays readable."""
        if len(regencies) <= MAX_REGENCY_BARS:
            return [self._regency_bar(r) for r in regencies]
        busiest = sorted(regencies, key=lambda r: (-r.surveys, -r.assessed, r.code))
        shown, rest = busiest[: MAX_REGENCY_BARS - 1], busiest[MAX_REGENCY_BARS - 1 :]
        others = fill(self.tr("%1 other regencies / cities"), number_text(len(rest)))
        return [self._regency_bar(r) for r in sorted(shown, key=lambda r: r.code)] + [
            BarRow(
                others,
                (sum(r.surveys for r in rest), sum(r.assessed for r in rest)),
            )
        ]

    def _regency_bar(self, regency: RegencySummary) -> BarRow:
        return BarRow(
            short_regency(regency.name),
            (regency.surveys, regency.assessed),
            fill(
                self.tr(
                    "%1: %2 surveys, %3 of %4 candidates assessed, %5 of %6 villages not yet "
                    "surveyed"
                ),
                regency.name,
                number_text(regency.surveys),
                number_text(regency.assessed),
                number_text(regency.candidates),
                number_text(regency.unsurveyed_villages),
                number_text(regency.villages),
            ),
        )

    # Slots

    def _on_load_ended(self) -> None:
        self.refresh_button.setEnabled(True)

    @Slot(object)
    def _on_dashboard_loaded(self, dashboard: Dashboard) -> None:
        self._show(dashboard)

    @Slot()
    def _on_refresh_button_clicked(self) -> None:
        self.reload()
