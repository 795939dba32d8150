"""The map's current view as a PNG image or a one-page PDF, with its title and legend; files are
written atomically (`ovop_desktop.files`)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTransform,
)

from ovop_desktop.files import atomic_path
from ovop_desktop.ui.map.canvas import MapCanvas
from ovop_desktop.ui.map.legend import MapLegend

PNG_SCALE = 2  # twice the screen's pixels: sharp when printed or shown on a projector


def _visible_area(canvas: MapCanvas) -> QRectF:
    return QRectF(
        canvas.to_map(QPointF(0, 0)), canvas.to_map(QPointF(canvas.width(), canvas.height()))
    )


def _fit(area: QRectF, target: QRectF) -> QTransform:
    """Map units of `area` → `target`, same scale on both axes, centred."""
    scale = min(target.width() / area.width(), target.height() / area.height())
    dx = target.center().x() - area.center().x() * scale
    dy = target.center().y() - area.center().y() * scale
    return QTransform(scale, 0, 0, scale, dx, dy)


def _draw(
    painter: QPainter, canvas: MapCanvas, legend: MapLegend, title: str, page: QRectF
) -> None:
    """Title on top, the map below it, the legend in the map's lower left corner."""
    font = QFont(painter.font())
    font.setPixelSize(16)  # pixels in a PNG, points in the PDF (its painter works in points)
    font.setBold(True)
    painter.setFont(font)
    title_height = painter.fontMetrics().height() * 1.6
    painter.setPen(QColor("#1d2b33"))
    painter.drawText(
        QRectF(page.left(), page.top(), page.width(), title_height),
        Qt.AlignmentFlag.AlignVCenter,
        title,
    )
    area = QRectF(
        page.left(), page.top() + title_height, page.width(), page.height() - title_height
    )
    canvas.paint_map(painter, area, _fit(_visible_area(canvas), area))
    size = legend.sizeHint()
    legend.resize(size)
    box = QRectF(area.left() + 6, area.bottom() - size.height() - 6, size.width(), size.height())
    painter.fillRect(box, QColor(255, 255, 255, 225))
    legend.render(painter, QPoint(int(box.left()), int(box.top())))


def export_png(path: Path, canvas: MapCanvas, legend: MapLegend, title: str) -> None:
    width, height = canvas.width(), canvas.height() + 40
    image = QImage(width * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(PNG_SCALE, PNG_SCALE)
    _draw(painter, canvas, legend, title, QRectF(0, 0, width, height))
    painter.end()
    with atomic_path(path) as temporary:
        saved = image.save(str(temporary), "PNG")  # type: ignore[call-overload]
        if not saved:
            raise OSError(f"PNG could not be written: {path}")


def export_pdf(path: Path, canvas: MapCanvas, legend: MapLegend, title: str) -> None:
    with atomic_path(path) as temporary:
        writer = QPdfWriter(str(temporary))
        writer.setTitle(title)
        writer.setCreator("OVOP Desktop")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Landscape,
                QMarginsF(12, 12, 12, 12),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        painter = QPainter(writer)
        # Work in points (1/72 in) whatever the resolution: fonts and pens keep their sizes.
        factor = writer.resolution() / 72.0
        painter.scale(factor, factor)
        page = QRectF(0, 0, writer.width() / factor, writer.height() / factor)
        _draw(painter, canvas, legend, title, page)
        if not painter.end():
            raise OSError(f"PDF could not be written: {path}")
