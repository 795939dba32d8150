"""Reading an exchange package (``*.ovop``) as if it were hostile (package_write.py writes it).

A package is a zip archive holding ``manifest.json`` (what the package is and, for every other
member, its path, size and SHA-256), ``manifest.sig`` (the raw Ed25519 signature of the exact
manifest bytes by the device key), JSON-lines record files under ``records/`` and media files under
``media/`` named by the SHA-256 of their content. docs/exchange-format.md describes it in
full; the manifest and its validation are in manifest.py.

`read_package` returns nothing unless every check passed: the zip structure, every member name,
the manifest, the signature, the listing, the sizes, the compression ratios and every hash.
"""

from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from ovop_desktop.core.formatting import format_bytes_en, format_bytes_id
from ovop_desktop.exchange.keys import (
    SIGNATURE_BYTES,
    fingerprint_of,
    verify_signature,
)
from ovop_desktop.exchange.manifest import (
    Manifest,
)
from ovop_desktop.exchange.package_format import (
    CHUNK,
    DEFAULT_LIMITS,
    MANIFEST_NAME,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    Limits,
    PackageError,
    duplicate,
    media_name_matches,
    media_name_mismatch,
    member_too_large,
    path_problem,
    show,
    size_mismatch,
    too_many_members,
    total_too_large,
    unreadable,
)

PACKAGE_SUFFIX: Final = ".ovop"
PART_SUFFIX: Final = ".part"


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
            f"Paket rusak: berkas '{show(info.filename)}' di dalamnya rusak atau terpotong dan "
            "tidak dapat dibuka. Salin ulang dari perangkat asal.",
            f"The package is damaged: the member '{show(info.filename)}' is damaged or cut short "
            "and cannot be opened. Copy it again from the original device.",
            code="damaged_member",
            member=info.filename,
        ) from error
    return b"".join(chunks)
