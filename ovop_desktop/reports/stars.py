"""Star ratings drawn as shapes, and the words that say the same thing.

Stars are drawn as polygons rather than a "★" glyph so that they print the same whatever the
font, and every drawn rating is accompanied by its number in words for readers and text search.
"""

from __future__ import annotations

import math

from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from ovop_desktop.reports.fonts import REGULAR, register_fonts
from ovop_desktop.reports.styles import INK, STAR_EMPTY, STAR_FILL, STAR_LINE

_INNER_RATIO = 0.382  # inner/outer radius of a regular five-pointed star


def star_points(cx: float, cy: float, radius: float) -> list[float]:
    """The ten corners (x0, y0, x1, y1, …) of a five-pointed star pointing up."""
    points: list[float] = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * _INNER_RATIO
        angle = math.pi / 2 + i * math.pi / 5
        points += [cx + r * math.cos(angle), cy + r * math.sin(angle)]
    return points


class StarRating(Flowable):  # type: ignore[misc]
    """``stars`` filled stars out of ``out_of`` (the rubric's highest band), drawn as polygons,
    and an optional ``label`` after them (plain text, e.g. the number); ``size`` is one star's
    height."""

    def __init__(
        self,
        stars: int | None,
        out_of: int,
        size: float = 10.0,
        gap: float = 2.0,
        label: str = "",
    ) -> None:
        super().__init__()
        register_fonts()
        self.out_of = out_of
        self.stars = max(0, min(out_of, stars or 0))
        self.size = size
        self.gap = gap
        self.label = label
        self.font_size = size * 0.95
        self.stars_width = out_of * size + (out_of - 1) * gap
        label_width = stringWidth(label, REGULAR, self.font_size) if label else 0.0
        self.width = self.stars_width + (3 * gap + label_width if label else 0.0)
        self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        radius = self.size / 2
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(STAR_LINE)
        for index in range(self.out_of):
            cx = radius + index * (self.size + self.gap)
            # A star's points reach lower than its centre less far than its top reaches up.
            corners = star_points(cx, radius * 0.9, radius)
            path = canvas.beginPath()
            path.moveTo(corners[0], corners[1])
            for k in range(2, len(corners), 2):
                path.lineTo(corners[k], corners[k + 1])
            path.close()
            canvas.setFillColor(STAR_FILL if index < self.stars else STAR_EMPTY)
            canvas.drawPath(path, stroke=1, fill=1)
        if self.label:
            canvas.setFillColor(INK)
            canvas.setFont(REGULAR, self.font_size)
            canvas.drawString(self.stars_width + 3 * self.gap, self.size * 0.12, self.label)
        canvas.restoreState()
