"""Region reference list: import a Kemendagri list, search it, walk it for pickers.

A re-import of a newer list renames and adds regions; it never deletes one, so a survey that
points at an old code keeps working (and keeps the name seen at survey time).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ovop_desktop.core.region_csv import parse_region_csv
from ovop_desktop.core.regions import VILLAGE_LEVELS, RegionLevel, is_village_level
from ovop_desktop.core.text import search_key
from ovop_desktop.db.models import Region, utc_now
from ovop_desktop.services.database import Database, refresh_statistics

_REGIONS = cast(Table, Region.__table__)

# Most specific first: an officer searching a name is usually looking for a village.
_LEVEL_ORDER = (
    RegionLevel.DESA,
    RegionLevel.KELURAHAN,
    RegionLevel.DESA_ADAT,
    RegionLevel.KECAMATAN,
    RegionLevel.KABUPATEN_KOTA,
    RegionLevel.PROVINSI,
)
_CODE_QUERY_CHARS = set("0123456789.")


@dataclass(frozen=True)
class RegionRename:
    code: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class RegionImportResult:
    """What an import did. `per_level` counts the rows of the file."""

    rows: int
    per_level: dict[str, int]
    added: int
    renamed: tuple[RegionRename, ...]
    unchanged: int
    kept_not_in_file: int
    added_per_level: dict[str, int] = field(default_factory=dict)
    # Villages a package had placed provisionally (services.reference) that this list makes
    # official, under the list's names.
    made_official: int = 0

    @property
    def changed_anything(self) -> bool:
        return bool(self.added or self.renamed or self.made_official)


@dataclass(frozen=True)
class RegionHit:
    code: str
    name: str
    level: str
    district: str | None = None
    regency: str | None = None

    @property
    def context(self) -> str:
        """ "Kec. Takisung, Kabupaten Tanah Laut"-style location of the region."""
        parts = []
        if self.district:
            parts.append(f"Kec. {self.district}")
        if self.regency:
            parts.append(self.regency)
        return ", ".join(parts)


def import_regions(db: Database, data: bytes) -> RegionImportResult:
    """Validate the whole file first, then apply it in one transaction (all or nothing)."""
    with db.session() as session:
        existing = {
            code: (name, level)
            for code, name, level in session.execute(select(Region.code, Region.name, Region.level))
        }
        provisional = set(session.scalars(select(Region.code).where(Region.provisional.is_(True))))
        parsed = parse_region_csv(data, known_codes=existing.keys())
        now = utc_now()
        new_rows: list[tuple[str, str, str, str | None, str]] = []
        changed_rows = []
        renames = []
        added_levels: Counter[str] = Counter()
        keys: dict[str, str] = {}  # search keys by name: many villages share a name
        for row in parsed.rows:
            before = existing.get(row.code)
            level = str(row.level)
            key = keys.get(row.name)
            if key is None:
                key = keys[row.name] = search_key(row.name)
            if before is None:
                new_rows.append((row.code, row.name, level, row.parent, key))
                added_levels[level] += 1
            elif before != (row.name, level):
                changed_rows.append(
                    {
                        "code": row.code,
                        "name": row.name,
                        "level": level,
                        "parent_code": row.parent,
                        "search_name": key,
                        "updated_at": now,
                    }
                )
                if before[0] != row.name:
                    renames.append(RegionRename(row.code, before[0], row.name))
        connection = session.connection()
        if new_rows:
            _insert_new(connection, new_rows, now)
        if changed_rows:
            table = _REGIONS
            connection.execute(
                update(table)
                .where(table.c.code == bindparam("b_code"))
                .values(
                    name=bindparam("name"),
                    level=bindparam("level"),
                    parent_code=bindparam("parent_code"),
                    search_name=bindparam("search_name"),
                    updated_at=bindparam("updated_at"),
                ),
                [{**row, "b_code": row["code"]} for row in changed_rows],
            )
        settled = sorted(provisional.intersection(row.code for row in parsed.rows))
        if settled:
            connection.execute(
                update(_REGIONS)
                .where(_REGIONS.c.code == bindparam("b_code"))
                .values(provisional=False),
                [{"b_code": code} for code in settled],
            )
    if new_rows or changed_rows:
        refresh_statistics(db)  # a whole list is a bulk write: PostgreSQL's plans follow it
    in_file = {row.code for row in parsed.rows}
    return RegionImportResult(
        rows=len(parsed.rows),
        per_level={str(level): count for level, count in parsed.counts.items()},
        added=len(new_rows),
        renamed=tuple(renames),
        unchanged=len(parsed.rows) - len(new_rows) - len(changed_rows),
        kept_not_in_file=sum(1 for code in existing if code not in in_file),
        added_per_level=dict(added_levels),
        made_official=len(settled),
    )


def _insert_new(
    connection: Connection, rows: list[tuple[str, str, str, str | None, str]], now: datetime
) -> None:
    """INSERT new regions, (code, name, level, parent code, search key) each, not provisional
    and updated `now`: one executemany on the driver, the two values every row shares
    converted by their column types once (SQLAlchemy's own executemany would process every
    parameter of all 91,599 rows of the Indonesia list, three times the database's work)."""
    dialect = connection.dialect
    columns = _REGIONS.c
    names = ["code", "name", "level", "parent_code", "search_name", "provisional", "updated_at"]
    processors = [columns[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    shared = [p(v) if p else v for p, v in zip(processors[5:], (False, now), strict=True)]
    text = [(i, p) for i, p in enumerate(processors[:5]) if p is not None]  # none on SQLite
    compiled = insert(_REGIONS).compile(dialect=dialect, column_keys=names)
    order = list(compiled.positiontup or names)
    where = [names.index(name) for name in order]
    params: list[Any] = []
    for row in rows:
        values = [*row, *shared]
        for index, process in text:
            values[index] = process(values[index])
        params.append(tuple(values[i] for i in where))
    if compiled.positiontup is None:  # named parameters (psycopg)
        params = [dict(zip(order, values, strict=True)) for values in params]
    connection.exec_driver_sql(str(compiled), params)


def with_parents(*columns: Any) -> Select[Any]:
    """``SELECT code, name, level, parent name, grandparent name, *columns FROM region``, the
    parents joined from the region list (None where the list lacks them).

    Read a row's first five values with :func:`region_hit`, which knows which parent is the
    district and which the regency at each level.
    """
    parent = aliased(Region)
    grandparent = aliased(Region)
    return (
        select(Region.code, Region.name, Region.level, parent.name, grandparent.name, *columns)
        .select_from(Region)
        .outerjoin(parent, parent.code == Region.parent_code)
        .outerjoin(grandparent, grandparent.code == parent.parent_code)
    )


def villages_only() -> ColumnElement[bool]:
    """The condition that keeps desa, kelurahan and desa adat of the region list."""
    return Region.level.in_([str(level) for level in VILLAGE_LEVELS])


def region_hit(
    code: str, name: str, level: str, parent: str | None, grandparent: str | None
) -> RegionHit:
    """A region and its district and regency from a :func:`with_parents` row."""
    # A village's parent is its district; a district's parent is its regency.
    if level == RegionLevel.KECAMATAN:
        return RegionHit(code, name, level, None, parent)
    if is_village_level(level):
        return RegionHit(code, name, level, parent, grandparent)
    return RegionHit(code, name, level)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_regions(
    db: Database,
    query: str,
    *,
    limit: int = 20,
    levels: tuple[str, ...] | None = None,
    within: str | None = None,
) -> list[RegionHit]:
    """Regions whose name contains every word of `query`, ignoring case and accents.

    Exact names come first, then names starting with the query, then the rest; villages before
    districts before regencies. A query made of digits and dots searches codes by prefix.
    """
    text = query.strip()
    if not text:
        return []
    statement = with_parents()
    if set(text) <= _CODE_QUERY_CHARS:
        statement = statement.where(Region.code.startswith(text, autoescape=True)).order_by(
            Region.code
        )
    else:
        key = search_key(text)
        if not key:
            return []
        words = key.split()
        statement = statement.where(
            and_(*(Region.search_name.like(f"%{_escape_like(w)}%", escape="\\") for w in words))
        ).order_by(
            case((Region.search_name == key, 0), (Region.search_name.startswith(key), 1), else_=2),
            case(*((Region.level == str(lv), i) for i, lv in enumerate(_LEVEL_ORDER)), else_=9),
            Region.search_name,
            Region.code,
        )
    if levels:
        statement = statement.where(Region.level.in_(levels))
    if within:
        statement = statement.where(
            or_(Region.code == within, Region.code.startswith(within + ".", autoescape=True))
        )
    with db.session() as session:
        rows = session.execute(statement.limit(limit)).all()
    return [region_hit(*row) for row in rows]


def get_region(db: Database, code: str) -> RegionHit | None:
    found = search_regions(db, code, limit=1)
    return found[0] if found and found[0].code == code else None


def children(db: Database, parent_code: str | None) -> list[RegionHit]:
    """The regions directly under `parent_code` (provinces when None), by name, for pickers."""
    with db.session() as session:
        condition = (
            Region.parent_code.is_(None)
            if parent_code is None
            else Region.parent_code == parent_code
        )
        rows = session.execute(
            select(Region.code, Region.name, Region.level).where(condition).order_by(Region.name)
        ).all()
    return [RegionHit(code, name, level) for code, name, level in rows]


def region_count(db: Database) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Region)) or 0


def regencies(db: Database) -> list[RegionHit]:
    """Every kabupaten/kota of the list, by province code then name, for the first picker."""
    with db.session() as session:
        rows = session.execute(
            select(Region.code, Region.name, Region.level)
            .where(Region.level == str(RegionLevel.KABUPATEN_KOTA))
            .order_by(Region.parent_code, Region.name)
        ).all()
    return [RegionHit(code, name, level) for code, name, level in rows]
