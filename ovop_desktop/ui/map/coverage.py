"""The dashboard's coverage map: each kabupaten/kota shaded by the share of its villages that have
a survey, with the classes in a legend and the figures on hover."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Slot
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QSizePolicy, QWidget

from ovop_desktop.core.boundary_index import BoundaryIndex
from ovop_desktop.core.map_geometry import ring_arrays
from ovop_desktop.paths import AppPaths
from ovop_desktop.ui.kit.display import number_text, percent_text
from ovop_desktop.ui.map.paths import painter_path
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker

# Share of villages surveyed: below 20 %, 40 %, 60 %, 80 %, and up to 100 %.
CLASSES = (
    QColor("#f1eef6"),
    QColor("#bdc9e1"),
    QColor("#74a9cf"),
    QColor("#2b8cbe"),
    QColor("#045a8d"),
)
LEGEND_HEIGHT = 22
OUTLINE = QColor("#1d2b33")


def coverage_class(surveyed: int, villages: int) -> int:
    """0…4: the class of `surveyed` of `villages` (a kabupaten without villages is class 0)."""
    if villages <= 0:
        return 0
    return min(int(5 * surveyed / villages), 4)


class CoverageMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(120, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._regencies: list[tuple[str, str, QPainterPath]] = []
        self._coverage: dict[str, tuple[int, int]] = {}
        self._bounds = QRectF()

    def load(self, paths: AppPaths, worker: Worker) -> None:
        """Read the kabupaten outlines (once per process, shared with the Peta place)."""

        def outlines() -> BoundaryIndex:
            from ovop_desktop.services.boundaries import load_boundary_index

            return load_boundary_index(paths)

        Operation(self, worker).success(self._on_outlines_loaded).run(outlines)

    @Slot(object)
    def _on_outlines_loaded(self, index: BoundaryIndex) -> None:
        self._regencies = [
            (o.code, o.name, painter_path(ring_arrays([o.geometry], 0.002)))
            for o in index.kabupaten
        ]
        self._bounds = QRectF()
        for _code, _name, path in self._regencies:
            self._bounds = self._bounds.united(path.boundingRect())
        self.update()

    def set_coverage(self, coverage: dict[str, tuple[int, int]]) -> None:
        """(surveyed villages, villages) per kabupaten code."""
        self._coverage = dict(coverage)
        self.update()

    def _transform(self) -> QTransform:
        area = QRectF(self.rect()).adjusted(4, 4, -4, -4 - LEGEND_HEIGHT)
        if self._bounds.isEmpty() or area.isEmpty():
            return QTransform()
        scale = min(area.width() / self._bounds.width(), area.height() / self._bounds.height())
        dx = area.center().x() - self._bounds.center().x() * scale
        dy = area.center().y() - self._bounds.center().y() * scale
        return QTransform(scale, 0, 0, scale, dx, dy)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.save()
        painter.setTransform(self._transform())
        pen = QPen(OUTLINE, 1.0)
        pen.setCosmetic(True)
        for code, _name, path in self._regencies:
            surveyed, villages = self._coverage.get(code, (0, 0))
            painter.fillPath(path, CLASSES[coverage_class(surveyed, villages)])
            painter.strokePath(path, pen)
        painter.restore()
        self._paint_legend(painter)
        painter.end()

    def _paint_legend(self, painter: QPainter) -> None:
        """Five swatches (each a fifth of the villages), 0 % at the left, 100 % at the right."""
        top = self.height() - LEGEND_HEIGHT + 4
        width = max((self.width() - 8) / len(CLASSES), 10)
        for index, color in enumerate(CLASSES):
            painter.fillRect(QRectF(4 + index * width, top, width - 2, 8), color)
        painter.setPen(self.palette().color(self.foregroundRole()))
        text_box = QRectF(4, top + 8, self.width() - 8, LEGEND_HEIGHT - 10)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft, "0%")
        painter.drawText(text_box, Qt.AlignmentFlag.AlignRight, "100%")

    def regency_at(self, pos: QPointF) -> str | None:
        inverse, ok = self._transform().inverted()
        if not ok:
            return None
        point = inverse.map(pos)
        for code, _name, path in self._regencies:
            if path.contains(point):
                return code
        return None

    def hover_text(self, code: str) -> str:
        name = next((n for c, n, _p in self._regencies if c == code), code)
        surveyed, villages = self._coverage.get(code, (0, 0))
        return (
            self.tr("%1: %2 of %3 villages surveyed (%4)")
            .replace("%1", name)
            .replace("%2", number_text(surveyed))
            .replace("%3", number_text(villages))
            .replace("%4", percent_text(surveyed, villages) + "%")
        )

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.regency_at(event.position())
        self.setToolTip(self.hover_text(code) if code else "")
        super().mouseMoveEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(220, 200)

    def regencies(self) -> Sequence[str]:
        return [code for code, _name, _path in self._regencies]
