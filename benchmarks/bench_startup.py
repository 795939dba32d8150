"""Start-up to the first painted main window with 10,000 surveys in the database, against a bare
PySide6 window started the same way (a fresh process, timed from launch to its first paint)."""

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

SURVEYS = 10_000
RUNS = 5
GOAL_RATIO = 3.0

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

first_rows = []

def after_paint():  # then wait until the survey list shows its first rows, then every survey
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow))
    page = getattr(window, "survey_list", None)
    rows = page.model.rowCount() if page is not None else 0
    if rows and not first_rows:
        first_rows.append(rows)
        print("FIRST", flush=True)
    if rows >= int(sys.argv[2]):
        print("LISTED", flush=True)
        close_all()
    else:
        QTimer.singleShot(5, after_paint)

sys.exit(run_application(home=sys.argv[1]))
"""
)


def _time_to(script: str, *args: str) -> list[float]:
    """Seconds from launch to each line the child prints (PAINTED, then FIRST and LISTED if
    any)."""
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
        bare, ours, first, listed = [], [], [], []
        for _ in range(RUNS):  # interleaved, so that both see the same machine load
            bare.append(_time_to(BARE)[0])
            painted, shown, whole = _time_to(APPLICATION, str(home), str(SURVEYS))
            ours.append(painted)
            first.append(shown)
            listed.append(whole)
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    ratio = ours_median / bare_median
    first_median, listed_median = statistics.median(first), statistics.median(listed)
    return [
        BenchRow(
            f"start-up to first painted window, {SURVEYS:,} surveys (median of {RUNS})",
            seconds(ours_median),
            f"bare PySide6 window {seconds(bare_median)}",
            ratio,
            goal=f"≤ {GOAL_RATIO:g}×",
        ),
        BenchRow(
            f"start-up until the survey list shows its first rows (median of {RUNS})",
            seconds(first_median),
            f"bare PySide6 window {seconds(bare_median)}",
            first_median / bare_median,
            goal=f"≤ {GOAL_RATIO:g}× (at once)",
        ),
        BenchRow(
            f"start-up until the survey list shows all {SURVEYS:,} surveys (median of {RUNS})",
            seconds(listed_median),
            f"bare PySide6 window {seconds(bare_median)}",
            listed_median / bare_median,
            goal="≤ 5×",
        ),
    ]
