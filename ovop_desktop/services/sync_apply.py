"""Applying the records of one package to the database, by the merge rule of exchange.merge.

One transaction per package; revisions are written as they arrive (KEEP_REVISIONS). A record that
cannot be applied (its village is not in the region list, its survey is unknown) is rejected with
its reason and the rest of the package still applies.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Session, selectinload

from ovop_desktop.db.engine import KEEP_REVISIONS
from ovop_desktop.db.models import Assessment, AssessmentLevel, Conflict, Region
from ovop_desktop.exchange.merge import decide
from ovop_desktop.exchange.records import TABLES, content_hash, from_record, to_record
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.photos import photo_file

PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "respondents": (("survey_id", "surveys"),),
    "candidate_products": (("survey_id", "surveys"),),
    "assessments": (("product_id", "candidate_products"),),
    "attachments": (("survey_id", "surveys"), ("product_id", "candidate_products")),
    "letters": (("survey_id", "surveys"),),
}


@dataclass
class ApplyCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rejected: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.conflicts)

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "rejected": len(self.rejected),
        }


def _store_media(paths: AppPaths, sha: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != sha:
        raise ValueError(f"media {sha} does not match its hash")
    target = photo_file(paths, sha)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".part")
    with partial.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, target)


def write_record(
    session: Session, model: type[DeclarativeBase], local: Any, record: dict[str, Any]
) -> None:
    """Insert or overwrite one record (and an assessment's levels) from its travelling form."""
    values = from_record(model, record)
    if local is None:
        local = model(**values)
        session.add(local)
    else:
        for key, value in values.items():
            setattr(local, key, value)
    if "levels" in record:
        current = {row.criterion_id: row for row in local.levels}
        for item in record["levels"]:
            row = current.pop(item["criterion_id"], None)
            if row is None:
                local.levels.append(AssessmentLevel(**item))
            else:
                row.level, row.note = item["level"], item["note"]
        for row in current.values():
            local.levels.remove(row)
            session.delete(row)


def _locals(session: Session, model: type[DeclarativeBase], ids: list[str]) -> dict[str, Any]:
    """The local copies of the incoming records, in a few queries (levels loaded with them)."""
    found: dict[str, Any] = {}
    column = model.id  # type: ignore[attr-defined]
    for start in range(0, len(ids), 500):
        query = select(model).where(column.in_([uuid.UUID(i) for i in ids[start : start + 500]]))
        if model is Assessment:
            query = query.options(selectinload(Assessment.levels))
        for obj in session.scalars(query):
            found[str(obj.id)] = obj  # type: ignore[attr-defined]
    return found


def _missing_reference(
    session: Session, table: str, record: dict[str, Any], known: dict[str, set[str]]
) -> str | None:
    if table == "surveys" and session.get(Region, record["village_code"]) is None:
        return (
            f"Survei {record.get('village_name')}: kode wilayah {record['village_code']} "
            "tidak ada di daftar wilayah; impor daftar wilayah terbaru dulu."
        )
    for column, parent in PARENTS.get(table, ()):
        if record.get(column) is not None and record[column] not in known[parent]:
            return f"{table} {record['id']}: induknya ({parent} {record[column]}) tidak dikenal."
    return None


def apply_records(
    session: Session,
    paths: AppPaths,
    tables: dict[str, list[dict[str, Any]]],
    media: dict[str, bytes],
    package_id: uuid.UUID,
) -> ApplyCounts:
    """Merge every record of a package into the open session's transaction."""
    session.info[KEEP_REVISIONS] = True
    counts = ApplyCounts()
    known: dict[str, set[str]] = {}
    try:
        for table, model in TABLES:
            records = tables.get(table, [])
            mapper_ids = {r["id"] for r in records}
            known[table] = (
                mapper_ids
                | {
                    str(i)
                    for i in session.scalars(select(model.id))  # type: ignore[attr-defined]
                }
                if table in ("surveys", "candidate_products")
                else mapper_ids
            )
            existing = _locals(session, model, [r["id"] for r in records])
            for record in records:
                problem = _missing_reference(session, table, record, known)
                if problem:
                    counts.rejected.append(problem)
                    known[table].discard(record["id"])
                    continue
                local_obj = existing.get(record["id"])
                local = to_record(local_obj) if local_obj is not None else None
                decision = decide(local, record)
                if decision.action == "conflict":
                    assert local is not None
                    _record_conflict(session, table, local, record, package_id)
                if decision.keep_incoming:
                    write_record(session, model, local_obj, record)
                    if table == "attachments" and record["sha256"] in media:
                        _store_media(paths, record["sha256"], media[record["sha256"]])
                kind = decision.action
                if kind == "conflict":
                    counts.conflicts += 1
                else:
                    setattr(counts, kind, getattr(counts, kind) + 1)
            session.flush()  # the next table's records may point at these
    finally:
        session.info.pop(KEEP_REVISIONS, None)
    return counts


def _record_conflict(
    session: Session,
    table: str,
    local: dict[str, Any],
    incoming: dict[str, Any],
    package_id: uuid.UUID,
) -> None:
    """Both versions kept once, whichever package brought them first (in a stable order)."""
    pair = sorted([local, incoming], key=content_hash)
    record_id = uuid.UUID(incoming["id"])
    for existing in session.scalars(
        select(Conflict).where(Conflict.record_id == record_id, Conflict.resolved_at.is_(None))
    ):
        hashes = sorted([content_hash(existing.local_data), content_hash(existing.incoming_data)])
        if hashes == [content_hash(pair[0]), content_hash(pair[1])]:
            return
    session.add(
        Conflict(
            table_name=table,
            record_id=record_id,
            local_revision=int(pair[0].get("revision", 0)),
            incoming_revision=int(pair[1].get("revision", 0)),
            local_data=pair[0],
            incoming_data=pair[1],
            package_id=package_id,
        )
    )


def merge_counts(results: list[ApplyCounts]) -> Counter[str]:
    total: Counter[str] = Counter()
    for result in results:
        total.update(result.as_dict())
    return total
