"""Verifying a letter: is this code, this QR text, this number or this PDF one the register
issued, is it still valid, and has the assessment changed since?"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.core.letter_identity import code_in_pdf, snapshot_hash, typed_code
from ovop_desktop.db.models import Letter, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.letters.register import assessment_snapshot
from ovop_desktop.services.rubrics import get_rubric


@dataclass(frozen=True)
class Verification:
    status: str  # "valid", "changed", "void", "unknown"
    code: str | None
    number: str | None = None
    village: str | None = None
    product: str | None = None
    issued_on: date | None = None

    @property
    def message_id(self) -> str:
        return {
            "valid": f"Surat {self.number} sah: cocok dengan buku agenda, penilaian tidak berubah.",
            "changed": f"Surat {self.number} terdaftar, tetapi penilaiannya sudah berubah sejak "
            "surat diterbitkan.",
            "void": f"Surat {self.number} terdaftar tetapi sudah DIBATALKAN.",
            "unknown": "Kode verifikasi tidak ditemukan di buku agenda surat.",
        }[self.status]


def find_code(code_or_pdf: str | bytes | Path) -> str | None:
    """The verification code in a typed code or in a letter's PDF."""
    if isinstance(code_or_pdf, Path):
        code_or_pdf = code_or_pdf.read_bytes()
    if isinstance(code_or_pdf, bytes):
        return code_in_pdf(code_or_pdf)
    return typed_code(code_or_pdf)


def verify_letter(db: Database, code_or_pdf: str | bytes | Path) -> Verification:
    code = find_code(code_or_pdf)
    with db.session() as session:
        letter = (
            session.scalars(select(Letter).where(Letter.verification_code == code)).first()
            if code
            else None
        )
        if letter is None:
            return Verification("unknown", code)
        stored, digest = letter.snapshot, letter.snapshot_hash
        number, status, survey_id = letter.number, letter.status, letter.survey_id
        survey = session.get(Survey, survey_id)
        village = survey.village_name if survey else None
        issued_on = letter.issued_on
    product = next(
        (c["name"] for c in stored["candidates"] if c["product_id"] == stored["recommended"]), None
    )
    if status == "void":
        return Verification("void", code, number, village, product, issued_on)
    rubric = get_rubric(db, stored["rubric"]["id"], stored["rubric"]["version"])
    current = snapshot_hash(assessment_snapshot(db, survey_id, rubric))
    return Verification(
        "valid" if current == digest else "changed", code, number, village, product, issued_on
    )
