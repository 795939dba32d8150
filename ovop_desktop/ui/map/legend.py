"""The colours of the map's villages and the legend that names them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ovop_desktop.services.village_map import VillageOnMap, VillageState
from ovop_desktop.ui.map.canvas import POINT_FILL

NOT_SURVEYED = QColor("#dcdcd4")
SURVEYED = QColor("#9ecae1")
DESIGNATED = QColor("#7b3294")
FILTERED_OUT = QColor("#f1f0ec")
# One to five stars, light to dark green.
STARS = (
    QColor("#f7fcb9"),
    QColor("#d9f0a3"),
    QColor("#addd8e"),
    QColor("#41ab5d"),
    QColor("#006837"),
)


def village_color(village: VillageOnMap) -> QColor:
    if village.state is VillageState.DESIGNATED:
        return DESIGNATED
    if village.state is VillageState.ASSESSED and village.stars:
        return STARS[min(max(village.stars, 1), 5) - 1]
    if village.state is VillageState.NOT_SURVEYED:
        return NOT_SURVEYED
    return SURVEYED


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapLegend", text)


def legend_entries() -> list[tuple[QColor | None, str]]:
    """(colour, label) in the order shown; None marks the survey point symbol."""
    entries: list[tuple[QColor | None, str]] = [
        (NOT_SURVEYED, _tr("Not surveyed")),
        (SURVEYED, _tr("Surveyed, not assessed")),
    ]
    entries += [(STARS[n - 1], _tr("Assessed: %1").replace("%1", "★" * n)) for n in range(1, 6)]
    entries += [(DESIGNATED, _tr("Designated OVOP product")), (None, _tr("Survey GPS point"))]
    return entries


class MapLegend(QWidget):
    """Swatches and labels, painted so that an export (QWidget.render) draws it the same."""

    ROW = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(label) for _c, label in legend_entries())
        return QSize(width + 34, self.ROW * len(legend_entries()) + 8)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for row, (color, label) in enumerate(legend_entries()):
            top = 4 + row * self.ROW
            swatch = QRectF(4, top + 3, 18, self.ROW - 6)
            if color is None:
                painter.setPen(QPen(QColor("white"), 1.5))
                painter.setBrush(POINT_FILL)
                painter.drawEllipse(swatch.center(), 4, 4)
            else:
                painter.setPen(QPen(QColor("#8a949b"), 0.8))
                painter.setBrush(color)
                painter.drawRect(swatch)
            painter.setPen(self.palette().color(self.foregroundRole()))
            text_area = QRectF(30, top, self.width() - 30, self.ROW)
            painter.drawText(text_area, Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()
