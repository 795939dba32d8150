"""Every value is checked at the border: a signed package carrying a value its table cannot hold
(an infinite latitude, a path as a photo's hash, an id that is a number, an integer beyond 64
bits, a total that is no number, a device id that is no UUID) is refused with a message naming
the table, the record and the field; nothing of it is stored, and the next export succeeds."""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ovop_desktop.exchange.keys import load_or_create_key
from ovop_desktop.exchange.manifest import Manifest
from ovop_desktop.exchange.package import read_package
from ovop_desktop.exchange.package_format import PackageError, RecordError, decode_records
from ovop_desktop.exchange.schema import Fault
from ovop_desktop.services.sync.packages import (
    Rejection,
    canonical_dump,
    export_package,
    import_package,
)
from tests.conftest import Home, MakeHome

Records = dict[str, list[dict[str, Any]]]  # table → records
MARK = 12.3456789  # a latitude replaced in the written bytes (JSON writers refuse infinity)


def hand_made(
    officer: Home,
    package: Path,
    target: Path,
    change: Callable[[Records], None] = lambda records: None,
    raw: tuple[bytes, bytes] | None = None,
    **manifest_changes: Any,
) -> Path:
    """`package` with its records changed by `change`, `raw` replaced in their bytes and its
    manifest fields replaced, signed again by the officer's own key: only the change is wrong."""
    read = read_package(package)
    records: Records = {
        name[len("records/") : -len(".jsonl")]: decode_records(data, name)
        for name, data in read.members.items()
        if name.endswith(".jsonl")
    }
    change(records)
    members = {n: d for n, d in read.members.items() if not n.endswith(".jsonl")}
    for table, rows in records.items():
        data = "".join(json.dumps(row, sort_keys=True) + "\n" for row in rows).encode()
        members[f"records/{table}.jsonl"] = data.replace(*raw) if raw else data
    manifest = read.manifest.to_dict()
    manifest.update(
        package_id=str(uuid.uuid4()),
        counts={table: len(rows) for table, rows in records.items()},
        members=[
            {"path": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
            for n, d in sorted(members.items())
        ],
        **manifest_changes,
    )
    manifest_bytes = json.dumps(manifest).encode()
    key = load_or_create_key(officer.paths.data_dir)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_bytes)
        archive.writestr("manifest.sig", key.sign(manifest_bytes))
        for name, data in sorted(members.items()):
            archive.writestr(name, data)
    return target


def _first(table: str, **values: Any) -> Callable[[Records], None]:
    def change(records: Records) -> None:
        records[table][0].update(values)

    return change


def _photo(sha256: str) -> Callable[[Records], None]:
    """A photo record of the first survey, its hash given."""

    def change(records: Records) -> None:
        survey = records["surveys"][0]
        records["attachments"] = [
            {
                "id": str(uuid.uuid4()),
                "revision": 1,
                "base_revision": 0,
                "created_at": survey["created_at"],
                "updated_at": survey["updated_at"],
                "device_id": survey["device_id"],
                "deleted_at": None,
                "sha256": sha256,
                "media_type": "image/jpeg",
                "size_bytes": 1000,
                "survey_id": survey["id"],
            }
        ]

    return change


def _respondent_survey(value: Any) -> Callable[[Records], None]:
    def change(records: Records) -> None:
        records["respondents"][0]["survey_id"] = value

    return change


# (name, change, raw replacement, table, field, fault)
CASES: list[tuple[str, Callable[[Records], None], Any, str, str, Fault]] = [
    (
        "infinite_latitude",
        _first("surveys", latitude=MARK),
        (str(MARK).encode(), b"1e999"),
        "surveys",
        "latitude",
        Fault.NOT_FINITE,
    ),
    ("latitude_beyond_the_pole", _first("surveys", latitude=91.5), None, "surveys", "latitude",
     Fault.RANGE),
    ("hash_is_an_absolute_path", _photo("/tmp/ovop-rahasia.jpg"), None, "attachments", "sha256",
     Fault.SHA256),
    ("hash_climbs_out", _photo("../../../../etc/hostname"), None, "attachments", "sha256",
     Fault.SHA256),
    ("hash_in_capitals", _photo("AB" * 32), None, "attachments", "sha256", Fault.SHA256),
    ("id_is_a_number", _first("surveys", id=42), None, "surveys", "id", Fault.UUID),
    ("id_is_true", _first("surveys", id=True), None, "surveys", "id", Fault.UUID),
    ("id_is_an_object", _first("surveys", id={"a": 1}), None, "surveys", "id", Fault.UUID),
    ("parent_id_is_a_number", _respondent_survey(7), None, "respondents", "survey_id",
     Fault.UUID),
    ("parent_id_is_a_list", _respondent_survey([]), None, "respondents", "survey_id",
     Fault.UUID),
    ("integer_beyond_64_bits", _first("surveys", population=2**63), None, "surveys",
     "population", Fault.RANGE),
    ("price_beyond_64_bits", _first("candidate_products", unit_price_idr=2**64 + 1), None,
     "candidate_products", "unit_price_idr", Fault.RANGE),
    ("revision_is_text", _first("surveys", revision="3"), None, "surveys", "revision",
     Fault.TYPE),
    ("total_is_not_a_number", _first("assessments", total="banyak"), None, "assessments",
     "total", Fault.DECIMAL),
    ("total_is_infinite_text", _first("assessments", total="Infinity"), None, "assessments",
     "total", Fault.DECIMAL),
    ("time_without_zone", _first("surveys", updated_at="2025-03-01T08:00:00"), None, "surveys",
     "updated_at", Fault.TIME),
    ("unknown_status", _first("surveys", status="terbit"), None, "surveys", "status",
     Fault.CHOICE),
    ("name_too_long", _first("respondents", name="x" * 201), None, "respondents", "name",
     Fault.TOO_LONG),
    ("text_with_nul", _first("surveys", notes="a\x00b"), None, "surveys", "notes", Fault.TEXT),
    ("required_field_null", _first("surveys", village_name=None), None, "surveys",
     "village_name", Fault.NULL),
    ("level_out_of_range", lambda r: r["assessments"][0]["levels"][0].update(level=9), None,
     "assessments", "levels.level", Fault.RANGE),
]  # fmt: skip


@pytest.fixture
def officer_and_province(make_home: MakeHome, tmp_path: Path) -> tuple[Home, Home, Path]:
    rahmah = make_home("rahmah", "Rahmah", seed=1)
    province = make_home("provinsi")
    package = export_package(rahmah.db, rahmah.paths, tmp_path / "usb").path
    return rahmah, province, package


@pytest.mark.parametrize(
    ("change", "raw", "table", "field", "fault"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_value_its_table_cannot_hold_refuses_the_package_and_export_still_works(
    officer_and_province: tuple[Home, Home, Path],
    tmp_path: Path,
    change: Callable[[Records], None],
    raw: tuple[bytes, bytes] | None,
    table: str,
    field: str,
    fault: Fault,
) -> None:
    rahmah, province, package = officer_and_province
    bad = hand_made(rahmah, package, tmp_path / "buruk.ovop", change, raw)
    before = canonical_dump(province.db)

    with pytest.raises(RecordError) as caught:
        for name, data in read_package(bad).members.items():
            if name.endswith(".jsonl"):
                decode_records(data, name)
    result = import_package(province.db, province.paths, bad, trust_new=True)

    assert (caught.value.table, caught.value.field, caught.value.fault) == (table, field, fault)
    assert caught.value.code == "bad_record"
    assert result.status == "rejected" and result.rejection is Rejection.INVALID_RECORDS
    assert f"rekaman {table}" in (result.reason or "")
    assert f"kolom '{field}'" in (result.reason or "")
    assert canonical_dump(province.db) == before
    exported = export_package(province.db, province.paths, tmp_path / "keluar", everything=True)
    assert read_package(exported.path).manifest.kind == "survey-export"


def test_the_refusal_names_table_record_line_and_field_in_both_languages(
    officer_and_province: tuple[Home, Home, Path], tmp_path: Path
) -> None:
    rahmah, _, package = officer_and_province
    bad = hand_made(rahmah, package, tmp_path / "buruk.ovop", _first("surveys", population=2**63))
    member = "records/surveys.jsonl"
    data = read_package(bad).members[member]
    survey_id = json.loads(data.splitlines()[0])["id"]

    with pytest.raises(RecordError) as caught:
        decode_records(data, member)

    assert str(caught.value) == (
        f"Paket ditolak: rekaman surveys {survey_id} (berkas '{member}' baris 1) tidak sah: "
        f"kolom 'population' di luar rentang -{2**31 - 1} sampai {2**31 - 1}."
    )
    assert caught.value.message_en == (
        f"Package refused: the surveys {survey_id} record ('{member}' line 1) is not valid: "
        f"the field 'population' is outside -{2**31 - 1} to {2**31 - 1}."
    )
    assert caught.value.record_id == survey_id and caught.value.line == 1


@pytest.mark.parametrize(
    "device_id", ["laptop-tanah-laut-01", "", "7D1E2F3A-4B5C-4D6E-8F70-8192A3B4C5D6"]
)
def test_a_manifest_device_id_that_is_no_uuid_is_refused_also_in_a_preview(
    officer_and_province: tuple[Home, Home, Path], tmp_path: Path, device_id: str
) -> None:
    rahmah, province, package = officer_and_province
    bad = hand_made(rahmah, package, tmp_path / "buruk.ovop", device_id=device_id)
    before = canonical_dump(province.db)

    with pytest.raises(PackageError, match="device_id bukan UUID") as caught:
        read_package(bad)
    preview = import_package(province.db, province.paths, bad, trust_new=True, dry_run=True)
    result = import_package(province.db, province.paths, bad, trust_new=True)

    assert caught.value.code == "manifest_invalid"
    assert preview.status == result.status == "rejected"
    assert result.rejection is Rejection.NOT_A_PACKAGE
    assert canonical_dump(province.db) == before
    export_package(province.db, province.paths, tmp_path / "keluar", everything=True)


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("device_name", "x" * 201, "device_name"),
        ("officer_name", "Siti\nRahmah", "officer_name"),
        ("watermark_to", "kemarin", "watermark_to"),
        ("watermark_from", "2025-03-01T08:00:00+08:00", "watermark_from"),
        ("counts", {"surveys": 2**63}, "counts"),
        ("app_version", "1\x00", "app_version"),
    ],
)
def test_manifest_values_are_bounded(
    officer_and_province: tuple[Home, Home, Path],
    tmp_path: Path,
    field: str,
    value: Any,
    fragment: str,
) -> None:
    _, _, package = officer_and_province
    good = read_package(package).manifest.to_dict()

    with pytest.raises(PackageError, match=fragment) as caught:
        Manifest.from_dict({**good, field: value})

    assert caught.value.code == "manifest_invalid"
