"""The radar chart: crisp at any size, levels drawn at their distance from the centre."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.ui.assessment.radar_chart import RadarChart, Series

COLOR = QColor("#d9480f")
OTHER = QColor("#6741d9")


def close_to(pixel: QColor, wanted: QColor, tolerance: int = 40) -> bool:
    return (
        abs(pixel.red() - wanted.red())
        + abs(pixel.green() - wanted.green())
        + abs(pixel.blue() - wanted.blue())
    ) <= tolerance


def count_color(image: QImage, wanted: QColor, step: int = 2) -> int:
    return sum(
        close_to(image.pixelColor(x, y), wanted)
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


def farthest_along_axis(chart: RadarChart, image: QImage, index: int, wanted: QColor) -> float:
    """The farthest distance from the centre, along one axis, where the colour is painted."""
    rect = QRectF(0, 0, image.width(), image.height())
    center = chart.axis_point(index, 0, rect)
    outer = chart.axis_point(index, 5.5, rect)
    length = math.dist((center.x(), center.y()), (outer.x(), outer.y()))
    farthest = 0.0
    for step in range(int(length)):
        share = step / length
        point = QPointF(
            center.x() + (outer.x() - center.x()) * share,
            center.y() + (outer.y() - center.y()) * share,
        )
        x, y = round(point.x()), round(point.y())
        inside = 0 <= x < image.width() and 0 <= y < image.height()
        if inside and close_to(image.pixelColor(x, y), wanted):
            farthest = float(step)
    return farthest


@pytest.fixture
def chart(qtbot: QtBot, rubric: Rubric) -> RadarChart:
    widget = RadarChart(rubric)
    qtbot.addWidget(widget)
    return widget


def levels(rubric: Rubric, **chosen: int | None) -> dict[str, int | None]:
    return {cid: chosen.get(cid, 3) for cid in rubric.criterion_ids}


@pytest.mark.parametrize("size", [200, 800])
def test_the_chart_renders_the_series_at_any_size(
    chart: RadarChart, rubric: Rubric, size: int
) -> None:
    chart.set_series([Series("Dodol", levels(rubric), COLOR)])

    image = chart.render_to_image(size, size)

    assert (image.width(), image.height()) == (size, size)
    assert count_color(image, COLOR) > size // 10


@pytest.mark.parametrize("size", [200, 800])
def test_level_5_is_drawn_further_from_the_centre_than_level_1(
    chart: RadarChart, rubric: Rubric, size: int
) -> None:
    chart.set_series([Series("Dodol", levels(rubric, C1=5, C2=1), COLOR)])

    image = chart.render_to_image(size, size)

    at_5 = farthest_along_axis(chart, image, 0, COLOR)
    at_1 = farthest_along_axis(chart, image, 1, COLOR)
    rect = QRectF(0, 0, size, size)
    radius = math.dist(
        (chart.axis_point(0, 0, rect).x(), chart.axis_point(0, 0, rect).y()),
        (chart.axis_point(0, 5, rect).x(), chart.axis_point(0, 5, rect).y()),
    )
    assert at_5 > at_1 * 3
    assert radius * 0.95 <= at_5 <= radius * 1.1
    assert at_1 <= radius * 0.35


def test_an_unscored_criterion_sits_at_the_centre_with_a_hollow_marker(
    chart: RadarChart, rubric: Rubric
) -> None:
    chart.set_series([Series("Dodol", levels(rubric, C4=None), COLOR)])

    image = chart.render_to_image(400, 400)

    center = chart.axis_point(3, 0, QRectF(0, 0, 400, 400))
    assert close_to(image.pixelColor(round(center.x()), round(center.y())), QColor("white"))
    assert farthest_along_axis(chart, image, 3, COLOR) < 12  # only the marker's ring


def test_several_series_overlay_with_a_legend(chart: RadarChart, rubric: Rubric) -> None:
    chart.set_series(
        [
            Series("Dodol", levels(rubric, C1=5), COLOR),
            Series("Amplang", levels(rubric, C1=2), OTHER),
        ]
    )

    image = chart.render_to_image(400, 400)

    legend = image.copy(0, 360, 400, 40)
    assert count_color(legend, COLOR, step=1) > 20
    assert count_color(legend, OTHER, step=1) > 20
    assert farthest_along_axis(chart, image, 0, COLOR) > farthest_along_axis(chart, image, 0, OTHER)


def test_the_chart_keeps_its_aspect_and_a_sensible_size(chart: RadarChart) -> None:
    assert chart.sizeHint().width() == chart.sizeHint().height() == 320
    assert chart.hasHeightForWidth()
    assert chart.heightForWidth(500) == 500


def test_labels_and_legend_stay_readable_in_a_small_chart(rubric: Rubric) -> None:
    """Beside the grid on a 1024-pixel screen the chart is about 150 px wide: its criterion
    labels and legend are never smaller than 11 px."""
    chart = RadarChart(rubric)
    geometry = chart._geometry(QRectF(0, 0, 150, 150))
    assert chart._font(geometry.scale).pixelSize() >= 11
    assert chart._font(geometry.scale, bold=True).pixelSize() >= 11
