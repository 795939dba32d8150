"""Screenshots of the Peta place: the whole province, one kabupaten, and the map with filters on.

`render_map(shots)`, called by packaging/screenshots.py (`make screenshots`) with its `Shots`,
saves in its language: ``peta`` (the province), ``peta-kabupaten`` (Kabupaten Banjar) and
``peta-filter`` (assessed villages of three stars or more). The data: the built-in region list,
demo surveys with assessed products, and a few hundred surveys not yet assessed, each with a
GPS point a little off its village's middle.
"""

from __future__ import annotations

import random
import tempfile
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from ovop_desktop.db.models import Survey
from ovop_desktop.paths import AppPaths, reference_dir, resolve_paths
from ovop_desktop.services.boundaries import load_boundary_index
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.surveys.capture import SurveyInput, create_survey
from ovop_desktop.ui.app import prepare_database
from ovop_desktop.ui.main_window import MAP_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker

DEMO_VILLAGES = 60
UNASSESSED_SURVEYS = 300
REGENCY = "63.03"  # Kabupaten Banjar


class ShotsLike(Protocol):
    """What render_map needs of packaging/screenshots.py's `Shots`."""

    size: tuple[int, int]
    app: QApplication
    language: str

    def settle(self, worker: Worker) -> None: ...

    def save(self, name: str, widget: QWidget | QPixmap) -> None: ...


def map_database(paths: AppPaths) -> Database:
    """A laptop with demo surveys and many more not yet assessed, all with GPS points."""
    db = prepare_database(paths, None)
    import_regions(db, (reference_dir() / "kalsel-kode-wilayah.csv").read_bytes())
    seed_demo(db, villages=DEMO_VILLAGES, seed=16)
    index = load_boundary_index(paths)
    rng = random.Random(16)
    with db.session() as session:
        surveyed = set(session.scalars(select(Survey.village_code)))
    others = [o for o in index.villages if o.code not in surveyed]
    for outline in rng.sample(others, min(UNASSESSED_SURVEYS, len(others))):
        point = outline.geometry.representative_point()
        create_survey(
            db,
            SurveyInput(
                village_code=outline.code,
                survey_date=date(2026, 9, 1),
                latitude=round(point.y, 5),
                longitude=round(point.x, 5),
                gps_source="gps",
            ),
        )
    with db.session() as session:  # the demo surveys have no point yet: near their middle
        for survey in session.scalars(select(Survey).where(Survey.latitude.is_(None))):
            found = index.outline(survey.village_code)
            if found is not None:
                point = found.geometry.representative_point()
                survey.latitude = round(point.y + rng.uniform(-0.004, 0.004), 5)
                survey.longitude = round(point.x + rng.uniform(-0.004, 0.004), 5)
    return db


def render_map(shots: ShotsLike) -> None:
    """Save the map screens in the language installed for `shots`."""
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve_paths(Path(folder) / "peta").ensure()
        db = map_database(paths)
        worker = Worker()
        window = MainWindow(db, paths, worker)
        window.resize(*shots.size)
        window.show()
        shots.settle(worker)
        window.go_to(MAP_PAGE)
        page = window.map_page
        shots.settle(worker)
        shots.save("peta", window)
        page.region_combo.setCurrentIndex(page.region_combo.findData(REGENCY))
        shots.settle(worker)
        shots.save("peta-kabupaten", window)
        page.region_combo.setCurrentIndex(0)
        page.status_combo.setCurrentIndex(page.status_combo.findData("assessed"))
        page.stars_combo.setCurrentIndex(page.stars_combo.findData(3))
        shots.settle(worker)
        shots.save("peta-filter", window)
        window.close()
        worker.wait()
        db.dispose()
