"""The survey list read straight from the SQLite file at a first start: the live list's surveys in
its order, without top candidates, and nothing at all from a file that is not this application's
schema or holds anything it should not."""

from __future__ import annotations

import dataclasses
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.rubrics import rubric_in_force
from ovop_desktop.services.surveys import lean_list
from ovop_desktop.services.surveys.lean_list import read_lean_list
from ovop_desktop.services.surveys.survey_list import list_surveys


@pytest.fixture
def backend() -> str:
    return "sqlite"  # a file read before the database opens: SQLite's own


@pytest.fixture
def closed(db: Database, app_paths: AppPaths) -> Path:
    """A data folder's database with a few villages' surveys, closed."""
    seed_demo(db, villages=4)
    db.dispose()
    return app_paths.database_file


def test_the_lean_list_is_the_live_list_without_its_top_candidates(
    db: Database, app_paths: AppPaths
) -> None:
    seed_demo(db, villages=4)
    live = list_surveys(db, rubric_in_force(db))
    lean = read_lean_list(app_paths.database_file)  # the database still open: a reader beside it

    assert lean == [
        dataclasses.replace(row, top_candidate=None, top_stars=None, top_total=None, ranked=False)
        for row in live
    ]
    assert any(row.candidates for row in live) and any(row.officer for row in live)


def test_a_slice_is_that_part_of_the_whole(closed: Path) -> None:
    whole = read_lean_list(closed)
    assert whole is not None and len(whole) > 3
    first = read_lean_list(closed, limit=3)
    rest = read_lean_list(closed, offset=3)
    assert first is not None and rest is not None
    assert first + rest == whole


def _change(sql: str) -> Callable[[Path], None]:
    def change(database: Path) -> None:
        connection = sqlite3.connect(database)
        with connection:
            connection.execute(sql)
        connection.close()

    return change


def _garbage(database: Path) -> None:
    database.write_bytes(b"SQLite format 3\x00" + b"\x07" * 4000)


HOSTILE: dict[str, Callable[[Path], None]] = {
    "an older schema": _change("UPDATE alembic_version SET version_num = '0009'"),
    "a newer schema": _change("UPDATE alembic_version SET version_num = '9999'"),
    "no schema version": _change("DELETE FROM alembic_version"),
    "a date that is none": _change("UPDATE surveys SET survey_date = 'kemarin'"),
    "a date as a number": _change("UPDATE surveys SET survey_date = 20260301"),
    "an id that is no UUID": _change("UPDATE surveys SET id = 'bukan-uuid' WHERE rowid = 1"),
    "an officer's name as bytes": _change("UPDATE officers SET name = x'ff'"),
    "a name as bytes": _change("UPDATE surveys SET regency_name = x'00ff'"),
    "a latitude beyond the pole": _change("UPDATE surveys SET latitude = 91.5"),
    "a longitude as text": _change("UPDATE surveys SET longitude = 'timur'"),
    "no surveys table": _change("DROP TABLE surveys"),
    "not a database": _garbage,
}


@pytest.mark.parametrize("change", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_file_not_of_this_schema_or_not_well_formed_gives_no_lean_list(
    closed: Path, change: Callable[[Path], None]
) -> None:
    assert read_lean_list(closed) is not None
    change(closed)
    assert read_lean_list(closed) is None


def test_no_file_and_a_list_too_long_give_no_lean_list(
    closed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert read_lean_list(closed.with_name("lain.sqlite3")) is None
    assert not closed.with_name("lain.sqlite3").exists()  # nothing created
    surveys = len(read_lean_list(closed) or [])
    monkeypatch.setattr(lean_list, "LEAN_AT_MOST", surveys - 1)
    assert read_lean_list(closed) is None
    monkeypatch.setattr(lean_list, "LEAN_AT_MOST", surveys)
    assert len(read_lean_list(closed) or []) == surveys


def test_reading_it_loads_no_database_library(closed: Path) -> None:
    """It runs right after the first paint, before SQLAlchemy is loaded on the worker."""
    code = (
        "import sys; from pathlib import Path;"
        "from ovop_desktop.services.surveys.lean_list import read_lean_list;"
        f"rows = read_lean_list(Path({str(closed)!r}));"
        "loaded = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')];"
        "print(len(rows or []), loaded); sys.exit(1 if loaded or not rows else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
