"""A small locator map for the letter's attachment: the kabupaten with its kecamatan lines and the
village filled, and the survey's point, drawn with reportlab from the same outlines as the map."""

from __future__ import annotations

from reportlab.graphics.shapes import (  # type: ignore[import-untyped]
    Circle,
    Drawing,
    Path,
    Rect,
    String,
)
from reportlab.lib import colors  # type: ignore[import-untyped]

from ovop_desktop.reports.fonts import REGULAR
from ovop_desktop.reports.map_data import LocatorMap, Ring, SummaryMap

__all__ = ["LocatorMap", "SummaryMap", "locator_drawing", "summary_map_drawing"]

VILLAGE_FILL = colors.HexColor("#d9480f")
REGENCY_FILL = colors.HexColor("#f1f0ec")
LINE = colors.HexColor("#8a949b")
EDGE = colors.HexColor("#1d2b33")
CAPTION_SIZE = 7


def _path(rings: tuple[Ring, ...], place: object, **style: object) -> Path:
    path = Path(**style)
    for ring in rings:
        for index, point in enumerate(ring):
            x, y = place(point)  # type: ignore[operator]
            if index == 0:
                path.moveTo(x, y)
            else:
                path.lineTo(x, y)
        path.closePath()
    return path


def locator_drawing(locator: LocatorMap, width: float, height: float) -> Drawing:
    """The kabupaten fitted into `width` × `height` points, the caption below it."""
    outline = locator.regency or locator.village
    points = [p for ring in outline for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    room_height = height - CAPTION_SIZE - 4
    scale = min(width / max(east - west, 1e-9), room_height / max(north - south, 1e-9))
    left = (width - (east - west) * scale) / 2
    bottom = CAPTION_SIZE + 4 + (room_height - (north - south) * scale) / 2

    def place(point: tuple[float, float]) -> tuple[float, float]:
        return left + (point[0] - west) * scale, bottom + (point[1] - south) * scale

    drawing = Drawing(width, height)
    for rings, fill, stroke, stroke_width in (
        (locator.regency, REGENCY_FILL, None, 0),
        (locator.districts, None, LINE, 0.3),
        (locator.village, VILLAGE_FILL, EDGE, 0.4),
        (locator.regency, None, EDGE, 0.8),
    ):
        drawing.add(
            _path(rings, place, fillColor=fill, strokeColor=stroke, strokeWidth=stroke_width)
        )
    if locator.point is not None:
        x, y = place(locator.point)
        drawing.add(Circle(x, y, 2.2, fillColor=colors.white, strokeColor=EDGE, strokeWidth=0.8))
    caption = String(width / 2, 1, locator.caption, fontName=REGULAR, fontSize=CAPTION_SIZE)
    caption.textAnchor = "middle"
    drawing.add(caption)
    return drawing


DESIGNATED_FILL = colors.HexColor("#7b3294")
RECOMMENDED_FILL = colors.HexColor("#41ab5d")


def summary_map_drawing(summary: SummaryMap, width: float, height: float) -> Drawing:
    """The kabupaten fitted into the box, villages filled by what they have, and a legend."""
    legend_height = 16
    points = [p for ring in summary.regency for p in ring]
    west, east = min(p[0] for p in points), max(p[0] for p in points)
    south, north = min(p[1] for p in points), max(p[1] for p in points)
    room = height - legend_height
    scale = min(width / max(east - west, 1e-9), room / max(north - south, 1e-9))
    left = (width - (east - west) * scale) / 2
    bottom = legend_height + (room - (north - south) * scale) / 2

    def place(point: tuple[float, float]) -> tuple[float, float]:
        return left + (point[0] - west) * scale, bottom + (point[1] - south) * scale

    drawing = Drawing(width, height)
    for rings, fill, stroke, stroke_width in (
        (summary.regency, REGENCY_FILL, None, 0),
        (summary.recommended, RECOMMENDED_FILL, None, 0),
        (summary.designated, DESIGNATED_FILL, None, 0),
        (summary.districts, None, LINE, 0.4),
        (summary.regency, None, EDGE, 1.0),
    ):
        drawing.add(
            _path(rings, place, fillColor=fill, strokeColor=stroke, strokeWidth=stroke_width)
        )
    designated, recommended = summary.counts
    x = 0.0
    for fill, label in (
        (DESIGNATED_FILL, f"Produk OVOP yang ditetapkan ({designated} desa/kecamatan)"),
        (RECOMMENDED_FILL, f"Produk rekomendasi, belum ditetapkan ({recommended} desa)"),
    ):
        drawing.add(Rect(x, 2, 10, 8, fillColor=fill, strokeColor=None))
        drawing.add(String(x + 14, 3, label, fontName=REGULAR, fontSize=8))
        x += 250
    return drawing
