"""The score beside the rubric grid: group subtotals, total, stars, band meaning and gate message.

Fed a :class:`~ovop_desktop.core.scoring.Score`; an incomplete score shows no total and empty
stars (a criterion not assessed is never 0).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ovop_desktop.core.rubric import Rubric, StarBand
from ovop_desktop.core.scoring import GateCap, Score
from ovop_desktop.ui.assessment.rubric_text import (
    band_meaning,
    criterion_name,
    gate_reason,
    group_name,
)
from ovop_desktop.ui.kit.display import number_text

STAR_FILL = QColor("#e8a400")
STAR_EMPTY = QColor("#b8c2c5")


class StarRating(QWidget):
    """A star shape for each step of the rubric's scale (`set_out_of`), the first `stars`
    filled; no shapes before a scale is known."""

    def __init__(self, parent: QWidget | None = None, *, size: int = 22) -> None:
        super().__init__(parent)
        self._stars: int | None = None
        self._out_of = 0
        self._size = size
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.set_stars(None)

    @property
    def stars(self) -> int | None:
        return self._stars

    @property
    def out_of(self) -> int:
        return self._out_of

    def set_out_of(self, out_of: int) -> None:
        """The top of the star scale: the stars of the rubric's highest band."""
        self._out_of = out_of
        self.set_stars(self._stars)
        self.updateGeometry()

    def set_stars(self, stars: int | None) -> None:
        self._stars = stars
        self.setAccessibleName(
            self.tr("%1 of %2 stars").replace("%1", str(stars)).replace("%2", str(self._out_of))
            if stars is not None
            else self.tr("No stars yet")
        )
        self.setToolTip(self.accessibleName())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(self._out_of * (self._size + 3) - 3 if self._out_of else 0, self._size)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = self._size / 2
        for position in range(self._out_of):
            center = QPointF(radius + position * (self._size + 3), radius)
            filled = self._stars is not None and position < self._stars
            painter.setPen(QPen(STAR_FILL.darker(115) if filled else STAR_EMPTY, 1.2))
            painter.setBrush(STAR_FILL if filled else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(star_shape(center, radius - 1))
        painter.end()


def star_shape(center: QPointF, radius: float) -> QPolygonF:
    """A five-pointed star with one point up."""
    corners = []
    for corner in range(10):
        distance = radius if corner % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + corner * math.pi / 5
        corners.append(
            QPointF(
                center.x() + distance * math.cos(angle), center.y() + distance * math.sin(angle)
            )
        )
    return QPolygonF(corners)


class ScoreSummary(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scoreSummary")
        self._rubric: Rubric | None = None
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        self.groups = QGridLayout()
        self.groups.setHorizontalSpacing(8)
        self.groups.setVerticalSpacing(2)
        layout.addLayout(self.groups)
        self._group_values: dict[str, QLabel] = {}
        total_row = QGridLayout()
        caption = QLabel(self.tr("Total"))
        caption.setObjectName("totalCaption")
        self.total_label = QLabel("—")
        self.total_label.setObjectName("totalValue")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        total_row.addWidget(caption, 0, 0)
        total_row.addWidget(self.total_label, 0, 1)
        layout.addLayout(total_row)
        self.star_rating = StarRating(self)
        layout.addWidget(self.star_rating, 0, Qt.AlignmentFlag.AlignHCenter)
        self.meaning_label = QLabel()
        self.meaning_label.setObjectName("bandMeaning")
        self.meaning_label.setWordWrap(True)
        layout.addWidget(self.meaning_label)
        self.gate_label = QLabel()
        self.gate_label.setObjectName("gateMessage")
        self.gate_label.setWordWrap(True)
        self.gate_label.setVisible(False)
        layout.addWidget(self.gate_label)
        layout.addStretch(1)
        self.setStyleSheet(
            "QLabel#totalCaption { font-weight: bold; }"
            "QLabel#totalValue { font-size: 16pt; font-weight: bold; color: #123a45; }"
            "QLabel#bandMeaning { color: #33464c; }"
            "QLabel#gateMessage { background: #fff4e6; border: 1px solid #f5c28b;"
            " border-radius: 4px; padding: 5px 7px; color: #6b3a00; }"
        )

    def set_rubric(self, rubric: Rubric) -> None:
        self._rubric = rubric
        self.star_rating.set_out_of(rubric.max_stars)
        while self.groups.count():
            item = self.groups.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self._group_values.clear()
        for row, group in enumerate(rubric.groups):
            weight = sum(c.weight for c in rubric.criteria if c.group == group.id)
            name = QLabel(f"{group.id} · {group_name(group)}")
            name.setWordWrap(True)
            value = QLabel("—")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            value.setToolTip(self.tr("Out of %1").replace("%1", str(weight)))
            self.groups.addWidget(name, row, 0)
            self.groups.addWidget(value, row, 1)
            self._group_values[group.id] = value
        self.groups.setColumnStretch(0, 1)

    def show_score(self, score: Score | None) -> None:
        """Show a score (None: nothing can be scored, e.g. a category the rubric lacks)."""
        for group_id, label in self._group_values.items():
            subtotal = score.group_subtotals.get(group_id) if score else None
            label.setText(number_text(subtotal, 2) if subtotal is not None else "—")
        if score is None or score.total is None:
            self.total_label.setText("—")
            self.total_label.setToolTip(self.tr("Not assessed"))
            self.star_rating.set_stars(None)
            missing = len(score.missing) if score else 0
            self.meaning_label.setText(
                self.tr("Not assessed yet: %1 of %2 criteria still have no level.")
                .replace("%1", str(missing))
                .replace("%2", str(len(score.levels)))
                if score
                else ""
            )
            self.gate_label.setVisible(False)
            return
        self.total_label.setText(number_text(score.total, 2))
        self.total_label.setToolTip("")
        self.star_rating.set_stars(score.stars)
        band = next((b for b in self._bands() if b.stars == score.stars), None)
        self.meaning_label.setText(band_meaning(band) if band else "")
        self.gate_label.setText(self.gate_message(score.gate_caps))
        self.gate_label.setVisible(bool(score.gate_caps))

    def _bands(self) -> tuple[StarBand, ...]:
        return self._rubric.bands if self._rubric else ()

    def gate_message(self, caps: tuple[GateCap, ...]) -> str:
        """Which gate lowered the rating, why, and what is missing, one paragraph per gate."""
        if not caps:
            return ""
        lines = [
            self.tr("Rating lowered from %1 to %2 stars.")
            .replace("%1", str(caps[0].from_stars))
            .replace("%2", str(caps[0].to_stars))
        ]
        for cap in caps:
            missing = "; ".join(
                self.tr("%1: level %2, needs %3")
                .replace("%1", self._criterion_label(unmet.criterion))
                .replace("%2", str(unmet.actual_level))
                .replace("%3", str(unmet.required_level))
                for unmet in cap.unmet
            )
            lines.append(f"{gate_reason(cap.gate)} {missing}.")
        return "\n".join(lines)

    def _criterion_label(self, criterion_id: str) -> str:
        if self._rubric is None:
            return criterion_id
        return criterion_name(self._rubric.criterion(criterion_id))
