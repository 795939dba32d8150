"""What identifies an issued recommendation letter: its number in the register, the hash of the
assessment it printed, its verification code and what its QR code encodes.

Issuing one letter and issuing a batch build it here alike, and the verify command reads the
code back with the same rules.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from ovop_desktop.core.formatting import roman_month

CODE_PREFIX = "OVOPV1"
# A letter's PDF carries "OVOPV1:<code>" in its keywords, where the verify command finds it.
KEYWORD_PREFIX = f"{CODE_PREFIX}:"
# The shape of a verification code as stored and carried in packages: "K7QPA-M2XD4".
CODE_PATTERN = r"[A-Z0-9]{5}-[A-Z0-9]{5}"
_CODE_IN_BYTES = re.compile(
    re.escape(KEYWORD_PREFIX.encode("ascii")) + b"(" + CODE_PATTERN.encode("ascii") + b")"
)


def letter_number(template: str, sequence: int, day: date) -> str:
    """ "500.2/{nomor}/DKUKM/{bulan}/{tahun}" → "500.2/7/DKUKM/XI/2026"."""
    return (
        template.replace("{nomor}", str(sequence))
        .replace("{bulan}", roman_month(day.month))
        .replace("{tahun}", str(day.year))
    )


def snapshot_hash(snapshot: Mapping[str, object]) -> str:
    """SHA-256 of the assessment snapshot in canonical JSON: equal content, equal hash."""
    canonical = json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def verification_code(letter_id: uuid.UUID, digest: str) -> str:
    """``"K7Q2A-9XRMB"``: ten base32 characters derived from the letter and its snapshot."""
    raw = hashlib.sha256(f"{letter_id}:{digest}".encode()).digest()
    text = base64.b32encode(raw).decode("ascii").replace("=", "")
    return f"{text[:5]}-{text[5:10]}"


def qr_payload(code: str, number: str, digest: str) -> str:
    """What the letter's QR code encodes: the code, the number and the start of the hash."""
    return f"{CODE_PREFIX}|{code}|{number}|{digest[:16]}"


def code_in_pdf(pdf: bytes) -> str | None:
    """The verification code a letter's PDF carries, or None."""
    found = _CODE_IN_BYTES.search(pdf)
    return found.group(1).decode("ascii") if found else None


def typed_code(text: str) -> str | None:
    """A code as typed by a person (any case, spaces, the hyphen left out) in its printed form."""
    code = text.strip().upper().replace(" ", "")
    if len(code) == 10 and "-" not in code:
        code = f"{code[:5]}-{code[5:]}"
    return code or None


@dataclass(frozen=True)
class LetterIdentity:
    letter_id: uuid.UUID
    sequence: int
    number: str
    digest: str  # snapshot_hash of the assessment the letter prints
    verification_code: str
    payload: str  # the QR code's content


def letter_identity(
    template: str,
    sequence: int,
    day: date,
    snapshot: Mapping[str, object],
    letter_id: uuid.UUID | None = None,
) -> LetterIdentity:
    """The identity of the letter numbered `sequence` on `day` that prints `snapshot`; a new
    letter id unless one is given."""
    letter_id = letter_id or uuid.uuid4()
    number = letter_number(template, sequence, day)
    digest = snapshot_hash(snapshot)
    code = verification_code(letter_id, digest)
    return LetterIdentity(
        letter_id, sequence, number, digest, code, qr_payload(code, number, digest)
    )
