"""Start-up to the first painted main window with 10,000 surveys in the database, against a bare
PySide6 window started the same way (a fresh process, timed from launch to its first paint).

Each start is timed twice: the first start (no survey list kept: the surveys are read from the
file without their top candidates, services.surveys.lean_list, and those come once the database
is open) and the start after it (the list kept at the first one's close, shown while the
database opens; services.surveys.kept_list)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bulk_data import make_surveys
from benchmarks.harness import SHARED_DATA, BenchRow, seconds
from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.database import open_database
from ovop_desktop.services.demo import BUILTIN_REGIONS
from ovop_desktop.services.regions import import_regions
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.surveys.kept_list import FILE_NAME

SURVEYS = 10_000
RUNS = 5

PAINT_WATCH = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication.instance() or QApplication(sys.argv)

def close_all():
    for widget in app.topLevelWidgets():
        widget.close()

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
            print("PAINTED", flush=True)
            app.removeEventFilter(self)
            QTimer.singleShot(0, after_paint)
        return False

def after_paint():
    close_all()

watch = FirstPaint()
app.installEventFilter(watch)
"""

BARE = (
    PAINT_WATCH
    + """
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1366, 768)
window.show()
sys.exit(app.exec())
"""
)

APPLICATION = (
    PAINT_WATCH
    + """
from ovop_desktop.ui.app import run_application

said = []

def say(what):
    if what not in said:
        said.append(what)
        print(what, flush=True)

def after_paint():  # then wait for the first rows, every survey, and their top candidates
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    page = getattr(window, "survey_list", None)
    rows = page.model.rowCount() if page is not None else 0
    if rows:
        say("FIRST")
    if rows >= int(sys.argv[2]):
        say("LISTED")
        if page.model.survey_at(0).ranked:
            say("RANKED")
            close_all()
            return
    QTimer.singleShot(5, after_paint)

sys.exit(run_application(home=sys.argv[1]))
"""
)


def _time_to(script: str, *args: str) -> list[float]:
    """Seconds from launch to each line the child prints (PAINTED, then FIRST, LISTED and
    RANKED if any)."""
    # Compiled modules are kept, as in an installed application (a session may forbid them).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    times, lines = [], []
    for line in process.stdout:
        times.append(time.perf_counter() - start)
        lines.append(line.strip())
    process.wait(timeout=120)
    if not lines or lines[0] != "PAINTED":
        raise RuntimeError(f"no paint reported: {lines!r}")
    return times


def run() -> list[BenchRow]:
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        paths = resolve_paths(home).ensure()
        db = open_database(paths.database_url, backups_dir=paths.backups_dir)
        install_shipped_rubrics(db)
        regions = SHARED_DATA / "kalsel-kode-wilayah.csv"
        import_regions(
            db, regions.read_bytes() if regions.exists() else BUILTIN_REGIONS.encode("utf-8")
        )
        make_surveys(db, SURVEYS)
        db.dispose()
        kept = paths.cache_dir / FILE_NAME
        bare: list[float] = []
        first_start: list[list[float]] = []  # painted, first rows, every row, ranked
        next_start: list[list[float]] = []
        for _ in range(RUNS):  # interleaved, so that all see the same machine load
            bare.append(_time_to(BARE)[0])
            kept.unlink(missing_ok=True)
            first_start.append(_time_to(APPLICATION, str(home), str(SURVEYS)))
            if not kept.exists():
                raise RuntimeError("the first start kept no survey list at its close")
            next_start.append(_time_to(APPLICATION, str(home), str(SURVEYS)))
    floor = statistics.median(bare)
    baseline = f"bare PySide6 window {seconds(floor)}"

    def row(what: str, times: list[list[float]], step: int, goal: str) -> BenchRow:
        median = statistics.median(run[step] for run in times)
        return BenchRow(
            f"{what} (median of {RUNS})", seconds(median), baseline, median / floor, goal
        )

    return [
        row(f"start-up to first painted window, {SURVEYS:,} surveys", first_start, 0, "≤ 3×"),
        row("the same, with the list kept from the last session", next_start, 0, "≤ 3×"),
        row(
            "start-up until the survey list shows its first rows, first start",
            first_start,
            1,
            "≤ 3× (at once)",
        ),
        row(
            f"start-up until the survey list shows all {SURVEYS:,} surveys, first start "
            "(nothing kept: read from the file, top candidates to come)",
            first_start,
            2,
            "≤ 5×",
        ),
        row(
            "the same until their top candidates and stars show too (from the database)",
            first_start,
            3,
            "-",
        ),
        row(
            f"start-up until the survey list shows all {SURVEYS:,} surveys, "
            "with the list kept from the last session",
            next_start,
            2,
            "≤ 5×",
        ),
    ]
