"""The survey list kept from the last session: shown at the next start while the database opens.

When the application closes, it writes the survey list as the database holds it then, with the
fingerprint of the database file it was read from (size, modification time and file id of the
file and of its write-ahead log). At the next start the list is shown before SQLAlchemy and the
database are even loaded, if the file is still that very file: nothing has written to it since
(another program, `ovop` on the command line, a restored backup all change the fingerprint).
The live list replaces it once the database is open.

The file is read as hostile, like anything on disk: a broken file, another format, a field of
the wrong type or a database that changed all mean no kept list, never an error. It is only a
head start. Only the data folder's own SQLite file is kept this way (not a PostgreSQL server,
whose changes no file shows).

This module loads no database library: it runs before the first paint.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ovop_desktop.services.surveys.survey_row import SurveyRow

log = logging.getLogger(__name__)

FILE_NAME = "daftar-survei.json"
FORMAT = 1
# A longer list is not kept: reading it would hold the window up longer (0.3 s at 20,000
# surveys on the benchmark machine) than the first screenful takes from the database.
KEPT_AT_MOST = 20_000
LARGEST = 64 * 1024 * 1024  # bytes: 20,000 surveys take about 4 MB


@dataclass(frozen=True)
class KeptList:
    rows: list[SurveyRow]
    out_of: int  # the top of the star scale of the rubric the rows were ranked under


Fingerprint = list[list[int] | None]


def fingerprint(database_file: Path) -> Fingerprint:
    """What changes whenever anything writes to the SQLite file: size, modification time and
    file id of the file and of its write-ahead log (None: absent)."""
    parts: Fingerprint = []
    for path in (database_file, database_file.with_name(database_file.name + "-wal")):
        try:
            status = os.stat(path)
        except OSError:
            parts.append(None)
            continue
        parts.append([status.st_size, status.st_mtime_ns, status.st_ino])
    return parts


def _encoded(row: SurveyRow) -> list[Any]:
    return [
        row.survey_id.hex,
        row.village_code,
        row.regency,
        row.district,
        row.village,
        row.survey_date.isoformat(),
        row.officer,
        row.status,
        row.candidates,
        row.top_candidate,
        row.top_stars,
        None if row.top_total is None else str(row.top_total),
        row.latitude,
        row.longitude,
    ]


def write_kept_list(
    target: Path, database_file: Path, rows: Sequence[SurveyRow], out_of: int
) -> None:
    """Keep `rows`, read from `database_file` that nothing writes to any more (its connections
    are closed). Written beside `target` first, then put in its place: a reader never sees half
    a file. Raises OSError (the caller logs it: a close never fails for this)."""
    document = {
        "format": FORMAT,
        "database": fingerprint(database_file),
        "out_of": out_of,
        "rows": [_encoded(row) for row in rows],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    try:
        with open(partial, "w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False, separators=(",", ":"))
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def forget_kept_list(target: Path) -> None:
    """No kept list any more (best effort: a file that cannot go is outdated by its
    fingerprint anyway)."""
    with contextlib.suppress(OSError):
        target.unlink()


# The types a kept row's fields may have, in order (JSON numbers without a point are ints).
_FIELD_TYPES: tuple[tuple[type, ...], ...] = (
    (str,),  # survey id, hex
    (str,),  # village code
    (str,),  # regency
    (str,),  # district
    (str,),  # village
    (str,),  # survey date, ISO
    (str, type(None)),  # officer
    (str,),  # status
    (int,),  # candidates
    (str, type(None)),  # top candidate
    (int, type(None)),  # its stars
    (str, type(None)),  # its total, as text
    (float, int, type(None)),  # latitude
    (float, int, type(None)),  # longitude
)
_SHAPES = frozenset(itertools.product(*_FIELD_TYPES))


def _decoded(fields: object, out_of: int) -> SurveyRow:
    if type(fields) is not list or tuple(map(type, fields)) not in _SHAPES:
        raise TypeError("a row of 14 fields of the expected types expected")
    key, code, regency, district, village, day, officer, status, candidates = fields[:9]
    top, stars, total, latitude, longitude = fields[9:]
    if candidates < 0 or (stars is not None and not 0 <= stars <= out_of):
        raise ValueError("a count or stars out of range")
    if total is not None:
        total = Decimal(total)
        if not total.is_finite():
            raise ValueError("a total expected")
    for value, limit in ((latitude, 90), (longitude, 180)):
        if value is not None and not -limit <= value <= limit:
            raise ValueError("a coordinate out of range")
    return SurveyRow(
        uuid.UUID(hex=key),
        code,
        regency,
        district,
        village,
        date.fromisoformat(day),
        officer,
        status,
        candidates,
        top,
        stars,
        total,
        None if latitude is None else float(latitude),
        None if longitude is None else float(longitude),
    )


def read_kept_list(source: Path, database_file: Path) -> KeptList | None:
    """The list kept from `database_file`, if that file is unchanged since and the kept list
    reads whole; else None."""
    now = fingerprint(database_file)
    if now[0] is None:
        return None  # no database (yet): nothing to show from it
    try:
        if source.stat().st_size > LARGEST:
            return None
        document = json.loads(source.read_bytes())
    except (OSError, ValueError):  # absent, unreadable, not JSON, not UTF-8
        return None
    try:
        if type(document) is not dict or document.get("format") != FORMAT:
            return None
        if document.get("database") != now:
            return None  # written since, or another file
        out_of, rows = document["out_of"], document["rows"]
        if type(out_of) is not int or out_of < 1 or type(rows) is not list:
            return None
        if len(rows) > KEPT_AT_MOST:
            return None
        kept = KeptList([_decoded(fields, out_of) for fields in rows], out_of)
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        log.warning("kept survey list %s not used: %s", source, exc)
        return None
    ids = {row.survey_id for row in kept.rows}
    return kept if len(ids) == len(kept.rows) else None
