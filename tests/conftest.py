"""Shared fixtures: a fresh data directory and database per test, seeded through the services.

The offscreen platform and headless dialogs are set here, before anything loads PySide6. A
test's SQLite database is a copy of one file migrated once per session (per xdist worker), as
PostgreSQL's are copies of a template database: running every migration for each of a thousand
tests would take minutes.
"""

from __future__ import annotations

import os
import shutil
import uuid

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Dialogs record their messages instead of waiting for a click, here and in the application
# processes that tests start (the UI fixtures also switch it on explicitly, and check it).
os.environ["OVOP_HEADLESS_DIALOGS"] = "1"
# A new data folder starts with an empty region list, as a programme outside Kalimantan Selatan
# chooses (services.reference): tests import the small fixture lists they need. The tests of the
# built-in Kalsel list ask for it with the `builtin_reference` fixture.
os.environ["OVOP_BUILTIN_REFERENCE"] = "0"

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from ovop_desktop.core.rubric import Rubric
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.settings.officers import save_profile
from tests.postgres import PostgresServer, postgres_server

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def builtin_reference(monkeypatch: pytest.MonkeyPatch) -> None:
    """New data folders start with the built-in Kalsel region list, as by default."""
    monkeypatch.delenv("OVOP_BUILTIN_REFERENCE")


def shared_file(name: str) -> Path:
    """A reference list from ../shared/data, or skip the test when it is not there."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"reference list {name} not found in {SHARED_DATA}")
    return path


@pytest.fixture(autouse=True)
def _no_user_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real user's data: OVOP_HOME points into tmp_path."""
    monkeypatch.setenv("OVOP_HOME", str(tmp_path / "ovop-home"))


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def any_backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL on each backend the application supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ovop.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.create_database()


@pytest.fixture
def backend() -> str:
    """The database behind `empty_db`, `db` and `make_home`: SQLite here; the conftest of the
    service, exchange and report tests makes it a parameter, so those run on PostgreSQL too."""
    return "sqlite"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the newest schema, migrated once for the session: nothing else in it."""
    paths = resolve_paths(tmp_path_factory.mktemp("sqlite-template")).ensure()
    open_database(paths.database_url).dispose()
    # The last connection closed checkpoints the write-ahead log: the file alone is the database.
    sidecars = [p.name for p in paths.data_dir.iterdir() if p != paths.database_file]
    assert sidecars == [], f"the template left {sidecars} beside it"
    return paths.database_file


def _url(request: pytest.FixtureRequest, backend: str, paths: AppPaths) -> str:
    """A migrated, empty database for `paths`: on SQLite a copy of the template in its data
    folder, which open_database then finds at the newest schema (no migration, no backup), as
    it would a database the application itself had just made."""
    if backend == "sqlite":
        if not paths.database_file.exists():
            template: Path = request.getfixturevalue("sqlite_template")
            shutil.copyfile(template, paths.database_file)
        return paths.database_url
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.migrated_database()


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return resolve_paths(tmp_path / "home").ensure()


@pytest.fixture
def empty_db(
    request: pytest.FixtureRequest, backend: str, app_paths: AppPaths
) -> Iterator[Database]:
    db = open_database(_url(request, backend, app_paths), backups_dir=app_paths.backups_dir)
    install_shipped_rubrics(db)
    yield db
    db.dispose()


@pytest.fixture
def db(empty_db: Database) -> Database:
    """A database with the small hand-written region list and the shipped rubric."""
    import_regions(empty_db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
    return empty_db


@pytest.fixture
def rubric(db: Database) -> Rubric:
    return rubric_in_force(db)


@dataclass
class Home:
    """One laptop or the province: its data folder and its database."""

    paths: AppPaths
    db: Database


MakeHome = Callable[..., Home]


@pytest.fixture
def make_home(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> Iterator[MakeHome]:
    """make(name, officer=None, seed=None, regions=True): a home under tmp_path with the shipped
    rubrics, the sample region list (unless regions=False), a profile and demo surveys."""
    homes: list[Home] = []

    def make(
        name: str, officer: str | None = None, seed: int | None = None, *, regions: bool = True
    ) -> Home:
        paths = resolve_paths(tmp_path / name).ensure()
        db = open_database(_url(request, backend, paths))
        homes.append(Home(paths, db))
        install_shipped_rubrics(db)
        if regions:
            import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
        if officer:
            save_profile(db, name=officer)
        if seed is not None:
            seed_demo(db, villages=3, seed=seed)
        return homes[-1]

    yield make
    for home in homes:
        home.db.dispose()


@dataclass
class ConflictScene:
    """Rahmah's and Yusuf's edits of one survey's notes, both imported at the province."""

    rahmah: Home
    province: Home
    survey_id: uuid.UUID


def conflicting_notes(make_home: MakeHome, folder: Path) -> ConflictScene:
    """Yusuf takes Rahmah's surveys, both edit one survey's notes, the province imports all."""
    from sqlalchemy import select

    from ovop_desktop.db.models import Survey
    from ovop_desktop.services.surveys.capture import update_survey
    from ovop_desktop.services.sync.packages import export_package, import_package

    rahmah = make_home("rahmah", "Rahmah", seed=1)
    yusuf = make_home("yusuf", "Yusuf")
    base = export_package(rahmah.db, rahmah.paths, folder / "usb0").path
    assert import_package(yusuf.db, yusuf.paths, base, trust_new=True).status == "imported"
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id).order_by(Survey.village_code)).first()
    assert survey_id is not None
    update_survey(rahmah.db, survey_id, {"notes": "Catatan Rahmah"}, reason="x")
    update_survey(yusuf.db, survey_id, {"notes": "Catatan Yusuf"}, reason="x")
    province = make_home("provinsi")
    for package in (
        base,
        export_package(rahmah.db, rahmah.paths, folder / "usb1").path,
        export_package(yusuf.db, yusuf.paths, folder / "usb2", everything=True).path,
    ):
        import_package(province.db, province.paths, package, trust_new=True)
    return ConflictScene(rahmah, province, survey_id)
