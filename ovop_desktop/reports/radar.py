"""The radar chart of a candidate's criterion levels, drawn with reportlab.graphics shapes.

Drawn by hand rather than with SpiderChart: every String here names the DejaVu face, where the
chart classes' many labels default to Helvetica.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.graphics.shapes import (  # type: ignore[import-untyped]
    Circle,
    Drawing,
    Line,
    Polygon,
    String,
)
from reportlab.lib import colors  # type: ignore[import-untyped]

from ovop_desktop.reports.fonts import BOLD, REGULAR

LEVELS = 5
_RING = colors.HexColor("#b5b5b5")
_SPOKE = colors.HexColor("#cfcfcf")
_AREA = colors.Color(0.16, 0.42, 0.66, alpha=0.28)
_OUTLINE = colors.HexColor("#1f5f99")
_LABEL = colors.HexColor("#222222")
_SCALE = colors.HexColor("#777777")


def _corner(cx: float, cy: float, radius: float, index: int, count: int) -> tuple[float, float]:
    # The first spoke points straight up; the others follow clockwise, as people read a clock.
    angle = math.pi / 2 - 2 * math.pi * index / count
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def radar_drawing(
    axes: Sequence[tuple[str, int | None]], width: float, height: float, font_size: float = 7.5
) -> Drawing:
    """A ``width`` × ``height`` drawing with one spoke per ``(label, level)``.

    Levels run from the centre (0) to the outer ring (5); a criterion without a level sits at
    the centre and its label says "–".
    """
    drawing = Drawing(width, height, initialFontName=REGULAR)
    count = len(axes)
    if count < 3:
        return drawing
    cx, cy = width / 2, height / 2
    radius = min(width, height) / 2 - font_size * 2.6
    for ring in range(1, LEVELS + 1):
        corners = [
            c for i in range(count) for c in _corner(cx, cy, radius * ring / LEVELS, i, count)
        ]
        drawing.add(
            Polygon(
                corners,
                strokeColor=_RING,
                strokeWidth=0.6 if ring == LEVELS else 0.35,
                fillColor=None,
            )
        )
    for index in range(count):
        x, y = _corner(cx, cy, radius, index, count)
        drawing.add(Line(cx, cy, x, y, strokeColor=_SPOKE, strokeWidth=0.35))
    for ring in range(1, LEVELS + 1):
        drawing.add(
            String(
                cx + 2,
                cy + radius * ring / LEVELS + 1,
                str(ring),
                fontName=REGULAR,
                fontSize=font_size - 1.5,
                fillColor=_SCALE,
            )
        )
    points = [
        c
        for i, (_, level) in enumerate(axes)
        for c in _corner(cx, cy, radius * (level or 0) / LEVELS, i, count)
    ]
    drawing.add(Polygon(points, strokeColor=_OUTLINE, strokeWidth=1.2, fillColor=_AREA))
    for i in range(count):
        drawing.add(
            Circle(points[2 * i], points[2 * i + 1], 1.6, fillColor=_OUTLINE, strokeColor=None)
        )
    for index, (label, level) in enumerate(axes):
        x, y = _corner(cx, cy, radius + font_size * 0.9, index, count)
        dx = x - cx
        anchor = "middle" if abs(dx) < 1 else ("start" if dx > 0 else "end")
        # Labels below the centre hang under their corner, labels above sit on it.
        baseline = y - font_size * 0.35 if abs(y - cy) < 1 else (y if y > cy else y - font_size)
        drawing.add(
            String(
                x,
                baseline,
                f"{label} ({level if level is not None else '–'})",
                fontName=BOLD,
                fontSize=font_size,
                fillColor=_LABEL,
                textAnchor=anchor,
            )
        )
    return drawing
