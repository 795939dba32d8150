"""The Peta place: every village of Kalimantan Selatan coloured by its survey state and stars,
survey points on top, filters, a legend, one kabupaten at a time, and export to PNG or PDF."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ovop_desktop.core.boundary_index import BoundaryIndex, village_label
from ovop_desktop.core.map_geometry import MapLayers, map_layers
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.village_map import VillageMap, VillageOnMap, VillageState
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.display import category_name, category_names, english
from ovop_desktop.ui.kit.messages import show_error, show_message
from ovop_desktop.ui.kit.page import page_title
from ovop_desktop.ui.map.canvas import MapCanvas
from ovop_desktop.ui.map.export import export_pdf, export_png
from ovop_desktop.ui.map.legend import FILTERED_OUT, MapLegend, village_color
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

ALL = ""
# The drawable layers of each set of outlines, made once (the index lives as long as the process).
_layers: dict[int, tuple[BoundaryIndex, MapLayers]] = {}


@dataclass(frozen=True)
class MapContent:
    index: BoundaryIndex
    layers: MapLayers
    data: VillageMap


def map_layers_of(index: BoundaryIndex) -> MapLayers:
    """Every simplification level of `index`'s outlines, made once (runs on the worker)."""
    found = _layers.get(id(index))
    if found is None or found[0] is not index:
        layers = map_layers(
            [o.geometry for o in index.villages],
            [o.geometry for o in index.kecamatan],
            [o.geometry for o in index.kabupaten],
        ).prepare()
        found = _layers[id(index)] = (index, layers)
    return found[1]


def load_map_content(paths: AppPaths, db: Database, rubric: Rubric) -> MapContent:
    """Everything the map shows (runs on the worker)."""
    from ovop_desktop.services.boundaries import load_boundary_index
    from ovop_desktop.services.village_map import village_map

    index = load_boundary_index(paths)
    return MapContent(index, map_layers_of(index), village_map(db, rubric))


class MapPage(QWidget):
    surveyRequested = Signal(object)  # the survey's uuid

    def __init__(self, db: Database, paths: AppPaths, worker: Worker, rubric: Rubric) -> None:
        super().__init__()
        self.db, self.paths, self.worker, self.rubric = db, paths, worker, rubric
        self.content: MapContent | None = None
        self._index_of: dict[str, int] = {}
        self.canvas = MapCanvas()
        self.legend = MapLegend()
        self._build()
        self.canvas.villageHovered.connect(self._on_canvas_village_hovered)
        self.canvas.villageClicked.connect(self._on_canvas_village_clicked)

    def _build(self) -> None:
        self.region_combo = QComboBox()
        self.category_combo = QComboBox()
        self.stars_combo = QComboBox()
        self.status_combo = QComboBox()
        self.region_combo.addItem(self.tr("Whole province"), ALL)
        self.category_combo.addItem(self.tr("All categories"), ALL)
        for category_id, name in category_names(self.rubric).items():
            self.category_combo.addItem(name, category_id)
        self.stars_combo.addItem(self.tr("Any stars"), 0)
        for n in range(1, 6):
            self.stars_combo.addItem(self.tr("%1 or more").replace("%1", "★" * n), n)
        self.status_combo.addItem(self.tr("Every village"), ALL)
        for state, label in (
            (VillageState.NOT_SURVEYED, self.tr("Not surveyed")),
            (VillageState.SURVEYED, self.tr("Surveyed, not assessed")),
            (VillageState.ASSESSED, self.tr("Assessed")),
            (VillageState.DESIGNATED, self.tr("Designated")),
        ):
            self.status_combo.addItem(label, str(state))
        for combo in (self.region_combo, self.category_combo, self.stars_combo, self.status_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._on_filter_changed)
        self.region_combo.currentIndexChanged.connect(self._on_region_combo_changed)
        self.reset_button = QPushButton(self.tr("&Whole view"))
        self.png_button = QPushButton(self.tr("Export P&NG…"))
        self.pdf_button = QPushButton(self.tr("Export P&DF…"))
        self.reset_button.clicked.connect(self.canvas.reset_view)
        self.png_button.clicked.connect(self._on_png_button_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self.info_label = QLabel(
            self.tr("Point at a village to see its result; click to open its survey.")
        )
        self.info_label.setWordWrap(True)
        self.info_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(page_title(self.tr("Map")))
        top.addStretch(1)
        for button in (self.reset_button, self.png_button, self.pdf_button):
            top.addWidget(button)
        filters = QHBoxLayout()
        for combo in (self.region_combo, self.category_combo, self.stars_combo, self.status_combo):
            filters.addWidget(combo, 1)
        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        side = QVBoxLayout()
        side.addWidget(self.legend)
        side.addStretch(1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.message_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.info_label)

    # --- Loading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Read the outlines (once) and the villages' states again: called each time the place
        is shown, so that what other places changed shows here."""
        paths, db, rubric = self.paths, self.db, self.rubric
        Operation(self, self.worker).success(self._on_loaded).errors_in(self.message_label).run(
            lambda: load_map_content(paths, db, rubric)
        )

    @Slot(object)
    def _on_loaded(self, content: MapContent) -> None:
        fresh = self.content is None or self.content.index is not content.index
        self.content = content
        if fresh:
            index = content.index
            self._index_of = {o.code: i for i, o in enumerate(index.villages)}
            self.canvas.set_outlines(content.layers, [o.code for o in index.villages], self._find)
            chosen = self.region_combo.currentData()
            self.region_combo.blockSignals(True)
            while self.region_combo.count() > 1:
                self.region_combo.removeItem(1)
            for regency in index.kabupaten:
                self.region_combo.addItem(regency.name, regency.code)
            found = self.region_combo.findData(chosen)
            self.region_combo.setCurrentIndex(max(found, 0))
            self.region_combo.blockSignals(False)
            self._show_region()
        self._apply_filters()

    def _find(self, latitude: float, longitude: float) -> str | None:
        if self.content is None:
            return None
        outline = self.content.index.village_at(latitude, longitude)
        region = self.region_combo.currentData() or ALL
        if outline is None or not outline.code.startswith(region):
            return None
        return outline.code

    # --- Filters ---------------------------------------------------------------------------

    def _passes(self, village: VillageOnMap) -> bool:
        category = self.category_combo.currentData() or ALL
        stars = int(self.stars_combo.currentData() or 0)
        status = self.status_combo.currentData() or ALL
        if category and village.category != category:
            return False
        if stars and (village.stars or 0) < stars:
            return False
        return not status or str(village.state) == status

    @Slot()
    def _on_filter_changed(self) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        if self.content is None:
            return
        data = self.content.data
        region = self.region_combo.currentData() or ALL
        groups: dict[str, tuple[QColor, list[int]]] = {}
        shown: set[str] = set()
        for code, index in self._index_of.items():
            if not code.startswith(region):
                continue
            village = data.village(code)
            passes = self._passes(village)
            color = village_color(village) if passes else FILTERED_OUT
            if passes:
                shown.add(code)
            groups.setdefault(color.name(), (color, []))[1].append(index)
        self.canvas.set_groups(list(groups.values()))
        points = [
            p
            for p in data.points
            if p.village_code in shown
            or (p.village_code not in self._index_of and p.village_code.startswith(region))
        ]
        self.canvas.set_points([p.latitude for p in points], [p.longitude for p in points])

    @Slot()
    def _on_region_combo_changed(self) -> None:
        self._show_region()

    def _show_region(self) -> None:
        if self.content is None:
            return
        region = self.region_combo.currentData() or ALL
        outlines = self.content.index.kabupaten
        chosen = [o for o in outlines if o.code.startswith(region)] or list(outlines)
        west, south, east, north = _bounds([o.geometry.bounds for o in chosen])
        self.canvas.show_area(west, south, east, north)

    # --- Hover and click -------------------------------------------------------------------

    def village_text(self, code: str) -> str:
        """ "Desa Benua Lawas, Kec. Takisung — ★★★ Keripik Pisang (Food)" in the interface
        language."""
        if self.content is None:
            return ""
        index, village = self.content.index, self.content.data.village(code)
        outline = index.outline(code)
        label_id, label_en = village_label(code, outline.name if outline else code)
        district = index.name(code.rsplit(".", 1)[0]) or ""
        place = (label_en if english() else label_id) + (
            self.tr(", %1 District").replace("%1", district) if district else ""
        )
        return f"{place} — {self._result_text(village)}"

    def _result_text(self, village: VillageOnMap) -> str:
        if village.state is VillageState.NOT_SURVEYED:
            return self.tr("not surveyed")
        product = village.product or ""
        category = category_name(self.rubric, village.category) if village.category else ""
        named = f"{product} ({category})" if category else product
        stars = "★" * village.stars if village.stars else ""
        if village.state is VillageState.DESIGNATED:
            return self.tr("designated: %1").replace("%1", named)
        if village.state is VillageState.ASSESSED:
            return f"{stars} {named}".strip()
        return self.tr("surveyed, not assessed yet")

    @Slot(str)
    def _on_canvas_village_hovered(self, code: str) -> None:
        text = self.village_text(code) if code else ""
        self.canvas.setToolTip(text)
        if text:
            self.info_label.setText(text)

    @Slot(str)
    def _on_canvas_village_clicked(self, code: str) -> None:
        if self.content is None:
            return
        village = self.content.data.village(code)
        if village.survey_id is not None:
            self.surveyRequested.emit(village.survey_id)
        else:
            self.info_label.setText(self.village_text(code))

    # --- Export ----------------------------------------------------------------------------

    def _title(self) -> str:
        region = self.region_combo.currentText()
        return self.tr("OVOP villages — %1").replace("%1", region)

    @Slot()
    def _on_png_button_clicked(self) -> None:
        dialogs.save_file(
            self, self.tr("Export the map as PNG"), "peta-ovop.png", "PNG (*.png)", self.export_png
        )

    @Slot()
    def _on_pdf_button_clicked(self) -> None:
        dialogs.save_file(
            self, self.tr("Export the map as PDF"), "peta-ovop.pdf", "PDF (*.pdf)", self.export_pdf
        )

    def export_png(self, path: str) -> None:
        self._export(export_png, path)

    def export_pdf(self, path: str) -> None:
        self._export(export_pdf, path)

    def _export(self, write: Any, path: str) -> None:
        try:
            write(Path(path), self.canvas, self.legend, self._title())
        except OSError as error:
            from ovop_desktop.services.errors import file_error

            show_error(self.message_label, file_error(error))
            self.message_label.setVisible(True)
            return
        show_message(self.message_label, self.tr("Saved %1.").replace("%1", Path(path).name))
        self.message_label.setVisible(True)


def _bounds(boxes: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )
