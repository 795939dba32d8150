"""Benchmark: a recommendation letter with five candidates and their assessment sheets against a
bare reportlab one-page document built in the same run."""

from __future__ import annotations

import re
from io import BytesIO

from reportlab.lib.styles import getSampleStyleSheet  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph, SimpleDocTemplate  # type: ignore[import-untyped]

from benchmarks.harness import BenchRow, seconds, timed
from ovop_desktop.reports.letter import render_letter
from ovop_desktop.reports.sample import sample_letter

CANDIDATES = 5
_PAGE = re.compile(rb"/Type /Page(?![s\w])")


def _bare_document() -> bytes:
    buffer = BytesIO()
    style = getSampleStyleSheet()["Normal"]
    SimpleDocTemplate(buffer).build([Paragraph("Surat rekomendasi produk OVOP.", style)])
    return buffer.getvalue()


def run() -> list[BenchRow]:
    def ours() -> bytes:
        return render_letter(sample_letter(CANDIDATES))

    pages = len(_PAGE.findall(ours()))  # the first build also registers the fonts
    _bare_document()
    took = timed(ours)
    base = timed(_bare_document, repeat=10)
    return [
        BenchRow(
            name=f"letter PDF, {CANDIDATES} candidates with sheets",
            figure=f"{seconds(took)} ({pages} pages)",
            baseline=f"{seconds(base)} (bare reportlab one-page document)",
            ratio=took / base if base > 0 else None,
        )
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
