"""The setup package, from the province to its officers: region list, rubric versions and the
one in force, letterhead, signatories, number template, and the province's public keys.

Importing it configures an officer's application; the province's signing key is remembered, so
that a later setup package signed by another key is refused, and so is its exchange key (the
X25519 key the officer's exports are then encrypted to), which no later package may change.
The setup package itself is signed, not encrypted: every officer must be able to read it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select

from ovop_desktop.db.models import Region, RubricVersion
from ovop_desktop.db.revision import HEAD_REVISION
from ovop_desktop.exchange.keys import (
    fingerprint_of,
    is_public_key,
    load_or_create_exchange_key,
    load_or_create_key,
)
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import PackageError
from ovop_desktop.exchange.package_write import write_package
from ovop_desktop.exchange.sealed import is_sealed
from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, StorageError
from ovop_desktop.services.letters.letter_settings import (
    LETTER_PLACE,
    LETTERHEAD,
    NUMBER_TEMPLATE,
    SIGNATORIES,
)
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_rubric, rubric_in_force, set_rubric_in_force
from ovop_desktop.services.settings.app_settings import (
    PROVINCE_KEY,
    RUBRIC_IN_FORCE,
    get_setting,
    set_setting,
)
from ovop_desktop.services.settings.officers import device_name, local_device_id
from ovop_desktop.services.sync.sealing import PROVINCE_EXCHANGE_KEY

if TYPE_CHECKING:
    from ovop_desktop.core.boundaries import Outline

SETTINGS_MEMBER = "records/settings.json"
REGIONS_MEMBER = "records/regions.csv"
BOUNDARY_PREFIX = "records/batas-"
BOUNDARY_SUFFIX = ".geojson.gz"
"""`records/batas-<level>.geojson.gz`: the outlines the province imported, per level."""
LOGO_FOLDER = "kop-surat"
EXCHANGE_KEY_FIELD = "exchange_public_key"
"""In the settings member: the province's X25519 public key (base64), covered by the signature."""


@dataclass(frozen=True)
class SetupResult:
    regions_added: int
    regions_renamed: int
    rubrics: tuple[str, ...]
    fingerprint: str
    exchange_fingerprint: str | None = None
    """Of the province key this laptop's exports are now encrypted to (None: the package
    carried none, from a province on an older version)."""
    boundaries: int = 0
    """Region outlines the package brought and this laptop now uses (0: none in the package)."""


def export_setup(db: Database, paths: AppPaths, target: Path) -> Path:
    """Everything an officer's laptop needs from the province, signed by the province's key.

    `target` is a folder, or a file name ending in .ovop (an existing file is never replaced:
    the package then gets a free name beside it)."""
    folder, file_name = (
        (target.parent, target.name)
        if target.suffix == ".ovop"
        else (target, "ovop-pengaturan-provinsi")
    )
    key = load_or_create_key(paths.data_dir)
    with db.session() as session:
        regions = session.execute(select(Region.code, Region.name).order_by(Region.code)).all()
        rubrics = session.execute(
            select(RubricVersion.rubric_id, RubricVersion.version, RubricVersion.definition)
        ).all()
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["kode", "nama"])
    writer.writerows(regions)
    in_force = rubric_in_force(db)
    settings = {
        name: get_setting(db, name)
        for name in (LETTERHEAD, SIGNATORIES, NUMBER_TEMPLATE, LETTER_PLACE)
    }
    settings[RUBRIC_IN_FORCE] = {"rubric_id": in_force.id, "version": in_force.version}
    settings[EXCHANGE_KEY_FIELD] = load_or_create_exchange_key(paths.data_dir).public_b64()
    members = [(REGIONS_MEMBER, table.getvalue().encode("utf-8"))]
    boundaries = _boundary_members(paths)
    members += boundaries
    logo = _logo_member(settings.get(LETTERHEAD))
    if logo is not None:
        members.append(logo)
        settings[LETTERHEAD] = {**settings[LETTERHEAD], "logo_path": logo[0]}
    members += [
        (SETTINGS_MEMBER, json.dumps(settings, ensure_ascii=False).encode("utf-8")),
    ]
    members += [
        (f"records/rubric-{rid}-v{version}.toml", text.encode("utf-8"))
        for rid, version, text in rubrics
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"Folder {folder} tidak dapat dibuat: {exc}", f"Folder {folder} cannot be made: {exc}"
        ) from exc
    return write_package(
        folder,
        file_name,
        {
            "kind": "setup",
            "device_id": str(local_device_id(db)),
            "device_name": device_name(db),
            "officer_name": "",
            "schema_revision": HEAD_REVISION,
            "watermark_from": None,
            "watermark_to": None,
            "counts": {
                "regions": len(regions),
                "rubrics": len(rubrics),
                "boundary_levels": len(boundaries),
            },
        },
        members,
        key,
    )


def import_setup(db: Database, paths: AppPaths, file: Path) -> SetupResult:
    """Configure this laptop from a setup package (refused when signed by another province key,
    or when it brings another exchange key than the one this laptop already seals to)."""
    try:
        sealed = is_sealed(file)
    except OSError:
        sealed = False  # read_package names the trouble
    package = None if sealed else read_package(file)
    if package is None or package.manifest.kind != "setup":
        raise InvalidInputError(
            "Berkas ini paket data survei, bukan paket pengaturan provinsi.",
            "This file is a survey data package, not a setup package.",
        )
    manifest = package.manifest
    known = get_setting(db, PROVINCE_KEY)
    if known and known != manifest.public_key:
        raise PackageError(
            "PERINGATAN: paket pengaturan ini ditandatangani kunci lain dari kunci provinsi yang "
            "dikenal laptop ini. Paket ditolak.",
            "WARNING: this setup package is signed by another key than the province key this "
            "laptop knows. The package is refused.",
            code="province_key",
        )
    missing = [name for name in (REGIONS_MEMBER, SETTINGS_MEMBER) if name not in package.members]
    if missing:
        raise InvalidInputError(
            f"Paket pengaturan tidak lengkap: {', '.join(missing)} tidak ada.",
            f"The setup package is incomplete: {', '.join(missing)} is missing.",
        )
    try:
        settings = json.loads(package.members[SETTINGS_MEMBER].decode("utf-8"))
    except ValueError as exc:
        raise InvalidInputError(
            "Pengaturan di dalam paket tidak dapat dibaca.",
            "The settings inside the package cannot be read.",
        ) from exc
    exchange_key = _exchange_key(db, settings)
    outlines = _checked_outlines(db, package.members)
    regions = import_regions(db, package.members[REGIONS_MEMBER])
    installed = []
    for path, data in sorted(package.members.items()):
        if path.startswith("records/rubric-"):
            rubric = install_rubric(db, data.decode("utf-8"))
            installed.append(f"{rubric.name} v{rubric.version}")
    head = settings.get(LETTERHEAD)
    if isinstance(head, dict) and head.get("logo_path") in package.members:
        member = head["logo_path"]
        logo = paths.data_dir / LOGO_FOLDER / Path(member).name
        try:
            logo.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(logo, package.members[member])
        except OSError as exc:
            raise StorageError(
                f"Logo kop surat tidak dapat disimpan di {logo}: {exc}",
                f"The letterhead logo cannot be saved at {logo}: {exc}",
            ) from exc
        settings[LETTERHEAD] = {**head, "logo_path": str(logo)}
    for name in (LETTERHEAD, SIGNATORIES, NUMBER_TEMPLATE, LETTER_PLACE):
        if settings.get(name) is not None:
            set_setting(db, name, settings[name])
    chosen = settings.get(RUBRIC_IN_FORCE)
    if chosen:
        set_rubric_in_force(db, chosen["rubric_id"], int(chosen["version"]))
    if outlines:
        from ovop_desktop.services.boundaries import store_boundaries

        store_boundaries(paths, outlines)
    set_setting(db, PROVINCE_KEY, manifest.public_key)
    if exchange_key is not None:
        set_setting(db, PROVINCE_EXCHANGE_KEY, exchange_key)
    return SetupResult(
        regions.added,
        len(regions.renamed),
        tuple(installed),
        package.fingerprint,
        fingerprint_of(exchange_key) if exchange_key is not None else None,
        len(outlines),
    )


def _boundary_members(paths: AppPaths) -> list[tuple[str, bytes]]:
    """The outlines the province imported (never the built-in ones, which every laptop has)."""
    from ovop_desktop.services.boundaries import stored_boundaries

    return [
        (f"{BOUNDARY_PREFIX}{level}{BOUNDARY_SUFFIX}", data)
        for level, data in stored_boundaries(paths).items()
    ]


def _checked_outlines(db: Database, members: Mapping[str, bytes]) -> list[Outline]:
    """Every outline member checked as `ovop regions import-boundaries` checks a file, against
    the region list this laptop has plus the one the package brings, before anything is
    applied: a bad member refuses the whole package with its reason."""
    names = sorted(
        name
        for name in members
        if name.startswith(BOUNDARY_PREFIX) and name.endswith(BOUNDARY_SUFFIX)
    )
    if not names:
        return []
    from ovop_desktop.core.boundaries import BoundaryError, read_boundaries
    from ovop_desktop.services.boundaries import known_region_codes

    known = known_region_codes(db)
    text = members[REGIONS_MEMBER].decode("utf-8-sig", errors="replace")
    known.update(row[0].strip() for row in csv.reader(io.StringIO(text)) if row)
    outlines: list[Outline] = []
    for name in names:
        try:
            outlines += read_boundaries(io.BytesIO(members[name]), known)
        except BoundaryError as error:
            raise InvalidInputError(
                f"Batas wilayah di dalam paket pengaturan ({name}) ditolak; paket tidak "
                f"diterapkan. {error.message_id}",
                f"The region outlines inside the setup package ({name}) are refused; the "
                f"package is not applied. {error.message_en}",
            ) from error
    return outlines


def _exchange_key(db: Database, settings: object) -> str | None:
    """The province's exchange key the settings carry (None for a package from an older
    version), checked before anything is applied: a malformed key, or another key than the
    one this laptop already encrypts to, refuses the whole package."""
    value = settings.get(EXCHANGE_KEY_FIELD) if isinstance(settings, dict) else None
    if value is None:
        return None
    if not isinstance(value, str) or not is_public_key(value):
        raise InvalidInputError(
            "Kunci enkripsi provinsi di dalam paket pengaturan tidak sah.",
            "The province encryption key inside the setup package is not valid.",
        )
    known = get_setting(db, PROVINCE_EXCHANGE_KEY)
    if known and known != value:
        raise PackageError(
            "PERINGATAN: paket pengaturan ini membawa kunci enkripsi provinsi yang lain dari "
            f"kunci yang dikenal laptop ini (sidik {fingerprint_of(known)}). Paket ditolak; "
            "hubungi dinas provinsi.",
            "WARNING: this setup package brings another province encryption key than the one "
            f"this laptop knows (fingerprint {fingerprint_of(known)}). The package is refused; "
            "contact the province office.",
            code="province_exchange_key",
        )
    return value


def _logo_member(head: object) -> tuple[str, bytes] | None:
    """The letterhead logo as a media member named by its hash, if its file is there."""
    if not isinstance(head, dict) or not head.get("logo_path"):
        return None
    path = Path(head["logo_path"])
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return f"media/{hashlib.sha256(data).hexdigest()}{path.suffix.lower()}", data
