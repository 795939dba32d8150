"""The Peta place with all 2,008 village outlines and 10,000 survey points: first paint, pan and
zoom frames, and the point-to-village lookup, each beside a bare floor measured in the same run.

- First paint: our canvas from loaded outlines (vertex arrays, colour groups, points, one
  paint at the province's scale) against Qt painting the same 2,008 outlines from a ready list
  of QPainterPaths (one fill each, the kecamatan and kabupaten lines, the points).
- Pan and zoom: frame times of panning and zooming in from the province to a village and back.
- Lookup: `BoundaryIndex.villages_at` for 10,000 points against a bare shapely `STRtree.query`
  over the same outlines.
"""

from __future__ import annotations

import os

# Before PySide6 loads: the benchmark draws into images, not on a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import functools
import gzip
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import shapely
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication

from benchmarks.harness import BenchRow, seconds, timed
from ovop_desktop.core.boundary_index import BoundaryIndex
from ovop_desktop.core.map_geometry import MapLayers, map_layers, project, ring_arrays
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.boundaries import built_in_file, load_boundary_index
from ovop_desktop.ui.map.canvas import MapCanvas
from ovop_desktop.ui.map.legend import NOT_SURVEYED, STARS, SURVEYED
from ovop_desktop.ui.map.paths import painter_path, point_polygon

POINTS = 10_000
SIZE = (1100, 650)  # the map's share of a 1366×768 window
FRAME_GOAL = 1 / 30  # seconds: 30 frames per second
PAINT_GOAL = 3.0
LOOKUP_GOAL = 3.0


def _points(index: BoundaryIndex, count: int, seed: int = 16) -> tuple[list[float], list[float]]:
    """Survey-like points: near the middle of random villages, a few in the sea."""
    rng = random.Random(seed)
    latitudes, longitudes = [], []
    middles = [o.geometry.representative_point() for o in index.villages]
    for _ in range(count):
        middle = rng.choice(middles)
        latitudes.append(middle.y + rng.uniform(-0.01, 0.01))
        longitudes.append(middle.x + rng.uniform(-0.01, 0.01))
    return latitudes, longitudes


@functools.cache
def _colours(count: int) -> list[QColor]:
    """The villages' states (input data, like the service's answer): made once."""
    palette = [NOT_SURVEYED, NOT_SURVEYED, NOT_SURVEYED, SURVEYED, *STARS]
    rng = random.Random(7)
    return [rng.choice(palette) for _ in range(count)]


def _image() -> QImage:
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    return image


def _render(canvas: MapCanvas) -> None:
    """A frame as the window paints it (through the canvas's own paintEvent and cache)."""
    canvas.render(_image())


def _canvas(
    index: BoundaryIndex, layers: MapLayers, lats: list[float], lons: list[float]
) -> MapCanvas:
    canvas = MapCanvas()
    canvas.resize(*SIZE)
    canvas.set_outlines(layers, [o.code for o in index.villages], lambda _a, _b: None)
    groups: dict[str, tuple[QColor, list[int]]] = {}
    for i, color in enumerate(_colours(len(index.villages))):
        groups.setdefault(color.name(), (color, []))[1].append(i)
    canvas.set_groups(list(groups.values()))
    canvas.set_points(lats, lons)
    bounds = shapely.total_bounds(np.array([o.geometry for o in index.kabupaten], dtype=object))
    canvas.show_area(*(float(b) for b in bounds))
    return canvas


def _ready_paths(index: BoundaryIndex) -> tuple[list[QPainterPath], QPainterPath, QPainterPath]:
    villages = ring_arrays([o.geometry for o in index.villages], 0.0)
    one_each = [painter_path(villages.of([i])) for i in range(len(index.villages))]
    districts = painter_path(ring_arrays([o.geometry for o in index.kecamatan], 0.0))
    regencies = painter_path(ring_arrays([o.geometry for o in index.kabupaten], 0.0))
    return one_each, districts, regencies


def _bare_paint(
    ready: tuple[list[QPainterPath], QPainterPath, QPainterPath],
    colours: list[QColor],
    points: object,
    canvas: MapCanvas,
) -> None:
    """Qt alone: the same outlines from ready paths, one fill each, the lines and points."""
    villages, districts, regencies = ready
    image = _image()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(canvas.transform())
    for path, color in zip(villages, colours, strict=True):
        painter.fillPath(path, color)
    for path, width in ((districts, 0.8), (regencies, 1.5)):
        pen = QPen(QColor("#555"), width)
        pen.setCosmetic(True)
        painter.strokePath(path, pen)
    pen = QPen(QColor("#b02a37"), 5.0)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawPoints(points)  # type: ignore[call-overload]
    painter.end()


def _frames(canvas: MapCanvas) -> tuple[list[float], list[float]]:
    """Seconds per frame as the window paints them (panning, and zooming in from the province
    to a village at the cursor and back, four wheel steps at a time), and seconds of the sharp
    repaint that follows each burst of zoom steps once the wheel rests."""
    anchor = canvas.to_widget(-3.44, 114.84)  # Martapura
    frames: list[float] = []
    sharp: list[float] = []

    def frame(change: Callable[[], None]) -> None:
        start = time.perf_counter()
        change()
        _render(canvas)
        frames.append(time.perf_counter() - start)

    for step, factor in ((25.0, 1.25), (-25.0, 0.8)):
        for _ in range(20):
            frame(lambda step=step: canvas.pan_by(step, step / 2))  # type: ignore[misc]
        for _ in range(6):
            for _ in range(4):
                frame(lambda factor=factor: canvas.zoom_by(factor, anchor))  # type: ignore[misc]
            start = time.perf_counter()
            canvas.settle()
            _render(canvas)
            sharp.append(time.perf_counter() - start)
    return frames, sharp


def run() -> list[BenchRow]:
    app = QApplication.instance() or QApplication([])
    assert app is not None
    rows: list[BenchRow] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(Path(folder))
        start = time.perf_counter()
        index = load_boundary_index(paths)
        load_s = time.perf_counter() - start
    raw = gzip.decompress(built_in_file("desa").read_bytes())
    json_s = timed(lambda: json.loads(raw), repeat=1)
    rows.append(
        BenchRow(
            "map: load and check the 2,177 built-in outlines (once per run)",
            seconds(load_s),
            f"json.loads of the villages alone {seconds(json_s)}",
            load_s / json_s,
        )
    )
    start = time.perf_counter()
    layers = map_layers(
        [o.geometry for o in index.villages],
        [o.geometry for o in index.kecamatan],
        [o.geometry for o in index.kabupaten],
    ).prepare()
    prepare_s = time.perf_counter() - start
    rows.append(
        BenchRow(
            "map: simplify the outlines for every zoom level (worker, once)",
            seconds(prepare_s),
            "-",
            None,
        )
    )
    lats, lons = _points(index, POINTS)

    first_paint = timed(lambda: _render(_canvas(index, layers, lats, lons)))
    canvas = _canvas(index, layers, lats, lons)
    ready = _ready_paths(index)
    colours = _colours(len(index.villages))
    x, y = project(np.asarray(lons), np.asarray(lats))
    points = point_polygon(x, y)
    bare = timed(lambda: _bare_paint(ready, colours, points, canvas))
    rows.append(
        BenchRow(
            f"map: first paint, {len(index.villages):,} villages + {POINTS:,} points",
            seconds(first_paint),
            f"Qt painting ready QPainterPaths {seconds(bare)}",
            first_paint / bare,
            goal=f"≤ {PAINT_GOAL:g}×",
        )
    )

    frames, sharp = _frames(canvas)
    median = statistics.median(frames)
    p95 = statistics.quantiles(frames, n=20)[18]
    rows.append(
        BenchRow(
            f"map: pan and zoom, {len(frames)} frames",
            f"median {seconds(median)} ({1 / median:.0f} fps), p95 {seconds(p95)}, "
            f"worst {seconds(max(frames))}",
            f"30 fps = {seconds(FRAME_GOAL)} a frame",
            p95 / FRAME_GOAL,
            goal="p95 ≤ 1× (≥ 30 fps)",
        )
    )
    rows.append(
        BenchRow(
            f"map: sharp repaint after a zoom ({len(sharp)} times)",
            f"median {seconds(statistics.median(sharp))}, worst {seconds(max(sharp))}",
            "-",
            None,
        )
    )

    tree = shapely.STRtree(np.array([o.geometry for o in index.villages], dtype=object))
    lat_array, lon_array = np.asarray(lats), np.asarray(lons)
    ours = timed(lambda: index.villages_at(lats, lons))
    floor = timed(lambda: tree.query(shapely.points(lon_array, lat_array), predicate="intersects"))
    rows.append(
        BenchRow(
            f"map: village of {POINTS:,} points",
            seconds(ours),
            f"bare shapely STRtree.query {seconds(floor)}",
            ours / floor,
            goal=f"≤ {LOOKUP_GOAL:g}×",
        )
    )
    return rows


if __name__ == "__main__":
    from benchmarks.harness import print_table

    print_table(run())
