"""A letter's number, verification code and QR payload, built once for single and batch letters."""

from __future__ import annotations

import uuid
from datetime import date

from ovop_desktop.core.letter_identity import (
    code_in_pdf,
    letter_identity,
    letter_number,
    snapshot_hash,
    typed_code,
    verification_code,
)

LETTER_ID = uuid.UUID("3f9c2a7e-5b1d-4c8e-9a60-2d7f1e4b8c15")


def test_letter_number_fills_sequence_roman_month_and_year() -> None:
    template = "500.2/{nomor}/DKUKM/{bulan}/{tahun}"
    assert letter_number(template, 7, date(2026, 11, 27)) == "500.2/7/DKUKM/XI/2026"


def test_snapshot_hash_ignores_key_order() -> None:
    assert snapshot_hash({"a": 1, "b": [1, 2]}) == snapshot_hash({"b": [1, 2], "a": 1})
    assert snapshot_hash({"a": 1}) != snapshot_hash({"a": 2})


def test_identity_ties_number_code_and_payload_together() -> None:
    snapshot = {"survey_id": "x", "recommended": None}
    identity = letter_identity("{nomor}/OVOP/{tahun}", 12, date(2026, 3, 1), snapshot, LETTER_ID)
    digest = snapshot_hash(snapshot)
    assert identity.number == "12/OVOP/2026"
    assert identity.sequence == 12
    assert identity.digest == digest
    assert identity.verification_code == verification_code(LETTER_ID, digest)
    assert identity.payload == f"OVOPV1|{identity.verification_code}|12/OVOP/2026|{digest[:16]}"


def test_a_new_letter_gets_its_own_code() -> None:
    first = letter_identity("{nomor}", 1, date(2026, 1, 1), {})
    second = letter_identity("{nomor}", 1, date(2026, 1, 1), {})
    assert first.letter_id != second.letter_id
    assert first.verification_code != second.verification_code


def test_codes_are_read_back_from_a_pdf_or_as_typed() -> None:
    code = verification_code(LETTER_ID, "0" * 64)
    assert code_in_pdf(b"/Keywords (OVOP, OVOPV1:" + code.encode() + b")") == code
    assert code_in_pdf(b"no code here") is None
    assert typed_code(" " + code.lower().replace("-", "") + " ") == code
    assert typed_code("  ") is None
