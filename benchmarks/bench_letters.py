"""Benchmark: a recommendation letter with five candidates and their assessment sheets, per page,
against a bare reportlab document with the same fonts, a table and the same images on each page
built in the same run (and, as before, against a bare one-page Helvetica document)."""

from __future__ import annotations

import re
import time
from io import BytesIO
from typing import Any

from reportlab.graphics.barcode.qr import QrCode  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.styles import (  # type: ignore[import-untyped]
    ParagraphStyle,
    getSampleStyleSheet,
)
from reportlab.platypus import (  # type: ignore[import-untyped]
    Image,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)

from benchmarks.harness import BenchRow, seconds, timed
from ovop_desktop.reports.data import LetterData
from ovop_desktop.reports.fonts import register_fonts
from ovop_desktop.reports.letter import render_letter
from ovop_desktop.reports.sample import sample_letter

CANDIDATES = 5
_PAGE = re.compile(rb"/Type /Page(?![s\w])")


def _bare_document() -> bytes:
    buffer = BytesIO()
    style = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(buffer).build([Paragraph("Surat rekomendasi produk OVOP.", style)])
    return buffer.getvalue()


def _bare_pages(letter: LetterData) -> bytes:
    """The floor per page: a bare reportlab document with what a letter's pages hold, none of
    the letter's own work: the same embedded DejaVu fonts, on every page a heading, a paragraph,
    an 8-row table and the letterhead's logo; the QR code on the first page, each candidate's
    photo on a page of its own."""
    fonts = register_fonts()
    body = ParagraphStyle("bare", fontName=fonts.regular, fontSize=10, leading=13)
    head = ParagraphStyle("bare-head", fontName=fonts.bold, fontSize=13, leading=16)
    logo = letter.letterhead.logo_png
    # reportlab's own QR flowable (a canvas rectangle per dark run), its cheapest way.
    qr = QrCode(letter.verification_payload, qrLevel="M", qrBorder=2, width=68, height=68)
    story: list[Any] = []
    photos = [c.photo_jpeg for c in letter.candidates]
    for page, photo in enumerate([None, *photos]):
        if logo:
            story.append(Image(BytesIO(logo), width=40, height=40))
        story.append(Paragraph(f"Surat rekomendasi produk OVOP — halaman {page + 1}", head))
        story.append(Paragraph("Desa Benua Lawas, Kecamatan Takisung. " * 8, body))
        table = Table(
            [[f"Kriteria {r}", "Tingkat", f"{r}", "Catatan singkat"] for r in range(8)],
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.regular, 9),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ]
            ),
        )
        story.append(table)
        if page == 0:
            story.append(qr)
        if photo:
            story.append(Image(BytesIO(photo), width=200, height=150))
        story.append(PageBreak())
    buffer = BytesIO()
    SimpleDocTemplate(buffer).build(story)
    return buffer.getvalue()


def run() -> list[BenchRow]:
    letter = sample_letter(CANDIDATES)

    def ours() -> bytes:
        return render_letter(letter)

    pages = len(_PAGE.findall(ours()))  # the first build also registers the fonts
    bare_pages = len(_PAGE.findall(_bare_pages(letter)))
    _bare_document()
    took = timed(ours)
    floor = timed(lambda: _bare_pages(letter), repeat=5)
    base = timed(_bare_document, repeat=10)
    per_page, floor_per_page = took / pages, floor / bare_pages
    return [
        BenchRow(
            name=f"letter PDF, {CANDIDATES} candidates with sheets, per page",
            figure=f"{seconds(per_page)} ({pages} pages in {seconds(took)})",
            baseline=f"{seconds(floor_per_page)} (bare reportlab page: same fonts, a table, "
            f"the same images; {bare_pages} pages)",
            ratio=per_page / floor_per_page if floor_per_page > 0 else None,
            goal="≤ 2×",
        ),
        BenchRow(
            name=f"letter PDF, {CANDIDATES} candidates with sheets (old baseline)",
            figure=f"{seconds(took)} ({pages} pages)",
            baseline=f"{seconds(base)} (bare reportlab one-page Helvetica document)",
            ratio=took / base if base > 0 else None,
        ),
        *_batch_rows(),
    ]


BATCH = 200


def _batch_rows() -> list[BenchRow]:
    """200 villages' letters into a folder: on every core, against one process in the same run."""
    import os
    import tempfile
    from pathlib import Path

    from benchmarks.bulk_data import make_surveys
    from benchmarks.harness import SHARED_DATA
    from ovop_desktop.paths import resolve_paths
    from ovop_desktop.services.database import open_database
    from ovop_desktop.services.demo import BUILTIN_REGIONS
    from ovop_desktop.services.letters.batch import issue_region_letters
    from ovop_desktop.services.letters.letter_content import LetterOptions
    from ovop_desktop.services.letters.letter_settings import demo_letter_settings
    from ovop_desktop.services.regions import import_regions
    from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force

    kalsel = SHARED_DATA / "kalsel-kode-wilayah.csv"
    if not kalsel.exists():
        return [BenchRow("letter batch", "skipped: ../shared/data absent", "-", None)]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        paths = resolve_paths(Path(scratch) / "home").ensure()
        db = open_database(paths.database_url)
        try:
            install_shipped_rubrics(db)
            import_regions(db, kalsel.read_bytes() if kalsel.exists() else BUILTIN_REGIONS.encode())
            make_surveys(db, BATCH)
            demo_letter_settings(db)
            rubric = rubric_in_force(db)
            options = LetterOptions("Gubernur Kalimantan Selatan", "Banjarbaru")
            # A first batch, untimed, letters every village; then each width twice, in turn,
            # each batch replacing those letters (the same work every time), the best counting.
            issue_region_letters(db, paths, "63", options, rubric, Path(scratch) / "out")
            times: dict[int, tuple[float, int]] = {}
            for round_number, workers in enumerate((1, cores, 1, cores)):
                start = time.perf_counter()
                result = issue_region_letters(
                    db,
                    paths,
                    "63",
                    options,
                    rubric,
                    Path(scratch) / f"out{round_number}",
                    workers=workers,
                    replace_existing=True,
                    reason="Tolok ukur",
                )
                taken = (time.perf_counter() - start, len(result.written))
                times[workers] = min(times.get(workers, taken), taken)
        finally:
            db.dispose()
    (one, letters), (many, _) = times[1], times[cores]
    return [
        BenchRow(
            f"letter batch, {letters} villages, {cores} processes",
            f"{seconds(many)} ({letters / many:.1f} letters/s)",
            f"1 process {seconds(one)} ({letters / one:.1f} letters/s)",
            many / one,
            goal="speed-up ≥ 1.6× (ratio ≤ 0.63)",
        )
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
