"""Benchmark: a recommendation letter with five candidates and their assessment sheets against a
bare reportlab one-page document built in the same run."""

from __future__ import annotations

import re
import time
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
    from ovop_desktop.services.letters.letter_settings import demo_letter_settings
    from ovop_desktop.services.letters.register import LetterOptions
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
            times = {}
            for workers in (1, cores):
                start = time.perf_counter()
                result = issue_region_letters(
                    db,
                    paths,
                    "63",
                    options,
                    rubric,
                    Path(scratch) / f"out{workers}",
                    workers=workers,
                    # The second run letters the same villages again: each replaces its letter,
                    # so both runs do the same work (a batch skips lettered villages otherwise).
                    replace_existing=workers != 1,
                    reason="Tolok ukur" if workers != 1 else None,
                )
                times[workers] = (time.perf_counter() - start, len(result.written))
        finally:
            db.dispose()
    (one, letters), (many, _) = times[1], times[cores]
    return [
        BenchRow(
            f"letter batch, {letters} villages, {cores} processes",
            f"{seconds(many)} ({letters / many:.1f} letters/s)",
            f"1 process {seconds(one)} ({letters / one:.1f} letters/s)",
            many / one,
        )
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
