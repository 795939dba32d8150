"""A database made at any earlier revision, with data in it, upgrades to the newest schema with
every row kept, its foreign keys consistent, and the application able to read it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from ovop_desktop.db.migrate import alembic_config, upgrade
from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.services.database import open_database
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.surveys.survey_list import list_surveys
from tests.db.test_migrations import FIRST_REVISION, _seed_first_revision

EARLIER = sorted(
    script.revision
    for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    if script.revision != HEAD_REVISION
)


def _rows(database: Path) -> dict[str, int]:
    connection = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def test_every_earlier_revision_is_covered() -> None:
    assert FIRST_REVISION in EARLIER and len(EARLIER) >= 5


@pytest.mark.parametrize("revision", EARLIER)
def test_a_database_made_at_an_earlier_revision_upgrades_with_its_rows(
    tmp_path: Path, revision: str
) -> None:
    database = tmp_path / f"r{revision}.sqlite3"
    url = f"sqlite:///{database}"
    upgrade(url, target=FIRST_REVISION)
    _seed_first_revision(database)
    upgrade(url, target=revision)
    before = _rows(database)

    result = upgrade(url)

    assert (result.from_revision, result.to_revision) == (revision, HEAD_REVISION)
    after = _rows(database)
    assert {t: n for t, n in after.items() if t in before and t != "alembic_version"} == {
        t: n for t, n in before.items() if t != "alembic_version"
    }
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        connection.close()
    db = open_database(url)
    try:
        install_shipped_rubrics(db)
        rows = list_surveys(db, rubric_in_force(db))
        assert [(row.village, row.candidates) for row in rows] == [("Banjang", 1)]
    finally:
        db.dispose()
