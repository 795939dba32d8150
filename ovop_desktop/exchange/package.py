"""The exchange package (``*.ovop``): write it atomically, read it as if it were hostile.

A package is a zip archive holding ``manifest.json`` (what the package is and, for every other
member, its path, size and SHA-256), ``manifest.sig`` (the raw Ed25519 signature of the exact
manifest bytes by the device key), JSON-lines record files under ``records/`` and media files under
``media/`` named by the SHA-256 of their content. docs/exchange-format.md describes it in full.

`read_package` returns nothing unless every check passed: the zip structure, every member name,
the manifest, the signature, the listing, the sizes, the compression ratios and every hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Final, TypeGuard

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.exchange.keys import (
    SIGNATURE_BYTES,
    DeviceKey,
    fingerprint_of,
    is_public_key,
    sync_folder,
    verify_signature,
)

FORMAT_NAME: Final = "ovop-exchange"
FORMAT_VERSION: Final = 1
# Format version -> the first OVOP Desktop version that reads it (named in the refusal message).
READERS: Final[Mapping[int, str]] = MappingProxyType({1: "0.1"})

PACKAGE_SUFFIX: Final = ".ovop"
PART_SUFFIX: Final = ".part"
MANIFEST_NAME: Final = "manifest.json"
SIGNATURE_NAME: Final = "manifest.sig"
RESERVED_NAMES: Final = frozenset({MANIFEST_NAME, SIGNATURE_NAME})
MEMBER_FOLDERS: Final = ("records/", "media/")
KINDS: Final = ("survey-export", "setup")

KIB: Final = 1024
MIB: Final = 1024 * KIB
GIB: Final = 1024 * MIB
_CHUNK: Final = 1 * MIB
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_DRIVE = re.compile(r"[A-Za-z]:")


@dataclass(frozen=True)
class Limits:
    """What a package may hold; anything beyond is refused before it is decompressed."""

    max_members: int = 100_000
    max_member_bytes: int = 64 * MIB
    max_total_bytes: int = 2 * GIB
    max_ratio: float = 200
    """Uncompressed/compressed, per member and overall, for members bigger than ratio_min_bytes."""
    ratio_min_bytes: int = 64 * KIB
    max_manifest_bytes: int = 16 * MIB


DEFAULT_LIMITS: Final = Limits()


class PackageError(DomainError):
    """A package that cannot be written or must not be read; ``code`` names the check."""

    def __init__(
        self, message_id: str, message_en: str, *, code: str, member: str | None = None
    ) -> None:
        super().__init__(message_id, message_en)
        self.code = code
        self.member = member


@dataclass(frozen=True)
class MemberEntry:
    """One member of the package as the manifest lists it."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """The signed description of a package. `from_json` accepts exactly these fields."""

    format: str
    version: int
    package_id: str
    kind: str
    device_id: str
    device_name: str
    officer_name: str
    public_key: str
    app_version: str
    schema_revision: str
    created_at: str
    watermark_from: str | None
    watermark_to: str | None
    counts: dict[str, int]
    members: tuple[MemberEntry, ...]

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["counts"] = dict(self.counts)
        data["members"] = [
            {"path": m.path, "size": m.size, "sha256": m.sha256} for m in self.members
        ]
        return data

    def to_json(self) -> bytes:
        """Compact UTF-8 JSON: these exact bytes are what the device key signs."""
        return json.dumps(
            self.to_dict(), ensure_ascii=False, separators=(",", ":"), allow_nan=False
        ).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes | str) -> Manifest:
        """Parse and validate; raises PackageError on anything but a well-formed manifest."""
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            parsed: object = json.loads(
                text, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant
            )
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise PackageError(
                f"Daftar isi paket ({MANIFEST_NAME}) bukan JSON yang sah: {error}.",
                f"The package table of contents ({MANIFEST_NAME}) is not valid JSON: {error}.",
                code="manifest_json",
                member=MANIFEST_NAME,
            ) from error
        if not isinstance(parsed, dict):
            raise _bad_manifest("isinya bukan objek JSON", "it is not a JSON object")
        return cls.from_dict(parsed)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Manifest:
        """Validate the JSON shape of a manifest (members as a list of objects)."""
        found_format = data.get("format")
        if found_format != FORMAT_NAME:
            shown = _show(str(found_format)) if found_format is not None else "tidak ada"
            shown_en = _show(str(found_format)) if found_format is not None else "missing"
            raise PackageError(
                f"Berkas ini bukan paket pertukaran OVOP (format '{shown}', "
                f"seharusnya '{FORMAT_NAME}').",
                f"This file is not an OVOP exchange package (format '{shown_en}', "
                f"expected '{FORMAT_NAME}').",
                code="wrong_format",
            )
        version = data.get("version")
        if not _is_int(version) or version < 1:
            raise _bad_manifest("versi format tidak sah", "the format version is not valid")
        if version > FORMAT_VERSION:
            raise future_version_error(version, data.get("app_version"))
        expected = [f.name for f in fields(cls)]
        missing = [name for name in expected if name not in data]
        unknown = sorted(name for name in data if name not in expected)
        if missing:
            raise _bad_manifest(
                f"kolom '{missing[0]}' tidak ada", f"the field '{missing[0]}' is missing"
            )
        if unknown:
            shown = _show(unknown[0])
            raise _bad_manifest(f"kolom '{shown}' tidak dikenal", f"unknown field '{shown}'")
        kind = _text(data, "kind")
        if kind not in KINDS:
            raise _bad_manifest(
                f"jenis paket '{_show(kind)}' tidak dikenal", f"unknown package kind '{kind}'"
            )
        package_id = _text(data, "package_id")
        if not _is_canonical_uuid(package_id):
            raise _bad_manifest("package_id bukan UUID", "package_id is not a UUID")
        public_key = _text(data, "public_key")
        if not is_public_key(public_key):
            raise _bad_manifest(
                "kunci publik bukan kunci Ed25519 dalam base64",
                "public_key is not an Ed25519 key in base64",
            )
        created_at = _text(data, "created_at")
        if not _is_utc_timestamp(created_at):
            raise _bad_manifest(
                "created_at bukan waktu ISO 8601 dalam UTC",
                "created_at is not an ISO 8601 time in UTC",
            )
        device_id = _text(data, "device_id")
        if not device_id:
            raise _bad_manifest("device_id kosong", "device_id is empty")
        return cls(
            format=FORMAT_NAME,
            version=version,
            package_id=package_id,
            kind=kind,
            device_id=device_id,
            device_name=_text(data, "device_name"),
            officer_name=_text(data, "officer_name"),
            public_key=public_key,
            app_version=_text(data, "app_version"),
            schema_revision=_text(data, "schema_revision"),
            created_at=created_at,
            watermark_from=_optional_text(data, "watermark_from"),
            watermark_to=_optional_text(data, "watermark_to"),
            counts=_counts(data.get("counts")),
            members=_member_entries(data.get("members")),
        )


@dataclass(frozen=True)
class Package:
    """A package that passed every check: its manifest and the bytes of every listed member."""

    manifest: Manifest
    members: dict[str, bytes]
    sha256: str
    """Of the whole package file: the same file imported twice has the same one."""
    size: int

    @property
    def fingerprint(self) -> str:
        """The fingerprint of the key that signed the package, to compare with a known device."""
        return fingerprint_of(self.manifest.public_key)


def future_version_error(version: int, app_version: object = None) -> PackageError:
    """The refusal of a package made in a format newer than this app reads."""
    reader = READERS.get(version)
    made_by_id = made_by_en = ""
    if isinstance(app_version, str) and app_version:
        made_by_id = f" oleh OVOP Desktop {_show(app_version)}"
        made_by_en = f" by OVOP Desktop {_show(app_version)}"
    if reader is not None:
        target_id, target_en = f"versi {reader} atau yang lebih baru", f"version {reader} or later"
    else:
        target_id, target_en = "versi aplikasi yang lebih baru", "a newer version of the app"
    return PackageError(
        f"Paket ini dibuat{made_by_id} dengan format versi {version}; perbarui OVOP Desktop ke "
        f"{target_id} yang dapat membacanya (format {version}). Versi ini membaca format "
        f"sampai {FORMAT_VERSION}.",
        f"This package was made{made_by_en} in format version {version}; update OVOP Desktop "
        f"to {target_en} that can read it (format {version}). This version reads formats up "
        f"to {FORMAT_VERSION}.",
        code="future_version",
    )


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
) -> Path:
    """Write a signed package into ``folder`` and return its path.

    ``manifest_fields`` holds every manifest field but ``members``; ``format``, ``version``,
    ``public_key`` (of ``key``), ``app_version``, ``package_id`` (a new UUID) and ``created_at``
    (now) are filled in when absent. The zip is written to ``<name>.part``, synced, then renamed;
    an existing file is never overwritten (`` (2)``, `` (3)``… go before the suffix).
    """
    name = _package_file_name(file_name)
    entries = _entries_for(members, limits)
    manifest = _manifest_for(manifest_fields, entries, key)
    manifest_bytes = manifest.to_json()
    if len(manifest_bytes) > limits.max_manifest_bytes:
        raise PackageError(
            f"Daftar isi paket terlalu besar ({_bytes_id(len(manifest_bytes))}); "
            "bagi ekspor menjadi beberapa paket.",
            f"The package table of contents is too large ({_bytes_en(len(manifest_bytes))}); "
            "split the export into several packages.",
            code="manifest_too_large",
        )
    signature = key.sign(manifest_bytes)
    date_time = _zip_date_time(manifest.created_at)
    part = folder / (name + PART_SUFFIX)
    try:
        stored: set[str] = set()
        for _attempt in range(2):
            infos = _write_zip(part, manifest_bytes, signature, members, stored, date_time)
            # A member that deflates beyond the readers' ratio limit is stored uncompressed,
            # so that no reader mistakes an honest package for a zip bomb.
            too_dense = {
                info.filename
                for info in infos
                if info.filename not in RESERVED_NAMES
                and info.file_size > limits.max_ratio * info.compress_size
            }
            if not too_dense - stored:
                break
            stored |= too_dense
        final = _free_path(folder, name)
        os.replace(part, final)
    except BaseException as error:
        with contextlib.suppress(OSError):
            part.unlink()
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
    sync_folder(folder)
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
            f"Nama berkas paket '{_show(file_name)}' tidak dapat dipakai.",
            f"The package file name '{_show(file_name)}' cannot be used.",
            code="bad_file_name",
        )
    return file_name if file_name.endswith(PACKAGE_SUFFIX) else file_name + PACKAGE_SUFFIX


def _entries_for(members: Sequence[tuple[str, bytes]], limits: Limits) -> list[MemberEntry]:
    if len(members) > limits.max_members:
        raise _too_many_members(len(members), limits)
    entries: list[MemberEntry] = []
    seen: set[str] = set()
    total = 0
    for path, data in members:
        problem = _layout_problem(path)
        if problem is not None:
            raise problem
        if path in seen:
            raise _duplicate(path)
        seen.add(path)
        if len(data) > limits.max_member_bytes:
            raise _member_too_large(path, len(data), limits)
        total += len(data)
        if total > limits.max_total_bytes:
            raise _total_too_large(total, limits)
        digest = hashlib.sha256(data).hexdigest()
        if not _media_name_matches(path, digest):
            raise _media_name_mismatch(path)
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
    part: Path,
    manifest_bytes: bytes,
    signature: bytes,
    members: Sequence[tuple[str, bytes]],
    stored: set[str],
    date_time: tuple[int, int, int, int, int, int],
) -> list[zipfile.ZipInfo]:
    with part.open("wb") as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.writestr(_zip_info(MANIFEST_NAME, date_time), manifest_bytes)
            archive.writestr(_zip_info(SIGNATURE_NAME, date_time), signature, zipfile.ZIP_STORED)
            for path, data in members:
                method = zipfile.ZIP_STORED if path in stored else zipfile.ZIP_DEFLATED
                archive.writestr(_zip_info(path, date_time), data, method)
            infos = archive.infolist()
        handle.flush()
        os.fsync(handle.fileno())
    return infos


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


def _free_path(folder: Path, name: str) -> Path:
    stem = name[: -len(PACKAGE_SUFFIX)]
    candidate = folder / name
    number = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = folder / f"{stem} ({number}){PACKAGE_SUFFIX}"
        number += 1
    return candidate


# ---------------------------------------------------------------------------------------------
# Reading


def read_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> Package:
    """Read and verify a package; raises PackageError naming the first problem found."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise _unreadable(path, error) from error
    with handle:
        try:
            sha256, size = _hash_file(handle)
            handle.seek(0)
            head = handle.read(4)
            handle.seek(0)
        except OSError as error:
            raise _unreadable(path, error) from error
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as error:
            if head.startswith(b"PK"):
                raise PackageError(
                    f"Paket {path.name} terpotong atau rusak (bagian akhir arsipnya hilang). "
                    "Salin ulang dari perangkat asal.",
                    f"The package {path.name} is truncated or damaged (the end of the archive "
                    "is missing). Copy it again from the original device.",
                    code="truncated",
                ) from error
            raise PackageError(
                f"Berkas {path.name} bukan paket OVOP: isinya bukan arsip zip.",
                f"{path.name} is not an OVOP package: it is not a zip archive.",
                code="not_zip",
            ) from error
        with archive:
            files = _check_entries(archive.infolist(), limits)
            manifest_bytes = _read_manifest(archive, files, limits)
            manifest = Manifest.from_json(manifest_bytes)
            _check_signature(archive, files, manifest, manifest_bytes)
            _check_listing(files, manifest)
            _check_sizes(files, manifest, limits)
            _check_ratios(files, manifest, limits)
            members = _read_members(archive, files, manifest)
    return Package(manifest=manifest, members=members, sha256=sha256, size=size)


def _hash_file(handle: BinaryIO) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Names, types, duplicates, encryption and methods of every entry; the files by name."""
    if len(infos) > limits.max_members + len(RESERVED_NAMES):
        raise _too_many_members(len(infos), limits)
    files: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        is_dir_name = name.endswith("/")
        for candidate in (info.orig_filename, name):
            problem = _path_problem(candidate[:-1] if is_dir_name else candidate)
            if problem is not None:
                raise problem
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise PackageError(
                f"Paket ditolak: '{_show(name)}' adalah tautan simbolik (symlink), "
                "bukan berkas biasa.",
                f"Package refused: '{_show(name)}' is a symbolic link, not a regular file.",
                code="symlink",
                member=name,
            )
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageError(
                f"Paket ditolak: '{_show(name)}' bukan berkas biasa (perangkat, pipa, atau "
                "jenis khusus lain).",
                f"Package refused: '{_show(name)}' is not a regular file (a device, a pipe or "
                "another special kind).",
                code="special_file",
                member=name,
            )
        if name in seen:
            raise _duplicate(name)
        seen.add(name)
        if info.flag_bits & 0x1:
            raise PackageError(
                f"Paket ditolak: berkas '{_show(name)}' terenkripsi.",
                f"Package refused: the member '{_show(name)}' is encrypted.",
                code="encrypted",
                member=name,
            )
        if is_dir_name or kind == stat.S_IFDIR:
            if info.file_size > 0 or info.compress_size > 2:  # 2: an empty deflate stream
                raise PackageError(
                    f"Paket ditolak: entri folder '{_show(name)}' berisi data.",
                    f"Package refused: the folder entry '{_show(name)}' holds data.",
                    code="directory_with_data",
                    member=name,
                )
            continue  # an empty folder entry (some zip tools add them) carries nothing
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageError(
                f"Paket ditolak: berkas '{_show(name)}' memakai metode kompresi yang tidak "
                f"didukung ({info.compress_type}).",
                f"Package refused: the member '{_show(name)}' uses an unsupported compression "
                f"method ({info.compress_type}).",
                code="compression_method",
                member=name,
            )
        files[name] = info
    return files


def _read_manifest(
    archive: zipfile.ZipFile, files: Mapping[str, zipfile.ZipInfo], limits: Limits
) -> bytes:
    info = files.get(MANIFEST_NAME)
    if info is None:
        raise PackageError(
            f"Paket tidak memiliki daftar isi ({MANIFEST_NAME}); berkas ini bukan paket OVOP "
            "yang utuh.",
            f"The package has no table of contents ({MANIFEST_NAME}); this is not a complete "
            "OVOP package.",
            code="manifest_missing",
            member=MANIFEST_NAME,
        )
    too_large = PackageError(
        f"Daftar isi paket ({MANIFEST_NAME}) terlalu besar (paling besar "
        f"{_bytes_id(limits.max_manifest_bytes)}).",
        f"The package table of contents ({MANIFEST_NAME}) is too large (at most "
        f"{_bytes_en(limits.max_manifest_bytes)}).",
        code="manifest_too_large",
        member=MANIFEST_NAME,
    )
    if info.file_size > limits.max_manifest_bytes:
        raise too_large
    data = _bounded_read(archive, info, limits.max_manifest_bytes)
    if len(data) > limits.max_manifest_bytes:
        raise too_large
    return data


def _check_signature(
    archive: zipfile.ZipFile,
    files: Mapping[str, zipfile.ZipInfo],
    manifest: Manifest,
    manifest_bytes: bytes,
) -> None:
    info = files.get(SIGNATURE_NAME)
    if info is None:
        raise PackageError(
            f"Paket tidak bertanda tangan ({SIGNATURE_NAME} tidak ada); keasliannya tidak "
            "dapat diperiksa.",
            f"The package is not signed ({SIGNATURE_NAME} is missing); its origin cannot be "
            "checked.",
            code="signature_missing",
            member=SIGNATURE_NAME,
        )
    signature = b""
    if info.file_size == SIGNATURE_BYTES:
        signature = _bounded_read(archive, info, SIGNATURE_BYTES)
    if not verify_signature(manifest.public_key, manifest_bytes, signature):
        raise PackageError(
            "Tanda tangan paket tidak cocok dengan daftar isinya: paket diubah setelah dibuat, "
            "atau ditandatangani kunci lain.",
            "The package signature does not match its table of contents: the package was "
            "changed after it was made, or signed by another key.",
            code="signature_invalid",
            member=SIGNATURE_NAME,
        )


def _check_listing(files: Mapping[str, zipfile.ZipInfo], manifest: Manifest) -> None:
    listed = {entry.path for entry in manifest.members}
    for name in files:
        if name not in listed and name not in RESERVED_NAMES:
            raise PackageError(
                f"Paket ditolak: berkas '{_show(name)}' tidak tercantum dalam daftar isi.",
                f"Package refused: the member '{_show(name)}' is not listed in the table of "
                "contents.",
                code="unlisted_member",
                member=name,
            )
    for entry in manifest.members:
        if entry.path not in files:
            raise PackageError(
                f"Paket tidak lengkap: berkas '{_show(entry.path)}' tercantum dalam daftar isi "
                "tetapi tidak ada.",
                f"The package is incomplete: the member '{_show(entry.path)}' is listed in the "
                "table of contents but absent.",
                code="missing_member",
                member=entry.path,
            )


def _check_sizes(files: Mapping[str, zipfile.ZipInfo], manifest: Manifest, limits: Limits) -> None:
    total = 0
    for entry in manifest.members:
        size = max(files[entry.path].file_size, entry.size)
        if size > limits.max_member_bytes:
            raise _member_too_large(entry.path, size, limits)
        total += size
    if total > limits.max_total_bytes:
        raise _total_too_large(total, limits)
    for entry in manifest.members:
        actual = files[entry.path].file_size
        if actual != entry.size:
            raise _size_mismatch(entry.path, actual, entry.size)


def _check_ratios(files: Mapping[str, zipfile.ZipInfo], manifest: Manifest, limits: Limits) -> None:
    """Refuse zip bombs from the headers alone, before anything is decompressed."""
    total_size = total_compressed = 0
    for entry in manifest.members:
        info = files[entry.path]
        total_size += info.file_size
        total_compressed += info.compress_size
        if info.file_size > limits.ratio_min_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise PackageError(
                    f"Paket ditolak: berkas '{_show(entry.path)}' memuai {ratio:.0f}× saat "
                    f"dibuka (paling banyak {limits.max_ratio:g}×), ciri bom zip.",
                    f"Package refused: the member '{_show(entry.path)}' expands {ratio:.0f}× "
                    f"when opened (at most {limits.max_ratio:g}×), the mark of a zip bomb.",
                    code="compression_ratio",
                    member=entry.path,
                )
    if total_size > limits.ratio_min_bytes:
        ratio = total_size / max(total_compressed, 1)
        if ratio > limits.max_ratio:
            raise PackageError(
                f"Paket ditolak: isinya secara keseluruhan memuai {ratio:.0f}× saat dibuka "
                f"(paling banyak {limits.max_ratio:g}×), ciri bom zip.",
                f"Package refused: its content as a whole expands {ratio:.0f}× when opened "
                f"(at most {limits.max_ratio:g}×), the mark of a zip bomb.",
                code="compression_ratio_total",
            )


def _read_members(
    archive: zipfile.ZipFile, files: Mapping[str, zipfile.ZipInfo], manifest: Manifest
) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    for entry in manifest.members:
        data = _bounded_read(archive, files[entry.path], entry.size)
        if len(data) != entry.size:
            raise _size_mismatch(entry.path, len(data), entry.size)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackageError(
                f"Paket rusak atau telah diubah: isi berkas '{_show(entry.path)}' tidak cocok "
                "dengan sidik SHA-256 di daftar isi.",
                f"The package is damaged or was altered: the content of '{_show(entry.path)}' "
                "does not match the SHA-256 in the table of contents.",
                code="hash_mismatch",
                member=entry.path,
            )
        if not _media_name_matches(entry.path, entry.sha256):
            raise _media_name_mismatch(entry.path)
        members[entry.path] = data
    return members


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most ``limit + 1`` decompressed bytes, whatever the headers claim."""
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while total <= limit:
                chunk = stream.read(min(_CHUNK, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        NotImplementedError,
        RuntimeError,
        ValueError,  # e.g. a local header name that is not the UTF-8 its flag claims
    ) as error:
        raise PackageError(
            f"Paket rusak: berkas '{_show(info.filename)}' tidak dapat dibuka ({error}). "
            "Salin ulang dari perangkat asal.",
            f"The package is damaged: the member '{_show(info.filename)}' cannot be opened "
            f"({error}). Copy it again from the original device.",
            code="damaged_member",
            member=info.filename,
        ) from error
    return b"".join(chunks)


# ---------------------------------------------------------------------------------------------
# Records: JSON lines, one object per line


def encode_records(records: Iterable[Mapping[str, object]]) -> bytes:
    """A record file: UTF-8, one JSON object per line, keys sorted, each line ends in LF."""
    return b"".join(
        json.dumps(
            record, ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
        ).encode("utf-8")
        + b"\n"
        for record in records
    )


def decode_records(data: bytes, member: str) -> list[dict[str, object]]:
    """The objects of a record file; raises PackageError naming the member and the line."""
    records: list[dict[str, object]] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _bad_record(member, None, "bukan teks UTF-8", "not UTF-8 text") from error
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        try:
            parsed: object = json.loads(
                line, object_pairs_hook=_unique_keys, parse_constant=_refuse_constant
            )
        except (ValueError, RecursionError) as error:
            raise _bad_record(member, number, "bukan JSON yang sah", "not valid JSON") from error
        if not isinstance(parsed, dict):
            raise _bad_record(member, number, "bukan objek JSON", "not a JSON object")
        records.append(parsed)
    return records


# ---------------------------------------------------------------------------------------------
# Helpers


def _path_problem(name: str) -> PackageError | None:
    """Why a member name is unsafe to use as a path, or None."""
    parts = name.split("/")
    detail: tuple[str, str, str] | None = None
    if not name:
        detail = ("nama kosong", "has an empty name", "empty_name")
    elif any(not char.isprintable() for char in name):
        detail = ("berisi karakter kendali", "contains control characters", "control_characters")
    elif "\\" in name:
        detail = ("berisi garis miring terbalik (\\)", "contains a backslash (\\)", "backslash")
    elif name.startswith("/"):
        detail = ("berupa jalur absolut", "is an absolute path", "absolute_path")
    elif _DRIVE.match(name) or any(_DRIVE.fullmatch(part) for part in parts):
        detail = ("memuat huruf drive (C:)", "contains a drive letter (C:)", "drive_letter")
    elif ".." in parts:
        detail = (
            "berisi '..' yang menunjuk ke luar paket",
            "contains '..', pointing outside the package",
            "parent_path",
        )
    elif any(part in ("", ".") for part in parts):
        detail = ("berisi bagian jalur kosong atau '.'", "has an empty or '.' segment", "dot")
    if detail is None:
        return None
    detail_id, detail_en, code = detail
    return PackageError(
        f"Paket ditolak: nama berkas '{_show(name)}' di dalamnya {detail_id}.",
        f"Package refused: the member name '{_show(name)}' {detail_en}.",
        code=code,
        member=name,
    )


def _layout_problem(path: str) -> PackageError | None:
    """A listed member must be a safe name under records/ or media/."""
    problem = _path_problem(path)
    if problem is not None:
        return problem
    if path in RESERVED_NAMES or not any(
        path.startswith(folder) and len(path) > len(folder) for folder in MEMBER_FOLDERS
    ):
        return PackageError(
            f"Berkas '{_show(path)}' tidak boleh ada di paket: isi paket hanya di folder "
            "records/ dan media/.",
            f"The member '{_show(path)}' is not allowed: package content lives in records/ "
            "and media/ only.",
            code="member_folder",
            member=path,
        )
    return None


def _media_name_matches(path: str, sha256: str) -> bool:
    if not path.startswith("media/"):
        return True
    return path[len("media/") :].split(".", 1)[0] == sha256


def _member_entries(value: object) -> tuple[MemberEntry, ...]:
    if not isinstance(value, list):
        raise _bad_manifest("members bukan daftar", "members is not a list")
    entries: list[MemberEntry] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict) or set(item) != {"path", "size", "sha256"}:
            raise _bad_manifest(
                "setiap anggota harus berisi tepat path, size, dan sha256",
                "every member must hold exactly path, size and sha256",
            )
        path, size, sha256 = item["path"], item["size"], item["sha256"]
        if not isinstance(path, str):
            raise _bad_manifest("path anggota bukan teks", "a member path is not text")
        problem = _layout_problem(path)
        if problem is not None:
            raise problem
        if path in seen:
            raise _bad_manifest(
                f"'{_show(path)}' tercantum dua kali", f"'{_show(path)}' is listed twice"
            )
        seen.add(path)
        if not _is_int(size) or size < 0:
            raise _bad_manifest(
                f"ukuran '{_show(path)}' tidak sah", f"the size of '{_show(path)}' is not valid"
            )
        if not isinstance(sha256, str) or not _SHA256_HEX.fullmatch(sha256):
            raise _bad_manifest(
                f"sidik SHA-256 '{_show(path)}' tidak sah",
                f"the SHA-256 of '{_show(path)}' is not valid",
            )
        entries.append(MemberEntry(path, size, sha256))
    return tuple(entries)


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(name, str) and _is_int(count) and count >= 0 for name, count in value.items()
    ):
        raise _bad_manifest(
            "counts harus berisi bilangan bulat tidak negatif per jenis data",
            "counts must hold a non-negative whole number per kind of record",
        )
    return dict(value)


def _text(data: Mapping[str, object], name: str) -> str:
    value = data[name]
    if not isinstance(value, str):
        raise _bad_manifest(f"kolom '{name}' bukan teks", f"the field '{name}' is not text")
    return value


def _optional_text(data: Mapping[str, object], name: str) -> str | None:
    value = data[name]
    if value is not None and not isinstance(value, str):
        raise _bad_manifest(
            f"kolom '{name}' bukan teks atau null", f"the field '{name}' is not text or null"
        )
    return value


def _is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_canonical_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _is_utc_timestamp(value: str) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    offset = moment.utcoffset()
    return offset is not None and not offset


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result: dict[str, object] = {}
    for name, value in pairs:
        if name in result:
            raise ValueError(f"duplicate key {name!r}")
        result[name] = value
    return result


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def _show(name: str, limit: int = 120) -> str:
    """A member name safe to put in a message: control characters escaped, length capped."""
    shown = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in name)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _bytes_id(size: int) -> str:
    return f"{size:,}".replace(",", ".") + " bita"


def _bytes_en(size: int) -> str:
    return f"{size:,} bytes"


def _bad_manifest(detail_id: str, detail_en: str) -> PackageError:
    return PackageError(
        f"Daftar isi paket ({MANIFEST_NAME}) tidak sah: {detail_id}.",
        f"The package table of contents ({MANIFEST_NAME}) is not valid: {detail_en}.",
        code="manifest_invalid",
        member=MANIFEST_NAME,
    )


def _bad_record(member: str, line: int | None, detail_id: str, detail_en: str) -> PackageError:
    where_id = f" baris {line}" if line is not None else ""
    where_en = f" line {line}" if line is not None else ""
    return PackageError(
        f"Paket ditolak: berkas data '{_show(member)}'{where_id} {detail_id}.",
        f"Package refused: the record file '{_show(member)}'{where_en} is {detail_en}.",
        code="bad_record",
        member=member,
    )


def _unreadable(path: Path, error: OSError) -> PackageError:
    reason = error.strerror or str(error)
    return PackageError(
        f"Paket {path.name} tidak dapat dibaca: {reason}.",
        f"The package {path.name} cannot be read: {reason}.",
        code="unreadable",
    )


def _too_many_members(count: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket berisi terlalu banyak berkas ({count}; paling banyak {limits.max_members}).",
        f"The package holds too many members ({count}; at most {limits.max_members}).",
        code="too_many_members",
    )


def _duplicate(name: str) -> PackageError:
    return PackageError(
        f"Paket ditolak: berkas '{_show(name)}' muncul lebih dari sekali.",
        f"Package refused: the member '{_show(name)}' appears more than once.",
        code="duplicate_member",
        member=name,
    )


def _member_too_large(name: str, size: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket ditolak: berkas '{_show(name)}' terlalu besar ({_bytes_id(size)}; paling besar "
        f"{_bytes_id(limits.max_member_bytes)}).",
        f"Package refused: the member '{_show(name)}' is too large ({_bytes_en(size)}; at most "
        f"{_bytes_en(limits.max_member_bytes)}).",
        code="member_too_large",
        member=name,
    )


def _total_too_large(total: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket ditolak: isinya terlalu besar ({_bytes_id(total)}; paling besar "
        f"{_bytes_id(limits.max_total_bytes)}).",
        f"Package refused: its content is too large ({_bytes_en(total)}; at most "
        f"{_bytes_en(limits.max_total_bytes)}).",
        code="total_too_large",
    )


def _size_mismatch(name: str, actual: int, expected: int) -> PackageError:
    return PackageError(
        f"Paket rusak: ukuran berkas '{_show(name)}' ({_bytes_id(actual)}) berbeda dengan "
        f"daftar isi ({_bytes_id(expected)}).",
        f"The package is damaged: the size of '{_show(name)}' ({_bytes_en(actual)}) differs "
        f"from the table of contents ({_bytes_en(expected)}).",
        code="size_mismatch",
        member=name,
    )


def _media_name_mismatch(name: str) -> PackageError:
    return PackageError(
        f"Paket ditolak: nama berkas media '{_show(name)}' tidak sama dengan sidik SHA-256 isinya.",
        f"Package refused: the media file name '{_show(name)}' is not the SHA-256 of its content.",
        code="media_name",
        member=name,
    )
