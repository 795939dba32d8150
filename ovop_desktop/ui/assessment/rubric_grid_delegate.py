"""Painting the rubric grid's cells: wrapped descriptors elided after three lines, the chosen
level highlighted, unscored and flagged criteria marked."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from ovop_desktop.ui.assessment.rubric_grid_model import (
    CHOSEN_LEVEL_ROLE,
    CRITERION_ROLE,
    FLAGGED_ROLE,
    NAME_COLUMN,
)

TEXT_LINES = 3
PADDING = 4
CHOSEN_BACKGROUND = QColor("#cfe5ea")
CHOSEN_BORDER = QColor("#1d5b6b")
CURRENT_ROW = QColor("#f2f7f8")
FLAG_COLOR = QColor("#e8590c")
MUTED = QColor("#5f6f73")
NOT_ASSESSED = QColor("#a61b1b")
TEXT = QColor("#1d2a2e")


def wrap_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; the last one elided."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    spans: list[tuple[int, int]] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    # Positions are UTF-16 units; rubric texts stay within the Basic Multilingual Plane.
    lines = [text[start : start + length].strip() for start, length in spans]
    if len(lines) <= max_lines:
        return lines
    rest = text[spans[max_lines - 1][0] :].strip()
    elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return [*lines[: max_lines - 1], elided]


def row_height(font: QFont) -> int:
    return round(QFontMetricsF(font).lineSpacing() * TEXT_LINES + 2 * PADDING)


class RubricGridDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(120, row_height(option.font))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = QRectF(option.rect)
        font = QFont(option.font)
        view = option.widget
        current = view.currentIndex() if isinstance(view, QAbstractItemView) else QModelIndex()
        chosen = index.data(CHOSEN_LEVEL_ROLE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if current.isValid() and current.row() == index.row():
            painter.fillRect(rect, CURRENT_ROW)
        if index.column() == NAME_COLUMN:
            self._paint_name(painter, rect, font, index, chosen)
        else:
            self._paint_level(painter, rect, font, index, chosen == index.column())
        focused = view is not None and view.hasFocus()
        if focused and current.isValid() and current == index:
            pen = QPen(CHOSEN_BORDER, 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(2.5, 2.5, -2.5, -2.5))
        painter.restore()

    def _paint_level(
        self,
        painter: QPainter,
        rect: QRectF,
        font: QFont,
        index: QModelIndex | QPersistentModelIndex,
        is_chosen: bool,
    ) -> None:
        if is_chosen:
            painter.setPen(QPen(CHOSEN_BORDER, 2))
            painter.setBrush(CHOSEN_BACKGROUND)
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, -1.5), 3, 3)
        painter.setPen(TEXT)
        self._draw_lines(painter, rect, font, str(index.data()), TEXT_LINES)

    def _paint_name(
        self,
        painter: QPainter,
        rect: QRectF,
        font: QFont,
        index: QModelIndex | QPersistentModelIndex,
        chosen: int | None,
    ) -> None:
        criterion = index.data(CRITERION_ROLE)
        if index.data(FLAGGED_ROLE):
            painter.fillRect(QRectF(rect.left(), rect.top(), 5, rect.height()), FLAG_COLOR)
        bold = QFont(font)
        bold.setBold(True)
        painter.setPen(TEXT)
        self._draw_lines(painter, rect, bold, f"{criterion.id}  {index.data()}", TEXT_LINES - 1)
        metrics = QFontMetricsF(font)
        small = QFont(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.92, 7.0))
        baseline = QRectF(
            rect.left() + PADDING + 4,
            rect.bottom() - PADDING - metrics.lineSpacing(),
            rect.width() - 2 * PADDING - 4,
            metrics.lineSpacing(),
        )
        status_font = QFont(small)
        if chosen is None:
            status = self.tr("Not assessed")
            status_font.setItalic(True)
            painter.setPen(NOT_ASSESSED)
        else:
            status = self.tr("Level %1").replace("%1", str(chosen))
            status_font.setBold(True)
            painter.setPen(CHOSEN_BORDER)
        painter.setFont(status_font)
        painter.drawText(
            baseline, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, status
        )
        # The group and weight take what the status leaves, elided rather than overlapping.
        room = baseline.width() - QFontMetricsF(status_font).horizontalAdvance(status) - 6
        weight = (
            self.tr("%1 · weight %2")
            .replace("%1", criterion.group)
            .replace("%2", str(criterion.weight))
        )
        painter.setFont(small)
        painter.setPen(MUTED)
        painter.drawText(
            QRectF(baseline.left(), baseline.top(), max(room, 0.0), baseline.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            QFontMetricsF(small).elidedText(weight, Qt.TextElideMode.ElideRight, max(room, 0.0)),
        )

    @staticmethod
    def _draw_lines(
        painter: QPainter, rect: QRectF, font: QFont, text: str, max_lines: int
    ) -> None:
        inner = rect.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        top = inner.top()
        for line in wrap_lines(text, font, inner.width(), max_lines):
            painter.drawText(
                QRectF(inner.left(), top, inner.width(), metrics.lineSpacing()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                line,
            )
            top += metrics.lineSpacing()
