"""The radar chart of a candidate's criterion levels, drawn on the reportlab canvas.

Drawn by hand rather than with SpiderChart: every text here is set in the DejaVu face, where the
chart classes' many labels default to Helvetica.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

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


class RadarChart(Flowable):  # type: ignore[misc]
    """A ``width`` × ``height`` radar chart with one spoke per ``(label, level)``, drawn
    straight on the canvas (a reportlab Drawing of the same shapes costs a sheet an eighth of
    its time in the renderer's walk over them).

    Levels run from the centre (0) to the outer ring (5); a criterion without a level sits at
    the centre and its label says "–".
    """

    def __init__(
        self,
        axes: Sequence[tuple[str, int | None]],
        width: float,
        height: float,
        font_size: float = 7.5,
    ) -> None:
        super().__init__()
        self.axes = list(axes)
        self.width, self.height, self.font_size = width, height, font_size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        axes, count, font_size = self.axes, len(self.axes), self.font_size
        if count < 3:
            return
        canvas = self.canv
        cx, cy = self.width / 2, self.height / 2
        radius = min(self.width, self.height) / 2 - font_size * 2.6
        canvas.saveState()
        canvas.setStrokeColor(_RING)
        for ring in range(1, LEVELS + 1):
            corners = [_corner(cx, cy, radius * ring / LEVELS, i, count) for i in range(count)]
            canvas.setLineWidth(0.6 if ring == LEVELS else 0.35)
            canvas.drawPath(_closed(canvas, corners), stroke=1, fill=0)
        canvas.setStrokeColor(_SPOKE)
        canvas.setLineWidth(0.35)
        canvas.lines([(cx, cy, *_corner(cx, cy, radius, i, count)) for i in range(count)])
        canvas.setFillColor(_SCALE)
        canvas.setFont(REGULAR, font_size - 1.5)
        for ring in range(1, LEVELS + 1):
            canvas.drawString(cx + 2, cy + radius * ring / LEVELS + 1, str(ring))
        points = [
            _corner(cx, cy, radius * (level or 0) / LEVELS, i, count)
            for i, (_, level) in enumerate(axes)
        ]
        canvas.setStrokeColor(_OUTLINE)
        canvas.setLineWidth(1.2)
        canvas.setFillColor(_AREA)  # with its alpha
        canvas.drawPath(_closed(canvas, points), stroke=1, fill=1)
        canvas.setFillColor(_OUTLINE)
        for x, y in points:
            canvas.circle(x, y, 1.6, stroke=0, fill=1)
        canvas.setFillColor(_LABEL)
        canvas.setFont(BOLD, font_size)
        for index, (label, level) in enumerate(axes):
            x, y = _corner(cx, cy, radius + font_size * 0.9, index, count)
            dx = x - cx
            # Labels below the centre hang under their corner, labels above sit on it.
            baseline = y - font_size * 0.35 if abs(y - cy) < 1 else (y if y > cy else y - font_size)
            text = f"{label} ({level if level is not None else '–'})"
            if abs(dx) < 1:
                canvas.drawCentredString(x, baseline, text)
            elif dx > 0:
                canvas.drawString(x, baseline, text)
            else:
                canvas.drawRightString(x, baseline, text)
        canvas.restoreState()


def _closed(canvas: Any, corners: Sequence[tuple[float, float]]) -> Any:
    path = canvas.beginPath()
    path.moveTo(*corners[0])
    for corner in corners[1:]:
        path.lineTo(*corner)
    path.close()
    return path


def radar_drawing(
    axes: Sequence[tuple[str, int | None]], width: float, height: float, font_size: float = 7.5
) -> RadarChart:
    """The radar chart of `axes` (see RadarChart)."""
    return RadarChart(axes, width, height, font_size)
