"""The built-in reference and villages placed before the region list knew them.

A new data folder starts with the Kalimantan Selatan 2025 region list shipped in
`resources/reference/` (its licence in NOTICE.md), so a first start can place every Kalsel village
without an import; a newer list still arrives by region import or the province's setup package.
`OVOP_BUILTIN_REFERENCE=0` starts a data folder with an empty list instead (a programme outside
Kalimantan Selatan imports its own).

A package's survey names its village as the officer recorded it: code, village, kecamatan and
kabupaten names. When this laptop's list lacks the village (a list older than the officer's),
the village is placed *provisionally* under those names, marked as not yet in the official list,
so the survey is not refused; the next region import that lists the code makes it official under
the list's own names (services.regions.import_regions).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.regions import RegionLevel, parse_code
from ovop_desktop.core.text import search_key
from ovop_desktop.db.models import Region, Survey, utc_now
from ovop_desktop.paths import reference_dir
from ovop_desktop.services.database import Database
from ovop_desktop.services.regions import RegionImportResult, import_regions

BUILTIN_REGION_LIST = "kalsel-kode-wilayah.csv"
BUILTIN_SWITCH = "OVOP_BUILTIN_REFERENCE"  # "0": a new data folder starts with an empty list

_REGIONS = cast(Table, Region.__table__)


def builtin_region_list() -> Path:
    return reference_dir() / BUILTIN_REGION_LIST


def builtin_wanted() -> bool:
    return os.environ.get(BUILTIN_SWITCH, "1").strip() not in ("0", "no", "false")


def ensure_builtin_regions(db: Database) -> RegionImportResult | None:
    """Fill an empty region list from the built-in one; None when the list had regions (or the
    built-in list is switched off). A list that already holds regions is never touched: a
    newer list comes by import."""
    if not builtin_wanted():
        return None
    with db.session() as session:
        if session.scalar(select(Region.code).limit(1)) is not None:
            return None
    try:
        return import_regions(db, builtin_region_list().read_bytes())
    except IntegrityError:
        return None  # another process filled it between the look and the import


@dataclass(frozen=True)
class PlacedVillage:
    """A village placed provisionally by a package."""

    code: str
    name: str
    district: str
    regency: str
    created: tuple[str, ...] = ()  # the codes added for it: kabupaten, kecamatan, village


def place_unknown_villages(
    session: Session, surveys: Iterable[Mapping[str, Any]], known: set[str]
) -> list[PlacedVillage]:
    """Place, provisionally, the villages of `surveys` that are not in `known` (the codes found
    in the list), under the names the survey was recorded with. A village is placed only when
    its code is well formed, its province is in the list and it has a name; the kecamatan and
    kabupaten above it are placed too when missing. Returns the villages placed (the caller's
    `known` gains their codes)."""
    placed: list[PlacedVillage] = []
    for record in surveys:
        code = str(record.get("village_code") or "")
        if code in known:
            continue
        village = _placeable(session, code, record)
        if village is None:
            continue
        chain = (
            (code[:5], village.regency, RegionLevel.KABUPATEN_KOTA, code[:2]),
            (code[:8], village.district, RegionLevel.KECAMATAN, code[:5]),
            (code, village.name, parse_code(code).level, code[:8]),
        )
        now = utc_now()
        created = []
        for region_code, name, level, parent in chain:
            if session.get(Region, region_code) is not None:
                continue
            created.append(region_code)
            session.execute(
                insert(_REGIONS).values(
                    code=region_code,
                    name=name,
                    level=str(level),
                    parent_code=parent,
                    search_name=search_key(name),
                    provisional=True,
                    updated_at=now,
                )
            )
        known.add(code)
        placed.append(replace(village, created=tuple(created)))
    return placed


def withdraw_unused(
    session: Session, placed: list[PlacedVillage], used: set[str]
) -> list[PlacedVillage]:
    """Take back the villages placed for surveys that were refused after all (by the owner
    rule, say): a package places only the villages its accepted surveys need. Returns the
    villages kept."""
    kept = [village for village in placed if village.code in used]
    created = {code for village in placed if village.code not in used for code in village.created}
    for code in sorted(created, key=len, reverse=True):  # villages, then kecamatan, kabupaten
        still_needed = session.scalar(
            select(Region.code).where(Region.parent_code == code).limit(1)
        ) or session.scalar(select(Survey.id).where(Survey.village_code == code).limit(1))
        if still_needed is None:
            session.execute(delete(_REGIONS).where(_REGIONS.c.code == code))
    return kept


def _placeable(session: Session, code: str, record: Mapping[str, Any]) -> PlacedVillage | None:
    try:
        parsed = parse_code(code)
    except DomainError:
        return None
    name = str(record.get("village_name") or "").strip()
    if parsed.depth != 4 or not name or session.get(Region, code[:2]) is None:
        return None
    district = str(record.get("district_name") or "").strip() or code[:8]
    regency = str(record.get("regency_name") or "").strip() or code[:5]
    return PlacedVillage(code, name, district, regency)


_NOTES_SHOWN = 10


def placed_notes(placed: list[PlacedVillage]) -> tuple[list[str], list[str]]:
    """One line per village placed provisionally (the first ten, then a count), in Indonesian
    and in English."""
    lines_id, lines_en = [], []
    for village in placed[:_NOTES_SHOWN]:
        level = parse_code(village.code).level
        where = f"{village.code}, Kec. {village.district}, {village.regency}"
        lines_id.append(
            f"{level.label_id} {village.name} ({where}) belum ada di daftar wilayah resmi: "
            "ditempatkan sementara dengan nama dari survei sampai daftar wilayah yang lebih "
            "baru diimpor."
        )
        lines_en.append(
            f"{level.label_en} {village.name} ({where}) is not in the official region list "
            "yet: placed provisionally under the survey's names until a newer region list is "
            "imported."
        )
    if len(placed) > _NOTES_SHOWN:
        more = len(placed) - _NOTES_SHOWN
        lines_id.append(f"… dan {more} desa/kelurahan lain ditempatkan sementara.")
        lines_en.append(f"… and {more} more villages placed provisionally.")
    return lines_id, lines_en
