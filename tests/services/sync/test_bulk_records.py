"""Records read in bulk (an export, an import's local copies) are read as the database stores
them, not through the column types: they must be exactly the travelling form the ORM's objects
give, on every backend, or a record would hash differently when exported than when compared."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select, update

from ovop_desktop.db.models import Survey
from ovop_desktop.exchange.records import TABLES, to_record
from ovop_desktop.exchange.table_io import day_text, moment_text
from ovop_desktop.services.database import Database
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.sync.bulk_store import all_records, local_records


def test_records_read_in_bulk_are_the_travelling_form_of_the_objects(db: Database) -> None:
    seed_demo(db, villages=3)
    with db.session() as session:
        first, second = session.scalars(select(Survey.id).order_by(Survey.id).limit(2))
        # A moment on the second (isoformat then writes no fraction) and one with one.
        session.execute(
            update(Survey)
            .where(Survey.id == first)
            .values(
                created_at=datetime(2026, 8, 3, 10, 0, 0, tzinfo=UTC), survey_date=date(2026, 1, 9)
            )
        )
        session.execute(
            update(Survey)
            .where(Survey.id == second)
            .values(created_at=datetime(2026, 8, 3, 10, 0, 0, 5, tzinfo=UTC))
        )
    with db.session() as session:
        for table, model in TABLES:
            expected = sorted(
                (to_record(obj) for obj in session.scalars(select(model))), key=lambda r: r["id"]
            )
            assert all_records(session, model) == expected, table
            ids = [record["id"] for record in expected]
            assert local_records(session, model, ids) == {r["id"]: r for r in expected}, table
        moments = {r["id"]: r["created_at"] for r in all_records(session, Survey)}
    assert moments[str(first)] == "2026-08-03T10:00:00+00:00"
    assert moments[str(second)] == "2026-08-03T10:00:00.000005+00:00"


def test_a_moment_or_a_day_stored_in_another_form_is_read_through_its_value() -> None:
    # Text SQLite keeps without a fraction (written by hand or by another tool), and values.
    assert moment_text("2026-08-03 10:00:00") == "2026-08-03T10:00:00+00:00"
    assert moment_text("2026-08-03 10:00:00.250000") == "2026-08-03T10:00:00.250000+00:00"
    wita = datetime.fromisoformat("2026-08-03T18:00:00+08:00")
    assert moment_text(wita) == "2026-08-03T10:00:00+00:00"
    assert moment_text(datetime(2026, 8, 3, 10, 0)) == "2026-08-03T10:00:00+00:00"
    assert day_text("2026-01-09") == day_text(date(2026, 1, 9)) == "2026-01-09"
