"""After a batch of packages (or a region list) is written, PostgreSQL's planner knows the tables'
new sizes, and their pages are vacuumed (all-visible: the levels are read by index-only scans).
Without ANALYZE it planned the survey list's first screenful for tables of unknown size (340 ms
instead of 19 ms after 100 packages). Empty tables are not analysed (the next import's prepared
statements would keep plans for empty tables: 40 s instead of 19 s for 100 packages). On SQLite
nothing is analysed: its plans are the ones the tests check, made without statistics."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import BUILTIN_REGIONS
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.sync.packages import export_package, import_packages
from tests.conftest import MakeHome


def _planner_rows(db: Database, table: str) -> float | None:
    """What the planner believes `table` holds: PostgreSQL's reltuples (-1 until analysed);
    on SQLite, the row count in sqlite_stat1, None while no statistics exist."""
    with db.connect() as connection:
        if db.backend == "postgresql":
            found = connection.execute(
                text("SELECT reltuples FROM pg_class WHERE relname = :t AND relkind = 'r'"),
                {"t": table},
            ).scalar_one()
            return float(found)
        has_stats = connection.execute(
            text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")
        ).scalar_one()
        if not has_stats:
            return None
        row = connection.execute(
            text("SELECT stat FROM sqlite_stat1 WHERE tbl = :t"), {"t": table}
        ).scalar()
        return None if row is None else float(str(row).split()[0])


def test_an_import_batch_leaves_the_planner_knowing_the_new_rows(
    make_home: MakeHome, tmp_path: Path
) -> None:
    officer = make_home("rahmah", "Rahmah Hidayati", seed=1)
    package = export_package(officer.db, officer.paths, tmp_path / "usb").path
    province = make_home("provinsi")
    before = _planner_rows(province.db, "surveys")

    dry = import_packages(province.db, province.paths, [package], trust_new=True, dry_run=True)
    assert _planner_rows(province.db, "surveys") == before  # a dry run writes nothing
    results = import_packages(province.db, province.paths, [package], trust_new=True)

    assert [r.status for r in dry] == ["imported"] and [r.status for r in results] == ["imported"]
    after = _planner_rows(province.db, "surveys")
    if province.db.backend == "postgresql":
        assert after is not None and after >= 3 > (before or 0)  # the demo surveys are counted
        # Vacuumed too: the pages written are all-visible (index-only scans of the levels).
        with province.db.connect() as connection:
            visible = connection.execute(
                text("SELECT relallvisible FROM pg_class WHERE relname = 'assessment_levels'")
            ).scalar_one()
        assert visible > 0
    else:
        assert before is None and after is None


def test_an_unchanged_import_does_not_analyse_again(make_home: MakeHome, tmp_path: Path) -> None:
    officer = make_home("rahmah", "Rahmah Hidayati", seed=1)
    package = export_package(officer.db, officer.paths, tmp_path / "usb").path
    province = make_home("provinsi")
    import_packages(province.db, province.paths, [package], trust_new=True)
    if province.db.backend == "postgresql":  # the planner forgets, as if the rows were new
        with province.db.connect() as connection:
            connection.execute(text("UPDATE pg_class SET reltuples = -1 WHERE relname = 'surveys'"))
            connection.commit()

    again = import_packages(province.db, province.paths, [package])

    assert [r.status for r in again] == ["unchanged"]
    assert _planner_rows(province.db, "surveys") in (-1.0, None)


def test_a_region_list_leaves_the_planner_knowing_its_rows(make_home: MakeHome) -> None:
    province = make_home("provinsi", regions=False)
    before = _planner_rows(province.db, "regions")

    import_regions(province.db, BUILTIN_REGIONS.encode("utf-8"))

    after = _planner_rows(province.db, "regions")
    if province.db.backend == "postgresql":
        assert after is not None and after > max(before or 0, 10)
        # The empty record tables are left unanalysed: analysed empty, the statements the next
        # imports prepare on them would keep plans made for empty tables.
        assert _planner_rows(province.db, "surveys") == -1.0
    else:
        assert before is None and after is None
