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
from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QPolygonF,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ovop_desktop.core.map_geometry import (
    TOLERANCES,
    Layer,
    MapLayers,
    project,
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
CACHE_MARGIN = 0.25  # of the window's size, on each side
EDGES_FROM_SCALE = 400.0  # pixels per degree: village edges only once villages are large
RINGED_POINTS = 3000
ZOOM_SETTLE_MS = 150  # while zooming, the last picture is scaled; then painted sharp again


def _cosmetic(color: QColor, width: float, cap: Qt.PenCapStyle = Qt.PenCapStyle.FlatCap) -> QPen:
    pen = QPen(color, width)
    pen.setCosmetic(True)
    pen.setCapStyle(cap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


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
        self._villages = Layer([])
        self._codes: list[str] = []
        self._lines: list[tuple[Layer, QPen]] = []
        self._province: QPainterPath | None = None
        self._groups: list[tuple[QColor, list[int]]] = []
        self._group_paths: dict[int, list[tuple[QColor, QPainterPath]]] = {}
        self._edges: dict[int, QPainterPath] = {}
        self._line_paths: dict[tuple[int, int], QPainterPath] = {}
        self._points_xy: tuple[Any, Any] = (np.zeros(0), np.zeros(0))
        self._hover_code = ""
        self._hover_path: QPainterPath | None = None
        self._find: Callable[[float, float], str | None] = lambda _lat, _lon: None
        self._home = QRectF(114.0, 1.0, 2.8, 3.6)
        self._center = self._home.center()
        self._scale = 100.0  # pixels per map unit
        self._press: QPointF | None = None
        self._last: QPointF | None = None
        self._dragged = False
        # What was last painted, with a margin around the window: a pan only moves it, and
        # the map is painted again when the scale or the content changes or a pan runs out.
        self._version = 0
        self._cache: QPixmap | None = None
        self._cache_key: tuple[float, int, int, int] | None = None
        self._cache_transform = QTransform()
        self._zooming = self._panning = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(ZOOM_SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)

    def _changed(self) -> None:
        self._version += 1
        self.update()

    # --- What is drawn ---------------------------------------------------------------------

    def set_outlines(
        self,
        layers: MapLayers,
        codes: Sequence[str],
        find: Callable[[float, float], str | None],
    ) -> None:
        """The outlines (`codes` name the villages of `layers.villages`, in order)."""
        self._villages = layers.villages
        self._codes = list(codes)
        self._lines = [
            (layers.districts, _cosmetic(DISTRICT_LINE, 0.8)),
            (layers.regencies, _cosmetic(REGENCY_LINE, 1.5)),
        ]
        self._province = None if layers.province is None else painter_path(layers.province)
        self._find = find
        self._group_paths.clear()
        self._edges.clear()
        self._line_paths.clear()
        self._set_hover("")
        self._changed()

    def set_groups(self, groups: Sequence[tuple[QColor, Sequence[int]]]) -> None:
        """Village indexes (in the order given to `set_outlines`) to fill with each colour;
        villages in no group are not drawn."""
        self._groups = [(color, list(indexes)) for color, indexes in groups if len(indexes)]
        self._group_paths.clear()
        self._edges.clear()
        self._changed()

    def set_points(self, latitudes: Sequence[float], longitudes: Sequence[float]) -> None:
        x, y = project(np.asarray(longitudes, dtype=float), np.asarray(latitudes, dtype=float))
        self._points_xy = (np.asarray(x, dtype=float), np.asarray(y, dtype=float))
        self._changed()

    @property
    def point_count(self) -> int:
        return len(self._points_xy[0])

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
        self._zooming, self._panning = True, False
        self._settle.start()
        self.update()

    def _on_settle_timeout(self) -> None:
        self.settle()

    def settle(self) -> None:
        """Paint sharp at the current scale now (the wheel has rested)."""
        self._settle.stop()
        self._zooming = False
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels."""
        self._center -= QPointF(dx / self._scale, dy / self._scale)
        self._panning = True
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
        transform = self.transform()
        painter = QPainter(self)
        same = (self.width(), self.height(), self._version)
        if (
            self._zooming
            and self._cache is not None
            and self._cache_key is not None
            and (self._cache_key[1:] == same)
        ):
            # Mid-zoom: the last picture, scaled (cache pixels → map → widget).
            inverse, _ok = self._cache_transform.inverted()
            painter.fillRect(self.rect(), SEA)
            painter.setTransform(inverse * transform)
            painter.drawPixmap(QPointF(0, 0), self._cache)
            painter.end()
            return
        cache = self._cached(transform)
        offset = QPointF(
            transform.dx() - self._cache_transform.dx(), transform.dy() - self._cache_transform.dy()
        )
        painter.drawPixmap(offset, cache)
        if self._hover_path is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setTransform(transform)
            painter.strokePath(self._hover_path, _cosmetic(HOVER_LINE, 2.5))
        painter.end()

    def _cached(self, transform: QTransform) -> QPixmap:
        width, height = max(self.width(), 1), max(self.height(), 1)
        key = (self._scale, width, height, self._version)
        if self._cache is not None and self._cache_key == key:
            dx = transform.dx() - self._cache_transform.dx()
            dy = transform.dy() - self._cache_transform.dy()
            size = self._cache.deviceIndependentSize()
            if dx <= 0 and dy <= 0 and dx + size.width() >= width and dy + size.height() >= height:
                return self._cache
        # The margin only once the map is being panned: a first paint or a zoom paints no more
        # than the window.
        margin = CACHE_MARGIN if self._panning else 0.0
        mx, my = int(width * margin), int(height * margin)
        ratio = self.devicePixelRatioF()
        cache = QPixmap(int((width + 2 * mx) * ratio), int((height + 2 * my) * ratio))
        cache.setDevicePixelRatio(ratio)
        shifted = transform * QTransform.fromTranslate(mx, my)
        painter = QPainter(cache)
        self.paint_map(painter, QRectF(0, 0, width + 2 * mx, height + 2 * my), shifted)
        painter.end()
        self._cache, self._cache_key, self._cache_transform = cache, key, shifted
        return cache

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
        if self._groups and scale >= EDGES_FROM_SCALE:
            painter.strokePath(self._edges_at(level), _cosmetic(VILLAGE_EDGE, 0.6))
        for layer_index, (_layer, pen) in enumerate(self._lines):
            painter.strokePath(self._line_path(layer_index, level), pen)
        if self._province is not None:
            painter.strokePath(self._province, _cosmetic(PROVINCE_LINE, 2.2))
        points = self._visible_points(transform, area)
        if not points.isEmpty():
            # In device pixels: round dots whatever the transform, small enough at the
            # province's scale to leave the villages' colours visible; a white ring only
            # where there are few enough to tell apart.
            size = min(max(scale / 120.0, 3.0), 7.0)
            painter.setTransform(outer)
            rings = ((QColor("white"), size + 2),) if points.size() < RINGED_POINTS else ()
            device = abs(outer.m11()) or 1.0  # an export's scale: the dots grow with it
            for color, width in (*rings, (POINT_FILL, size)):
                # Cosmetic: Qt draws such dots directly, much faster than stroking each one.
                painter.setPen(_cosmetic(color, width * device, Qt.PenCapStyle.RoundCap))
                painter.drawPoints(points)
        painter.restore()

    def _visible_points(self, transform: QTransform, area: QRectF) -> QPolygonF:
        """The survey points inside `area`, in `area`'s coordinates (before `outer`)."""
        x, y = self._points_xy
        sx = x * transform.m11() + transform.dx()
        sy = y * transform.m22() + transform.dy()
        inside = (sx >= area.left() - 8) & (sx <= area.right() + 8)
        inside &= (sy >= area.top() - 8) & (sy <= area.bottom() + 8)
        return point_polygon(sx[inside], sy[inside])

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
