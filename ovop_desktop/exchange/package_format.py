"""The rules of the exchange format that both writing and reading keep: the limits, the
refusals (PackageError and the messages that name each check), member names and JSON-lines
records, each checked against its table's schema (exchange.schema) as it is read."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_bytes_en, format_bytes_id
from ovop_desktop.exchange.schema import Fault, FieldError, schemas

MANIFEST_NAME: Final = "manifest.json"
SIGNATURE_NAME: Final = "manifest.sig"
RESERVED_NAMES: Final = frozenset({MANIFEST_NAME, SIGNATURE_NAME})
MEMBER_FOLDERS: Final = ("records/", "media/")

KIB: Final = 1024
MIB: Final = 1024 * KIB
GIB: Final = 1024 * MIB
CHUNK: Final = 1 * MIB
DRIVE = re.compile(r"[A-Za-z]:")


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


# ---------------------------------------------------------------------------------------------
# Records: JSON lines, one object per line


_RECORD_ENCODER: Final = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), sort_keys=True, allow_nan=False
)


def encode_records(records: Iterable[Mapping[str, object]]) -> bytes:
    """A record file: UTF-8, one JSON object per line, keys sorted, each line ends in LF."""
    encode = _RECORD_ENCODER.encode
    return "".join([encode(record) + "\n" for record in records]).encode("utf-8")


@functools.cache
def _record_decoder() -> json.JSONDecoder:
    """One decoder for every line (json.loads with hooks would build a new one per line, a
    third of the reading time of a record file)."""
    return json.JSONDecoder(object_pairs_hook=unique_keys, parse_constant=refuse_constant)


class RecordError(PackageError):
    """A record whose value breaks its table's schema: names the table, the record, the field
    and the kind of fault (exchange.schema.Fault)."""

    def __init__(
        self, member: str, line: int, table: str, record_id: str | None, fault: FieldError
    ) -> None:
        field = show(fault.field, 60)
        which_id = which_en = table
        if record_id is not None:
            which_id, which_en = f"{table} {record_id}", f"{table} {record_id}"
        super().__init__(
            f"Paket ditolak: rekaman {which_id} (berkas '{show(member)}' baris {line}) tidak "
            f"sah: kolom '{field}' {fault.detail_id}.",
            f"Package refused: the {which_en} record ('{show(member)}' line {line}) is not "
            f"valid: the field '{field}' {fault.detail_en}.",
            code="bad_record",
            member=member,
        )
        self.table = table
        self.record_id = record_id
        self.field = fault.field
        self.fault: Fault = fault.fault
        self.line = line


def table_of(member: str) -> str | None:
    """The exchanged table whose records `member` holds (records/<table>.jsonl), or None."""
    if member.startswith("records/") and member.endswith(".jsonl"):
        table = member[len("records/") : -len(".jsonl")]
        return table if table in schemas() else None
    return None


def decode_records(data: bytes, member: str) -> list[dict[str, object]]:
    """The objects of a record file; raises PackageError naming the member and the line, and
    RecordError for a record of an exchanged table that breaks its schema."""
    table = table_of(member)
    schema = schemas()[table] if table is not None else None
    records: list[dict[str, object]] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise bad_record(member, None, "bukan teks UTF-8", "not UTF-8 text") from error
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    parse = _record_decoder().decode
    for number, line in enumerate(lines, start=1):
        try:
            parsed: object = parse(line)
        except (ValueError, RecursionError) as error:
            raise bad_record(member, number, "bukan JSON yang sah", "not valid JSON") from error
        if not isinstance(parsed, dict):
            raise bad_record(member, number, "bukan objek JSON", "not a JSON object")
        if schema is not None:
            try:
                schema.check(parsed)
            except FieldError as fault:
                record_id = parsed.get("id") if fault.field != "id" else None
                raise RecordError(
                    member, number, schema.table, str(record_id) if record_id else None, fault
                ) from None
        records.append(parsed)
    return records


# ---------------------------------------------------------------------------------------------
# Helpers


def path_problem(name: str) -> PackageError | None:
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
    elif DRIVE.match(name) or any(DRIVE.fullmatch(part) for part in parts):
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
        f"Paket ditolak: nama berkas '{show(name)}' di dalamnya {detail_id}.",
        f"Package refused: the member name '{show(name)}' {detail_en}.",
        code=code,
        member=name,
    )


def layout_problem(path: str) -> PackageError | None:
    """A listed member must be a safe name under records/ or media/."""
    problem = path_problem(path)
    if problem is not None:
        return problem
    if path in RESERVED_NAMES or not any(
        path.startswith(folder) and len(path) > len(folder) for folder in MEMBER_FOLDERS
    ):
        return PackageError(
            f"Berkas '{show(path)}' tidak boleh ada di paket: isi paket hanya di folder "
            "records/ dan media/.",
            f"The member '{show(path)}' is not allowed: package content lives in records/ "
            "and media/ only.",
            code="member_folder",
            member=path,
        )
    return None


def media_name_matches(path: str, sha256: str) -> bool:
    if not path.startswith("media/"):
        return True
    return path[len("media/") :].split(".", 1)[0] == sha256


def text_field(data: Mapping[str, object], name: str) -> str:
    value = data[name]
    if not isinstance(value, str):
        raise bad_manifest(f"kolom '{name}' bukan teks", f"the field '{name}' is not text")
    return value


def optional_text_field(data: Mapping[str, object], name: str) -> str | None:
    value = data[name]
    if value is not None and not isinstance(value, str):
        raise bad_manifest(
            f"kolom '{name}' bukan teks atau null", f"the field '{name}' is not text or null"
        )
    return value


def unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    result = dict(pairs)
    if len(result) != len(pairs):
        names = [name for name, _ in pairs]
        name = next(n for n in names if names.count(n) > 1)
        raise ValueError(f"duplicate key {name!r}")
    return result


def refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON number")


def show(name: str, limit: int = 120) -> str:
    """A member name safe to put in a message: control characters escaped, length capped."""
    shown = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in name)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def bad_manifest(detail_id: str, detail_en: str) -> PackageError:
    return PackageError(
        f"Daftar isi paket ({MANIFEST_NAME}) tidak sah: {detail_id}.",
        f"The package table of contents ({MANIFEST_NAME}) is not valid: {detail_en}.",
        code="manifest_invalid",
        member=MANIFEST_NAME,
    )


def bad_record(member: str, line: int | None, detail_id: str, detail_en: str) -> PackageError:
    where_id = f" baris {line}" if line is not None else ""
    where_en = f" line {line}" if line is not None else ""
    return PackageError(
        f"Paket ditolak: berkas data '{show(member)}'{where_id} {detail_id}.",
        f"Package refused: the record file '{show(member)}'{where_en} is {detail_en}.",
        code="bad_record",
        member=member,
    )


def unreadable(path: Path, error: OSError) -> PackageError:
    reason = error.strerror or str(error)
    return PackageError(
        f"Paket {path.name} tidak dapat dibaca: {reason}.",
        f"The package {path.name} cannot be read: {reason}.",
        code="unreadable",
    )


def too_many_members(count: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket berisi terlalu banyak berkas ({count}; paling banyak {limits.max_members}).",
        f"The package holds too many members ({count}; at most {limits.max_members}).",
        code="too_many_members",
    )


def duplicate(name: str) -> PackageError:
    return PackageError(
        f"Paket ditolak: berkas '{show(name)}' muncul lebih dari sekali.",
        f"Package refused: the member '{show(name)}' appears more than once.",
        code="duplicate_member",
        member=name,
    )


def member_too_large(name: str, size: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket ditolak: berkas '{show(name)}' terlalu besar ({format_bytes_id(size)}; "
        f"paling besar {format_bytes_id(limits.max_member_bytes)}).",
        f"Package refused: the member '{show(name)}' is too large ({format_bytes_en(size)}; "
        f"at most {format_bytes_en(limits.max_member_bytes)}).",
        code="member_too_large",
        member=name,
    )


def total_too_large(total: int, limits: Limits) -> PackageError:
    return PackageError(
        f"Paket ditolak: isinya terlalu besar ({format_bytes_id(total)}; paling besar "
        f"{format_bytes_id(limits.max_total_bytes)}).",
        f"Package refused: its content is too large ({format_bytes_en(total)}; at most "
        f"{format_bytes_en(limits.max_total_bytes)}).",
        code="total_too_large",
    )


def size_mismatch(name: str, actual: int, expected: int) -> PackageError:
    return PackageError(
        f"Paket rusak: ukuran berkas '{show(name)}' ({format_bytes_id(actual)}) berbeda dengan "
        f"daftar isi ({format_bytes_id(expected)}).",
        f"The package is damaged: the size of '{show(name)}' ({format_bytes_en(actual)}) differs "
        f"from the table of contents ({format_bytes_en(expected)}).",
        code="size_mismatch",
        member=name,
    )


def media_name_mismatch(name: str) -> PackageError:
    return PackageError(
        f"Paket ditolak: nama berkas media '{show(name)}' tidak sama dengan sidik SHA-256 isinya.",
        f"Package refused: the media file name '{show(name)}' is not the SHA-256 of its content.",
        code="media_name",
        member=name,
    )
