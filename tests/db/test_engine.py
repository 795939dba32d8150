"""The SQLite settings a laptop on battery needs, revisions and UTC timestamps."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from ovop_desktop.db.models import Region, Survey
from ovop_desktop.services.database import Database


def test_sqlite_runs_with_wal_foreign_keys_and_full_sync(db: Database) -> None:
    with db.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,
        "busy_timeout": 10_000,
    }


def _survey(db: Database) -> uuid.UUID:
    with db.session() as session:
        survey = Survey(
            village_code="63.08.07.2001", village_name="Banjang", survey_date=date(2026, 8, 3)
        )
        session.add(survey)
        session.flush()
        return survey.id


def test_each_saved_change_raises_the_revision_and_updated_at(db: Database) -> None:
    survey_id = _survey(db)
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        first_update = survey.updated_at
        assert survey.revision == 1
        survey.notes = "Akses jalan licin saat hujan"
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.revision == 2
        assert survey.updated_at > first_update
        survey.notes = survey.notes  # no real change: no new revision
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None and survey.revision == 2


def test_timestamps_come_back_in_utc_whatever_zone_they_were_given_in(db: Database) -> None:
    survey_id = _survey(db)
    wita = timezone(timedelta(hours=8))  # Kalimantan Selatan
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        survey.deleted_at = datetime(2026, 8, 3, 10, 0, tzinfo=wita)
    with db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.deleted_at == datetime(2026, 8, 3, 2, 0, tzinfo=UTC)
        assert survey.deleted_at.tzinfo is not None


def test_naive_timestamps_are_refused(db: Database) -> None:
    survey_id = _survey(db)
    with pytest.raises(Exception, match="naive datetime"), db.session() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        survey.deleted_at = datetime(2026, 8, 3, 10, 0)


def test_a_survey_cannot_point_at_a_region_that_does_not_exist(db: Database) -> None:
    with pytest.raises(IntegrityError), db.session() as session:
        session.add(
            Survey(village_code="63.99.99.2999", village_name="?", survey_date=date(2026, 8, 3))
        )


def test_a_region_used_by_a_survey_cannot_be_deleted(db: Database) -> None:
    _survey(db)
    with pytest.raises(IntegrityError), db.session() as session:
        region = session.get(Region, "63.08.07.2001")
        session.delete(region)
