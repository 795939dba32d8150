"""Render the application's screens to PNG on demo data, for people to look at.

    QT_QPA_PLATFORM=offscreen python packaging/screenshots.py OUTPUT_DIR

Each later screen adds itself to SCREENS.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ovop_desktop.paths import resolve_paths
from ovop_desktop.services.demo import seed_demo
from ovop_desktop.services.regions import import_regions
from ovop_desktop.ui import i18n
from ovop_desktop.ui.app import prepare_database
from ovop_desktop.ui.main_window import MainWindow
from ovop_desktop.ui.worker import Worker

SHARED_LIST = Path(__file__).resolve().parents[2] / "shared" / "data" / "kalsel-kode-wilayah.csv"
SIZE = (1366, 768)


def _settle(app: QApplication, worker: Worker) -> None:
    for _ in range(5):
        worker.wait()
        app.processEvents()


def main_window_pages(window: MainWindow) -> list[tuple[str, Callable[[], QWidget]]]:
    def page(row: int) -> Callable[[], QWidget]:
        def show() -> QWidget:
            window.ui.navigation.setCurrentRow(row)
            return window

        return show

    names = ["survei", "penilaian", "surat", "sinkronisasi", "pengaturan"]
    return [(f"main-{name}", page(row)) for row, name in enumerate(names)]


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    for language in ("id", "en"):
        i18n.install(app, language)
        with tempfile.TemporaryDirectory() as home:
            paths = resolve_paths(home).ensure()
            db = prepare_database(paths, None)
            if SHARED_LIST.exists():
                import_regions(db, SHARED_LIST.read_bytes())
            seed_demo(db)
            worker = Worker()
            window = MainWindow(db, paths, worker)
            window.resize(*SIZE)
            window.show()
            for name, show in main_window_pages(window):
                widget = show()
                _settle(app, worker)
                target = out / f"{name}-{language}.png"
                widget.grab().save(str(target))
                print(target)
            window.close()
            worker.wait()
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
