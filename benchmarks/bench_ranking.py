"""Ranking a whole province: about 50,000 candidates with 400,000 criterion levels, every village
ranked with the tie-break rule; and opening the regional ranking screen on it."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before PySide6 loads

import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.bulk_data import make_surveys
from benchmarks.harness import SHARED_DATA, BenchRow, seconds, timed
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.assessment.regional_ranking import rank_region
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force

SURVEYS = 20_000  # 1–4 candidates each: about 50,000 candidates
INDONESIA = SHARED_DATA / "indonesia-kode-wilayah.csv"


def _bare_fetch(db_file: Path) -> None:
    """The floor: the same assessment levels through sqlite3, nothing computed."""
    connection = sqlite3.connect(db_file)
    connection.execute(
        "SELECT a.product_id, l.criterion_id, l.level FROM assessment_levels l "
        "JOIN assessments a ON a.id = l.assessment_id"
    ).fetchall()
    connection.close()


def _open_screen(db: Database) -> float | None:
    """Seconds from asking the regional ranking screen for the province to rows on screen (the
    first rows: the rest are still being prepared on the worker then)."""
    try:
        from PySide6.QtWidgets import QApplication

        from ovop_desktop.ui.ranking.regional_ranking import RegionalRankingView
        from ovop_desktop.ui.worker import Worker
    except ImportError:
        return None
    app = QApplication.instance() or QApplication([])
    best = float("inf")
    for _ in range(3):  # the best of three, as `timed` takes for the other rows
        worker = Worker()
        view = RegionalRankingView(db, worker)
        view.resize(1126, 708)
        view.show()
        app.processEvents()
        start = time.perf_counter()
        view.load(rubric_in_force(db))
        while view.model.rowCount() == 0 and time.perf_counter() - start < 120:
            worker.wait(10)
            app.processEvents()
        best = min(best, time.perf_counter() - start)
        view.ranking = None  # the rows still coming are for an old ranking: no more are asked
        view.close()
        worker.wait()
        view.deleteLater()
        app.processEvents()
    return best


def run() -> list[BenchRow]:
    if not INDONESIA.exists():
        return [BenchRow("province ranking", "skipped: ../shared/data absent", "-", None)]
    with tempfile.TemporaryDirectory() as scratch:
        paths = resolve_paths(Path(scratch) / "home").ensure()
        db = open_database(paths.database_url, backups_dir=paths.backups_dir)
        try:
            install_shipped_rubrics(db)
            import_regions(db, INDONESIA.read_bytes())
            make_surveys(db, SURVEYS)
            rubric = rubric_in_force(db)
            ranking = rank_region(db, None, rubric)
            candidates = len(ranking.rows) + sum(v.candidates for v in ranking.unassessed)
            ranked = timed(lambda: rank_region(db, None, rubric), repeat=3)
            bare = timed(lambda: _bare_fetch(paths.database_file), repeat=3)
            screen = _open_screen(db)
        finally:
            db.dispose()
    rows = [
        BenchRow(
            f"rank every candidate of the province ({candidates:,} candidates, "
            f"{candidates * 8:,} levels)",
            seconds(ranked),
            f"bare sqlite3 fetch of the levels {seconds(bare)}",
            ranked / bare,
            goal="≤ 1.5×",
        )
    ]
    if screen is not None:
        rows.append(
            BenchRow(
                "open the regional ranking of the whole province (screen shows its rows)",
                seconds(screen),
                f"bare sqlite3 fetch of the levels {seconds(bare)}",
                screen / bare,
                goal="≤ 2×",
            )
        )
    return rows
