"""The same models, migrations and use cases on SQLite and on PostgreSQL: no SQLite-only SQL."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from ovop_desktop.db.migrate import head_revision
from ovop_desktop.db.models import Base, Survey
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.assessment.village_ranking import rank_village
from ovop_desktop.services.database import open_database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.regions import import_regions, search_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.surveys.capture import update_survey
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.services.sync.packages import canonical_dump, export_package, import_package
from tests.conftest import FIXTURES, MakeHome
from tests.postgres import PostgresServer


def test_migrations_reach_the_models_schema(any_backend_url: str) -> None:
    db = open_database(any_backend_url)
    try:
        assert db.migration is not None and db.migration.to_revision == head_revision()
        with db.engine.connect() as connection:
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        db.dispose()


def _answers(url: str) -> dict[str, object]:
    db = open_database(url)
    try:
        install_shipped_rubrics(db)
        import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
        seed_demo(db, villages=4, seed=3)
        rubric = rubric_in_force(db)
        surveys = list_surveys(db, rubric)
        return {
            "search": [h.code for h in search_regions(db, "SARI ii")],
            "surveys": [
                (row.village_code, row.top_candidate, row.top_stars, str(row.top_total))
                for row in surveys
            ],
            "ranks": {
                row.village_code: [
                    {k: v for k, v in e.as_json().items() if k != "product_id"}
                    for e in rank_village(db, row.village_code, rubric).entries
                ]
                for row in surveys
            },
        }
    finally:
        db.dispose()


def test_demo_ranking_and_search_agree_on_both_backends(
    tmp_path: Path, postgres: PostgresServer
) -> None:
    on_sqlite = _answers(f"sqlite:///{tmp_path / 'ovop.sqlite3'}")
    on_postgres = _answers(postgres.create_database())

    assert on_sqlite["search"] == ["63.03.06.2010"]
    assert len(on_sqlite["surveys"]) == 4  # type: ignore[arg-type]
    assert on_postgres == on_sqlite


def test_packages_import_alike_on_both_backends(
    make_home: MakeHome, tmp_path: Path, postgres: PostgresServer
) -> None:
    """The bulk import writes through the driver: UUIDs, timestamps and levels must come out
    the same on PostgreSQL as on SQLite, and a second import must change nothing there too."""
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    with rahmah.db.session() as session:
        survey_id = session.scalars(select(Survey.id)).first()
    assert survey_id is not None
    first = export_package(rahmah.db, rahmah.paths, tmp_path / "usb1").path
    update_survey(rahmah.db, survey_id, {"notes": "Dicek ulang"}, reason="koreksi")
    second = export_package(rahmah.db, rahmah.paths, tmp_path / "usb2").path
    dumps = []
    for url in (f"sqlite:///{tmp_path / 'provinsi.sqlite3'}", postgres.create_database()):
        db = open_database(url)
        try:
            install_shipped_rubrics(db)
            import_regions(db, (FIXTURES / "wilayah-contoh.csv").read_bytes())
            paths = resolve_paths(tmp_path / "media").ensure()
            results = [import_package(db, paths, f, trust_new=True) for f in (first, second)]
            again = import_package(db, paths, second)
            assert [r.status for r in results] == ["imported", "imported"], results
            assert again.status == "unchanged"
            dumps.append(canonical_dump(db))
        finally:
            db.dispose()
    assert dumps[0] == dumps[1]
    assert dumps[0]["assessments"] and all(a["levels"] for a in dumps[0]["assessments"])
