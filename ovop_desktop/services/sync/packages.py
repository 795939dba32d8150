"""Sync by file: export this laptop's records as a signed package, import packages.

An export is sealed to the province's exchange key once the setup package brought it
(services.sync.sealing); before that it is plain, and says so. Import reads both.
Import is one transaction per file, recorded in the import log; a file that changes nothing says
so. A package from an unknown device needs trust; a known device arriving with another key is
refused. See docs/exchange-format.md for the merge rules.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from ovop_desktop.db.models import Attachment, Device, ImportLogEntry, Letter
from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.exchange.keys import fingerprint_of, load_or_create_key
from ovop_desktop.exchange.package import Package
from ovop_desktop.exchange.package_format import PackageError, decode_records, encode_records
from ovop_desktop.exchange.records import SYNC_TABLES, TABLES
from ovop_desktop.exchange.table_io import table_io
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database, refresh_statistics, storage_error
from ovop_desktop.services.errors import StorageError, file_error
from ovop_desktop.services.letters.letter_files import archive_path
from ovop_desktop.services.province.mode import province_mode
from ovop_desktop.services.reference import placed_notes
from ovop_desktop.services.settings.app_settings import get_setting, store_setting
from ovop_desktop.services.settings.officers import current_officer, device_name, local_device_id
from ovop_desktop.services.surveys.photos import photo_file
from ovop_desktop.services.sync.apply import ApplyCounts, apply_records
from ovop_desktop.services.sync.bulk_store import all_records
from ovop_desktop.services.sync.refusals import database_refusal
from ovop_desktop.services.sync.retry import retrying, transient
from ovop_desktop.services.sync.sealing import open_package, province_exchange_key, write_export

EXPORT_WATERMARK = "export_watermark"
EXPORT_SEQUENCE = "export_sequence"


@dataclass(frozen=True)
class ExportResult:
    path: Path
    counts: dict[str, int]
    fingerprint: str
    sealed_to: str | None = None
    """The fingerprint of the province key the package is encrypted to; None when it is not
    encrypted (no setup package imported yet): say so, it is no silent downgrade."""
    province_office: bool = False
    """Made at the province office (services.province.mode): its packages to the officers are
    signed, not encrypted, and that is no fault to warn about."""

    @property
    def sealed(self) -> bool:
        return self.sealed_to is not None

    @property
    def changes(self) -> dict[str, int]:
        """The records changed since the last export: the counts but the officers, who are in
        every package."""
        return {table: n for table, n in self.counts.items() if table in SYNC_TABLES}


class Rejection(StrEnum):
    """Why a whole package was refused, as the check that refused it knows it."""

    UNREADABLE = "unreadable"  # the file cannot be read (a pulled stick, no permission)
    NOT_A_PACKAGE = "not_a_package"  # no zip, no manifest, or another format altogether
    FUTURE_VERSION = "future_version"  # made by a newer application
    BAD_SIGNATURE = "bad_signature"  # signature missing or not matching the manifest
    DAMAGED = "damaged"  # a member's size or hash differs from the manifest
    UNSAFE = "unsafe"  # links, encrypted or oversized members, a zip bomb
    INVALID_RECORDS = "invalid_records"  # records that cannot be read or applied
    UNTRUSTED_DEVICE = "untrusted_device"  # a new device: trust it, then import
    KEY_CHANGED = "key_changed"  # a known device with another key: refused outright
    NOT_FOR_THIS_KEY = "not_for_this_key"  # encrypted to another province's key
    OWN_DEVICE = "own_device"  # claims to come from this very laptop: refused outright
    RECORDS_REFUSED = "records_refused"  # readable, but every record in it was refused
    NOT_APPLIED = "not_applied"  # the database stayed busy: try again later


PACKAGE_CHECKS = {
    **dict.fromkeys(
        (
            "not_zip",
            "truncated",
            "manifest_missing",
            "manifest_json",
            "manifest_invalid",
            "wrong_format",
        ),
        Rejection.NOT_A_PACKAGE,
    ),
    "unreadable": Rejection.UNREADABLE,
    "future_version": Rejection.FUTURE_VERSION,
    "sealed_version": Rejection.FUTURE_VERSION,
    "sealed_wrong_key": Rejection.NOT_FOR_THIS_KEY,
    "signature_missing": Rejection.BAD_SIGNATURE,
    "signature_invalid": Rejection.BAD_SIGNATURE,
    **dict.fromkeys(
        (
            "hash_mismatch",
            "size_mismatch",
            "damaged_member",
            "missing_member",
            "sealed_damaged",
            "sealed_truncated",
        ),
        Rejection.DAMAGED,
    ),
    "bad_record": Rejection.INVALID_RECORDS,
}


def package_rejection(error: PackageError) -> Rejection:
    """The rejection of a package a check of the exchange format refused (by the check's code);
    every other check guards against a hostile archive."""
    return PACKAGE_CHECKS.get(error.code, Rejection.UNSAFE)


@dataclass
class FileResult:
    file: str
    # imported, unchanged, partial (some records refused: rejected_records), rejected
    status: str
    reason: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    rejected_records: list[str] = field(default_factory=list)  # grouped, named, Indonesian
    device: str | None = None
    fingerprint: str | None = None
    rejection: Rejection | None = None  # set when status is "rejected"
    officer: str | None = None  # the officer named in the package's manifest
    sealed_to: str | None = None  # the fingerprint of the key a sealed package was opened with
    rejected_records_en: list[str] = field(default_factory=list)  # the same lines in English
    # What else the import did that a person should know: villages placed provisionally.
    notes: list[str] = field(default_factory=list)
    notes_en: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the import wrote records (all of them, or those not refused)."""
        return self.status in ("imported", "partial")

    @property
    def needs_trust(self) -> bool:
        """Refused only because its device is not trusted yet."""
        return self.rejection is Rejection.UNTRUSTED_DEVICE

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "reason": self.reason,
            "new": self.counts.get("new", 0),
            "updated": self.counts.get("updated", 0),
            "unchanged": self.counts.get("unchanged", 0),
            "conflicts": self.counts.get("conflicts", 0),
            "rejected": self.counts.get("rejected", len(self.rejected_records)),
            "rejected_records": self.rejected_records,
            "rejected_records_en": self.rejected_records_en,
            "notes": self.notes,
            "notes_en": self.notes_en,
            "rejection": self.rejection.value if self.rejection else None,
            "sealed_to": self.sealed_to,
        }


def last_export(db: Database) -> datetime | None:
    """When this laptop last exported a package (None: never)."""
    value = get_setting(db, EXPORT_WATERMARK)
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def device_fingerprint(paths: AppPaths) -> str:
    return load_or_create_key(paths.data_dir).fingerprint()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:30] or "petugas"


def export_package(
    db: Database,
    paths: AppPaths,
    folder: Path,
    *,
    everything: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ExportResult:
    """Everything changed since the last export (or everything), into `folder`: sealed to the
    province's key when the setup package brought one, else plain (the result says which).

    A failed export leaves no package: when the database refuses to record what was exported
    (read-only, locked), the file just written is removed again.
    `progress(done, total)` is called after each table is read and once the file is written."""
    steps = len(TABLES) + 1
    key = load_or_create_key(paths.data_dir)
    recipient = province_exchange_key(db)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Folder {folder} tidak dapat dibuat: {exc}", f"Folder {folder} cannot be made: {exc}"
        ) from exc
    since = None if everything else get_setting(db, EXPORT_WATERMARK)
    now = datetime.now(UTC)
    members: list[tuple[str, bytes]] = []
    counts: Counter[str] = Counter()
    with db.session() as session:
        for step, (table, model) in enumerate(TABLES, start=1):
            # Officers always travel (a handful of rows): a package names everyone its records
            # point at, so it imports even when the province has not got the earlier ones yet.
            after = datetime.fromisoformat(since) if since and table != "officers" else None
            records = all_records(session, model, after)
            if records:
                members.append((f"records/{table}.jsonl", encode_records(records)))
                counts[table] = len(records)
            if model is Attachment:  # one picture on two owners travels once
                for record in {r["sha256"]: r for r in records}.values():
                    media = photo_file(paths, record["sha256"])
                    if media.exists():
                        members.append((f"media/{record['sha256']}.jpg", media.read_bytes()))
            if model is Letter:  # the issued PDF, so the province can hand out the original
                members += _letter_files(paths, records)
            if progress is not None:
                progress(step, steps)
    officer = current_officer(db)
    sequence = int(get_setting(db, EXPORT_SEQUENCE, 0)) + 1
    name = f"ovop-{_slug(officer.name if officer else 'petugas')}-{now:%Y%m%d}-{sequence:03d}"
    try:
        path = write_export(
            paths,
            folder,
            name,
            {
                "kind": "survey-export",
                "device_id": str(local_device_id(db)),
                "device_name": device_name(db),
                "officer_name": officer.name if officer else "",
                "schema_revision": HEAD_REVISION,
                "watermark_from": since,
                "watermark_to": now.isoformat(),
                "counts": dict(counts),
            },
            members,
            key,
            recipient,
        )
    except OSError as exc:
        raise StorageError(
            f"Paket tidak dapat ditulis ke {folder}: {exc}",
            f"The package cannot be written to {folder}: {exc}",
        ) from exc
    try:
        with db.session() as session:
            _mark_exchanged(session, now)
            store_setting(session, EXPORT_WATERMARK, now.isoformat())
            store_setting(session, EXPORT_SEQUENCE, sequence)
    except StorageError as exc:
        # Nothing was marked: a package left behind would be sent again by the next export.
        with contextlib.suppress(OSError):
            path.unlink()
        raise StorageError(
            "Ekspor dibatalkan dan tidak ada paket yang dibuat: basis data tidak dapat mencatat "
            f"data yang diekspor. {exc.message_id}",
            "The export was cancelled and no package was made: the database cannot record what "
            f"was exported. {exc.message_en}",
            kind=exc.kind,
        ) from exc
    if progress is not None:
        progress(steps, steps)
    return ExportResult(
        path,
        dict(counts),
        key.fingerprint(),
        fingerprint_of(recipient) if recipient is not None else None,
        recipient is None and province_mode(db),
    )


def _letter_files(paths: AppPaths, records: list[dict[str, Any]]) -> list[tuple[str, bytes]]:
    """The kept copy of each letter whose bytes are still those the register issued."""
    files = []
    for record in records:
        digest = record.get("pdf_sha256")
        if not digest:
            continue
        try:
            data = archive_path(paths, record["verification_code"]).read_bytes()
        except OSError:
            continue  # issued before copies were kept, or on another laptop
        if hashlib.sha256(data).hexdigest() == digest:
            files.append((f"media/{digest}.pdf", data))
    return files


def _mark_exchanged(session: Session, until: datetime) -> None:
    """What an export took has been exchanged: the next edit of each record is based on the
    revision exported (every record saved up to `until` is in this package or an earlier one)."""
    for _, model in TABLES:
        target = table_io(model).table
        if "exchanged" in target.c:
            session.execute(
                update(target)
                .where(target.c.exchanged.is_(False), target.c.updated_at <= until)
                .values(exchanged=True)
            )


def _trust(
    db: Database, manifest: Any, trust_new: bool, *, persist: bool = True
) -> tuple[Rejection, str] | None:
    """None when the device may be imported from, else why not. With `trust_new` a new device
    is trusted: recorded as such, unless `persist` is off (a preview of its import)."""
    device_id = uuid.UUID(manifest.device_id)
    with db.session() as session:
        device = session.get(Device, device_id)
        if device is not None and device.is_local:
            # This laptop's id is in every setup package and on every record made here: a
            # package bearing it was made elsewhere by someone copying it.
            return Rejection.OWN_DEVICE, (
                f"Paket ini membawa tanda perangkat laptop ini sendiri ({manifest.device_id}). "
                "Laptop tidak mengimpor paket bertanda dirinya, karena tanda itu dapat disalin "
                "dari paket lain. Paket ditolak."
            )
        if device is not None and device.public_key and device.public_key != manifest.public_key:
            return Rejection.KEY_CHANGED, (
                f"PERINGATAN: perangkat {manifest.device_name} ({manifest.device_id}) datang "
                "dengan kunci lain dari yang dikenal. Paket ditolak; hubungi petugasnya."
            )
        if device is None or not device.trusted:
            if not trust_new:
                return Rejection.UNTRUSTED_DEVICE, (
                    f"Perangkat baru: {manifest.device_name}, petugas {manifest.officer_name}, "
                    f"sidik kunci {fingerprint_of(manifest.public_key)}. Percayai dulu "
                    "(--trust-new) sebelum mengimpor."
                )
            if not persist:
                return None
            if device is None:
                session.add(
                    Device(
                        id=device_id,
                        name=manifest.device_name,
                        public_key=manifest.public_key,
                        fingerprint=fingerprint_of(manifest.public_key),
                        trusted=True,
                    )
                )
            else:
                device.trusted, device.public_key = True, manifest.public_key
    return None


def import_package(
    db: Database, paths: AppPaths, file: Path, *, trust_new: bool = False, dry_run: bool = False
) -> FileResult:
    """Check, then apply one package in one transaction (rolled back for a dry run). A package
    sealed to this laptop's exchange key is opened first; one sealed to another is refused."""
    try:
        package, sealed_to = open_package(paths, file)
    except PackageError as exc:
        return FileResult(file.name, "rejected", str(exc), rejection=package_rejection(exc))
    except OSError as exc:
        return FileResult(
            file.name,
            "rejected",
            str(file_error(exc)),
            rejection=Rejection.UNREADABLE,
        )
    manifest = package.manifest

    def rejected(rejection: Rejection, reason: str) -> FileResult:
        return FileResult(
            file.name,
            "rejected",
            reason,
            device=manifest.device_name,
            fingerprint=package.fingerprint,
            rejection=rejection,
            officer=manifest.officer_name,
            sealed_to=sealed_to,
        )

    try:
        tables = {
            name: decode_records(package.members[f"records/{name}.jsonl"], f"records/{name}.jsonl")
            for name, _ in TABLES
            if f"records/{name}.jsonl" in package.members
        }
    except PackageError as exc:
        return rejected(package_rejection(exc), str(exc))

    def attempt() -> FileResult:
        refusal = _trust(db, manifest, trust_new, persist=not dry_run)
        if refusal:
            return rejected(*refusal)
        result = _apply(db, paths, file, package, tables, dry_run=dry_run)
        result.officer = manifest.officer_name
        result.sealed_to = sealed_to
        return result

    try:
        return retrying(attempt)
    except (SQLAlchemyError, StorageError) as exc:  # still colliding after every retry
        if isinstance(exc, StorageError) and not exc.transient:
            raise  # the database refuses (read-only, full, damaged): no fault of the package
        why, _ = database_refusal(exc)
        if isinstance(exc, IntegrityError):  # a duplicate that no retry resolved: the package's
            return rejected(
                Rejection.INVALID_RECORDS,
                f"Isi paket tidak sah dan tidak diimpor sama sekali ({why}).",
            )
        return rejected(
            Rejection.NOT_APPLIED,
            f"Paket tidak dapat diterapkan dan tidak diimpor sama sekali ({why}). "
            "Coba impor lagi nanti.",
        )


def _apply(
    db: Database,
    paths: AppPaths,
    file: Path,
    package: Package,
    tables: dict[str, list[dict[str, Any]]],
    *,
    dry_run: bool,
) -> FileResult:
    """Merge the package's records in one transaction, and log the import. Imports running at
    once on PostgreSQL lock the rows they change (services.sync.apply); a collision is raised as a
    transient failure for `retrying`."""
    manifest = package.manifest
    media = {
        path[len("media/") :].split(".")[0]: data
        for path, data in package.members.items()
        if path.startswith("media/")
    }
    with db.raw_session() as session:
        try:
            counts = apply_records(
                session,
                paths,
                tables,
                media,
                uuid.UUID(manifest.package_id),
                source_device=uuid.UUID(manifest.device_id),
            )
        except (SQLAlchemyError, ValueError, KeyError, TypeError) as exc:
            session.rollback()
            if transient(exc) or storage_error(exc) is not None:
                raise  # retried, or the database's trouble rather than the package's
            return FileResult(
                file.name,
                "rejected",
                f"Isi paket tidak sah dan tidak diimpor sama sekali ({database_refusal(exc)[0]}).",
                device=manifest.device_name,
                fingerprint=package.fingerprint,
                rejection=Rejection.INVALID_RECORDS,
            )
        status = _outcome(counts)
        notes, notes_en = placed_notes(counts.placed)
        if dry_run:
            session.rollback()
        else:
            session.add(
                ImportLogEntry(
                    package_id=uuid.UUID(manifest.package_id),
                    file_name=file.name,
                    file_sha256=package.sha256,
                    source_device_id=uuid.UUID(manifest.device_id),
                    officer_name=manifest.officer_name,
                    outcome=status,
                    counts=counts.as_dict(),
                    message="; ".join(counts.rejected + notes) or None,
                )
            )
            session.commit()
    refused = status == "rejected"
    return FileResult(
        file.name,
        status,
        _refusal_reason(counts) if refused else None,
        counts.as_dict(),
        counts.rejected,
        manifest.device_name,
        package.fingerprint,
        rejection=Rejection.RECORDS_REFUSED if refused else None,
        rejected_records_en=counts.refusals.lines(english=True),
        notes=notes,
        notes_en=notes_en,
    )


def _outcome(counts: ApplyCounts) -> str:
    """What became of a package whose records were merged: refused when every record was,
    partial when some were, else imported or unchanged."""
    if counts.refusals:
        accepted = counts.new + counts.updated + counts.unchanged + counts.conflicts
        return "partial" if accepted else "rejected"
    return "imported" if counts.changed else "unchanged"


def _refusal_reason(counts: ApplyCounts) -> str:
    return "Semua rekaman paket ditolak dan tidak ada yang diimpor: " + " ".join(counts.rejected)


def import_packages(
    db: Database,
    paths: AppPaths,
    files: list[Path],
    *,
    trust_new: bool = False,
    dry_run: bool = False,
) -> list[FileResult]:
    results = [import_package(db, paths, f, trust_new=trust_new, dry_run=dry_run) for f in files]
    if not dry_run and any(result.changed for result in results):
        refresh_statistics(db)
    return results


def canonical_dump(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every travelling record without local-only details, for comparing two databases."""
    dump: dict[str, list[dict[str, Any]]] = {}
    with db.session() as session:
        for table, model in TABLES:
            dump[table] = sorted(all_records(session, model), key=lambda r: r["id"])
    return dump
