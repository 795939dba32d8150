"""Verifying a letter: is this PDF file the very file the register issued, and what does the
register hold for the letter a file, a typed code, a decoded QR text or a letter number names?

A file counts as the issued letter only when its bytes are those of the issued PDF (its SHA-256
is kept in the register); any other file that names a letter, a re-saved copy, an edited one,
a scrap holding only the code, is said plainly not to be the issued file, and the register's
own facts are shown beside it so the reader can compare them with the paper.
"""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ovop_desktop.core.formatting import format_date_id, format_number_id
from ovop_desktop.core.letter_identity import snapshot_hash
from ovop_desktop.db.models import Letter, Survey
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import InvalidInputError, NotFoundError
from ovop_desktop.services.letters.letter_codes import (
    code_from_text,
    codes_in_pdf,
    number_key,
    qr_text,
)
from ovop_desktop.services.letters.letter_content import assessment_snapshot
from ovop_desktop.services.rubrics import get_rubric

MAX_LETTER_FILE = 50 * 1024 * 1024  # a letter is a few hundred kilobytes


@dataclass(frozen=True)
class RegisteredLetter:
    """What the register holds of one letter, to compare with the paper."""

    letter_id: uuid.UUID
    number: str
    issued_on: date
    village: str | None
    product: str | None
    total: Decimal | None
    stars: int | None
    max_stars: int | None
    signatory: str
    signatory_position: str
    status: str  # "issued", "void" or "replaced"
    void_reason: str | None
    verification_code: str
    assessment_changed: bool | None  # None: the rubric it was scored with is not here
    replaced_by: str | None = None  # the number of the letter that replaced this one
    replace_reason: str | None = None

    @property
    def state(self) -> str:
        """ "void", "replaced", "changed" (the assessment changed since the letter) or
        "valid"."""
        if self.status in ("void", "replaced"):
            return self.status
        return "changed" if self.assessment_changed else "valid"

    def lines_id(self) -> list[str]:
        """The register's facts as lines: ``"Tanggal      : 5 Desember 2026"``…"""
        status = {
            "void": f"DIBATALKAN — {self.void_reason or 'tanpa alasan tercatat'}",
            "replaced": f"DIGANTI dengan surat {self.replaced_by or '?'} — "
            f"{self.replace_reason or 'tanpa alasan tercatat'}",
            "changed": "berlaku (penilaiannya sudah berubah sejak surat diterbitkan)",
        }.get(self.state, "berlaku")
        rows = [
            ("Nomor", self.number),
            ("Tanggal", format_date_id(self.issued_on)),
            ("Desa", self.village or "—"),
            ("Produk", self.product or "—"),
            ("Total", "—" if self.total is None else format_number_id(self.total, 2)),
            ("Bintang", self.stars_text()),
            ("Penanda tangan", self.signatory_text()),
            ("Status", status),
            ("Kode verifikasi", self.verification_code),
        ]
        return [f"{label:<16}: {value}" for label, value in rows]

    def stars_text(self) -> str:
        """``"4 dari 5"``: plain text, which any console (a Windows code page too) can print."""
        if self.stars is None:
            return "—"
        if self.max_stars is None:
            return str(self.stars)
        return f"{self.stars} dari {self.max_stars}"

    def signatory_text(self) -> str:
        return ", ".join(part for part in (self.signatory, self.signatory_position) if part) or "—"


@dataclass(frozen=True)
class Verification:
    """The answer to one verification.

    `given` says what was handed in ("file", "code", "qr", "number", "text"); `status` is the
    register's word on the letter found ("valid", "changed", "void"), "unknown" when none is
    found, "several" when a number names letters of several laptops (`matches`). For a file,
    `same_file` says whether its bytes are those of the issued PDF; for a QR text, `qr_matches`
    whether its number and hash are the register's."""

    status: str
    given: str
    code: str | None = None
    letter: RegisteredLetter | None = None
    same_file: bool | None = None
    qr_matches: bool | None = None
    query: str = ""
    matches: tuple[RegisteredLetter, ...] = ()

    @property
    def authentic(self) -> bool:
        """The letter is live, unchanged, and what was handed in is truly it."""
        return self.status == "valid" and self.same_file is not False and not self.not_its_qr

    @property
    def not_its_qr(self) -> bool:
        return self.qr_matches is False

    # The fields earlier callers read.
    @property
    def number(self) -> str | None:
        return self.letter.number if self.letter else None

    @property
    def village(self) -> str | None:
        return self.letter.village if self.letter else None

    @property
    def product(self) -> str | None:
        return self.letter.product if self.letter else None

    @property
    def issued_on(self) -> date | None:
        return self.letter.issued_on if self.letter else None

    @property
    def message_id(self) -> str:
        return _message(self, english=False)

    @property
    def message_en(self) -> str:
        return _message(self, english=True)


def _unknown_message(result: Verification, english: bool) -> str:
    code, query = result.code, result.query
    if result.given == "file":
        if code:
            return (
                f"This file carries the code {code}, but no letter in the register has it: "
                "it is not a letter issued here."
                if english
                else f"Berkas ini memuat kode {code}, tetapi tidak ada surat di buku agenda "
                "dengan kode itu: berkas ini bukan surat yang diterbitkan di sini."
            )
        return (
            "No verification code could be read in this file. Type the code printed under the "
            "letter's QR code, or scan the QR code."
            if english
            else "Tidak ada kode verifikasi yang terbaca di berkas ini. Ketik kode yang tercetak "
            "di bawah kode QR surat, atau pindai kode QR-nya."
        )
    if result.given == "number":
        return (
            f"Letter number {query} is not in the letter register."
            if english
            else f"Nomor surat {query} tidak ditemukan di buku agenda surat."
        )
    if result.given == "text":
        return (
            f"“{query}” is not a verification code, a QR text, a letter number or an existing file."
            if english
            else f"“{query}” bukan kode verifikasi, teks kode QR, nomor surat, atau berkas yang "
            "ada."
        )
    return (
        f"The verification code {code} is not in the letter register."
        if english
        else f"Kode verifikasi {code} tidak ditemukan di buku agenda surat."
    )


def _state_message(letter: RegisteredLetter, english: bool) -> str:
    if letter.state == "void":
        reason = letter.void_reason or ("no reason recorded" if english else "tanpa alasan")
        return (
            f"The letter has been VOIDED: {reason}."
            if english
            else f"Surat itu sudah DIBATALKAN: {reason}."
        )
    if letter.state == "replaced":
        reason = letter.replace_reason or ("no reason recorded" if english else "tanpa alasan")
        later = letter.replaced_by or "?"
        return (
            f"The letter has been REPLACED by letter {later}: {reason}."
            if english
            else f"Surat itu sudah DIGANTI dengan surat {later}: {reason}."
        )
    if letter.state == "changed":
        return (
            "Its assessment has changed since the letter was issued."
            if english
            else "Penilaiannya sudah berubah sejak surat diterbitkan."
        )
    return (
        "The registered letter is valid and its assessment has not changed."
        if english
        else "Surat di buku agenda berlaku dan penilaiannya tidak berubah."
    )


def _message(result: Verification, *, english: bool) -> str:
    letter = result.letter
    if result.status == "several":
        count = len(result.matches)
        return (
            f"Letter number {result.query} is held by {count} letters of different officers' "
            "laptops (each laptop numbers its own letters). Check it by its verification code:"
            if english
            else f"Nomor surat {result.query} dipakai oleh {count} surat dari laptop petugas yang "
            "berbeda (setiap laptop menomori suratnya sendiri). Periksa dengan kode "
            "verifikasinya:"
        )
    if letter is None:
        return _unknown_message(result, english)
    state = _state_message(letter, english)
    number = letter.number
    if result.same_file is True:
        if letter.state == "valid":
            return (
                f"Valid, identical to the archive: this file is letter {number} exactly as "
                "issued, and its assessment has not changed."
                if english
                else f"Sah, identik dengan arsip: berkas ini sama persis dengan surat {number} "
                "yang diterbitkan, dan penilaiannya tidak berubah."
            )
        return (
            f"This file is letter {number} exactly as issued. {state}"
            if english
            else f"Berkas ini sama persis dengan surat {number} yang diterbitkan. {state}"
        )
    if result.same_file is False:
        return (
            f"This file is NOT the issued file: its content differs from the archived letter. "
            f"Its code {result.code} names letter {number}; compare the paper with what the "
            f"register holds, below. {state}"
            if english
            else f"Berkas ini BUKAN berkas surat yang diterbitkan: isinya berbeda dari arsip. "
            f"Kodenya ({result.code}) menunjuk surat {number}; bandingkan kertasnya dengan data "
            f"buku agenda di bawah. {state}"
        )
    if result.not_its_qr:
        return (
            f"This QR text does not match the register: code {result.code} belongs to letter "
            f"{number}, with another number or assessment. The QR code is not that of the "
            "issued letter."
            if english
            else f"Teks kode QR ini tidak cocok dengan buku agenda: kode {result.code} milik "
            f"surat {number}, dengan nomor atau penilaian yang lain. Kode QR ini bukan kode QR "
            "surat yang diterbitkan."
        )
    if letter.state == "valid":
        return (
            f"Letter {number} is valid: it is in the letter register and its assessment has not "
            "changed. Compare the paper with what the register holds, below."
            if english
            else f"Surat {number} sah: terdaftar di buku agenda dan penilaiannya tidak berubah. "
            "Cocokkan kertasnya dengan data buku agenda di bawah."
        )
    return (
        f"Letter {number} is in the letter register. {state}"
        if english
        else f"Surat {number} terdaftar di buku agenda. {state}"
    )


# --- reading the register ----------------------------------------------------------------------


def _product(snapshot: dict[str, Any]) -> dict[str, Any] | None:
    return next(
        (c for c in snapshot["candidates"] if c["product_id"] == snapshot["recommended"]), None
    )


def _registered(db: Database, letter: Letter, village: str | None) -> RegisteredLetter:
    snapshot: dict[str, Any] = letter.snapshot
    chosen = _product(snapshot) or {}
    try:
        rubric = get_rubric(db, snapshot["rubric"]["id"], snapshot["rubric"]["version"])
    except NotFoundError:
        rubric = None
    changed = (
        None
        if rubric is None
        else snapshot_hash(assessment_snapshot(db, letter.survey_id, rubric))
        != letter.snapshot_hash
    )
    total = chosen.get("total")
    replaced_by = None
    if letter.replaced_by is not None:
        with db.session() as session:
            replaced_by = session.scalar(
                select(Letter.number).where(Letter.id == letter.replaced_by)
            )
    return RegisteredLetter(
        letter_id=letter.id,
        number=letter.number,
        issued_on=letter.issued_on,
        village=village,
        product=chosen.get("name"),
        total=None if total is None else Decimal(str(total)),
        stars=chosen.get("stars"),
        max_stars=rubric.max_stars if rubric else None,
        signatory=str(letter.signatory.get("name") or ""),
        signatory_position=str(letter.signatory.get("position") or ""),
        status=letter.status,
        void_reason=letter.void_reason,
        verification_code=letter.verification_code,
        assessment_changed=changed,
        replaced_by=replaced_by,
        replace_reason=letter.replace_reason,
    )


def _letters_where(db: Database, *conditions: Any) -> list[tuple[Letter, str | None]]:
    with db.session() as session:
        query = (
            select(Letter, Survey.village_name)
            .outerjoin(Survey, Survey.id == Letter.survey_id)
            .where(*conditions)
            .order_by(Letter.issued_on, Letter.number)
        )
        rows: list[tuple[Letter, str | None]] = [
            (letter, village) for letter, village in session.execute(query).all()
        ]
        session.expunge_all()
    return rows


def _by_code(db: Database, code: str) -> RegisteredLetter | None:
    rows = _letters_where(db, Letter.verification_code == code)
    return _registered(db, *rows[0]) if rows else None


# --- what was handed in ------------------------------------------------------------------------


def _verify_file(db: Database, pdf: bytes) -> Verification:
    digest = hashlib.sha256(pdf).hexdigest()
    rows = _letters_where(db, Letter.pdf_sha256 == digest)
    if rows:
        letter = _registered(db, *rows[0])
        return Verification(letter.state, "file", letter.verification_code, letter, True)
    codes = codes_in_pdf(pdf)
    rows = _letters_where(db, Letter.verification_code.in_(codes)) if codes else []
    if not rows:
        return Verification("unknown", "file", codes[0] if codes else None)
    rows.sort(key=lambda row: codes.index(row[0].verification_code))
    letter = _registered(db, *rows[0])
    return Verification(letter.state, "file", letter.verification_code, letter, False)


def read_letter_file(path: Path) -> bytes:
    """The bytes of a file handed in for verification; a plain message when there is none."""
    if not path.exists():
        raise NotFoundError(
            f"Berkas {path} tidak ada. Periksa nama dan foldernya.",
            f"The file {path} does not exist. Check its name and folder.",
        )
    if not path.is_file():
        raise InvalidInputError(
            f"{path} bukan berkas: pilih berkas PDF surat.",
            f"{path} is not a file: choose the letter's PDF file.",
        )
    if path.stat().st_size > MAX_LETTER_FILE:
        raise InvalidInputError(
            f"Berkas {path} terlalu besar untuk sebuah surat.",
            f"The file {path} is too large to be a letter.",
        )
    return path.read_bytes()


def _looks_like_path(text: str) -> bool:
    return (
        text.lower().endswith(".pdf")
        or "\\" in text
        or text.startswith(("/", "~", "."))
        or re.match(r"^[A-Za-z]:", text) is not None
    )


def _verify_text(db: Database, text: str) -> Verification:
    found_qr = qr_text(text)
    if found_qr is not None:
        letter = _by_code(db, found_qr.code)
        if letter is None:
            return Verification("unknown", "qr", found_qr.code)
        with db.session() as session:
            digest = session.scalar(
                select(Letter.snapshot_hash).where(Letter.id == letter.letter_id)
            )
        matches = (
            number_key(found_qr.number) == number_key(letter.number)
            and bool(found_qr.digest_start)
            and str(digest).startswith(found_qr.digest_start)
        )
        return Verification(letter.state, "qr", found_qr.code, letter, qr_matches=matches)
    code = code_from_text(text)
    if code is not None:
        letter = _by_code(db, code)
        return Verification(letter.state if letter else "unknown", "code", code, letter)
    key = number_key(text)
    with db.session() as session:
        ids = [
            letter_id
            for letter_id, number in session.execute(select(Letter.id, Letter.number)).all()
            if number_key(number) == key
        ]
    if ids:
        found = [_registered(db, *row) for row in _letters_where(db, Letter.id.in_(ids))]
        if len(found) > 1:
            return Verification("several", "number", query=text, matches=tuple(found))
        return Verification(found[0].state, "number", found[0].verification_code, found[0])
    if _looks_like_path(text):
        read_letter_file(Path(text))  # says the file is missing, or is not a file
    return Verification("unknown", "number" if "/" in text else "text", query=text)


def verify_letter(db: Database, given: str | bytes | Path) -> Verification:
    """Verify what a person hands in: a PDF file (`Path`, or its bytes), or text that is a
    verification code, the decoded QR text, a letter number, or the path of a file."""
    if isinstance(given, bytes):
        return _verify_file(db, given)
    if isinstance(given, Path):
        return _verify_file(db, read_letter_file(given))
    text = given.strip()
    if not text:
        raise InvalidInputError(
            "Ketik kode verifikasi, teks kode QR atau nomor surat, atau pilih berkas PDF-nya.",
            "Type the verification code, the QR text or the letter number, or choose its PDF.",
            field="code",
        )
    if Path(text).is_file():
        return _verify_file(db, read_letter_file(Path(text)))
    return _verify_text(db, text)


def find_code(code_or_pdf: str | bytes | Path) -> str | None:
    """The verification code in a typed code or in a letter's PDF (the first one it carries)."""
    if isinstance(code_or_pdf, Path):
        code_or_pdf = read_letter_file(code_or_pdf)
    if isinstance(code_or_pdf, bytes):
        return next(iter(codes_in_pdf(code_or_pdf)), None)
    return code_from_text(code_or_pdf)
