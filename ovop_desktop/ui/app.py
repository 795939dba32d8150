"""Start-up of the desktop application: one instance per data directory, logging, crash
handling, translations, the database (migrated after a backup), then the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.paths import AppPaths, resolve_paths
from ovop_desktop.services.database import Database, open_database
from ovop_desktop.services.officers import local_device_id
from ovop_desktop.services.recovery import RecoveryJournal
from ovop_desktop.services.rubrics import install_shipped_rubrics
from ovop_desktop.services.settings import INTERFACE_LANGUAGE, get_setting
from ovop_desktop.ui import crash, dialogs, i18n
from ovop_desktop.ui.main_window import SETTINGS_PAGE, MainWindow
from ovop_desktop.ui.worker import Worker

log = logging.getLogger(__name__)


def _configure_logging(paths: AppPaths) -> None:
    # A windowed Windows build has no stdout: the log goes to a file.
    handler = logging.FileHandler(paths.app_log, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def acquire_instance_lock(paths: AppPaths) -> QLockFile | None:
    """The lock that keeps a second instance off this data directory; None if it is held.

    QLockFile notices a lock left behind by a crashed process (its PID is gone) and takes it.
    """
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(200) else None


def prepare_database(paths: AppPaths, db_url: str | None) -> Database:
    db = open_database(db_url or paths.database_url, backups_dir=paths.backups_dir)
    install_shipped_rubrics(db)
    local_device_id(db)
    return db


def open_window(app: QApplication, db: Database, paths: AppPaths, worker: Worker) -> MainWindow:
    """The main window; a change of interface language rebuilds it in the new language."""
    window = MainWindow(db, paths, worker)

    def relabel(language: str) -> None:
        i18n.install(app, language)
        fresh = open_window(app, db, paths, worker)
        fresh.ui.navigation.setCurrentRow(SETTINGS_PAGE)
        fresh.setGeometry(window.geometry())
        window.close()
        window.deleteLater()

    window.languageChanged.connect(relabel)
    window.show()
    return window


def offer_recovery(window: MainWindow, journal: RecoveryJournal) -> None:
    """A journal left behind means the last run ended abruptly: offer to carry on."""
    edits = journal.read()
    if edits is None or edits.survey_id is None:
        journal.clear()
        return
    survey_id = edits.survey_id
    dialogs.question(
        window,
        QApplication.translate("Startup", "Recover your work"),
        QApplication.translate(
            "Startup",
            "OVOP Desktop was not closed properly last time. Continue with the survey of %1? "
            "Changes that had not reached the database yet will be restored.",
        ).replace("%1", edits.survey_label or "?"),
        QApplication.translate("Startup", "&Recover"),
        QApplication.translate("Startup", "&Discard"),
        lambda: window.open_survey(survey_id, edits),
        journal.clear,
    )


def run_application(home: str | None = None, db_url: str | None = None) -> int:
    paths = resolve_paths(home).ensure()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OVOP Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OVOP")
    i18n.install(app)

    lock = acquire_instance_lock(paths)
    if lock is None:
        message = QApplication.translate(
            "Startup",
            "OVOP Desktop is already running for this data folder:\n%1\n\n"
            "Switch to the open window instead of starting it again.",
        ).replace("%1", str(paths.data_dir))
        print(message, file=sys.stderr)
        dialogs.fatal(message)
        return 1

    _configure_logging(paths)
    previous_crash = crash.install(paths.crash_log)
    if previous_crash:
        log.warning("previous run crashed:\n%s", previous_crash)
    try:
        db = prepare_database(paths, db_url)
    except DomainError as exc:
        text = exc.message_id if i18n.language() == "id" else exc.message_en
        print(text, file=sys.stderr)
        dialogs.fatal(text)
        lock.unlock()
        return 1
    i18n.install(app, get_setting(db, INTERFACE_LANGUAGE, i18n.DEFAULT_LANGUAGE))
    if previous_crash:
        dialogs.crash_dialog(None, previous_crash)

    worker = Worker()
    window = open_window(app, db, paths, worker)
    offer_recovery(window, RecoveryJournal(paths.data_dir))
    status = app.exec()
    worker.wait()
    db.dispose()
    crash.uninstall()
    lock.unlock()
    return int(status)
