"""The survey list read straight from the SQLite file at a first start, before the database
opens: every survey, without its top candidate and stars (those need the ranking pass, and with
it SQLAlchemy, half a second away). Shown when no list was kept from the last session
(services.surveys.kept_list); the live list replaces it once the database is open.

Read only when the file's schema is this application's own (its Alembic revision is the head):
an older file is migrated first, a newer one refused, and neither is read here. The file is read
as hostile, like anything on disk: a value of the wrong type or out of range, a locked or
broken file, all mean no lean list, never an error.

This module loads no database library but the standard sqlite3: it runs right after the first
paint.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.paths import sqlite_file_uri
from ovop_desktop.services.surveys.kept_list import KEPT_AT_MOST
from ovop_desktop.services.surveys.survey_row import SurveyRow

log = logging.getLogger(__name__)

# A longer list is not read here: reading the rest would hold the window up longer than the
# database takes to show it (the kept list's bound, for the same reason).
LEAN_AT_MOST = KEPT_AT_MOST
BUSY_MS = 200  # another connection writing: no lean list rather than a wait

_COUNT = "SELECT count(*) FROM surveys WHERE deleted_at IS NULL"
# The survey list's own order (services.surveys.survey_list), in SQLite's, which is Python's.
_QUERY = """
SELECT s.id, s.village_code, s.regency_name, s.district_name, s.village_name, s.survey_date,
       o.name, s.status,
       (SELECT count(*) FROM candidate_products p
         WHERE p.survey_id = s.id AND p.deleted_at IS NULL),
       s.latitude, s.longitude
  FROM surveys s LEFT OUTER JOIN officers o ON o.id = s.officer_id
 WHERE s.deleted_at IS NULL
 ORDER BY s.regency_name, s.district_name, s.village_name, s.survey_date, s.id
 LIMIT ? OFFSET ?
"""


def read_lean_list(
    database_file: Path, *, offset: int = 0, limit: int | None = None
) -> list[SurveyRow] | None:
    """Every live survey of `database_file` as the survey list has it, without top candidates
    (None, and the rows say so: see SurveyRow.ranked); with `offset` and `limit`, only that
    slice of the list's order. None if the file is absent, not at this application's schema,
    busy, broken, or holds more than LEAN_AT_MOST surveys."""
    try:
        if not database_file.is_file():
            return None
        # (Not db.health.read_only_connection: that module loads SQLAlchemy with the engine.)
        connection = sqlite3.connect(
            sqlite_file_uri(database_file.resolve(), mode="ro"), uri=True, isolation_level=None
        )
    except (OSError, sqlite3.Error) as exc:  # (an unreadable folder, a path Windows refuses)
        log.info("no lean survey list: %s", exc)
        return None
    try:
        connection.execute(f"PRAGMA busy_timeout={BUSY_MS}")
        connection.execute("BEGIN")
        revision = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision != [(HEAD_REVISION,)]:
            return None  # migrated first (or refused) when the database opens
        (surveys,) = connection.execute(_COUNT).fetchone()
        if surveys > LEAN_AT_MOST:
            return None
        found = connection.execute(_QUERY, (-1 if limit is None else limit, offset)).fetchall()
        rows = [_row(fields) for fields in found]
    except (sqlite3.Error, TypeError, ValueError, OverflowError) as exc:
        log.info("no lean survey list: %s", exc)
        return None
    finally:
        connection.close()
    return rows if len({row.survey_id for row in rows}) == len(rows) else None


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError("text expected")
    return value


def _coordinate(value: Any, limit: int) -> float | None:
    if value is None:
        return None
    if type(value) not in (int, float) or not -limit <= value <= limit:
        raise ValueError("a coordinate out of range")
    return float(value)


def _row(fields: tuple[Any, ...]) -> SurveyRow:
    key, code, regency, district, village, day, officer, status, candidates, lat, lon = fields
    if type(candidates) is not int or candidates < 0:
        raise ValueError("a count out of range")
    return SurveyRow(
        uuid.UUID(hex=_text(key)),
        _text(code),
        _text(regency),
        _text(district),
        _text(village),
        date.fromisoformat(_text(day)),
        None if officer is None else _text(officer),
        _text(status),
        candidates,
        None,
        None,
        None,
        _coordinate(lat, 90),
        _coordinate(lon, 180),
        ranked=False,
    )
