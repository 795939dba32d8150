"""The document frame of a letter: page templates, page numbers, metadata and byte-stable builds.

The letter and its attachment are numbered separately ("Halaman 2 dari 3" on the letter from its
second page on; every attachment page carries the letter number and its own "Halaman x dari y"),
which needs the page count of each part while drawing: the canvas keeps every page until
``save()`` and draws the footers then.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from typing import Any

from reportlab import rl_config  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)

from ovop_desktop.reports.data import Paper
from ovop_desktop.reports.fonts import REGULAR, register_fonts
from ovop_desktop.reports.markup import one_line
from ovop_desktop.reports.styles import (
    FOOTER_Y,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    page_size,
    styles,
)

LETTER = "surat"
ATTACHMENT = "lampiran"
_SECTION_ATTR = "_ovop_section"


@dataclass(frozen=True)
class DocumentInfo:
    paper: Paper
    title: str  # the letter's hal
    subject: str  # the letter number
    author: str  # the agency
    keywords: tuple[str, ...]  # ASCII: the verify command looks for them in the raw bytes
    attachment_label: str  # "Lampiran Surat Nomor …", printed on every attachment page


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds every page back until save() so that footers can say "dari N"."""

    def __init__(self, *args: Any, attachment_label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._attachment_label = attachment_label
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        sections = [page.get(_SECTION_ATTR, LETTER) for page in self._pages]
        totals = {name: sections.count(name) for name in set(sections)}
        seen: dict[str, int] = {}
        for page, section in zip(self._pages, sections, strict=True):
            self.__dict__.update(page)
            seen[section] = seen.get(section, 0) + 1
            self._draw_footer(section, seen[section], totals[section])
            super().showPage()
        super().save()

    def _draw_footer(self, section: str, number: int, total: int) -> None:
        width = self._pagesize[0]
        font = styles().footer_font
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(font, 8)
        text = f"Halaman {number} dari {total}"
        if section == ATTACHMENT:
            self.drawString(MARGIN_LEFT, FOOTER_Y, self._attachment_label)
            self.drawRightString(width - MARGIN_RIGHT, FOOTER_Y, text)
        elif number > 1:  # an official letter's first page carries no number
            self.drawCentredString(
                MARGIN_LEFT + (width - MARGIN_LEFT - MARGIN_RIGHT) / 2, FOOTER_Y, text
            )
        self.restoreState()


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
            title=one_line(info.title),
            author=one_line(info.author),
            subject=one_line(info.subject),
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
            return Frame(
                doc.leftMargin,
                doc.bottomMargin,
                doc.width,
                doc.height,
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
        label = one_line(info.attachment_label)
        doc.build(list(story), canvasmaker=partial(_NumberedCanvas, attachment_label=label))
    return buffer.getvalue()
