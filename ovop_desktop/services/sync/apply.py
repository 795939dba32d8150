"""Applying the records of one package to the database, by the merge rule of exchange.merge.

One transaction per package; records are written as they arrive, revisions included, in bulk
through services.sync.bulk_store. A record that cannot be applied (its village is not in the region
list, its survey is unknown, its clock is in the future) is rejected with its reason and the rest of
the package still applies.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import DeclarativeBase, Session

from ovop_desktop.db.models import (
    Assessment,
    AssessmentLevel,
    Conflict,
    Device,
    Region,
    Setting,
)
from ovop_desktop.exchange.merge import Decision, decide
from ovop_desktop.exchange.records import TABLES, content_hash, from_record
from ovop_desktop.exchange.table_io import table_io
from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.letters.letter_files import archive_path
from ovop_desktop.services.reference import (
    PlacedVillage,
    place_unknown_villages,
    withdraw_unused,
)
from ovop_desktop.services.settings.app_settings import PROVINCE_KEY
from ovop_desktop.services.surveys.photos import photo_file
from ovop_desktop.services.sync.bulk_store import (
    existing_ids,
    insert_records,
    local_records,
    replace_levels,
    update_rows,
)
from ovop_desktop.services.sync.refused_records import NOUNS, Refusals
from ovop_desktop.services.sync.snapshots import unfaithful

MODELS: dict[str, type[DeclarativeBase]] = dict(TABLES)
# How far ahead of this laptop's clock a record's time may be: laptops' clocks and time zones
# drift, but a record saved tomorrow or later would win every later merge by its date alone.
CLOCK_TOLERANCE = timedelta(days=1)


def _parents() -> dict[str, tuple[tuple[str, str], ...]]:
    """For each exchanged table, its columns that point at another exchanged table's record,
    read from the models' foreign keys so that none is forgotten (the village is checked on its
    own, against the region list)."""
    names = {name for name, _ in TABLES}
    found: dict[str, tuple[tuple[str, str], ...]] = {}
    for name, model in TABLES:
        pairs = tuple(
            (column.name, key.column.table.name)
            for column in model.__table__.columns
            for key in column.foreign_keys
            if key.column.table.name in names and key.column.table.name != name
        )
        if pairs:
            found[name] = pairs
    return found


PARENTS = _parents()


class ContentError(ValueError):
    """A package's records contradict themselves: the whole package is refused."""

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_id)
        self.message_id, self.message_en = message_id, message_en


@dataclass
class ApplyCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    refusals: Refusals = field(default_factory=Refusals)
    # Villages this laptop's list lacked, placed provisionally under the survey's names.
    placed: list[PlacedVillage] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.conflicts)

    @property
    def rejected(self) -> list[str]:
        """The refused records, grouped, in Indonesian (`refusals.lines(english=True)`)."""
        return self.refusals.lines()

    def as_dict(self) -> dict[str, int]:
        return {
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "rejected": len(self.refusals),
        }


def _store_media(paths: AppPaths, sha: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != sha:
        raise ContentError(
            f"berkas media {sha[:12]}… tidak cocok dengan sidik SHA-256-nya",
            f"the media file {sha[:12]}… does not match its SHA-256",
        )
    target = photo_file(paths, sha)
    if target.exists():
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)


def _store_letter(paths: AppPaths, record: dict[str, Any], data: bytes) -> None:
    """The issued PDF of a letter, kept by its verification code (checked at the border: it
    names no other file) when its bytes are the ones the register holds."""
    if hashlib.sha256(data).hexdigest() != record["pdf_sha256"]:
        raise ContentError(
            f"PDF surat {record['verification_code']} tidak cocok dengan sidik SHA-256-nya",
            f"the PDF of letter {record['verification_code']} does not match its SHA-256",
        )
    target = archive_path(paths, record["verification_code"])
    if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() == record["pdf_sha256"]:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, data)


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


def _clock_columns(model: type[DeclarativeBase]) -> tuple[str, ...]:
    """The record keys holding a moment in time (created_at, updated_at, deleted_at, ...)."""
    return tuple(
        column.key
        for column in table_io(model).columns
        if column.from_text == datetime.fromisoformat
    )


def _not_from_the_future(
    table: str, model: type[DeclarativeBase], records: list[dict[str, Any]], counts: ApplyCounts
) -> list[dict[str, Any]]:
    """The records whose every time lies before now and the tolerance; the others are rejected
    with their reason (and so are their own children, later)."""
    keys = _clock_columns(model)
    latest = datetime.now(UTC) + CLOCK_TOLERANCE
    usable = []
    for record in records:
        late = next((key for key in keys if _moment(record.get(key)) > latest), None)
        if late is None:
            usable.append(record)
            continue
        counts.refusals.refuse(
            table,
            record,
            f"waktunya ({late} {record[late]}) ada di masa depan; periksa jam dan tanggal "
            "laptop pengirim",
            f"its time ({late} {record[late]}) lies in the future; check the sending laptop's "
            "clock and date",
        )
    return usable


def _faithful(
    session: Session, records: list[dict[str, Any]], counts: ApplyCounts
) -> list[dict[str, Any]]:
    """The assessments whose stored scores are what their levels give (services.sync.snapshots);
    the others are rejected with their reason."""
    faults = unfaithful(session, records)
    for record in records:
        fault = faults.get(record["id"])
        if fault is not None:
            counts.refusals.refuse("assessments", record, *fault)
    return [record for record in records if record["id"] not in faults] if faults else records


def _moment(value: Any) -> datetime:
    """A record's time (text in ISO form, read as UTC without a zone), or the distant past for
    none; text that is no time raises ValueError, and the package is refused."""
    if value is None:
        return datetime.min.replace(tzinfo=UTC)
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _referenced(
    session: Session,
    table: str,
    records: list[dict[str, Any]],
    accepted: dict[str, set[str]],
    counts: ApplyCounts,
) -> list[dict[str, Any]]:
    """The records whose village and parents are known here or arrive in this package; the
    others are rejected with their reason (and so are their own children, later)."""
    villages: set[str] = set()
    if table == "surveys":
        villages = existing_ids(session, Region.code, (r["village_code"] for r in records))
        counts.placed += place_unknown_villages(session, records, villages)
    parents: dict[str, set[str]] = {}
    for column, parent in PARENTS.get(table, ()):
        wanted = {r[column] for r in records if r.get(column) is not None} - accepted[parent]
        model = MODELS[parent]
        found = existing_ids(session, model.id, (uuid.UUID(i) for i in wanted))  # type: ignore[attr-defined]
        parents[column] = accepted[parent] | found
    usable = []
    for record in records:
        if table == "surveys" and record["village_code"] not in villages:
            code = record["village_code"]
            counts.refusals.refuse(
                table,
                record,
                f"kode wilayah {code} belum ada di daftar wilayah — impor daftar wilayah dulu",
                f"region code {code} is not in the region list yet — import the region list first",
            )
            continue
        missing = next(
            (
                (column, parent)
                for column, parent in PARENTS.get(table, ())
                if record.get(column) is not None and record[column] not in parents[column]
            ),
            None,
        )
        if missing:
            column, parent = missing
            if counts.refusals.follow(record, record[column]):
                continue  # its parent was refused: counted there
            noun_id, noun_en = NOUNS[parent]
            counts.refusals.refuse(
                table,
                record,
                f"{noun_id} induknya ({str(record[column])[:8]}) tidak dikenal di sini maupun "
                "di paket ini",
                f"its {noun_en} ({str(record[column])[:8]}) is known neither here nor in this "
                "package",
            )
            continue
        usable.append(record)
    return usable


def _local_copies(
    session: Session, model: type[DeclarativeBase], records: list[dict[str, Any]]
) -> dict[str, Any]:
    """The local copies the merge decides against. Those the package would change are read
    again under a row lock: another import running at the same time (PostgreSQL) then waits
    or is waited for, and neither overwrites what the other wrote without seeing it. Copies
    left as they are need no lock; a new record written by both fails the later one on the
    primary key, and that import is run again (services.retry)."""
    local = local_records(session, model, [r["id"] for r in records])
    touched = [
        r["id"]
        for r in records
        if r["id"] in local and decide(local[r["id"]], r).action != "unchanged"
    ]
    if touched and session.get_bind().dialect.name != "sqlite":  # SQLite locks the whole file
        local.update(local_records(session, model, touched, lock=True))
    return local


def apply_records(
    session: Session,
    paths: AppPaths,
    tables: dict[str, list[dict[str, Any]]],
    media: dict[str, bytes],
    package_id: uuid.UUID,
    *,
    source_device: uuid.UUID | None = None,
) -> ApplyCounts:
    """Merge every record of a package into the open session's transaction, table by table in
    the order of the foreign keys, in bulk (services.sync.bulk_store)."""
    counts = ApplyCounts(refusals=Refusals(tables=tables))
    if source_device is not None and _speaks_for_the_province(session, source_device):
        source_device = None  # the province's decisions (settled conflicts) may change anything
    accepted: dict[str, set[str]] = {}
    for table, model in TABLES:
        accepted[table] = set()
        records = tables.get(table, [])
        if not records:
            continue
        ids = [r["id"] for r in records]
        if len(set(ids)) != len(ids):
            twice = next(i for i in ids if ids.count(i) > 1)
            raise ContentError(
                f"{table}: rekaman {twice} muncul dua kali",
                f"{table}: record {twice} appears twice",
            )
        records = _not_from_the_future(table, model, records, counts)
        records = _referenced(session, table, records, accepted, counts)
        if model is Assessment:
            records = _faithful(session, records, counts)
        local = _local_copies(session, model, records)
        io = table_io(model)
        lineage = "exchanged" in io.table.c
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        written: list[dict[str, Any]] = []
        moved_on: list[dict[str, Any]] = []  # live versions replaced by a plain update
        for record in records:
            mine = local.get(record["id"])
            decision = decide(mine, record)
            if source_device is not None:
                owned = _as_owner_allows(table, mine, record, decision, str(source_device), counts)
                if owned is None:
                    continue
                decision = owned
            if decision.action == "conflict":
                assert mine is not None
                _record_conflict(session, table, mine, record, package_id)
                counts.conflicts += 1
            else:
                setattr(counts, decision.action, getattr(counts, decision.action) + 1)
            accepted[table].add(record["id"])
            if table == "letters" and decision.action != "conflict":
                pdf = media.get(record.get("pdf_sha256") or "")
                if pdf is not None:  # kept even when the entry was here already
                    _store_letter(paths, record, pdf)
            if not decision.keep_incoming:
                continue
            if mine is None:  # written from its travelling form (bulk_store.insert_records)
                inserts.append(record)
            else:
                row = io.values(record)
                if lineage:  # this laptop now holds a version others have
                    row["exchanged"] = True
                updates.append(row)
            written.append(record)
            if mine is not None and decision.action == "updated":
                moved_on.append(record)
            if table == "attachments" and record["sha256"] in media:
                _store_media(paths, record["sha256"], media[record["sha256"]])

        insert_records(session, model, inserts, {"exchanged": True} if lineage else None)
        update_rows(session, model, updates)
        if table == "surveys" and counts.placed:
            counts.placed = withdraw_unused(
                session, counts.placed, {r["village_code"] for r in written}
            )
        _refresh_open_conflicts(session, table, local, moved_on)
        if model is Assessment:
            replace_levels(session, [r["id"] for r in written if r["id"] in local], written)
    return counts


# Records any trusted package may bring when they are new here, whichever laptop made them:
# officer profiles name who did the work (every package carries them all), and audit entries are
# statements that are never edited.
CARRIED = frozenset({"officers", "audit_log"})


def _as_owner_allows(
    table: str,
    mine: dict[str, Any] | None,
    record: dict[str, Any],
    decision: Decision,
    source: str,
    counts: ApplyCounts,
) -> Decision | None:
    """The merge decision as record ownership allows it (db.ownership), or None for a refused
    record. A package may create and change only its own laptop's records; a record that names
    no laptop is the package's. A change to another laptop's record is kept as a conflict for a
    person to decide, the local version staying live (an officer profile, which has no conflict
    review, is left as it is: its own laptop brings its changes)."""
    claimed = record.get("device_id") or source
    record["device_id"] = claimed
    if mine is None:
        if claimed == source or table in CARRIED:
            return decision
        counts.refusals.refuse(
            table,
            record,
            "dibuat di laptop lain; rekaman hanya diterima dari paket laptop yang membuatnya",
            "made on another laptop; a record is taken only from the package of the laptop that "
            "made it",
        )
        return None
    owner = mine.get("device_id")
    if decision.action == "unchanged" or (claimed == source and owner in (None, source)):
        return decision
    if "revision" not in record:
        if claimed == source:
            counts.refusals.refuse(
                table,
                record,
                "milik laptop lain; paket ini tidak boleh mengubahnya",
                "belongs to another laptop; this package may not change it",
            )
            return None
        return Decision("unchanged", False)
    return Decision("conflict", False)


def _speaks_for_the_province(session: Session, device_id: uuid.UUID) -> bool:
    """Whether the package's laptop signs with the key of the province this laptop was set up
    by (services.sync.setup_package)."""
    key = session.scalar(select(Device.public_key).where(Device.id == device_id))
    province = session.scalar(select(Setting.value).where(Setting.key == PROVINCE_KEY))
    return bool(key) and key == province


def _refresh_open_conflicts(
    session: Session, table: str, before: dict[str, Any], written: list[dict[str, Any]]
) -> None:
    """An open conflict weighs another laptop's version against the live one: when the live
    version moves on (its owner's next package), the conflict weighs against the new one, so a
    person decides on what is live, whatever order the packages came in."""
    if not written:
        return
    moved = {uuid.UUID(r["id"]): r for r in written}
    open_conflicts = session.scalars(  # few: each waits for a person
        select(Conflict).where(Conflict.table_name == table, Conflict.resolved_at.is_(None))
    ).all()
    for conflict in open_conflicts:
        live = moved.get(conflict.record_id)
        if live is None:
            continue
        old = content_hash(before[str(conflict.record_id)])
        sides = [conflict.local_data, conflict.incoming_data]
        other = [side for side in sides if content_hash(side) != old]
        if len(other) != 1:
            continue
        if content_hash(other[0]) == content_hash(live):
            session.delete(conflict)  # the live version now says what the other one said
            continue
        pair = sorted([live, other[0]], key=content_hash)
        conflict.local_data, conflict.incoming_data = pair
        conflict.local_revision = int(pair[0].get("revision", 0))
        conflict.incoming_revision = int(pair[1].get("revision", 0))


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
