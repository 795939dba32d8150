"""The mutations of `benchmarks.fuzz_packages`: a real package's records, manifest and members
changed in one hostile way (then signed again with the officer's key, so that only the change
can make an import refuse it), and the whole file's bytes damaged.

Every mutation takes a `random.Random` and nothing else that varies, so a case is made again,
byte for byte, from its seed.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from ovop_desktop.exchange.keys import DeviceKey
from ovop_desktop.exchange.package import Package
from ovop_desktop.exchange.package_format import decode_records

Edit = Callable[[bytes], bytes]


@dataclass
class Draft:
    """A package being changed: its manifest fields (but members), its records per table, its
    other members, and edits applied to the encoded members and to the final manifest."""

    manifest: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]
    others: dict[str, bytes]
    raw: list[tuple[str, Edit]] = field(default_factory=list)
    manifest_edits: list[Callable[[dict[str, Any]], None]] = field(default_factory=list)


def draft_of(package: Package) -> Draft:
    tables: dict[str, list[dict[str, Any]]] = {}
    others: dict[str, bytes] = {}
    for path, data in package.members.items():
        if path.startswith("records/") and path.endswith(".jsonl"):
            tables[path[len("records/") : -len(".jsonl")]] = decode_records(data, path)
        else:
            others[path] = data
    manifest = {k: v for k, v in package.manifest.to_dict().items() if k != "members"}
    return Draft(manifest, tables, others)


def encode(rows: list[dict[str, Any]]) -> bytes:
    """JSON lines as the writer makes them, but NaN and infinity written as JSON does not."""
    return "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows).encode(
        "utf-8", "surrogatepass"
    )


def build(draft: Draft, key: DeviceKey, rng: random.Random) -> bytes:
    """The zip of `draft`, its manifest listing every member and signed with `key`."""
    members = dict(draft.others)
    for table, rows in draft.tables.items():
        members[f"records/{table}.jsonl"] = encode(rows)
    for path, edit in draft.raw:
        members[path] = edit(members.get(path, b""))
    manifest = {
        **draft.manifest,
        "package_id": _uuid(rng),
        "counts": {t: len(rows) for t, rows in draft.tables.items()},
        "members": [
            {"path": p, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for p, d in sorted(members.items())
        ],
    }
    for edit_manifest in draft.manifest_edits:
        edit_manifest(manifest)
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", key.sign(manifest_bytes))
        for path, data in sorted(members.items()):
            archive.writestr(path, data)
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------
# Hostile values

NOW = datetime.now(UTC)
ODD_INTS = [-1, 0, 2**31 - 1, 2**31, -(2**31) - 1, 2**53 + 1, 2**63 - 1, 2**63, -(2**63)]
ODD_INTS += [-(2**63) - 1, 2**64, 10**400, -(10**30)]
ODD_FLOATS = [float("nan"), float("inf"), float("-inf"), 1e308, -0.0, 5e-324, 0.1, 1e20, 2.5]
ODD_TEXT = ["", " ", "NaN", "Infinity", "-Infinity", "1e999", "-0", "0x1F", "%s%n%x", "\r\n"]
ODD_TEXT += ["/tmp/ovop-rahasia.jpg", "../../../etc/passwd", "C:\\Windows\\win.ini", "\\\\s\\x"]
ODD_TEXT += ["a\x00b", "\ud800", "\udfff\ud800", "\u202eevil\u202c", "baris\u2028baru\u2029"]
ODD_TEXT += ["\ufeffBOM", "\u200b\u200d\u2060", "e\u0301\u0301\u0301", "\U0001f469\u200d\U0001f33e"]
ODD_TEXT += ["\u0661\u0662", "\x1b[31mmerah", "x" * 5000, "\u00e4" * 70000, "<script>x</script>"]
ODD_TIMES = ["2099-12-31T23:59:59+00:00", "9999-12-31T23:59:59-12:00", "1970-01-01T00:00:00Z"]
ODD_TIMES += ["9999-12-31T23:59:59.999999+00:00", "0001-01-01T00:00:00+14:00", "2025-03-01"]
ODD_TIMES += ["0001-01-01T00:00:00+00:00", "2025-03-01T08:00:00", "2025-03-01T08:00:00.123456789Z"]
ODD_TIMES += ["2025-02-30T08:00:00+00:00", "2025-03-01T25:61:00+00:00", "20250301T080000Z"]
ODD_TIMES += ["2025-03-01T08:00:00+24:00", "2025-03-01 08:00:00+00:00", "+002025-03-01T08:00:00Z"]
ODD_TIMES += [(NOW + later).isoformat() for later in (timedelta(days=2), timedelta(hours=23))]
ODD_TIMES += [(NOW + timedelta(days=400)).isoformat()]
ODD_DATES = ["2025-02-29", "0000-01-01", "9999-12-31", "2025-3-1", "2025-03-01T00:00:00Z", "0"]
HEX = "0123456789abcdef"


def odd_uuid(rng: random.Random, text: str | None) -> Any:
    """A text near a UUID, or none at all."""
    known = text if isinstance(text, str) else _uuid(rng)
    return rng.choice(
        [
            known.upper(),
            known.replace("-", ""),
            "{" + known + "}",
            "urn:uuid:" + known,
            known + " ",
            known[:-1],
            known[:-1] + "g",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            _uuid(rng),
            str(uuid.UUID(int=rng.getrandbits(128))),  # no version bits
            int(uuid.UUID(known).int) if _is_uuid(known) else 7,
            None,
            "",
        ]
    )


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def odd_hash(rng: random.Random) -> Any:
    good = "".join(rng.choice(HEX) for _ in range(64))
    return rng.choice(
        [
            good.upper(),
            good[:63],
            good + "0",
            good[:62] + "zz",
            "../" + good,
            f"media/{good}.jpg",
            f"/tmp/{good}.jpg",
            f"C:\\lampiran\\{good}.jpg",
            f"{good[:2]}/{good}",
            "0" * 64,
            " " + good[1:],
            good[:32] + "\x00" + good[33:],
            "",
            None,
            64,
        ]
    )


def any_value(rng: random.Random) -> Any:
    kind = rng.randrange(10)
    if kind == 0:
        return rng.choice(ODD_INTS)
    if kind == 1:
        return rng.choice(ODD_FLOATS)
    if kind == 2:
        return rng.choice(ODD_TEXT)
    if kind == 3:
        return rng.choice(ODD_TIMES + ODD_DATES)
    if kind == 4:
        return rng.choice([None, True, False, [], {}, [1, 2], {"a": None}, [[[]]]])
    if kind == 5:
        deep: Any = 1
        for _ in range(rng.choice([10, 200, 900])):
            deep = [deep]
        return deep
    if kind == 6:
        return {rng.choice(ODD_TEXT): rng.choice(ODD_FLOATS) for _ in range(rng.randint(1, 4))}
    if kind == 7:
        return odd_uuid(rng, None)
    if kind == 8:
        return odd_hash(rng)
    return rng.randint(-(2**70), 2**70)


# ---------------------------------------------------------------------------------------------
# Record mutations: each changes `draft` and says what it did


def _record(
    rng: random.Random, draft: Draft, table: str | None = None
) -> tuple[str, dict[str, Any]]:
    tables = [t for t, rows in draft.tables.items() if rows and (table is None or t == table)]
    if not tables:
        tables = [t for t, rows in draft.tables.items() if rows]
    chosen = rng.choice(sorted(tables))
    return chosen, rng.choice(draft.tables[chosen])


def _field(rng: random.Random, record: dict[str, Any], keys: tuple[str, ...] = ()) -> str:
    wanted = [k for k in sorted(record) if k in keys] if keys else []
    return str(rng.choice(wanted or sorted(record)))


def _set(
    rng: random.Random, draft: Draft, make: Callable[[Any], Any], keys: tuple[str, ...] = ()
) -> str:
    table, record = _record(rng, draft)
    name = _field(rng, record, keys)
    record[name] = make(record[name])
    return f"{table}.{name}={_short(record[name])}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "..."


def change_type(rng: random.Random, draft: Draft) -> str:
    return _set(rng, draft, lambda old: any_value(rng))


def odd_int(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = (
        "revision",
        "base_revision",
        "population",
        "households",
        "unit_price_idr",
        "year",
    )
    keys += ("sequence", "size_bytes", "width", "height", "stars", "band_stars", "rubric_version")
    return _set(rng, draft, lambda old: rng.choice(ODD_INTS), keys)


def odd_float(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = (
        "latitude",
        "longitude",
        "gps_accuracy_m",
        "monthly_production",
        "total",
    )
    choose: list[Any] = rng.choice(
        [ODD_FLOATS, ["NaN", "Infinity", "-Infinity", "1e999", "72.505", "1e-7"]]
    )
    return _set(rng, draft, lambda old: rng.choice(choose), keys)


def wrong_uuid(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = (
        "id",
        "survey_id",
        "product_id",
        "assessment_id",
        "officer_id",
        "assessor_id",
    )
    keys += ("device_id", "record_id")
    return _set(rng, draft, lambda old: odd_uuid(rng, old), keys)


def hash_path(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = ("sha256", "pdf_sha256", "rubric_hash", "snapshot_hash")
    table = rng.choice(["attachments", "letters", "assessments"])
    _, record = _record(rng, draft, table)
    name = _field(rng, record, keys)
    record[name] = odd_hash(rng)
    return f"{table}.{name}={_short(record[name])}"


def missing_field(rng: random.Random, draft: Draft) -> str:
    table, record = _record(rng, draft)
    name = _field(rng, record)
    del record[name]
    return f"{table} without {name}"


def extra_field(rng: random.Random, draft: Draft) -> str:
    table, record = _record(rng, draft)
    name = rng.choice(["kolom_baru", "exchanged", "_sa_instance_state", "levels", "ID", "id "])
    record[name] = any_value(rng)
    return f"{table}.{name} added"


def delete_record(rng: random.Random, draft: Draft) -> str:
    table, record = _record(rng, draft)
    draft.tables[table].remove(record)
    return f"{table} {record.get('id')} removed"


def duplicate_record(rng: random.Random, draft: Draft) -> str:
    table, record = _record(rng, draft)
    twin = copy.deepcopy(record)
    if rng.random() < 0.5 and "revision" in twin:
        twin["revision"] = rng.choice([twin["revision"], twin["revision"] + 1])
        twin["updated_at"] = NOW.isoformat()
    draft.tables[table].insert(rng.randrange(len(draft.tables[table]) + 1), twin)
    return f"{table} {record.get('id')} twice"


def swap_parent(rng: random.Random, draft: Draft) -> str:
    """A reference pointed at another record: of its own table, of another table, itself."""
    keys: tuple[str, ...] = (
        "survey_id",
        "product_id",
        "assessment_id",
        "officer_id",
        "assessor_id",
        "record_id",
    )
    table, record = _record(rng, draft)
    name = _field(rng, record, keys)
    everyone = [r["id"] for rows in draft.tables.values() for r in rows if "id" in r]
    record[name] = rng.choice([*everyone, record.get("id")])
    if rng.random() < 0.3:  # an attachment on two owners, a child moved to a deleted parent
        other = "product_id" if name == "survey_id" else "survey_id"
        record[other] = rng.choice(everyone)
    return f"{table}.{name} -> {record[name]}"


def future_time(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = (
        "created_at",
        "updated_at",
        "deleted_at",
        "taken_at",
        "voided_at",
        "at",
    )
    keys += ("survey_date", "assessed_on", "issued_on")
    return _set(rng, draft, lambda old: rng.choice(ODD_TIMES + ODD_DATES), keys)


def unicode_text(rng: random.Random, draft: Draft) -> str:
    keys: tuple[str, ...] = (
        "name",
        "notes",
        "village_name",
        "caption",
        "number",
        "reason",
        "new_value",
    )
    keys += ("old_value", "nip", "phone", "unit", "category", "status", "verification_code")
    return _set(rng, draft, lambda old: rng.choice(ODD_TEXT), keys)


def levels(rng: random.Random, draft: Draft) -> str:
    _, record = _record(rng, draft, "assessments")
    items = record.get("levels")
    if not isinstance(items, list) or not items:
        record["levels"] = [{"criterion_id": "C1", "level": 9, "note": None}]
        return "assessments.levels made"
    item = rng.choice(items)
    what = rng.randrange(6)
    if what == 0:
        items.append(copy.deepcopy(item))
    elif what == 1:
        item["criterion_id"] = rng.choice(["C99", "", None, 1, "c1", "../C1", "C1\x00"])
    elif what == 2:
        item["level"] = rng.choice([0, 6, -1, "3", 3.5, None, True, 2**63])
    elif what == 3:
        item[rng.choice(["assessment_id", "extra", "id"])] = any_value(rng)
    elif what == 4:
        items.extend({"criterion_id": f"X{n}", "level": 1, "note": None} for n in range(3000))
    else:
        record["levels"] = rng.choice([[], None, {}, "C1=4", [None], [[1]]])
    return f"assessments.levels change {what}"


def raw_lines(rng: random.Random, draft: Draft) -> str:
    """A record file edited as text: a line lost, repeated, blank, cut, of Windows, with a BOM."""
    table = rng.choice(sorted(t for t, rows in draft.tables.items() if rows))
    what = rng.randrange(10)

    def edit(data: bytes) -> bytes:
        lines = data.split(b"\n")[:-1]
        if not lines:  # the table was emptied by another mutation
            return data + b"{}\n"
        at = rng.randrange(len(lines))
        if what == 0:
            del lines[at]
        elif what == 1:
            lines.insert(at, lines[at])
        elif what == 2:
            lines.insert(at, b"")
        elif what == 3:
            lines[at] = lines[at][: rng.randrange(len(lines[at]))]
        elif what == 4:
            return b"\r\n".join(lines) + b"\r\n"
        elif what == 5:
            return b"\xef\xbb\xbf" + data
        elif what == 6:
            lines[at] = lines[at].replace(b'", "', b'",\xff "', 1)
        elif what == 7:
            rng.shuffle(lines)
        elif what == 8:
            lines[at] = b"[" * 100_000 + b"]" * 100_000  # deeper than any parser's stack
        else:
            return b"\n".join(lines)  # no final line feed
        return b"".join(line + b"\n" for line in lines)

    draft.raw.append((f"records/{table}.jsonl", edit))
    return f"records/{table}.jsonl edit {what}"


def members(rng: random.Random, draft: Draft) -> str:
    """Members added, emptied or dropped (signed: every listing stays true)."""
    what = rng.randrange(7)
    if what == 0 and draft.tables:
        table = rng.choice(sorted(draft.tables))
        del draft.tables[table]
        return f"records/{table}.jsonl dropped"
    if what == 1:
        name = rng.choice(["devices", "conflicts", "import_log", "regions", "app_settings", "x"])
        draft.others[f"records/{name}.jsonl"] = encode([{"id": _uuid(rng), "a": 1}])
        return f"records/{name}.jsonl added"
    if what == 2:
        media = sorted(p for p in draft.others if p.startswith("media/"))
        if media:
            del draft.others[rng.choice(media)]
            return "a photo dropped"
    if what == 3:
        data = rng.randbytes(rng.randrange(1, 3000))
        draft.others[f"media/{hashlib.sha256(data).hexdigest()}.jpg"] = data
        return "an unknown photo added"
    if what == 4:
        media = sorted(p for p in draft.others if p.startswith("media/"))
        if media:
            path = rng.choice(media)
            draft.others[path.replace(".jpg", rng.choice([".png", "", ".jpg.exe"]))] = (
                draft.others.pop(path)
            )
            return f"{path} renamed"
    if what == 5 and draft.tables:
        table = rng.choice(sorted(draft.tables))
        draft.tables[table] = []
        return f"records/{table}.jsonl empty"
    draft.others[rng.choice(["notes.txt", "records/", "records/a/b.jsonl", "media/x.jpg"])] = b"x"
    return "an odd member added"


def manifest(rng: random.Random, draft: Draft) -> str:
    """A manifest field changed, removed or added (and the manifest signed again)."""
    names = sorted({*draft.manifest, "counts", "members", "package_id"})
    name = rng.choice([*names, "extra"])
    what = rng.randrange(5)

    def edit(data: dict[str, Any]) -> None:
        if what == 0:
            data.pop(name, None)
        elif what == 1:
            data[name] = any_value(rng)
        elif what == 2 and name == "counts":
            data["counts"] = {rng.choice([*draft.tables, "x"]): rng.choice(ODD_INTS)}
        elif what == 2 and name == "members" and data["members"]:
            entry = rng.choice(data["members"])
            entry[rng.choice(["path", "size", "sha256", "extra"])] = any_value(rng)
        elif what == 3:
            data[name] = rng.choice(ODD_TEXT + ODD_TIMES)
        else:
            data[name] = rng.choice(
                [2, 1.0, True, "1", "setup", "ovop-exchange ", _uuid(rng).upper()]
            )

    draft.manifest_edits.append(edit)
    return f"manifest {name} change {what}"


RECORD_MUTATIONS: dict[str, Callable[[random.Random, Draft], str]] = {
    f.__name__: f
    for f in (
        change_type,
        odd_int,
        odd_float,
        wrong_uuid,
        hash_path,
        missing_field,
        extra_field,
        delete_record,
        duplicate_record,
        swap_parent,
        future_time,
        unicode_text,
        levels,
        raw_lines,
        members,
        manifest,
    )
}


def combined(rng: random.Random, draft: Draft) -> str:
    chosen = rng.sample(sorted(RECORD_MUTATIONS), rng.randint(2, 4))
    return " + ".join(RECORD_MUTATIONS[name](rng, draft) for name in chosen)


RECORD_MUTATIONS["combined"] = combined


# ---------------------------------------------------------------------------------------------
# Byte mutations of a whole file


def flip(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    out = bytearray(data)
    spots = [rng.randrange(len(out)) for _ in range(rng.choice([1, 1, 2, 4, 16]))]
    for spot in spots:
        out[spot] ^= 1 << rng.randrange(8)
    return bytes(out), f"bits flipped at {spots[:4]}"


def truncate(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    cut = rng.choice([rng.randrange(len(data)), len(data) - rng.randrange(1, 100)])
    return data[: max(cut, 0)], f"cut at {cut}"


def insert(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    at = rng.randrange(len(data) + 1)
    extra = rng.choice([rng.randbytes(rng.randrange(1, 64)), b"PK\x03\x04", b"PK\x05\x06" * 3])
    return data[:at] + extra + data[at:], f"{len(extra)} bytes in at {at}"


def delete(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    at = rng.randrange(len(data))
    size = rng.randrange(1, 200)
    return data[:at] + data[at + size :], f"{size} bytes out at {at}"


def splice(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    """A stretch of the file replaced by a stretch of another package (or of itself)."""
    source = rng.choice([data, other])
    at, start = rng.randrange(len(data)), rng.randrange(len(source))
    size = rng.randrange(1, 4000)
    return data[:at] + source[start : start + size] + data[at + size :], f"splice {at}+{size}"


def overwrite(rng: random.Random, data: bytes, other: bytes) -> tuple[bytes, str]:
    at, size = rng.randrange(len(data)), rng.randrange(1, 32)
    fill = rng.choice([b"\x00", b"\xff", b"A"]) * size
    return data[:at] + fill + data[at + size :], f"{size} bytes overwritten at {at}"


BYTE_MUTATIONS: dict[str, Callable[[random.Random, bytes, bytes], tuple[bytes, str]]] = {
    f.__name__: f for f in (flip, truncate, insert, delete, splice, overwrite)
}
