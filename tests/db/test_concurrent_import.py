"""Several staff importing at once into one PostgreSQL database (issue: province office).

Four processes import the same overlapping packages, each in another order, at the same time:
no record twice, no file failed on a transient collision (it is retried), and the same database
as importing the files one by one.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from benchmarks.bulk_data import make_surveys
from ovop_desktop.db.models import Conflict, Survey
from ovop_desktop.exchange.records import content_hash
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.surveys.capture import delete_survey, update_survey
from ovop_desktop.services.sync.packages import (
    canonical_dump,
    export_package,
    import_package,
    import_packages,
)
from tests.conftest import FIXTURES, MakeHome
from tests.postgres import PostgresServer

PROCESSES = 4
SURVEYS_PER_OFFICER = 150  # enough for the imports to overlap in time


def _packages(make_home: MakeHome, folder: Path) -> list[Path]:
    """Three officers with many surveys each, two exports each with edits, a deletion and one
    conflicting pair between them."""
    packages: list[Path] = []
    homes = [make_home(f"petugas-{i}", f"Petugas {i}") for i in range(1, 4)]
    for seed, home in enumerate(homes, start=1):
        make_surveys(home.db, SURVEYS_PER_OFFICER, seed=seed)
    packages += [export_package(h.db, h.paths, folder / f"a{i}").path for i, h in enumerate(homes)]
    first, second = homes[0], homes[1]
    import_package(second.db, second.paths, packages[0], trust_new=True)
    with first.db.session() as session:
        ids = session.scalars(select(Survey.id).order_by(Survey.id)).all()
    update_survey(first.db, ids[0], {"notes": "Catatan petugas 1"}, reason="x")
    update_survey(second.db, ids[0], {"notes": "Catatan petugas 2"}, reason="x")
    delete_survey(first.db, ids[1])
    packages += [export_package(h.db, h.paths, folder / f"b{i}").path for i, h in enumerate(homes)]
    return packages


def _import_all(url: str, home: str, files: list[str], start: Any, results: Any) -> None:
    """One member of staff: wait for the others, then import every file in the given order."""
    db = open_database(url, migrate=False)
    paths = resolve_paths(Path(home)).ensure()
    start.wait()
    outcome = import_packages(db, paths, [Path(f) for f in files], trust_new=True)
    results.put([r.as_json() for r in outcome])
    db.dispose()


def _province(server: PostgresServer) -> tuple[str, Database]:
    url = server.migrated_database()
    db = open_database(url)
    install_shipped_rubrics(db)
    import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
    return url, db


def _conflicts(db: Database) -> list[tuple[str, list[str]]]:
    with db.session() as session:
        return sorted(
            (str(c.record_id), sorted([content_hash(c.local_data), content_hash(c.incoming_data)]))
            for c in session.scalars(select(Conflict))
        )


def test_four_processes_importing_at_once_end_as_one_by_one(
    make_home: MakeHome, postgres: PostgresServer, tmp_path: Path
) -> None:
    packages = _packages(make_home, tmp_path / "usb")

    _, serial = _province(postgres)
    serial_paths = resolve_paths(tmp_path / "serial").ensure()
    for package in packages:
        import_package(serial, serial_paths, package, trust_new=True)

    url, province = _province(postgres)
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(PROCESSES), context.Queue()
    staff = []
    for index in range(PROCESSES):
        order = packages[index:] + packages[:index]
        if index % 2:
            order.reverse()
        args = (url, str(tmp_path / f"staf{index}"), list(map(str, order)), start, results)
        staff.append(context.Process(target=_import_all, args=args))
    for member in staff:
        member.start()
    outputs = [results.get(timeout=600) for _ in staff]
    for member in staff:
        member.join(timeout=60)
        assert member.exitcode == 0

    statuses = {r["status"] for output in outputs for r in output}
    assert statuses <= {"imported", "unchanged"}, outputs  # nothing failed on a collision
    one_by_one = canonical_dump(serial)
    assert canonical_dump(province) == one_by_one  # every record once, the same versions
    assert _conflicts(province) == _conflicts(serial) != []  # each conflict recorded once
    with province.session() as session:
        surveys = session.scalar(select(func.count()).select_from(Survey))
    assert surveys == len(one_by_one["surveys"]) == 3 * SURVEYS_PER_OFFICER
    province.dispose()
    serial.dispose()


def test_two_imports_reading_one_record_at_once_never_lose_the_newer_version(
    make_home: MakeHome, postgres: PostgresServer, tmp_path: Path, monkeypatch: Any
) -> None:
    """Both imports read the survey before either writes; the one bringing the newer version
    then commits first. Without row locks the older import would write over it."""
    import threading
    import time

    from ovop_desktop.services.sync import apply as sync_apply

    rahmah = make_home("rahmah", "Rahmah", seed=1)
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.id)).first()
    assert survey_id is not None
    packages = [export_package(rahmah.db, rahmah.paths, tmp_path / "usb0").path]
    for step in (1, 2):
        update_survey(rahmah.db, survey_id, {"notes": f"Versi {step}"}, reason="x")
        packages.append(export_package(rahmah.db, rahmah.paths, tmp_path / f"usb{step}").path)
    url, province = _province(postgres)
    paths = resolve_paths(tmp_path / "provinsi").ensure()
    import_package(province, paths, packages[0], trust_new=True)

    both_read = threading.Barrier(2)
    unlocked_read = sync_apply.local_records

    def read_then_wait(session: Any, model: Any, ids: list[str], *, lock: bool = False) -> Any:
        found = unlocked_read(session, model, ids, lock=lock)
        if model is Survey and not lock:
            both_read.wait(timeout=30)
            if threading.current_thread() is older_thread:
                time.sleep(1)  # the newer import writes and commits meanwhile
        return found

    monkeypatch.setattr(sync_apply, "local_records", read_then_wait)
    outcomes: dict[str, tuple[str, int]] = {}

    def run(name: str, package: Path) -> None:
        db = open_database(url, migrate=False)
        try:
            result = import_package(db, paths, package)
            outcomes[name] = (result.status, result.counts["updated"])
        finally:
            db.dispose()

    older_thread = threading.Thread(target=run, args=("older", packages[1]))
    newer_thread = threading.Thread(target=run, args=("newer", packages[2]))
    for thread in (older_thread, newer_thread):
        thread.start()
    for thread in (older_thread, newer_thread):
        thread.join(timeout=120)

    try:
        # The older package adds its audit entry but overwrites nothing.
        assert outcomes == {"older": ("imported", 0), "newer": ("imported", 1)}
        with province.session() as session:
            survey = session.get(Survey, survey_id)
            assert survey is not None and survey.notes == "Versi 2"
    finally:
        province.dispose()
