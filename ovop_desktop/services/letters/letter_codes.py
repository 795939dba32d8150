"""Reading what a person hands in for verification: a typed code, the decoded QR text, a letter
number, or a PDF file, in which the verification code is looked for wherever it can be read.

A letter re-saved by another PDF program keeps its text but not its bytes: its metadata may be
re-encoded and its pages compressed, so besides the raw bytes the code is read from the
decoded metadata and the text layer (PDFium, the library the preview already ships).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pypdfium2 as pdfium  # type: ignore[import-untyped]

from ovop_desktop.core.letter_identity import CODE_PREFIX, code_in_pdf

# Base32 without padding, as `letter_identity.verification_code` writes it.
_CODE = re.compile(r"^[A-Z2-7]{5}-[A-Z2-7]{5}$")
_CODE_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])([A-Z2-7]{5}) ?- ?([A-Z2-7]{5})(?![A-Za-z0-9])")
_CODE_IN_BYTES = re.compile(rb"(?<![A-Za-z0-9])([A-Z2-7]{5})-([A-Z2-7]{5})(?![A-Za-z0-9])")
# Digits a person may type for the letters they resemble; base32 has no 0, 1, 8 or 9.
_LOOK_ALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})
MAX_PAGES_READ = 40  # a letter has a few pages; a huge file is not read to its end


@dataclass(frozen=True)
class QrText:
    """The decoded content of a letter's QR code: ``OVOPV1|code|number|hash start``."""

    code: str
    number: str
    digest_start: str


def code_from_text(text: str) -> str | None:
    """A verification code as a person types it (any case, spaces, the hyphen left out, 0 for
    O) in its printed form ``"K7Q2A-9XRMB"``, or None when it cannot be one."""
    squeezed = re.sub(r"[\s-]", "", text).upper()
    if squeezed.startswith(f"{CODE_PREFIX}:"):
        squeezed = squeezed[len(CODE_PREFIX) + 1 :]
    squeezed = squeezed.translate(_LOOK_ALIKES)
    code = f"{squeezed[:5]}-{squeezed[5:]}"
    return code if len(squeezed) == 10 and _CODE.match(code) else None


def qr_text(text: str) -> QrText | None:
    """The parts of a decoded QR text, or None when `text` is not one."""
    parts = [part.strip() for part in text.strip().split("|")]
    if len(parts) != 4 or parts[0].upper() != CODE_PREFIX:
        return None
    code = code_from_text(parts[1])
    return QrText(code, parts[2], parts[3].lower()) if code else None


def number_key(number: str) -> str:
    """A letter number compared without spaces or case: ``" 500.2/7/dkukm/xi/2026"``."""
    return re.sub(r"\s", "", number).upper()


def _codes_in_text(text: str) -> list[str]:
    return [f"{first}-{second}" for first, second in _CODE_IN_TEXT.findall(text)]


def _readable_text(pdf: bytes) -> list[str]:
    """The PDF's metadata values, then the text of its pages; nothing for a file PDFium
    cannot open (not a PDF, damaged beyond repair)."""
    try:
        document = pdfium.PdfDocument(pdf)
    except pdfium.PdfiumError:
        return []
    texts: list[str] = []
    try:
        texts.extend(str(value) for value in document.get_metadata_dict().values())
        for index in range(min(len(document), MAX_PAGES_READ)):
            page = document[index]
            try:
                text_page = page.get_textpage()
                try:
                    texts.append(text_page.get_text_range())
                finally:
                    text_page.close()
            finally:
                page.close()
    except pdfium.PdfiumError:
        pass  # what was read so far still counts
    finally:
        document.close()
    return texts


def codes_in_pdf(pdf: bytes) -> list[str]:
    """Every verification code a file may carry, most telling first: in the keywords of a
    letter as issued, then in its decoded metadata and text layer, then anywhere in its bytes.
    Each code once; whether it is a letter's is for the register to say."""
    keyword = code_in_pdf(pdf)
    found = [keyword] if keyword else []
    for text in _readable_text(pdf):
        found.extend(_codes_in_text(text))
    found.extend((a + b"-" + b).decode("ascii") for a, b in _CODE_IN_BYTES.findall(pdf))
    return list(dict.fromkeys(found))
