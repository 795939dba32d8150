"""The document frame of a letter: page templates, page numbers, metadata and byte-stable builds.

The letter and its attachment are numbered separately: the letter's pages after the first carry
"- 2 -" centred at the top, as regional guides to Tata Naskah Dinas print it, and the letter's
footer holds the one-line verification instructions; every attachment page carries the letter
number, the product of the sheet it belongs to and its own "Halaman x dari y". That needs the
page count of each part while drawing: the canvas keeps every page until ``save()`` and draws
the page marks then. A draft carries a large diagonal "DRAF" on every page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.lib.units import cm  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)

from ovop_desktop.reports.data import Paper
from ovop_desktop.reports.fonts import BOLD, REGULAR, register_fonts
from ovop_desktop.reports.markup import metadata_text, one_line
from ovop_desktop.reports.styles import (
    FOOTER_Y,
    INK,
    LETTER_MARGIN_TOP,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    WATERMARK,
    page_size,
    styles,
)

LETTER = "surat"
ATTACHMENT = "lampiran"
_SECTION_ATTR = "_ovop_section"
_SHEET_ATTR = "_ovop_sheet"  # (product name, page the sheet started on) of the current sheet
_FOOTER_SIZE = 8


@dataclass(frozen=True)
class DocumentInfo:
    paper: Paper
    title: str  # the letter's hal
    subject: str  # the letter number
    author: str  # the agency
    keywords: tuple[str, ...]  # ASCII: the verify command looks for them in the raw bytes
    attachment_label: str  # "Lampiran Surat Nomor …", printed on every attachment page
    footer_note: str = ""  # one line at the foot of every letter page (verification)
    draft: bool = False  # a large diagonal DRAF on every page


class SheetMark(Flowable):  # type: ignore[misc]
    """An invisible mark at the start of an attachment sheet: the pages from here on name
    ``product`` in their footer, and those after the first say "(lanjutan)"."""

    def __init__(self, product: str) -> None:
        super().__init__()
        self.product = product
        self.width = self.height = 0

    def wrap(self, *_: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canvas = self.canv
        setattr(canvas, _SHEET_ATTR, (self.product, canvas.getPageNumber()))


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page back until save() so that footers can say "dari N"."""

    def __init__(
        self,
        *args: Any,
        attachment_label: str = "",
        footer_note: str = "",
        draft: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._attachment_label = attachment_label
        self._footer_note = footer_note
        self._draft = draft
        self._pages: list[dict[str, Any]] = []
        self._page_sheet: tuple[str, int] | None = None

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        sections = [page.get(_SECTION_ATTR, LETTER) for page in self._pages]
        totals = {name: sections.count(name) for name in set(sections)}
        seen: dict[str, int] = {}
        for page, section in zip(self._pages, sections, strict=True):
            self.__dict__.update(page)
            # update() keeps attributes the page did not have: a page before the first sheet
            # must not name the last sheet's product.
            self._page_sheet = page.get(_SHEET_ATTR)
            seen[section] = seen.get(section, 0) + 1
            self._draw_footer(section, seen[section], totals[section])
            super().showPage()
        super().save()

    def _draw_footer(self, section: str, number: int, total: int) -> None:
        width, height = self._pagesize
        left, right = MARGIN_LEFT, width - MARGIN_RIGHT
        font = styles().footer_font
        self.saveState()
        if self._draft:
            self._draw_watermark(width, height)
        self.setFillColor(MUTED)
        self.setFont(font, _FOOTER_SIZE)
        if section == ATTACHMENT:
            text = f"Halaman {number} dari {total}"
            room = right - left - stringWidth(text, font, _FOOTER_SIZE) - 12
            self.drawString(left, FOOTER_Y, self._sheet_label(font, room))
            self.drawRightString(right, FOOTER_Y, text)
        else:
            if number > 1:  # an official letter's first page carries no number
                self.setFillColor(INK)
                self.setFont(REGULAR, 10)
                self.drawCentredString((left + right) / 2, height - 0.9 * cm, f"- {number} -")
                self.setFillColor(MUTED)
                self.setFont(font, _FOOTER_SIZE)
            if self._footer_note:
                note = _fit(self._footer_note, font, right - left)
                self.drawCentredString((left + right) / 2, FOOTER_Y, note)
        self.restoreState()

    def _sheet_label(self, font: str, room: float) -> str:
        """ "Lampiran Surat Nomor … · product", "(lanjutan)" on a sheet's later pages; a long
        product name is cut to the room left, never the number or "(lanjutan)"."""
        sheet = self._page_sheet
        if sheet is None:
            return _fit(self._attachment_label, font, room)
        product, first_page = sheet
        prefix = f"{self._attachment_label} · "
        more = " (lanjutan)" if self.getPageNumber() > first_page else ""
        left = room - stringWidth(prefix + more, font, _FOOTER_SIZE)
        return prefix + _fit(product, font, max(left, 0.0)) + more

    def _draw_watermark(self, width: float, height: float) -> None:
        self.saveState()
        # Drawn over the page: translucent, so the text under it stays readable.
        self.setFillColor(WATERMARK)
        self.setFillAlpha(0.35)
        self.setFont(BOLD, 150)
        self.translate(width / 2, height / 2)
        self.rotate(55)
        self.drawCentredString(0, -50, "DRAF")
        self.restoreState()


def _fit(text: str, font: str, room: float) -> str:
    """``text`` cut with "…" so that it fits ``room`` points at the footer size."""
    if stringWidth(text, font, _FOOTER_SIZE) <= room:
        return text
    while text and stringWidth(text + "…", font, _FOOTER_SIZE) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def _mark_section(section: str) -> Any:
    def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        setattr(canvas, _SECTION_ATTR, section)

    return on_page


@contextlib.contextmanager
def _build_settings(deterministic: bool) -> Iterator[None]:
    """reportlab's global settings for one build, restored afterwards.

    ``invariant = 1`` (fixed creation date and document id) when deterministic; ``useA85 = 0``
    always: without reportlab's C accelerator, ASCII85-encoding the photos and fonts in pure
    Python took about a third of the build, and binary streams are smaller too.
    """
    wanted = {"useA85": 0}
    if deterministic:
        wanted["invariant"] = 1
    before = {name: getattr(rl_config, name) for name in wanted}
    for name, value in wanted.items():
        setattr(rl_config, name, value)
    try:
        yield
    finally:
        for name, value in before.items():
            setattr(rl_config, name, value)


def build_pdf(
    info: DocumentInfo,
    story: Sequence[Flowable],
    *,
    deterministic: bool = False,
    landscape: bool = False,
    first_section: str = LETTER,
) -> bytes:
    """Lay ``story`` out on the letter's paper and return the PDF bytes.

    The story switches to the attachment pages with ``NextPageTemplate(ATTACHMENT)``. A document
    that is all attachment-like pages (a numbered table with its label on every page, such as
    a summary) starts with ``first_section=ATTACHMENT``; ``landscape`` turns the paper.
    """
    register_fonts()
    size = page_size(info.paper)
    if landscape:
        size = (size[1], size[0])
    buffer = BytesIO()
    with _build_settings(deterministic):
        doc = BaseDocTemplate(
            buffer,
            pagesize=size,
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            # Metadata needs no font: it keeps the text as typed (emoji, Arabic, CJK too).
            title=metadata_text(info.title),
            author=metadata_text(info.author),
            subject=metadata_text(info.subject),
            keywords=", ".join(info.keywords),
            creator="OVOP Desktop",
            producer="OVOP Desktop (reportlab)",
            invariant=1 if deterministic else None,
            initialFontName=REGULAR,  # the canvas preamble would otherwise name Helvetica
            initialFontSize=11,
            initialLeading=14,
            lang="id-ID",
            displayDocTitle=1,
        )

        def frame(name: str) -> Frame:
            # The kop surat starts higher than an attachment page's text.
            taller = MARGIN_TOP - LETTER_MARGIN_TOP if name == LETTER else 0
            return Frame(
                doc.leftMargin,
                doc.bottomMargin,
                doc.width,
                doc.height + taller,
                id=name,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
            )

        templates = [
            PageTemplate(id=name, frames=[frame(name)], onPage=_mark_section(name))
            for name in (LETTER, ATTACHMENT)
        ]
        # The first template is the one the first page uses.
        templates.sort(key=lambda template: template.id != first_section)
        doc.addPageTemplates(templates)
        canvas = partial(
            _NumberedCanvas,
            attachment_label=one_line(info.attachment_label),
            footer_note=one_line(info.footer_note),
            draft=info.draft,
        )
        doc.build(list(story), canvasmaker=canvas)
    return buffer.getvalue()
