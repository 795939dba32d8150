"""A spider (radar) chart of a rubric's criteria: one axis per criterion, rings for levels 1–5.

Painted as vectors with QPainter, so it stays crisp at any size and renders to an image for
reports. Several series overlay (the candidates of one village, or two assessors) with a legend.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ovop_desktop.core.rubric import LEVELS, Rubric
from ovop_desktop.ui.assessment.rubric_text import criterion_name

RING_COLOR = QColor("#c9d3d6")
AXIS_COLOR = QColor("#aab7bb")
LABEL_COLOR = QColor("#33464c")
MIN_TEXT_PX = 11  # labels and the legend stay readable in a small chart
LABEL_GAP = 0.35  # between the outer ring and a label, in label heights
PALETTE = ("#1d5b6b", "#d9480f", "#6741d9", "#2b8a3e", "#c2255c", "#5c940d")


@dataclass(frozen=True)
class Series:
    """One line of the chart: a label for the legend, levels by criterion id, and a colour."""

    label: str
    levels: Mapping[str, int | None]
    color: QColor | str


@dataclass(frozen=True)
class _Geometry:
    center: QPointF
    radius: float
    scale: float  # 1.0 at the 320 px the chart is designed for
    legend: QRectF


class RadarChart(QWidget):
    def __init__(self, rubric: Rubric | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._criteria: list[tuple[str, str]] = []  # (id, name)
        self._series: list[Series] = []
        sizing = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizing.setHeightForWidth(True)
        self.setSizePolicy(sizing)
        self.setAccessibleName(self.tr("Radar chart of the criteria levels"))
        if rubric is not None:
            self.set_rubric(rubric)

    # --- data ------------------------------------------------------------------------------

    def set_rubric(self, rubric: Rubric) -> None:
        self._criteria = [(c.id, criterion_name(c)) for c in rubric.criteria]
        self.update()

    def set_series(self, series: Sequence[Series]) -> None:
        self._series = list(series)
        self.setAccessibleDescription(
            "; ".join(
                f"{s.label}: "
                + ", ".join(f"{cid} {s.levels.get(cid) or '—'}" for cid, _ in self._criteria)
                for s in self._series
            )
        )
        self.update()

    def series(self) -> list[Series]:
        return list(self._series)

    # --- size ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def minimumSizeHint(self) -> QSize:
        return QSize(150, 150)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    # --- painting --------------------------------------------------------------------------

    def render_to_image(self, width: int, height: int) -> QImage:
        """The chart on a white background at exactly ``width`` × ``height`` pixels."""
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            self._paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def axis_point(self, index: float, level: float, rect: QRectF) -> QPointF:
        """Where ``level`` lies on the axis of criterion ``index`` when painted into ``rect``.

        The first axis points up and the others follow clockwise.
        """
        geometry = self._geometry(rect)
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(self._criteria), 1)
        distance = geometry.radius * level / LEVELS[-1]
        return QPointF(
            geometry.center.x() + distance * math.cos(angle),
            geometry.center.y() + distance * math.sin(angle),
        )

    def _font(self, scale: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(MIN_TEXT_PX, round(12 * scale)))
        font.setBold(bold)
        return font

    def _legend_shown(self) -> bool:
        return len(self._series) > 1

    def _geometry(self, rect: QRectF) -> _Geometry:
        side = min(rect.width(), rect.height())
        scale = max(side / 320, 0.45)
        legend_height = 0.0
        if self._legend_shown():
            line = QFontMetricsF(self._font(scale)).height() * 1.3
            legend_height = line * math.ceil(len(self._series) / 2) + 4 * scale
        plot = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - legend_height)
        metrics = QFontMetricsF(self._font(scale, bold=True))
        widest = max((metrics.horizontalAdvance(cid) for cid, _ in self._criteria), default=0.0)
        label_room = metrics.height() * (1 + LABEL_GAP) + max(widest - metrics.height(), 0) + 2
        radius = max(min(plot.width(), plot.height()) / 2 - label_room, 4.0)
        legend = QRectF(rect.left(), plot.bottom(), rect.width(), legend_height)
        return _Geometry(plot.center(), radius, scale, legend)

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self._criteria:
            return
        geometry = self._geometry(rect)
        self._paint_web(painter, rect, geometry)
        for series in self._series:
            self._paint_series(painter, rect, geometry, series)
        if self._legend_shown():
            self._paint_legend(painter, geometry)

    def _paint_web(self, painter: QPainter, rect: QRectF, geometry: _Geometry) -> None:
        count = len(self._criteria)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(RING_COLOR, max(1.0, geometry.scale)))
        for level in LEVELS:
            ring = QPolygonF([self.axis_point(i, level, rect) for i in range(count)])
            painter.drawPolygon(ring)
        painter.setPen(QPen(AXIS_COLOR, max(1.0, geometry.scale)))
        for index in range(count):
            painter.drawLine(geometry.center, self.axis_point(index, LEVELS[-1], rect))
        # Ring numbers halfway between the first two axes, clear of the labels and markers.
        painter.setFont(self._font(geometry.scale * 0.8))
        painter.setPen(AXIS_COLOR.darker(130))
        metrics = QFontMetricsF(painter.font())
        half = metrics.height() / 2
        for level in LEVELS:
            point = self.axis_point(0.5, level - 0.3, rect)
            box = QRectF(point.x() - half, point.y() - half, 2 * half, 2 * half)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(level))
        painter.setFont(self._font(geometry.scale, bold=True))
        painter.setPen(LABEL_COLOR)
        metrics = QFontMetricsF(painter.font())
        for index, (criterion_id, _) in enumerate(self._criteria):
            label = self._label_rect(index, rect, metrics)
            painter.drawText(label, Qt.AlignmentFlag.AlignCenter, criterion_id)

    def _label_rect(self, index: int, rect: QRectF, metrics: QFontMetricsF) -> QRectF:
        """The box of an axis label, just outside the outer ring and clear of it."""
        geometry = self._geometry(rect)
        width = metrics.horizontalAdvance(self._criteria[index][0]) + 4
        height = metrics.height()
        angle = -math.pi / 2 + 2 * math.pi * index / len(self._criteria)
        # Push the box out by its half extent in the axis direction.
        reach = abs(math.cos(angle)) * width / 2 + abs(math.sin(angle)) * height / 2
        distance = geometry.radius + height * LABEL_GAP + reach
        center = QPointF(
            geometry.center.x() + distance * math.cos(angle),
            geometry.center.y() + distance * math.sin(angle),
        )
        return QRectF(center.x() - width / 2, center.y() - height / 2, width, height)

    def _paint_series(
        self, painter: QPainter, rect: QRectF, geometry: _Geometry, series: Series
    ) -> None:
        color = QColor(series.color)
        points = [
            self.axis_point(index, series.levels.get(criterion_id) or 0, rect)
            for index, (criterion_id, _) in enumerate(self._criteria)
        ]
        fill = QColor(color)
        fill.setAlphaF(0.16)
        painter.setBrush(QBrush(fill))
        pen = QPen(color, 2.2 * geometry.scale)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPolygon(QPolygonF(points))
        marker = 3.6 * geometry.scale
        for point, (criterion_id, _) in zip(points, self._criteria, strict=True):
            if series.levels.get(criterion_id) is None:
                # Not assessed: a hollow marker at the centre, never a level 0.
                painter.setBrush(QColor("white"))
                painter.setPen(QPen(color, 1.5 * geometry.scale))
            else:
                painter.setBrush(color)
                painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(point, marker, marker)

    def _paint_legend(self, painter: QPainter, geometry: _Geometry) -> None:
        painter.setFont(self._font(geometry.scale))
        metrics = QFontMetricsF(painter.font())
        line = metrics.height() * 1.3
        column_width = geometry.legend.width() / 2
        swatch = metrics.height() * 0.7
        for position, series in enumerate(self._series):
            row, column = divmod(position, 2)
            left = geometry.legend.left() + column * column_width + 8 * geometry.scale
            top = geometry.legend.top() + row * line
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(series.color))
            painter.drawRoundedRect(QRectF(left, top + (line - swatch) / 2, swatch, swatch), 2, 2)
            painter.setPen(LABEL_COLOR)
            text_left = left + swatch + 5 * geometry.scale
            available = column_width - (text_left - left) - 10 * geometry.scale
            text = metrics.elidedText(series.label, Qt.TextElideMode.ElideRight, available)
            painter.drawText(
                QRectF(text_left, top, available, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )

    # --- tooltips --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self._tooltip_at(QPointF(event.pos())), self)
            return True
        return super().event(event)

    def _tooltip_at(self, position: QPointF) -> str:
        """The name of the criterion whose label is under the pointer, else every name."""
        rect = QRectF(self.rect())
        metrics = QFontMetricsF(self._font(self._geometry(rect).scale, bold=True))
        for index, (criterion_id, name) in enumerate(self._criteria):
            if self._label_rect(index, rect, metrics).adjusted(-6, -6, 6, 6).contains(position):
                return f"{criterion_id}: {name}"
        return "\n".join(f"{criterion_id}: {name}" for criterion_id, name in self._criteria)
