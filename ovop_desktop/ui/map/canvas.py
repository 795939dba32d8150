"""The map itself: outlines and points drawn with QPainter, zoomed and panned by mouse and keys.

Crisp at any zoom: shapes are painter paths in map units under the view's transform, lines and
points use cosmetic pens (their width is in pixels), and each zoom draws the simplification
level whose error stays under a pixel (`core.map_geometry.TOLERANCES`). Villages of one colour
are one path, so a frame is a handful of fills however many villages there are.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ovop_desktop.core.boundaries import Outline
from ovop_desktop.core.map_geometry import (
    TOLERANCES,
    RingArrays,
    project,
    ring_arrays,
    tolerance_for,
    unproject,
)
from ovop_desktop.ui.map.paths import painter_path, point_polygon

SEA = QColor("#e8f1f5")
LAND_FADED = QColor("#f1f0ec")
VILLAGE_EDGE = QColor(255, 255, 255, 190)
DISTRICT_LINE = QColor("#8a949b")
REGENCY_LINE = QColor("#3d4a52")
PROVINCE_LINE = QColor("#1d2b33")
HOVER_LINE = QColor("#d9480f")
POINT_FILL = QColor("#b02a37")
ZOOM_STEP = 1.25
MAX_PIXELS_PER_DEGREE = 400_000.0  # about 0.3 m per pixel: deeper zoom shows nothing more
CLICK_SLOP_PX = 4


def _cosmetic(color: QColor, width: float, cap: Qt.PenCapStyle = Qt.PenCapStyle.FlatCap) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setCapStyle(cap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


class _Layer:
    """Shapes of one kind (villages, kecamatan or kabupaten), their vertex arrays made per
    simplification level when first drawn at it."""

    def __init__(self, geometries: Sequence[Any]) -> None:
        self.geometries = list(geometries)
        self._rings: dict[int, RingArrays] = {}

    def rings(self, level: int) -> RingArrays:
        found = self._rings.get(level)
        if found is None:
            found = self._rings[level] = ring_arrays(self.geometries, TOLERANCES[level])
        return found


class MapCanvas(QWidget):
    """Villages filled by group colour, kecamatan and kabupaten lines, the province outline and
    survey points. `village_at` answers (latitude, longitude) → village code for hover and
    click; the page decides what a village's colour and text are."""

    villageHovered = Signal(str)  # the code, or "" when the mouse leaves every village
    villageClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)
        self._villages = _Layer([])
        self._codes: list[str] = []
        self._lines: list[tuple[_Layer, QPen]] = []
        self._province: QPainterPath | None = None
        self._groups: list[tuple[QColor, list[int]]] = []
        self._group_paths: dict[int, list[tuple[QColor, QPainterPath]]] = {}
        self._edges: dict[int, QPainterPath] = {}
        self._line_paths: dict[tuple[int, int], QPainterPath] = {}
        self._points = QPolygonF()
        self._hover_code = ""
        self._hover_path: QPainterPath | None = None
        self._find: Callable[[float, float], str | None] = lambda _lat, _lon: None
        self._home = QRectF(114.0, 1.0, 2.8, 3.6)
        self._center = self._home.center()
        self._scale = 100.0  # pixels per map unit
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False

    # --- What is drawn ---------------------------------------------------------------------

    def set_outlines(
        self,
        villages: Sequence[Outline],
        districts: Sequence[Outline],
        regencies: Sequence[Outline],
        province: Any,
        find: Callable[[float, float], str | None],
    ) -> None:
        self._villages = _Layer([o.geometry for o in villages])
        self._codes = [o.code for o in villages]
        self._lines = [
            (_Layer([o.geometry for o in districts]), _cosmetic(DISTRICT_LINE, 0.8)),
            (_Layer([o.geometry for o in regencies]), _cosmetic(REGENCY_LINE, 1.5)),
        ]
        self._province = None
        if province is not None:
            self._province = painter_path(ring_arrays([province], 0.0))
        self._find = find
        self._group_paths.clear()
        self._edges.clear()
        self._line_paths.clear()
        self._set_hover("")
        self.update()

    def set_groups(self, groups: Sequence[tuple[QColor, Sequence[int]]]) -> None:
        """Village indexes (in the order given to `set_outlines`) to fill with each colour;
        villages in no group are not drawn."""
        self._groups = [(color, list(indexes)) for color, indexes in groups if len(indexes)]
        self._group_paths.clear()
        self._edges.clear()
        self.update()

    def set_points(self, latitudes: Sequence[float], longitudes: Sequence[float]) -> None:
        x, y = project(np.asarray(longitudes, dtype=float), np.asarray(latitudes, dtype=float))
        self._points = point_polygon(x, y)
        self.update()

    def village_codes(self) -> list[str]:
        return list(self._codes)

    # --- The view --------------------------------------------------------------------------

    def show_area(self, west: float, south: float, east: float, north: float) -> None:
        """Fit the view (and what Home returns to) to a box in degrees."""
        x0, y0 = project(west, north)
        x1, y1 = project(east, south)
        self._home = QRectF(QPointF(float(x0), float(y0)), QPointF(float(x1), float(y1)))
        self.reset_view()

    def reset_view(self) -> None:
        self._center = self._home.center()
        width, height = max(self.width(), 1), max(self.height(), 1)
        self._scale = 0.95 * min(width / self._home.width(), height / self._home.height())
        self.update()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom keeping the map point under `anchor` (a widget position) in place."""
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        before = self.to_map(anchor)
        limit = MAX_PIXELS_PER_DEGREE
        floor = 0.2 * min(self.width() / self._home.width(), self.height() / self._home.height())
        self._scale = min(max(self._scale * factor, floor), limit)
        after = self.to_map(anchor)
        self._center += before - after
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels."""
        self._center -= QPointF(dx / self._scale, dy / self._scale)
        self.update()

    @property
    def pixels_per_degree(self) -> float:
        return self._scale

    def transform(self) -> QTransform:
        """Map units → widget pixels."""
        s = self._scale
        return QTransform(
            s,
            0,
            0,
            s,
            self.width() / 2 - self._center.x() * s,
            self.height() / 2 - self._center.y() * s,
        )

    def to_map(self, pos: QPointF) -> QPointF:
        return QPointF(
            (pos.x() - self.width() / 2) / self._scale + self._center.x(),
            (pos.y() - self.height() / 2) / self._scale + self._center.y(),
        )

    def to_widget(self, latitude: float, longitude: float) -> QPointF:
        x, y = project(longitude, latitude)
        return self.transform().map(QPointF(float(x), float(y)))

    def code_at(self, pos: QPointF) -> str | None:
        point = self.to_map(pos)
        latitude, longitude = unproject(point.x(), point.y())
        return self._find(latitude, longitude)

    # --- Painting --------------------------------------------------------------------------

    def level(self, scale: float | None = None) -> int:
        return tolerance_for(1.0 / (scale or self._scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.paint_map(painter, QRectF(self.rect()), self.transform())
        painter.end()

    def paint_map(self, painter: QPainter, area: QRectF, transform: QTransform) -> None:
        """Draw the map into `area` of `painter` under `transform` (map units → device)."""
        painter.save()
        outer = painter.worldTransform()
        painter.fillRect(area, SEA)
        painter.setClipRect(area)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(transform, combine=True)
        scale = max(abs(transform.m11()), 1e-9)
        level = tolerance_for(1.0 / scale)
        painter.setPen(Qt.PenStyle.NoPen)
        if self._province is not None:  # land around a chosen kabupaten is land, not sea
            painter.fillPath(self._province, LAND_FADED)
        for color, path in self._fills(level):
            painter.fillPath(path, color)
        if self._groups:
            painter.strokePath(self._edges_at(level), _cosmetic(VILLAGE_EDGE, 0.6))
        for layer_index, (_layer, pen) in enumerate(self._lines):
            painter.strokePath(self._line_path(layer_index, level), pen)
        if self._province is not None:
            painter.strokePath(self._province, _cosmetic(PROVINCE_LINE, 2.2))
        if self._hover_path is not None:
            painter.strokePath(self._hover_path, _cosmetic(HOVER_LINE, 2.5))
        if not self._points.isEmpty():
            # In device pixels: round dots whatever the transform, small enough at the
            # province's scale to leave the villages' colours visible.
            points = transform.map(self._points)
            size = min(max(scale / 120.0, 3.0), 7.0)
            painter.setTransform(outer)
            for color, width in ((QColor("white"), size + 2), (POINT_FILL, size)):
                pen = QPen(color, width)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                painter.drawPoints(points)
        painter.restore()

    def _fills(self, level: int) -> list[tuple[QColor, QPainterPath]]:
        found = self._group_paths.get(level)
        if found is None:
            rings = self._villages.rings(level)
            found = [(color, painter_path(rings.of(indexes))) for color, indexes in self._groups]
            self._group_paths[level] = found
        return found

    def _edges_at(self, level: int) -> QPainterPath:
        found = self._edges.get(level)
        if found is None:
            shown = [i for _color, indexes in self._groups for i in indexes]
            found = self._edges[level] = painter_path(self._villages.rings(level).of(shown))
        return found

    def _line_path(self, layer_index: int, level: int) -> QPainterPath:
        key = (layer_index, level)
        found = self._line_paths.get(key)
        if found is None:
            found = self._line_paths[key] = painter_path(self._lines[layer_index][0].rings(level))
        return found

    # --- Mouse and keys --------------------------------------------------------------------

    def _set_hover(self, code: str) -> None:
        if code == self._hover_code:
            return
        self._hover_code = code
        self._hover_path = None
        if code and code in self._codes:
            index = self._codes.index(code)
            self._hover_path = painter_path(self._villages.rings(len(TOLERANCES) - 1).of([index]))
        self.villageHovered.emit(code)
        self.update()

    @property
    def hovered(self) -> str:
        return self._hover_code

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._last = event.position()
            self._dragged = False
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if self._press is not None and self._last is not None:
            if (pos - self._press).manhattanLength() > CLICK_SLOP_PX:
                self._dragged = True
            if self._dragged:
                self.pan_by(pos.x() - self._last.x(), pos.y() - self._last.y())
            self._last = pos
            return
        self._set_hover(self.code_at(pos) or "")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._press is not None:
            if not self._dragged:
                code = self.code_at(event.position())
                if code:
                    self.villageClicked.emit(code)
            self._press = self._last = None
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoom_by(2.0, event.position())

    def leaveEvent(self, event: Any) -> None:
        self._set_hover("")
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(math.pow(ZOOM_STEP, steps), event.position())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        step = 0.1 * min(self.width(), self.height())
        moves: dict[Any, tuple[float, float]] = {
            Qt.Key.Key_Left: (step, 0.0),
            Qt.Key.Key_Right: (-step, 0.0),
            Qt.Key.Key_Up: (0.0, step),
            Qt.Key.Key_Down: (0.0, -step),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(1 / ZOOM_STEP)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.reset_view()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() <= 0:
            self.reset_view()

    def sizeHint(self) -> QSize:
        return QSize(640, 480)
