"""The fixed parts of an Indonesian official letter (naskah dinas) around its body: kop surat,
place and date, Nomor/Sifat/Lampiran/Hal, addressee, signature block with the QR code, tembusan.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Flowable,
    HRFlowable,
    Paragraph,
    Spacer,
    Table,
)

from ovop_desktop.core.formatting import format_nip, format_place_date
from ovop_desktop.reports.data import LetterData, Letterhead, Signatory
from ovop_desktop.reports.images import fitted_image, qr_drawing
from ovop_desktop.reports.markup import escape_text, one_line
from ovop_desktop.reports.styles import RULE, Styles, plain_table

LOGO_BOX = (2.3 * cm, 2.5 * cm)
QR_SIZE = 2.4 * cm
SIGNATURE_SPACE = 2.0 * cm  # room for the wet signature and the stamp
SIGNATURE_SHARE = 0.56  # of the text width, on the right: long names and titles fit a line


def _fitted(style: ParagraphStyle, text: str, width: float, smallest: float) -> ParagraphStyle:
    """``style`` shrunk so that ``text`` fits on one line of ``width``, down to ``smallest``
    points (below that the line wraps): agency names are long and the kop looks best unbroken."""
    natural = stringWidth(text, style.fontName, style.fontSize)
    if natural <= width:
        return style
    size = max(smallest, style.fontSize * width / natural * 0.99)
    return ParagraphStyle(
        f"{style.name}-{size:.2f}",
        parent=style,
        fontSize=size,
        leading=size * style.leading / style.fontSize,
    )


def letterhead_flowables(head: Letterhead, st: Styles, width: float) -> list[Flowable]:
    """The kop surat: logo left, the government and agency centred in bold capitals, the
    address lines smaller, then a thick and a thin rule across the page."""
    logo = fitted_image(head.logo_png, *LOGO_BOX)
    side = LOGO_BOX[0] + 0.3 * cm if logo else 0.0
    text_width = width - side
    lines = [
        (one_line(head.government).upper(), st.kop_government, 10.0),
        (one_line(head.agency).upper(), st.kop_agency, 11.0),
    ]
    lines += [(one_line(line), st.kop_address, 7.5) for line in head.address_lines]
    text: list[Flowable] = [
        Paragraph(escape_text(line), _fitted(style, line, text_width, smallest))
        for line, style, smallest in lines
    ]
    # The text is centred in the room right of the logo, as most provincial kop surat are.
    table = plain_table(
        [[logo or "", text]], [side, text_width], [("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    )
    return [
        table,
        HRFlowable(width="100%", thickness=2.4, color=RULE, spaceBefore=6, spaceAfter=1.8),
        HRFlowable(width="100%", thickness=0.7, color=RULE, spaceBefore=0, spaceAfter=10),
    ]


DRAFT_NUMBER = "— (draf, belum bernomor)"


def shown_number(data: LetterData) -> str:
    """The letter number as printed: none on a draft, whatever placeholder it carries."""
    return "" if data.draft else " ".join(data.number.split())


def reference_flowables(data: LetterData, st: Styles, width: float) -> list[Flowable]:
    """Place and date on the right, then Nomor, Sifat, Lampiran and Hal with aligned colons,
    then "Yth." + addressee and "di" + place."""
    label_width, colon_width = 2.2 * cm, 0.45 * cm
    rows = [
        ["Nomor", shown_number(data) or DRAFT_NUMBER],
        ["Sifat", data.sifat],
        ["Lampiran", data.lampiran],
        ["Hal", data.hal],
    ]
    reference = plain_table(
        [
            [
                Paragraph(label, st.body_left),
                Paragraph(":", st.body_left),
                Paragraph(escape_text(value), st.body_left),
            ]
            for label, value in rows
        ],
        [label_width, colon_width, width - label_width - colon_width],
    )
    addressee = plain_table(
        [
            [Paragraph("Yth.", st.body_left), Paragraph(escape_text(data.addressee), st.body_left)],
            [Paragraph("di", st.body_left), ""],
            ["", Paragraph(escape_text(data.addressee_place), st.body_left)],
        ],
        [1.0 * cm, width * 0.6 - 1.0 * cm],
    )
    place_date = escape_text(format_place_date(data.place, data.issued_on))
    return [
        Paragraph(place_date, st.body_right),
        Spacer(1, 4),
        reference,
        Spacer(1, 10),
        addressee,
        Spacer(1, 10),
    ]


def _signature_lines(signatory: Signatory, st: Styles) -> list[Flowable]:
    position = signatory.position.strip()
    if not position.endswith(","):
        position += ","
    lines: list[Flowable] = [
        Paragraph(escape_text(line), st.body_left) for line in signatory.delegation
    ]
    lines += [
        Paragraph(escape_text(position), st.body_left),
        Spacer(1, SIGNATURE_SPACE),
        Paragraph(f"<u><b>{escape_text(signatory.name)}</b></u>", st.body_left),
    ]
    if signatory.rank.strip():
        lines.append(Paragraph(escape_text(signatory.rank), st.body_left))
    if signatory.nip.strip():
        lines.append(Paragraph(f"NIP {escape_text(format_nip(signatory.nip))}", st.body_left))
    return lines


def verification_note(data: LetterData) -> str:
    """The one line at the foot of every letter page that says how to check the letter."""
    if not data.verification_code:
        return ""
    return (
        f"Keaslian surat dapat diperiksa dengan memindai kode QR atau memasukkan kode "
        f"{data.verification_code} di aplikasi OVOP."
    )


def _verification_lines(data: LetterData) -> list[Flowable]:
    if not data.verification_payload:
        return []
    return [qr_drawing(data.verification_payload, QR_SIZE)]


def signature_block(data: LetterData, st: Styles, width: float) -> Table:
    """The signature on the right half and the QR code beside it, on the left (its code and
    instructions are in the footer, see :func:`verification_note`); one table, so they never
    part."""
    right = width * SIGNATURE_SHARE
    left = QR_SIZE + 0.3 * cm
    return plain_table(
        [[_verification_lines(data), "", _signature_lines(data.signatory, st)]],
        [left, width - left - right, right],
        [("VALIGN", (0, 0), (0, 0), "BOTTOM")],
    )


def signature_only(data: LetterData, st: Styles, width: float) -> Table:
    """The signature block alone on the right half: the end of the attachment."""
    right = width * SIGNATURE_SHARE
    return plain_table([["", _signature_lines(data.signatory, st)]], [width - right, right])


def tembusan_flowables(lines: Sequence[str], st: Styles, width: float) -> list[Flowable]:
    """ "Tembusan:" and the numbered addressees of the copies, at the bottom left."""
    if not lines:
        return []
    rows = [
        [Paragraph(f"{index}.", st.small), Paragraph(escape_text(line), st.small)]
        for index, line in enumerate(lines, start=1)
    ]
    return [
        Spacer(1, 6),
        Paragraph("Tembusan:", st.small),
        plain_table(rows, [0.6 * cm, width - 0.6 * cm]),
    ]
