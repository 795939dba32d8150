"""The survey list over 10,000 surveys: loading its rows, and filtering as the officer types."""

from __future__ import annotations

import os

# Before PySide6 loads: the benchmark draws nothing.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTableView

from benchmarks.bulk_data import make_surveys
from benchmarks.harness import SHARED_DATA, BenchRow, seconds, timed
from ovop_desktop.core.text import search_key
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.demo import BUILTIN_REGIONS
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics, rubric_in_force
from ovop_desktop.services.surveys.survey_list import list_surveys
from ovop_desktop.ui.surveys.survey_list import FIRST_ROWS
from ovop_desktop.ui.surveys.survey_table_model import SurveyFilterProxy, SurveyTableModel

SURVEYS = 10_000
KALSEL = SHARED_DATA / "kalsel-kode-wilayah.csv"
LOAD_GOAL = 1.5  # seconds
KEYSTROKE_GOAL = 0.050  # seconds
FIRST_GOAL = 0.100  # seconds: the first screenful "at once"
# What the search box holds after each keystroke: a village name typed letter by letter, then
# other searches (words of several fields, a code, a product, nothing found, cleared).
KEYSTROKES = (
    *("s", "su", "sun", "sung", "sunga", "sungai", "sungai ", "sungai t", "sungai ta"),
    *("m", "ma", "mar", "mart", "martapura"),
    "hulu sungai utara banjang",
    "63.03",
    "amplang",
    "rahmah",
    "kab banjar purun",
    "zzz",
    "",
)


def _fresh_database(home: Path) -> Database:
    paths = resolve_paths(home).ensure()
    db = open_database(paths.database_url, backups_dir=paths.backups_dir)
    install_shipped_rubrics(db)
    regions = KALSEL.read_bytes() if KALSEL.exists() else BUILTIN_REGIONS.encode("utf-8")
    import_regions(db, regions)
    return db


def _bare_fetch(db_file: Path) -> None:
    """The floor of a load: the same survey, product, assessment and level rows through
    sqlite3, without ranking or objects."""
    connection = sqlite3.connect(db_file)
    try:
        for query in (
            "SELECT s.*, o.name FROM surveys s LEFT JOIN officers o ON o.id = s.officer_id"
            " WHERE s.deleted_at IS NULL",
            "SELECT id, survey_id, name, category FROM candidate_products WHERE deleted_at IS NULL",
            "SELECT product_id, id FROM assessments WHERE deleted_at IS NULL",
            "SELECT assessment_id, criterion_id, level FROM assessment_levels",
        ):
            connection.execute(query).fetchall()
    finally:
        connection.close()


def _keystroke_times(proxy: SurveyFilterProxy) -> list[float]:
    """Per keystroke, from the new text to the table shown again (a table view at 1024×600
    on the proxy: it lays out and paints the rows that now show)."""
    app = QApplication.instance()
    assert app is not None
    view = QTableView()
    view.setModel(proxy)
    view.resize(1024, 600)
    view.show()
    app.processEvents()
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        proxy.set_text(text)
        proxy.rowCount()  # the rows are filtered by now
        view.viewport().repaint()  # and painted
        app.processEvents()
        times.append(time.perf_counter() - start)
    view.close()
    return times


def _comprehension_times(haystacks: list[str]) -> list[float]:
    times = []
    for text in KEYSTROKES:
        start = time.perf_counter()
        words = search_key(text).split()
        [all(word in haystack for word in words) for haystack in haystacks]
        times.append(time.perf_counter() - start)
    return times


def run() -> list[BenchRow]:
    _app = QApplication.instance() or QApplication([])  # alive for the whole run
    with tempfile.TemporaryDirectory() as scratch:
        db = _fresh_database(Path(scratch) / "home")
        try:
            make_surveys(db, SURVEYS)
            rubric = rubric_in_force(db)
            loaded = timed(lambda: list_surveys(db, rubric), repeat=3)
            first = timed(lambda: list_surveys(db, rubric, limit=FIRST_ROWS), repeat=3)
            db_file = Path(db.engine.url.database or "")
            bare = timed(lambda: _bare_fetch(db_file), repeat=3)
            rows = list_surveys(db, rubric)
        finally:
            db.dispose()
    model = SurveyTableModel()
    proxy = SurveyFilterProxy()
    proxy.setSourceModel(model)
    prepared = timed(lambda: model.set_rows(rows, rubric.max_stars), repeat=3)
    proxy.rowCount()
    ours: list[float] = []
    plain: list[float] = []
    for _ in range(3):
        ours += _keystroke_times(proxy)
        plain += _comprehension_times(list(model.haystacks))
    keystroke, baseline = statistics.median(ours), statistics.median(plain)
    return [
        BenchRow(
            f"survey list load, {len(rows):,} surveys (list_surveys)",
            seconds(loaded),
            f"bare sqlite3 fetch of the same rows {seconds(bare)}",
            loaded / bare,
            goal=f"≤ {LOAD_GOAL:g} s",
        ),
        BenchRow(
            f"survey list, its first {FIRST_ROWS} rows of {len(rows):,} (what shows at once)",
            seconds(first),
            f"bare sqlite3 fetch of all rows {seconds(bare)}",
            first / bare,
            goal=f"≤ {FIRST_GOAL * 1e3:g} ms",
        ),
        BenchRow(
            f"survey list model set_rows, {len(rows):,} rows (display, sort and search keys)",
            seconds(prepared),
            "-",
            None,
        ),
        BenchRow(
            f"survey filter keystroke, median of {len(ours)} (filtered, then painted)",
            f"{seconds(keystroke)} (slowest {seconds(max(ours))})",
            f"list comprehension over the same keys {seconds(baseline)}",
            keystroke / baseline,
            goal=f"< {KEYSTROKE_GOAL * 1e3:g} ms",
        ),
    ]
