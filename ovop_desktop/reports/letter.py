"""The recommendation letter (surat rekomendasi) and its attachment as one PDF: data in, bytes out.

The letter refuses to print without a number or a signatory: a blank letter number and a
missing signature block are what people complain about most in printed letters elsewhere.
"""

from __future__ import annotations

import re

from reportlab.platypus import KeepTogether, Spacer  # type: ignore[import-untyped]
from reportlab.platypus.doctemplate import LayoutError  # type: ignore[import-untyped]

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.letter_identity import KEYWORD_PREFIX
from ovop_desktop.reports.attachment import attachment_flowables, attachment_label
from ovop_desktop.reports.data import LetterData
from ovop_desktop.reports.letter_body import body_flowables, closing_paragraph
from ovop_desktop.reports.letter_parts import (
    letterhead_flowables,
    reference_flowables,
    shown_number,
    signature_block,
    tembusan_flowables,
    verification_note,
)
from ovop_desktop.reports.markup import unprintable
from ovop_desktop.reports.pages import DocumentInfo, build_pdf
from ovop_desktop.reports.styles import frame_width, styles

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)


class LetterError(DomainError):
    """A letter that must not be printed as it is (no number, no signatory)."""


def check_printable(data: LetterData) -> None:
    """Raise :class:`LetterError` when the letter lacks what an official letter must carry."""
    # A draft prints no number at all (see reports.letter_parts.shown_number).
    if not data.draft and not data.number.strip():
        raise LetterError(
            "Surat belum bernomor. Ambil nomor surat dari buku agenda sebelum mencetak.",
            "The letter has no number. Take a number from the letter register before printing.",
        )
    signatory = data.signatory
    # The NIP may be blank: elected officials (a governor, a regent) have none.
    if not (signatory.name.strip() and signatory.position.strip()):
        raise LetterError(
            "Penanda tangan surat belum lengkap (jabatan dan nama). Lengkapi di Pengaturan "
            "sebelum mencetak.",
            "The letter's signatory is incomplete (position and name). Complete it in "
            "Settings before printing.",
        )
    if not data.recommended.strip():
        raise LetterError(
            "Surat belum menyebut produk yang direkomendasikan.",
            "The letter does not name the recommended product.",
        )
    code = data.verification_code
    if code and not _CODE.fullmatch(code):
        # The code is searched for in the PDF's raw bytes: it must stay plain ASCII there.
        raise LetterError(
            f"Kode verifikasi '{code}' tidak sah: hanya huruf, angka, titik dan tanda hubung.",
            f"Verification code '{code}' is invalid: letters, digits, dots and hyphens only.",
        )


def unprintable_characters(data: LetterData) -> list[str]:
    """Every character of the letter's text that the shipped font cannot draw: it prints as
    □ (the PDF's metadata keeps it). The preview names them so the officer can retype."""
    texts = [
        data.hal,
        data.addressee,
        data.addressee_place,
        data.village,
        data.district,
        data.regency,
        data.officer_name,
        data.recommended,
        data.justification or "",
        data.sifat,
        data.lampiran,
        *data.tembusan,
        *data.coaching,
        data.signatory.name,
        data.signatory.position,
        data.signatory.rank,
        *data.signatory.delegation,
    ]
    for sheet in data.candidates:
        texts += [sheet.product_name, sheet.category, sheet.story or "", sheet.assessors]
        texts += [line.note or "" for line in sheet.criteria]
    found: list[str] = []
    for text in texts:
        found += [char for char in unprintable(text) if char not in found]
    return found


def keywords(data: LetterData) -> tuple[str, ...]:
    found = ["OVOP", "rekomendasi"]
    if data.verification_code:
        found.append(f"{KEYWORD_PREFIX}{data.verification_code}")
    return tuple(found)


def render_letter(
    data: LetterData, *, deterministic: bool = False, attachment: bool = True
) -> bytes:
    """The letter (kop surat on the first page, body, signature, QR code, tembusan) followed
    by one assessment sheet per candidate, as PDF bytes on A4 or F4 paper.

    ``deterministic=True`` gives byte-identical output for the same data (fixed creation date
    and document id), for tests and for checking a reprint against a stored letter;
    ``attachment=False`` gives the letter alone (a quick look at its pages).
    """
    check_printable(data)
    st = styles()
    width = frame_width(data.paper)
    story = letterhead_flowables(data.letterhead, st, width)
    story += reference_flowables(data, st, width)
    story += body_flowables(data, st, width)
    # The closing paragraph and the signature travel together: a signature block never starts
    # a page on its own. The copies keep together too, after it.
    story.append(
        KeepTogether([closing_paragraph(st), Spacer(1, 4), signature_block(data, st, width)])
    )
    copies = tembusan_flowables(data.tembusan, st, width)
    if copies:
        story.append(KeepTogether(copies))
    if attachment:
        story += attachment_flowables(data, st, width)
    info = DocumentInfo(
        paper=data.paper,
        title=data.hal,
        subject=shown_number(data) or "Draf surat",
        author=f"{data.letterhead.government} · {data.letterhead.agency}",
        keywords=keywords(data),
        attachment_label=attachment_label(data),
        footer_note=verification_note(data),
        draft=data.draft,
    )
    try:
        return build_pdf(info, story, deterministic=deterministic)
    except LayoutError as error:
        # Only absurdly long text (a block taller than a page that cannot be split) gets here.
        raise LetterError(
            "Surat tidak dapat disusun: ada teks yang terlalu panjang untuk satu halaman. "
            "Persingkat catatan, cerita atau alasan yang sangat panjang, lalu cetak lagi.",
            "The letter cannot be laid out: some text is too long for one page. Shorten the "
            "very long note, story or justification and print again.",
        ) from error
