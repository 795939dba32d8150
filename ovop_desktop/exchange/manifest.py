"""The manifest of an exchange package: what the package is and, for every other member, its
path, size and SHA-256. The device key signs its exact bytes (`Manifest.to_json`);
`Manifest.from_json` accepts exactly its fields, each validated, and nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Final

from ovop_desktop.exchange.keys import is_public_key
from ovop_desktop.exchange.package_format import (
    MANIFEST_NAME,
    PackageError,
    bad_manifest,
    layout_problem,
    optional_text_field,
    refuse_constant,
    show,
    text_field,
    unique_keys,
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
            where_id, where_en = _json_fault(error)
            raise PackageError(
                f"Daftar isi paket ({MANIFEST_NAME}) bukan JSON yang sah: {where_id}.",
                f"The package table of contents ({MANIFEST_NAME}) is not valid JSON: {where_en}.",
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


def _json_fault(error: Exception) -> tuple[str, str]:
    """Where JSON text went wrong, in the reader's words rather than the parser's."""
    if isinstance(error, UnicodeDecodeError):
        return "bukan teks UTF-8", "not UTF-8 text"
    if isinstance(error, json.JSONDecodeError):
        return (
            f"rusak di baris {error.lineno}, kolom {error.colno}",
            f"broken at line {error.lineno}, column {error.colno}",
        )
    if isinstance(error, RecursionError):
        return "bersarang terlalu dalam", "nested too deeply"
    return "nilai yang tidak diizinkan (misalnya NaN atau kunci ganda)", (
        "a value that is not allowed (such as NaN or a repeated key)"
    )
