"""Writing an exchange package: members hashed, manifest signed, zip written atomically."""

from __future__ import annotations

import hashlib
import os
import stat
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from ovop_desktop import __version__
from ovop_desktop.core.formatting import format_bytes_en, format_bytes_id
from ovop_desktop.exchange.keys import DeviceKey
from ovop_desktop.exchange.manifest import FORMAT_NAME, FORMAT_VERSION, Manifest, MemberEntry
from ovop_desktop.exchange.package import PACKAGE_SUFFIX, PART_SUFFIX
from ovop_desktop.exchange.package_format import (
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    Limits,
    PackageError,
    duplicate,
    layout_problem,
    media_name_matches,
    media_name_mismatch,
    member_too_large,
    show,
    too_many_members,
    total_too_large,
)
from ovop_desktop.files import atomic_open

# ---------------------------------------------------------------------------------------------
# Writing


def write_package(
    folder: Path,
    file_name: str,
    manifest_fields: Mapping[str, object],
    members: Sequence[tuple[str, bytes]],
    key: DeviceKey,
    *,
    limits: Limits = DEFAULT_LIMITS,
    mode: int | None = None,
) -> Path:
    """Write a signed package into ``folder`` and return its path.

    ``manifest_fields`` holds every manifest field but ``members``; ``format``, ``version``,
    ``public_key`` (of ``key``), ``app_version``, ``package_id`` (a new UUID) and ``created_at``
    (now) are filled in when absent. The zip is written to ``<name>.part``, synced, then renamed;
    an existing file is never overwritten (`` (2)``, `` (3)``… go before the suffix).

    ``mode`` sets the file's permission bits; by default the package gets the mode any file the
    user saves there gets. Packages go to a folder the user chose: a USB stick (FAT and exFAT
    have no modes at all) or a folder they share on purpose, and a colleague or the province's
    laptop must be able to read them there, so the folder's owner decides who may read them
    (and encryption to the province protects their content). A caller that writes a package
    into the application's own data folder passes ``paths.PRIVATE_FILE_MODE`` (0600), as
    everything else in that folder is the user's alone.
    """
    name = _package_file_name(file_name)
    entries = _entries_for(members, limits)
    manifest = _manifest_for(manifest_fields, entries, key)
    manifest_bytes = manifest.to_json()
    if len(manifest_bytes) > limits.max_manifest_bytes:
        raise PackageError(
            f"Daftar isi paket terlalu besar ({format_bytes_id(len(manifest_bytes))}); "
            "bagi ekspor menjadi beberapa paket.",
            f"The package table of contents is too large ({format_bytes_en(len(manifest_bytes))}); "
            "split the export into several packages.",
            code="manifest_too_large",
        )
    signature = key.sign(manifest_bytes)
    date_time = _zip_date_time(manifest.created_at)
    part = folder / (name + PART_SUFFIX)
    try:
        final = free_path(folder, name)
        with atomic_open(final, mode=mode, partial=part) as handle:
            stored: set[str] = set()
            for _attempt in range(2):
                handle.seek(0)
                handle.truncate()
                infos = _write_zip(handle, manifest_bytes, signature, members, stored, date_time)
                # A member that deflates beyond the readers' ratio limit is stored
                # uncompressed, so that no reader mistakes an honest package for a zip bomb.
                too_dense = {
                    info.filename
                    for info in infos
                    if info.filename not in RESERVED_NAMES
                    and info.file_size > limits.max_ratio * info.compress_size
                }
                if not too_dense - stored:
                    break
                stored |= too_dense
    except BaseException as error:
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise PackageError(
                f"Paket tidak dapat ditulis ke {folder}: {reason}. Periksa flashdisk atau ruang "
                "kosongnya, lalu ulangi; tidak ada paket setengah jadi yang tertinggal.",
                f"The package cannot be written to {folder}: {reason}. Check the USB stick or "
                "its free space, then try again; no half-written package was left behind.",
                code="write_failed",
            ) from error
        raise
    return final


def _package_file_name(file_name: str) -> str:
    if (
        not file_name
        or file_name in (".", "..")
        or any(sep in file_name for sep in ("/", "\\", os.sep))
        or any(not char.isprintable() for char in file_name)
        or file_name.startswith(".")
    ):
        raise PackageError(
            f"Nama berkas paket '{show(file_name)}' tidak dapat dipakai.",
            f"The package file name '{show(file_name)}' cannot be used.",
            code="bad_file_name",
        )
    return file_name if file_name.endswith(PACKAGE_SUFFIX) else file_name + PACKAGE_SUFFIX


def _entries_for(members: Sequence[tuple[str, bytes]], limits: Limits) -> list[MemberEntry]:
    if len(members) > limits.max_members:
        raise too_many_members(len(members), limits)
    entries: list[MemberEntry] = []
    seen: set[str] = set()
    total = 0
    for path, data in members:
        problem = layout_problem(path)
        if problem is not None:
            raise problem
        if path in seen:
            raise duplicate(path)
        seen.add(path)
        if len(data) > limits.max_member_bytes:
            raise member_too_large(path, len(data), limits)
        total += len(data)
        if total > limits.max_total_bytes:
            raise total_too_large(total, limits)
        digest = hashlib.sha256(data).hexdigest()
        if not media_name_matches(path, digest):
            raise media_name_mismatch(path)
        entries.append(MemberEntry(path, len(data), digest))
    return entries


def _manifest_for(
    manifest_fields: Mapping[str, object], entries: Sequence[MemberEntry], key: DeviceKey
) -> Manifest:
    if "members" in manifest_fields:
        raise ValueError("manifest_fields must not contain 'members': they come from members")
    public_key = key.public_b64()
    if manifest_fields.get("public_key", public_key) != public_key:
        raise ValueError("manifest_fields['public_key'] is not the public key of the signing key")
    data: dict[str, object] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "package_id": str(uuid.uuid4()),
        "public_key": public_key,
        "app_version": __version__,
        "created_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
    }
    data.update(manifest_fields)
    data["members"] = [{"path": e.path, "size": e.size, "sha256": e.sha256} for e in entries]
    if data["version"] != FORMAT_VERSION:
        raise ValueError(f"this app writes format version {FORMAT_VERSION} only")
    return Manifest.from_dict(data)


def _write_zip(
    handle: IO[bytes],
    manifest_bytes: bytes,
    signature: bytes,
    members: Sequence[tuple[str, bytes]],
    stored: set[str],
    date_time: tuple[int, int, int, int, int, int],
) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        archive.writestr(_zip_info(MANIFEST_NAME, date_time), manifest_bytes)
        archive.writestr(_zip_info(SIGNATURE_NAME, date_time), signature, zipfile.ZIP_STORED)
        for path, data in members:
            method = zipfile.ZIP_STORED if path in stored else zipfile.ZIP_DEFLATED
            archive.writestr(_zip_info(path, date_time), data, method)
        return archive.infolist()


def _zip_info(name: str, date_time: tuple[int, int, int, int, int, int]) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    return info


def _zip_date_time(created_at: str) -> tuple[int, int, int, int, int, int]:
    moment = datetime.fromisoformat(created_at).astimezone(UTC)
    if moment.year < 1980:
        return (1980, 1, 1, 0, 0, 0)
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)


def free_path(folder: Path, name: str) -> Path:
    """`folder/name`, or the first free `name (2).ovop`, `name (3).ovop`… beside it."""
    stem = name[: -len(PACKAGE_SUFFIX)]
    candidate = folder / name
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem} ({number}){PACKAGE_SUFFIX}"
        number += 1
    return candidate
