"""Properties of the border check (Hypothesis): a valid record with one field changed to anything
(a wrong type, a huge integer, NaN or infinity, long text, a path, a nested object) is either
accepted in a form every database stores and every export writes again, or refused with the
typed error, never anything else; and a signed package mutated so imports or refuses cleanly,
after which the province still exports."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ovop_desktop.exchange.package_format import (
    PackageError,
    RecordError,
    decode_records,
    encode_records,
)
from ovop_desktop.exchange.records import TABLES, content_hash, from_record
from ovop_desktop.exchange.schema import check_record
from ovop_desktop.services.sync.packages import export_package, import_package
from tests.conftest import Home, MakeHome
from tests.exchange.test_border_values import hand_made

MODELS = dict(TABLES)
SURVEY, PRODUCT, ASSESSMENT = (str(uuid.uuid4()) for _ in range(3))
OFFICER, DEVICE = str(uuid.uuid4()), str(uuid.uuid4())
SAVED = {
    "revision": 2,
    "base_revision": 1,
    "created_at": "2025-03-01T08:00:00+00:00",
    "updated_at": "2025-03-02T09:30:00+00:00",
    "device_id": DEVICE,
    "deleted_at": None,
}
VALID: dict[str, dict[str, Any]] = {
    "officers": {
        "id": OFFICER,
        "name": "Siti Rahmah",
        "nip": "198701012010012001",
        "unit": "Dinas Koperasi",
        "phone": "0812 3456 7890",
        "created_at": "2025-03-01T08:00:00+00:00",
        "updated_at": "2025-03-01T08:00:00+00:00",
    },
    "surveys": {
        "id": SURVEY,
        **SAVED,
        "village_code": "63.01.01.2001",
        "village_name": "Benua Lawas",
        "district_name": "Takisung",
        "regency_name": "Tanah Laut",
        "survey_date": "2025-03-01",
        "officer_id": OFFICER,
        "status": "final",
        "latitude": -3.8761,
        "longitude": 114.6312,
        "gps_accuracy_m": 8.5,
        "population": 2140,
        "has_bumdes": True,
        "notes": "Jalan desa baik.\nSinyal lemah.",
    },
    "respondents": {"id": str(uuid.uuid4()), **SAVED, "survey_id": SURVEY, "name": "Pak Amat"},
    "candidate_products": {
        "id": PRODUCT,
        **SAVED,
        "survey_id": SURVEY,
        "name": "Amplang",
        "category": "makanan",
        "unit_price_idr": 25000,
        "local_material_pct": 80,
        "market_reach": "provinsi",
        "monthly_production": 120.5,
        "permit_pirt": True,
    },
    "assessments": {
        "id": ASSESSMENT,
        **SAVED,
        "product_id": PRODUCT,
        "assessor_id": OFFICER,
        "rubric_id": "ovop-kalsel",
        "rubric_version": 1,
        "rubric_hash": "ab" * 32,
        "status": "final",
        "assessed_on": "2025-03-02",
        "total": "72.50",
        "band_stars": 4,
        "stars": 3,
        "levels": [
            {"criterion_id": "C1", "level": 4, "note": "Bahan lokal"},
            {"criterion_id": "C2", "level": None, "note": None},
        ],
    },
    "attachments": {
        "id": str(uuid.uuid4()),
        **SAVED,
        "sha256": "0f" * 32,
        "media_type": "image/jpeg",
        "size_bytes": 48213,
        "width": 1600,
        "taken_at": "2025-03-01T10:15:00+08:00",
        "survey_id": SURVEY,
    },
    "letters": {
        "id": str(uuid.uuid4()),
        **SAVED,
        "number": "500/12/DKUKM/2025",
        "year": 2025,
        "sequence": 12,
        "issued_on": "2025-03-03",
        "survey_id": SURVEY,
        "signatory": {"name": "Ir. H. Ahmad", "nip": "1970", "title": "Kepala Dinas"},
        "snapshot": {"total": "72.50", "stars": 3, "levels": {"C1": 4}, "weight": 0.25},
        "snapshot_hash": "cd" * 32,
        "verification_code": "K7Q2A-9XRMB",
        "status": "issued",
    },
    "audit_log": {
        "id": str(uuid.uuid4()),
        "at": "2025-03-02T09:30:00+00:00",
        "officer_id": OFFICER,
        "device_id": DEVICE,
        "table_name": "surveys",
        "record_id": SURVEY,
        "field": "notes",
        "old_value": "",
        "new_value": "Jalan desa baik.",
        "reason": "Salah ketik",
    },
}

HOSTILE_TEXT = [
    "/tmp/ovop-rahasia.jpg",
    "../../../etc/hostname",
    "C:\\Windows\\win.ini",
    "a\x00b",
    "\ud800",
    "1e999",
    "NaN",
    "Infinity",
    "12.345",
    "-0.00",
    "2025-13-40",
    "2025-03-01T08:00:00",
    "0001-01-01T00:00:00+05:00",
    "9999-12-31T23:59:59-05:00",
    "AB" * 32,
    "ab" * 33,
    str(uuid.uuid4()).upper(),
    str(uuid.uuid4()).replace("-", ""),
]
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**31, 2**63, -(2**63) - 1, 10**400]),
    st.floats(),
    st.text(max_size=30),
    st.text(min_size=150, max_size=300),
    st.sampled_from(HOSTILE_TEXT),
    st.uuids().map(str),
    st.datetimes(timezones=st.timezones()).map(datetime.isoformat),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.floats(), max_size=3),
    st.recursive(st.integers(), lambda inner: st.lists(inner, max_size=2), max_leaves=60),
)
FIELDS = st.sampled_from(sorted(VALID)).flatmap(
    lambda table: st.tuples(
        st.just(table), st.sampled_from([*sorted(VALID[table]), "levels", "kolom_baru"])
    )
)


def _exportable(table: str, record: dict[str, Any]) -> None:
    """What an accepted record must survive: being written as JSON again, hashed, and turned
    into the values its table stores (UTC times included)."""
    encode_records([record])
    content_hash(record)
    for value in from_record(MODELS[table], record).values():
        if isinstance(value, datetime):
            value.astimezone(UTC)


def test_the_valid_records_pass() -> None:
    for table, record in VALID.items():
        check_record(table, record)
        _exportable(table, record)


@settings(max_examples=400, deadline=None)
@given(where=FIELDS, value=VALUES)
def test_any_changed_field_is_accepted_exportable_or_refused_with_the_typed_error(
    where: tuple[str, str], value: Any
) -> None:
    table, field = where
    record = {**VALID[table], field: value}
    member = f"records/{table}.jsonl"
    data = (json.dumps(record) + "\n").encode()  # NaN and Infinity written as JSON does not

    try:
        [decoded] = decode_records(data, member)
    except PackageError as error:  # RecordError, or no JSON at all (NaN, Infinity)
        refusal = error
    else:
        _exportable(table, decoded)
        return
    assert refusal.code == "bad_record"
    assert not isinstance(refusal, RecordError) or refusal.table == table


@pytest.fixture
def scene(make_home: MakeHome, tmp_path: Path) -> tuple[Home, Home, Path]:
    """An officer's package and the province, shared by every example of a property."""
    officer, province = make_home("rahmah", "Rahmah", seed=1), make_home("provinsi")
    return officer, province, export_package(officer.db, officer.paths, tmp_path / "usb").path


@pytest.mark.parametrize("backend", ["sqlite"])
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(where=FIELDS.filter(lambda w: w[0] in ("surveys", "assessments")), value=VALUES)
def test_a_mutated_package_imports_or_is_refused_and_export_always_works(
    scene: tuple[Home, Home, Path],
    tmp_path_factory: pytest.TempPathFactory,
    where: tuple[str, str],
    value: Any,
) -> None:
    officer, province, package = scene
    folder = tmp_path_factory.mktemp("paket")
    table, field = where

    def change(records: dict[str, list[dict[str, Any]]]) -> None:
        records[table][0][field] = value

    bad = hand_made(officer, package, folder / "ubah.ovop", change)
    result = import_package(province.db, province.paths, bad, trust_new=True)

    assert result.status in ("imported", "unchanged", "partial", "rejected")
    export_package(province.db, province.paths, folder / "keluar", everything=True)
