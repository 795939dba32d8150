"""The exchange package (``*.ovop``): write it atomically, read it as if it were hostile.

A package is a zip archive holding ``manifest.json`` (what the package is and, for every other
member, its path, size and SHA-256), ``manifest.sig`` (the raw Ed25519 signature of the exact
manifest bytes by the device key), JSON-lines record files under ``records/`` and media files under
``media/`` named by the SHA-256 of their content. docs/exchange-format.md describes it in full.

`read_package` returns nothing unless every check passed: the zip structure, every member name,
the manifest, the signature, the listing, the sizes, the compression ratios and every hash.
"""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from types import MappingProxyType
from typing import BinaryIO, Final

from ovop_desktop.core.formatting import format_bytes_en, format_bytes_id
from ovop_desktop.exchange.keys import (
    SIGNATURE_BYTES,
    fingerprint_of,
    is_public_key,
    verify_signature,
)
from ovop_desktop.exchange.package_format import (
    CHUNK,
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    Limits,
    PackageError,
    bad_manifest,
    duplicate,
    layout_problem,
    media_name_matches,
    media_name_mismatch,
    member_too_large,
    optional_text_field,
    path_problem,
    refuse_constant,
    show,
    size_mismatch,
    text_field,
    too_many_members,
    total_too_large,
    unique_keys,
    unreadable,
)
from ovop_desktop.exchange.values import (
    SHA256_HEX,
    is_canonical_uuid,
    is_int,
    is_single_line,
    is_storable_text,
    is_utc_timestamp,
)

FORMAT_NAME: Final = "ovop-exchange"
FORMAT_VERSION: Final = 1
# Format version -> the first OVOP Desktop version that reads it (named in the refusal message).
READERS: Final[Mapping[int, str]] = MappingProxyType({1: "0.1"})

PACKAGE_SUFFIX: Final = ".ovop"
PART_SUFFIX: Final = ".part"
KINDS: Final = ("survey-export", "setup")
MAX_NAME_CHARS: Final = 200  # a device's or an officer's name, as their tables hold it
MAX_VERSION_CHARS: Final = 40
MAX_COUNT: Final = 2**31 - 1


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
                text, object_pairs_hook=unique_keys, parse_constant=refuse_constant
            )
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise PackageError(
                f"Daftar isi paket ({MANIFEST_NAME}) bukan JSON yang sah: {error}.",
                f"The package table of contents ({MANIFEST_NAME}) is not valid JSON: {error}.",
                code="manifest_json",
                member=MANIFEST_NAME,
            ) from error
        if not isinstance(parsed, dict):
            raise bad_manifest("isinya bukan objek JSON", "it is not a JSON object")
        return cls.from_dict(parsed)

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Manifest:
        """Validate the JSON shape of a manifest (members as a list of objects)."""
        found_format = data.get("format")
        if found_format != FORMAT_NAME:
            shown = show(str(found_format)) if found_format is not None else "tidak ada"
            shown_en = show(str(found_format)) if found_format is not None else "missing"
            raise PackageError(
                f"Berkas ini bukan paket pertukaran OVOP (format '{shown}', "
                f"seharusnya '{FORMAT_NAME}').",
                f"This file is not an OVOP exchange package (format '{shown_en}', "
                f"expected '{FORMAT_NAME}').",
                code="wrong_format",
            )
        version = data.get("version")
        if not is_int(version) or version < 1:
            raise bad_manifest("versi format tidak sah", "the format version is not valid")
        if version > FORMAT_VERSION:
            raise future_version_error(version, data.get("app_version"))
        expected = [f.name for f in fields(cls)]
        missing = [name for name in expected if name not in data]
        unknown = sorted(name for name in data if name not in expected)
        if missing:
            raise bad_manifest(
                f"kolom '{missing[0]}' tidak ada", f"the field '{missing[0]}' is missing"
            )
        if unknown:
            shown = show(unknown[0])
            raise bad_manifest(f"kolom '{shown}' tidak dikenal", f"unknown field '{shown}'")
        kind = text_field(data, "kind")
        if kind not in KINDS:
            raise bad_manifest(
                f"jenis paket '{show(kind)}' tidak dikenal", f"unknown package kind '{kind}'"
            )
        package_id = text_field(data, "package_id")
        if not is_canonical_uuid(package_id):
            raise bad_manifest("package_id bukan UUID", "package_id is not a UUID")
        public_key = text_field(data, "public_key")
        if not is_public_key(public_key):
            raise bad_manifest(
                "kunci publik bukan kunci Ed25519 dalam base64",
                "public_key is not an Ed25519 key in base64",
            )
        created_at = text_field(data, "created_at")
        if not is_utc_timestamp(created_at):
            raise bad_manifest(
                "created_at bukan waktu ISO 8601 dalam UTC",
                "created_at is not an ISO 8601 time in UTC",
            )
        device_id = text_field(data, "device_id")
        if not is_canonical_uuid(device_id):
            raise bad_manifest("device_id bukan UUID", "device_id is not a UUID")
        return cls(
            format=FORMAT_NAME,
            version=version,
            package_id=package_id,
            kind=kind,
            device_id=device_id,
            device_name=_name_field(data, "device_name"),
            officer_name=_name_field(data, "officer_name"),
            public_key=public_key,
            app_version=_name_field(data, "app_version", MAX_VERSION_CHARS),
            schema_revision=_name_field(data, "schema_revision", MAX_VERSION_CHARS),
            created_at=created_at,
            watermark_from=_optional_time(data, "watermark_from"),
            watermark_to=_optional_time(data, "watermark_to"),
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
        made_by_id = f" oleh OVOP Desktop {show(app_version)}"
        made_by_en = f" by OVOP Desktop {show(app_version)}"
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
# Reading


def read_package(path: Path, limits: Limits = DEFAULT_LIMITS) -> Package:
    """Read and verify a package; raises PackageError naming the first problem found."""
    try:
        handle = path.open("rb")
    except OSError as error:
        raise unreadable(path, error) from error
    with handle:
        try:
            sha256, size = _hash_file(handle)
            handle.seek(0)
            head = handle.read(4)
            handle.seek(0)
        except OSError as error:
            raise unreadable(path, error) from error
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
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _check_entries(infos: list[zipfile.ZipInfo], limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """Names, types, duplicates, encryption and methods of every entry; the files by name."""
    if len(infos) > limits.max_members + len(RESERVED_NAMES):
        raise too_many_members(len(infos), limits)
    files: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    for info in infos:
        name = info.filename
        is_dir_name = name.endswith("/")
        for candidate in (info.orig_filename, name):
            problem = path_problem(candidate[:-1] if is_dir_name else candidate)
            if problem is not None:
                raise problem
        kind = stat.S_IFMT(info.external_attr >> 16)
        if kind == stat.S_IFLNK:
            raise PackageError(
                f"Paket ditolak: '{show(name)}' adalah tautan simbolik (symlink), "
                "bukan berkas biasa.",
                f"Package refused: '{show(name)}' is a symbolic link, not a regular file.",
                code="symlink",
                member=name,
            )
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise PackageError(
                f"Paket ditolak: '{show(name)}' bukan berkas biasa (perangkat, pipa, atau "
                "jenis khusus lain).",
                f"Package refused: '{show(name)}' is not a regular file (a device, a pipe or "
                "another special kind).",
                code="special_file",
                member=name,
            )
        if name in seen:
            raise duplicate(name)
        seen.add(name)
        if info.flag_bits & 0x1:
            raise PackageError(
                f"Paket ditolak: berkas '{show(name)}' terenkripsi.",
                f"Package refused: the member '{show(name)}' is encrypted.",
                code="encrypted",
                member=name,
            )
        if is_dir_name or kind == stat.S_IFDIR:
            if info.file_size > 0 or info.compress_size > 2:  # 2: an empty deflate stream
                raise PackageError(
                    f"Paket ditolak: entri folder '{show(name)}' berisi data.",
                    f"Package refused: the folder entry '{show(name)}' holds data.",
                    code="directory_with_data",
                    member=name,
                )
            continue  # an empty folder entry (some zip tools add them) carries nothing
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageError(
                f"Paket ditolak: berkas '{show(name)}' memakai metode kompresi yang tidak "
                f"didukung ({info.compress_type}).",
                f"Package refused: the member '{show(name)}' uses an unsupported compression "
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
        f"{format_bytes_id(limits.max_manifest_bytes)}).",
        f"The package table of contents ({MANIFEST_NAME}) is too large (at most "
        f"{format_bytes_en(limits.max_manifest_bytes)}).",
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
                f"Paket ditolak: berkas '{show(name)}' tidak tercantum dalam daftar isi.",
                f"Package refused: the member '{show(name)}' is not listed in the table of "
                "contents.",
                code="unlisted_member",
                member=name,
            )
    for entry in manifest.members:
        if entry.path not in files:
            raise PackageError(
                f"Paket tidak lengkap: berkas '{show(entry.path)}' tercantum dalam daftar isi "
                "tetapi tidak ada.",
                f"The package is incomplete: the member '{show(entry.path)}' is listed in the "
                "table of contents but absent.",
                code="missing_member",
                member=entry.path,
            )


def _check_sizes(files: Mapping[str, zipfile.ZipInfo], manifest: Manifest, limits: Limits) -> None:
    total = 0
    for entry in manifest.members:
        size = max(files[entry.path].file_size, entry.size)
        if size > limits.max_member_bytes:
            raise member_too_large(entry.path, size, limits)
        total += size
    if total > limits.max_total_bytes:
        raise total_too_large(total, limits)
    for entry in manifest.members:
        actual = files[entry.path].file_size
        if actual != entry.size:
            raise size_mismatch(entry.path, actual, entry.size)


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
                    f"Paket ditolak: berkas '{show(entry.path)}' memuai {ratio:.0f}× saat "
                    f"dibuka (paling banyak {limits.max_ratio:g}×), ciri bom zip.",
                    f"Package refused: the member '{show(entry.path)}' expands {ratio:.0f}× "
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
            raise size_mismatch(entry.path, len(data), entry.size)
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            raise PackageError(
                f"Paket rusak atau telah diubah: isi berkas '{show(entry.path)}' tidak cocok "
                "dengan sidik SHA-256 di daftar isi.",
                f"The package is damaged or was altered: the content of '{show(entry.path)}' "
                "does not match the SHA-256 in the table of contents.",
                code="hash_mismatch",
                member=entry.path,
            )
        if not media_name_matches(entry.path, entry.sha256):
            raise media_name_mismatch(entry.path)
        members[entry.path] = data
    return members


def _bounded_read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """At most ``limit + 1`` decompressed bytes, whatever the headers claim."""
    chunks: list[bytes] = []
    total = 0
    try:
        with archive.open(info) as stream:
            while total <= limit:
                chunk = stream.read(min(CHUNK, limit + 1 - total))
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
            f"Paket rusak: berkas '{show(info.filename)}' tidak dapat dibuka ({error}). "
            "Salin ulang dari perangkat asal.",
            f"The package is damaged: the member '{show(info.filename)}' cannot be opened "
            f"({error}). Copy it again from the original device.",
            code="damaged_member",
            member=info.filename,
        ) from error
    return b"".join(chunks)


def _member_entries(value: object) -> tuple[MemberEntry, ...]:
    if not isinstance(value, list):
        raise bad_manifest("members bukan daftar", "members is not a list")
    entries: list[MemberEntry] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, dict) or set(item) != {"path", "size", "sha256"}:
            raise bad_manifest(
                "setiap anggota harus berisi tepat path, size, dan sha256",
                "every member must hold exactly path, size and sha256",
            )
        path, size, sha256 = item["path"], item["size"], item["sha256"]
        if not isinstance(path, str):
            raise bad_manifest("path anggota bukan teks", "a member path is not text")
        problem = layout_problem(path)
        if problem is not None:
            raise problem
        if path in seen:
            raise bad_manifest(
                f"'{show(path)}' tercantum dua kali", f"'{show(path)}' is listed twice"
            )
        seen.add(path)
        if not is_int(size) or size < 0:
            raise bad_manifest(
                f"ukuran '{show(path)}' tidak sah", f"the size of '{show(path)}' is not valid"
            )
        if not isinstance(sha256, str) or not SHA256_HEX.fullmatch(sha256):
            raise bad_manifest(
                f"sidik SHA-256 '{show(path)}' tidak sah",
                f"the SHA-256 of '{show(path)}' is not valid",
            )
        entries.append(MemberEntry(path, size, sha256))
    return tuple(entries)


def _name_field(data: Mapping[str, object], name: str, limit: int = MAX_NAME_CHARS) -> str:
    """A name shown to people and stored in the import log: one line of storable text."""
    value = text_field(data, name)
    if len(value) > limit or not is_storable_text(value) or not is_single_line(value):
        raise bad_manifest(
            f"kolom '{name}' bukan satu baris teks sampai {limit} karakter",
            f"the field '{name}' is not one line of text of at most {limit} characters",
        )
    return value


def _optional_time(data: Mapping[str, object], name: str) -> str | None:
    value = optional_text_field(data, name)
    if value is not None and not is_utc_timestamp(value):
        raise bad_manifest(
            f"{name} bukan waktu ISO 8601 dalam UTC", f"{name} is not an ISO 8601 time in UTC"
        )
    return value


def _counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or not all(
        isinstance(name, str)
        and len(name) <= MAX_NAME_CHARS
        and is_storable_text(name)
        and is_int(count)
        and 0 <= count <= MAX_COUNT
        for name, count in value.items()
    ):
        raise bad_manifest(
            "counts harus berisi bilangan bulat tidak negatif per jenis data",
            "counts must hold a non-negative whole number per kind of record",
        )
    return dict(value)
