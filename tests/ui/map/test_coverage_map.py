"""The dashboard's coverage map shades each kabupaten by the share of its villages surveyed and
names the figures on hover."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from ovop_desktop.paths import AppPaths
from ovop_desktop.ui.map.coverage import CLASSES, CoverageMap, coverage_class
from ovop_desktop.ui.worker import Worker


def test_coverage_classes_split_the_share_in_fifths() -> None:
    assert [coverage_class(s, 100) for s in (0, 19, 20, 59, 80, 100)] == [0, 0, 1, 2, 4, 4]
    assert coverage_class(3, 0) == 0
    assert len(CLASSES) == 5


def test_hovering_a_kabupaten_names_its_coverage(
    qtbot: QtBot, app_paths: AppPaths, indonesian: str
) -> None:
    worker = Worker()
    coverage = CoverageMap()
    qtbot.addWidget(coverage)
    coverage.resize(300, 300)
    coverage.show()
    coverage.load(app_paths, worker)
    qtbot.waitUntil(lambda: len(coverage.regencies()) == 13, timeout=30_000)
    coverage.set_coverage({"63.01": (27, 135)})
    middle = coverage._transform().map(
        next(p for c, _n, p in coverage._regencies if c == "63.01").boundingRect().center()
    )
    assert coverage.regency_at(middle) == "63.01"
    assert coverage.hover_text("63.01") == ("Kabupaten Tanah Laut: 27 dari 135 desa disurvei (20%)")
    worker.wait()
