"""Small painted charts for the dashboard: labelled horizontal bars (one or more series) and the
distribution of stars 1–5.

Painted as vectors with QPainter and snapped to device pixels, so they stay crisp on any screen
scale; numbers are written the way the interface language writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ovop_desktop.ui.kit.display import number_text

TEXT_COLOR = QColor("#33464c")
MUTED_COLOR = QColor("#6b7c81")
AXIS_COLOR = QColor("#c9d3d6")
TRACK_COLOR = QColor("#eef3f4")
FOCUS_COLOR = QColor("#2a6b7e")
SURVEY_COLOR = "#2a6b7e"  # the navigation's teal
ASSESSED_COLOR = "#e09b12"  # the navigation's gold, deep enough to read on white
CATEGORY_COLOR = "#4f8a99"
STAR_COLORS = ("#f3dfae", "#efcd7c", "#eab94b", "#e09b12", "#c77d00")  # 1 to 5 stars
STAR = "★"
VALUE_SCALE = 0.92  # of the text size, for the numbers


@dataclass(frozen=True)
class BarSeries:
    label: str
    color: str


@dataclass(frozen=True)
class BarRow:
    """One label with a value per series; `tooltip` is the full text shown on hover."""

    label: str
    values: tuple[int, ...]
    tooltip: str = ""


class _Chart(QWidget):
    """What both charts share: fonts, pixel snapping, tooltips, focus and image rendering."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so that a reader announces it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._ratio = 1.0

    def render_to_image(self, width: int, height: int, ratio: float = 1.0) -> QImage:
        """The chart on white at ``width`` × ``height`` logical pixels and the given scale."""
        image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            self._ratio = ratio
            self._paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
            self._ratio = self.devicePixelRatioF()
        return image

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._ratio = self.devicePixelRatioF()
            self._paint(painter, QRectF(self.rect()))
            if self.hasFocus():
                pen = QPen(FOCUS_COLOR, 1.5)
                pen.setStyle(Qt.PenStyle.DotLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        finally:
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(QPointF(event.pos()), QRectF(self.rect()))
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        return font

    def _snap(self, value: float) -> float:
        """The nearest device pixel edge, so that bar edges are sharp rather than smeared."""
        return round(value * self._ratio) / self._ratio

    def _snapped(self, rect: QRectF) -> QRectF:
        left, top = self._snap(rect.left()), self._snap(rect.top())
        return QRectF(left, top, self._snap(rect.right()) - left, self._snap(rect.bottom()) - top)

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def _tooltip_at(self, position: QPointF, rect: QRectF) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class _BarLayout:
    top: float  # of the first row
    row: float  # height of a row
    bars_left: float
    bars_right: float  # where the longest possible bar ends
    columns: tuple[float, ...]  # right edges of the value columns; none: values at bar ends


class HorizontalBarChart(_Chart):
    """Rows of labelled bars, one bar per series, each with its value at its end. A legend shows
    when there are two series or more."""

    ROW_MIN = 16.0
    ROW_MAX = 30.0
    LABEL_SHARE = 0.5  # of the width, at most, for the labels

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._series: list[BarSeries] = []
        self._rows: list[BarRow] = []

    def set_series(self, series: Sequence[BarSeries]) -> None:
        self._series = list(series)
        self.update()

    def set_rows(self, rows: Sequence[BarRow]) -> None:
        self._rows = list(rows)
        self.setAccessibleDescription("; ".join(self._row_text(row) for row in self._rows))
        self.updateGeometry()
        self.update()

    def rows(self) -> list[BarRow]:
        return list(self._rows)

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self._font())
        rows = max(len(self._rows), 3)
        return QSize(380, round(self._legend_height(metrics) + rows * 18 + 8))

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetricsF(self._font())
        rows = max(len(self._rows), 3)
        return QSize(220, round(self._legend_height(metrics) + rows * self.ROW_MIN + 4))

    def _row_text(self, row: BarRow) -> str:
        values = ", ".join(
            f"{series.label} {number_text(value)}"
            for series, value in zip(self._series, row.values, strict=False)
        )
        return f"{row.label}: {values}"

    def _legend_height(self, metrics: QFontMetricsF) -> float:
        return metrics.height() * 1.5 if len(self._series) > 1 else 0.0

    def _layout(self, rect: QRectF) -> _BarLayout:
        metrics = QFontMetricsF(self._font())
        value_metrics = QFontMetricsF(self._font(VALUE_SCALE))
        top = rect.top() + self._legend_height(metrics) + 2
        height = rect.bottom() - top - 2
        row = min(max(height / max(len(self._rows), 1), self.ROW_MIN), self.ROW_MAX)
        widest = max((metrics.horizontalAdvance(r.label) for r in self._rows), default=0.0)
        label_width = min(widest + 10, rect.width() * self.LABEL_SHARE)
        biggest = max((v for r in self._rows for v in r.values), default=0)
        value_width = value_metrics.horizontalAdvance(number_text(max(biggest, 10))) + 8
        if len(self._series) < 2:
            return _BarLayout(top, row, rect.left() + label_width, rect.right() - value_width, ())
        # Thin bars side by side leave no room for a number beside each: the numbers stand in
        # one column per series at the right, under the series' swatch.
        columns = tuple(
            rect.right() - (len(self._series) - 1 - i) * value_width
            for i in range(len(self._series))
        )
        bars_right = columns[0] - value_width - 6
        return _BarLayout(top, row, rect.left() + label_width, bars_right, columns)

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self._rows or not self._series:
            return
        metrics = QFontMetricsF(self._font())
        layout = self._layout(rect)
        if len(self._series) > 1:
            self._paint_legend(painter, rect, metrics, layout)
        # No axis ticks to land on round numbers: the longest bar spans the plot.
        scale = max(max((v for r in self._rows for v in r.values), default=0), 1)
        span = max(layout.bars_right - layout.bars_left, 1.0)
        gap = max(layout.row * 0.24, 3.0)
        thickness = (layout.row - gap) / len(self._series)
        value_font = self._font(VALUE_SCALE)
        value_metrics = QFontMetricsF(value_font)
        painter.setPen(QPen(AXIS_COLOR, 1.0))
        axis_x = self._snap(layout.bars_left) + 0.5 / self._ratio
        bottom = layout.top + layout.row * len(self._rows)
        painter.drawLine(QPointF(axis_x, layout.top), QPointF(axis_x, bottom))
        for index, row in enumerate(self._rows):
            row_top = layout.top + index * layout.row
            painter.setFont(self._font())
            painter.setPen(TEXT_COLOR)
            label_room = layout.bars_left - rect.left() - 8
            painter.drawText(
                QRectF(rect.left(), row_top, label_room, layout.row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_room),
            )
            painter.setFont(value_font)
            for position, (series, value) in enumerate(zip(self._series, row.values, strict=False)):
                bar_top = row_top + gap / 2 + position * thickness
                length = span * value / scale
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(series.color))
                if value:
                    painter.drawRect(
                        self._snapped(QRectF(layout.bars_left + 1, bar_top, length, thickness - 1))
                    )
                painter.setPen(TEXT_COLOR if value else MUTED_COLOR)
                text = number_text(value)
                if layout.columns:
                    box = QRectF(layout.columns[position] - 80, row_top, 80, layout.row)
                    align = Qt.AlignmentFlag.AlignRight
                else:
                    box = QRectF(
                        layout.bars_left + length + 5,
                        bar_top + (thickness - value_metrics.height()) / 2,
                        value_metrics.horizontalAdvance(text) + 4,
                        value_metrics.height(),
                    )
                    align = Qt.AlignmentFlag.AlignLeft
                painter.drawText(box, Qt.AlignmentFlag.AlignVCenter | align, text)

    def _paint_legend(
        self, painter: QPainter, rect: QRectF, metrics: QFontMetricsF, layout: _BarLayout
    ) -> None:
        painter.setFont(self._font())
        swatch = metrics.height() * 0.65
        line = metrics.height() * 1.2
        left = rect.left()
        for position, series in enumerate(self._series):
            color = QColor(series.color)
            self._swatch(painter, QPointF(left, rect.top() + line / 2), swatch, color)
            painter.setPen(TEXT_COLOR)
            width = metrics.horizontalAdvance(series.label) + 2
            painter.drawText(
                QRectF(left + swatch + 6, rect.top(), width, line),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                series.label,
            )
            left += swatch + 6 + width + 18
            if layout.columns:  # the swatch heads the column of this series' numbers
                right = layout.columns[position]
                self._swatch(painter, QPointF(right - swatch, rect.top() + line / 2), swatch, color)

    def _swatch(self, painter: QPainter, left_middle: QPointF, size: float, color: QColor) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        box = QRectF(left_middle.x(), left_middle.y() - size / 2, size, size)
        painter.drawRoundedRect(self._snapped(box), 2, 2)

    def _tooltip_at(self, position: QPointF, rect: QRectF) -> str:
        if not self._rows:
            return ""
        layout = self._layout(rect)
        index = int((position.y() - layout.top) // layout.row)
        if position.y() < layout.top or index >= len(self._rows):
            return ""
        row = self._rows[index]
        return row.tooltip or self._row_text(row)


class StarsChart(_Chart):
    """Columns for 1 to 5 stars, the count above each and the stars under it."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._counts: tuple[int, ...] = (0, 0, 0, 0, 0)
        self._tooltips: tuple[str, ...] = ("",) * 5

    def set_counts(self, counts: Sequence[int], tooltips: Sequence[str] = ()) -> None:
        """Counts of 1 to 5 stars; `tooltips` (one per column) name them for hover and readers."""
        self._counts = tuple(counts)
        self._tooltips = tuple(tooltips) or tuple(
            f"{stars} {STAR}: {number_text(count)}" for stars, count in enumerate(counts, 1)
        )
        self.setAccessibleDescription("; ".join(self._tooltips))
        self.update()

    def counts(self) -> tuple[int, ...]:
        return self._counts

    def sizeHint(self) -> QSize:
        return QSize(300, 240)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 150)

    def _columns(self, rect: QRectF) -> list[QRectF]:
        width = rect.width() / len(self._counts)
        return [
            QRectF(rect.left() + i * width, rect.top(), width, rect.height())
            for i in range(len(self._counts))
        ]

    def _paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        columns = self._columns(rect)
        if not columns:
            return
        star_font = self._font(1.0, bold=True)
        star_metrics = QFontMetricsF(star_font)
        star_height = star_metrics.height()
        value_font = self._font(1.0, bold=True)
        value_height = QFontMetricsF(value_font).height()
        share_font = self._font(0.85)
        share_height = QFontMetricsF(share_font).height()
        base = rect.bottom() - star_height - share_height - 6
        room = base - rect.top() - value_height - 4
        total = sum(self._counts)
        scale = max(max(self._counts, default=0), 1)
        painter.setPen(QPen(AXIS_COLOR, 1.0))
        axis_y = self._snap(base) + 0.5 / self._ratio
        painter.drawLine(QPointF(rect.left() + 4, axis_y), QPointF(rect.right() - 4, axis_y))
        for stars, (column, count) in enumerate(zip(columns, self._counts, strict=True), 1):
            bar_width = min(column.width() * 0.56, 56.0)
            height = room * count / scale
            bar = self._snapped(
                QRectF(column.center().x() - bar_width / 2, base - height, bar_width, height)
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STAR_COLORS[min(stars, len(STAR_COLORS)) - 1]))
            if count:
                painter.drawRect(bar)
            painter.setFont(value_font)
            painter.setPen(TEXT_COLOR if count else MUTED_COLOR)
            painter.drawText(
                QRectF(column.left(), bar.top() - value_height - 2, column.width(), value_height),
                Qt.AlignmentFlag.AlignCenter,
                number_text(count),
            )
            # "3 ★": the number in the text colour, the star in gold, centred together.
            painter.setFont(star_font)
            number, star = f"{stars}\u2009", STAR
            width = star_metrics.horizontalAdvance(number + star)
            left = column.center().x() - width / 2
            painter.setPen(TEXT_COLOR)
            painter.drawText(QPointF(left, base + 4 + star_metrics.ascent()), number)
            painter.setPen(QColor(STAR_COLORS[-1]))
            painter.drawText(
                QPointF(
                    left + star_metrics.horizontalAdvance(number), base + 4 + star_metrics.ascent()
                ),
                star,
            )
            if total:
                painter.setFont(share_font)
                painter.setPen(MUTED_COLOR)
                painter.drawText(
                    QRectF(column.left(), base + 4 + star_height, column.width(), share_height),
                    Qt.AlignmentFlag.AlignCenter,
                    f"{number_text(round(100 * count / total))}%",
                )

    def _tooltip_at(self, position: QPointF, rect: QRectF) -> str:
        for column, text in zip(self._columns(rect), self._tooltips, strict=False):
            if column.contains(position):
                return text
        return ""
