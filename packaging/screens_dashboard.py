"""Screenshots of the province dashboard (Dasbor) at 1366×768, on the data a province holds:
three officers' demo packages imported through Sinkronisasi, the demo surveys of this computer,
and a few hundred generated surveys spread over the real Kalsel region list.

`render_dashboard(shots)`, called by packaging/screenshots.py (`make screenshots`) with its
`Shots`, saves in its language: ``dasbor`` (the Province place's dashboard), ``dasbor-impor`` (the
officers' last imports), ``dasbor-desa`` (the villages not yet surveyed of one kabupaten/kota) and
``dasbor-kosong`` (no data yet).
"""

from __future__ import annotations

import random
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select, update
from sqlalchemy.orm import aliased

from ovop_desktop.db.models import Region, Survey
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.province.mode import set_province_mode
from ovop_desktop.services.regions import import_regions, villages_only
from ovop_desktop.services.settings.officers import save_profile
from ovop_desktop.services.sync.packages import export_package, import_package
from ovop_desktop.ui.app import prepare_database
from ovop_desktop.ui.main_window import PROVINCE_PAGE, MainWindow
from ovop_desktop.ui.province.dashboard_page import DashboardPage
from ovop_desktop.ui.worker import Worker

ROOT = Path(__file__).resolve().parents[1]
SHARED_LIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "kalsel-kode-wilayah.csv"
OFFICERS = ("Muhammad Noor Ifansyah", "Siti Norhalimah, S.Sos.", "Gusti Muhammad Ilmi")
GENERATED_SURVEYS = 420


class ShotsLike(Protocol):
    """What render_dashboard needs of packaging/screenshots.py's `Shots`."""

    size: tuple[int, int]

    app: QApplication
    language: str

    def settle(self, worker: Worker) -> None: ...

    def save(self, name: str, widget: QWidget | QPixmap) -> None: ...


def _regions(db: Database) -> None:
    if SHARED_LIST.exists():
        import_regions(db, SHARED_LIST.read_bytes())


def _officer_packages(folder: Path) -> list[Path]:
    """Each officer's laptop: demo surveys of a few villages, exported as a signed package."""
    packages = []
    for number, name in enumerate(OFFICERS, start=1):
        paths = resolve_paths(folder / f"petugas-{number}").ensure()
        db = prepare_database(paths, None)
        _regions(db)
        save_profile(db, name=name)
        seed_demo(db, villages=3 + number, seed=100 + number)
        packages.append(export_package(db, paths, folder / "usb").path)
        db.dispose()
    return packages


def _survey_ids(db: Database) -> set[uuid.UUID]:
    with db.session() as session:
        return set(session.scalars(select(Survey.id)))


def _spread(db: Database, survey_ids: list[uuid.UUID], seed: int) -> None:
    """Move the generated surveys to villages drawn over the whole list, more in some regencies
    than in others, as a province's real coverage would be."""
    rng = random.Random(seed)
    district, regency = aliased(Region), aliased(Region)
    with db.session() as session:
        villages = session.execute(
            select(Region.code, Region.name, district.name, regency.name)
            .join(district, district.code == Region.parent_code)
            .join(regency, regency.code == district.parent_code)
            .where(villages_only())
            .order_by(Region.code)
        ).all()
        weights = {code[:5]: rng.uniform(0.2, 1.0) for code, _, _, _ in villages}
        chosen = rng.choices(villages, [weights[v[0][:5]] for v in villages], k=len(survey_ids))
        session.execute(
            update(Survey),
            [
                {
                    "id": survey_id,
                    "village_code": code,
                    "village_name": name,
                    "district_name": district_name,
                    "regency_name": regency_name,
                }
                for survey_id, (code, name, district_name, regency_name) in zip(
                    survey_ids, chosen, strict=True
                )
            ],
        )


def province_database(home: Path) -> Database:
    """A province database: the region list, imported officers' packages, demo and bulk data."""
    paths = resolve_paths(home / "provinsi").ensure()
    db = prepare_database(paths, None)
    _regions(db)
    for package in _officer_packages(home):
        import_package(db, paths, package, trust_new=True)
    seed_demo(db)
    if SHARED_LIST.exists():
        if str(ROOT) not in sys.path:  # run as a script: the bulk data maker lives beside it
            sys.path.insert(0, str(ROOT))
        from benchmarks.bulk_data import make_surveys

        before = _survey_ids(db)
        make_surveys(db, GENERATED_SURVEYS, seed=7)
        with db.session() as session:  # in the order they were made: the same picture each time
            generated = [
                survey_id
                for survey_id in session.scalars(
                    select(Survey.id).order_by(Survey.village_code, Survey.population)
                )
                if survey_id not in before
            ]
        _spread(db, generated, seed=7)
    return db


def _show_page(
    shots: ShotsLike, db: Database, home: Path
) -> tuple[MainWindow, Worker, DashboardPage]:
    """The main window on the Province place's dashboard, shown and loaded."""
    set_province_mode(db, True)
    worker = Worker()
    window = MainWindow(db, resolve_paths(home), worker)
    window.resize(*shots.size)
    window.show()
    shots.settle(worker)
    window.go_to(PROVINCE_PAGE)
    page = window.province_page.dashboard
    window.province_page.tabs.setCurrentWidget(page)
    page.reload()
    shots.settle(worker)
    return window, worker, page


def render_dashboard(shots: ShotsLike) -> None:
    """Save the dashboard screens in the language installed for `shots`."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        db = province_database(home)
        window, worker, page = _show_page(shots, db, home / "provinsi")
        shots.save("dasbor", window)
        page.tabs.setCurrentIndex(1)
        shots.settle(worker)
        shots.save("dasbor-impor", window)
        page.tabs.setCurrentIndex(2)
        page.tabs.regency_combo.setCurrentIndex(min(3, page.tabs.regency_combo.count() - 1))
        shots.settle(worker)
        shots.save("dasbor-desa", window)
        window.close()
        worker.wait()
        db.dispose()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        paths = resolve_paths(home / "kosong").ensure()
        db = prepare_database(paths, None)
        window, worker, _ = _show_page(shots, db, home / "kosong")
        shots.save("dasbor-kosong", window)
        window.close()
        worker.wait()
        db.dispose()
