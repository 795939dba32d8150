"""Start-up of the desktop application: logging, translations, one instance per data directory
(a second start hands its packages to the first), crash handling, the main window, then the
database (migrated after a backup).

The window is shown before the database is opened: the officer sees the application at once,
and a long migration or backup happens behind a "Opening the database…" page on the worker. The
survey list shows meanwhile: the one kept from the last session (services.surveys.kept_list) if
the database file is unchanged since (the close keeps it for the next start), else the surveys
read straight from the file, their top candidates to come (services.surveys.lean_list).
"""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ovop_desktop import __version__
from ovop_desktop.core.errors import DomainError
from ovop_desktop.paths import AppPaths, resolve_paths, resources_dir
from ovop_desktop.preferences import (
    database_url,
    interface_language,
    last_folder,
    set_last_folder,
)
from ovop_desktop.services.surveys.kept_list import (
    FILE_NAME,
    KEPT_AT_MOST,
    forget_kept_list,
    read_kept_list,
    write_kept_list,
)
from ovop_desktop.services.surveys.lean_list import read_lean_list
from ovop_desktop.ui import crash, dialogs, i18n
from ovop_desktop.ui.kit.messages import error_text
from ovop_desktop.ui.main_window import SETTINGS_PAGE, SYNC_PAGE, MainWindow
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.single_instance import InstanceServer, hand_over, server_name
from ovop_desktop.ui.surveys.survey_list import FIRST_ROWS
from ovop_desktop.ui.worker import Worker

if TYPE_CHECKING:
    from ovop_desktop.services.database import Database
    from ovop_desktop.services.surveys.recovery import RecoveryJournal

log = logging.getLogger(__name__)


_log_handler: list[logging.Handler] = []  # the one this module installed, replaced on a restart


def _configure_logging(paths: AppPaths) -> None:
    """Log to the data folder's log file, first thing: what goes wrong while the translations
    load or the instance lock is taken lands there too. A windowed Windows build has no stdout;
    a log folder that cannot be written leaves the log on stderr, if there is one."""
    root = logging.getLogger()
    for old in _log_handler:
        root.removeHandler(old)
        old.close()
    _log_handler.clear()
    handler: logging.Handler
    try:
        handler = logging.FileHandler(paths.app_log, encoding="utf-8")
    except OSError:
        if sys.stderr is None:
            return
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    _log_handler.append(handler)


class DataFolderNotWritableError(Exception):
    """The lock file cannot be made: the data folder is read-only, not the user's, or gone."""


def acquire_instance_lock(paths: AppPaths) -> QLockFile | None:
    """The lock that keeps a second instance off this data directory; None if it is held.

    QLockFile notices a lock left behind by a crashed process (its PID is gone) and takes it.
    A lock that cannot be made at all is not "already running": `DataFolderNotWritableError`.
    """
    lock = QLockFile(str(paths.lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(200):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        return None
    raise DataFolderNotWritableError(str(paths.data_dir))


# The screens MainWindow.attach builds on the open database: imported by the database job, on
# the worker, so that the GUI thread (showing the kept survey list meanwhile) only builds them.
SCREENS = (
    "ovop_desktop.ui.surveys.survey_editor",
    "ovop_desktop.ui.settings.settings_page",
    "ovop_desktop.ui.assessment.assessment_page",
    "ovop_desktop.ui.letters.letters_page",
    "ovop_desktop.ui.sync.sync_page",
)


# The star scale a list read before the ranking is laid out for (the shipped rubrics' own): the
# live list sizes the column again for the rubric in force.
LEAN_OUT_OF = 5


def prepare_database(paths: AppPaths, db_url: str | None) -> Database:
    """Open (and migrate) the database, install the shipped rubrics and (in a new data folder)
    the built-in region list, know this laptop; then load the screens' modules."""
    from ovop_desktop.services.database import open_database
    from ovop_desktop.services.reference import ensure_builtin_regions
    from ovop_desktop.services.rubrics import install_shipped_rubrics
    from ovop_desktop.services.settings.officers import local_device_id

    db = open_database(database_url(paths, db_url), backups_dir=paths.backups_dir)
    install_shipped_rubrics(db)
    ensure_builtin_regions(db)
    local_device_id(db)
    for module in SCREENS:
        importlib.import_module(module)
    return db


def keeps_survey_list(paths: AppPaths, db_url: str | None) -> bool:
    """The survey list is kept between sessions only for the data folder's own SQLite file."""
    return database_url(paths, db_url) == paths.database_url


def show_kept_survey_list(
    window: MainWindow, paths: AppPaths, then: Callable[[], None] | None = None
) -> None:
    """Before the database opens: the survey list kept from the last session, else (a first
    start, or the file changed since) its surveys read straight from the file, their top
    candidates to come: the first screenful, then the rest once it has painted. `then` runs
    when all is shown (the database job: sharing the interpreter with it, reading the rest
    would take ten times as long)."""
    page, file = window.survey_list, paths.database_file
    kept = read_kept_list(paths.cache_dir / FILE_NAME, file)
    first = None if kept is not None else read_lean_list(file, limit=FIRST_ROWS)
    if kept is not None:
        page.show_kept(kept.rows, kept.out_of)
    elif first:
        page.show_kept(first, LEAN_OUT_OF)
    if not first or len(first) < FIRST_ROWS:
        if then is not None:
            then()
        return

    def the_rest() -> None:
        try:
            page.show_kept_more(read_lean_list(file, offset=FIRST_ROWS) or [])
        finally:  # the database opens whatever happened to the early list
            if then is not None:
                then()

    QTimer.singleShot(0, page, the_rest)


def close_database(db: Database, paths: AppPaths, *, keep_survey_list: bool) -> None:
    """Close the database; with `keep_survey_list`, keep the survey list as the database holds
    it now for the next start, with the fingerprint of the file once nothing writes to it."""
    kept = None
    if keep_survey_list:
        from ovop_desktop.services.rubrics import rubric_in_force
        from ovop_desktop.services.surveys.survey_list import list_surveys, survey_count

        try:
            if survey_count(db) <= KEPT_AT_MOST:
                rubric = rubric_in_force(db)
                kept = (list_surveys(db, rubric), rubric.max_stars)
        except Exception:  # only a head start for the next start: a close never fails for it
            log.exception("the survey list was not kept")
    db.dispose()
    if kept is None:
        if keep_survey_list:  # too long a list, or it failed: one kept before is outdated
            forget_kept_list(paths.cache_dir / FILE_NAME)
    else:
        try:
            write_kept_list(paths.cache_dir / FILE_NAME, paths.database_file, *kept)
        except OSError as exc:
            log.warning("the survey list was not kept: %s", exc)


def open_window(
    app: QApplication, db: Database | None, paths: AppPaths, worker: Worker
) -> MainWindow:
    """The main window; a change of interface language rebuilds it in the new language."""
    window = MainWindow(db, paths, worker)

    def relabel(language: str) -> None:
        i18n.install(app, language)
        fresh = open_window(app, window.db, paths, worker)
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


class Startup(QObject):
    """Opens the database once the window has painted, then hands it to the window."""

    def __init__(
        self,
        window: MainWindow,
        paths: AppPaths,
        db_url: str | None,
        previous_crash: str | None,
        packages: list[str] | None = None,
    ) -> None:
        super().__init__(window)
        self.window, self.paths, self.db_url = window, paths, db_url
        self.keeps_survey_list = keeps_survey_list(paths, db_url)
        self.previous_crash = previous_crash
        # Shared with HandOver: packages a second start sends before the database is open wait
        # here with those of the command line.
        self.packages = packages if packages is not None else []
        self.db: Database | None = None
        self.failed = False
        self._database_asked = False
        window.firstPainted.connect(self._on_window_first_painted)

    @Slot()
    def _on_window_first_painted(self) -> None:
        # After the first paint, which it would delay by a tenth of a second at 10,000 surveys;
        # before the database job, which would share the interpreter with it.
        if not self.keeps_survey_list:
            self._open_database()
            return
        try:
            show_kept_survey_list(self.window, self.paths, then=self._open_database)
        except Exception:  # only a head start: the database opens all the same
            log.exception("the survey list was not shown before the database opened")
            self._open_database()

    def _open_database(self) -> None:
        if self._database_asked:
            return
        self._database_asked = True
        paths, url = self.paths, self.db_url
        # "Database" quoted: the services load on the worker, after the window shows.
        Operation["Database"](self.window, self.window.worker).success(
            self._on_database_ready
        ).failure(self._on_database_failed).run(lambda: prepare_database(paths, url))

    @Slot(object)
    def _on_database_ready(self, db: Database) -> None:
        from ovop_desktop.services.surveys.recovery import RecoveryJournal

        self.db = db
        self.window.attach(db)
        if self.previous_crash:
            dialogs.crash_dialog(self.window, self.previous_crash)
        offer_recovery(self.window, RecoveryJournal(self.paths.data_dir))
        if self.packages:  # opened with .ovop files: show their import preview
            preview_packages(self.window, self.packages)

    def _on_database_failed(self, error: DomainError) -> None:
        text = error_text(error)
        print(text, file=sys.stderr)
        self.failed = True
        dialogs.fatal(text)
        self.window.close()


def preview_packages(window: MainWindow, packages: list[str]) -> None:
    """Show the import preview of `packages` on the sync page (nothing is saved yet)."""
    window.ui.navigation.setCurrentRow(SYNC_PAGE)
    window.sync_page.tabs.setCurrentIndex(1)
    window.sync_page.preview_files(list(packages))


def bring_to_front(window: MainWindow) -> None:
    """Restore `window` if minimised, raise it and give it the focus."""
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


class HandOver(QObject):
    """What a second start of the application on this data folder sends: the window comes to
    the front and previews the packages (once the database is open, if it is not yet)."""

    def __init__(self, app: QApplication, pending: list[str]) -> None:
        """`pending`: the list Startup previews once the database is open (its `packages`)."""
        super().__init__(app)
        self.app = app
        self.pending = pending

    @Slot(list)
    def _on_server_packages_received(self, packages: list[str]) -> None:
        log.info("a second start handed over %d package(s)", len(packages))
        # The window of the moment: a change of language replaces the first one.
        windows = [w for w in self.app.topLevelWidgets() if isinstance(w, MainWindow)]
        window = next((w for w in windows if w.isVisible()), None)
        if window is not None:
            bring_to_front(window)
        if not packages:  # the application started again without a file: the window is enough
            return
        if window is None or window.db is None:  # Startup previews them once it is open
            self.pending.extend(packages)
        else:
            preview_packages(window, packages)


def run_application(
    home: str | None = None, db_url: str | None = None, packages: list[str] | None = None
) -> int:
    paths = resolve_paths(home)
    unwritable: str | None = None
    try:
        paths.ensure()
    except OSError as exc:  # a folder cannot be made: read-only, not the user's, disk full
        unwritable = str(exc.filename or paths.data_dir)
    else:
        _configure_logging(paths)  # before the translations: a missing one is logged
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("OVOP Desktop")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("OVOP")
    icon = resources_dir() / "icons" / "ovop.png"
    if icon.is_file():  # the taskbar's and every window's (Windows takes the .exe's)
        app.setWindowIcon(QIcon(str(icon)))
    i18n.install(app, interface_language(paths))
    dialogs.remember_folders(
        lambda: last_folder(paths), lambda folder: set_last_folder(paths, folder)
    )

    try:
        if unwritable is not None:
            raise DataFolderNotWritableError(unwritable)
        lock = acquire_instance_lock(paths)
    except DataFolderNotWritableError as exc:
        message = QApplication.translate(
            "Startup",
            "OVOP Desktop cannot write to its data folder:\n%1\n\n"
            "Make the folder writable for your user account (or free the disk, or choose "
            "another folder with --home), then start again.",
        ).replace("%1", str(exc))
        print(message, file=sys.stderr)
        dialogs.fatal(message)
        return 1
    name = server_name(paths)
    if lock is None:
        if hand_over(name, list(packages or [])):
            log.info("handed over to the running instance: %s", packages or "no packages")
            return 0
        message = QApplication.translate(
            "Startup",
            "OVOP Desktop is already running for this data folder:\n%1\n\n"
            "Switch to the open window instead of starting it again.",
        ).replace("%1", str(paths.data_dir))
        print(message, file=sys.stderr)
        dialogs.fatal(message)
        return 1

    # Listening at once: a second start from now on hands over instead of being turned away.
    pending = list(packages or [])
    server = InstanceServer(name, app)
    hand_over_to = HandOver(app, pending)
    server.packagesReceived.connect(hand_over_to._on_server_packages_received)
    server.listen()
    previous_crash = crash.install(paths.crash_log)
    if previous_crash:
        log.warning("previous run crashed:\n%s", previous_crash)
    worker = Worker()
    window = open_window(app, None, paths, worker)
    startup = Startup(window, paths, db_url, previous_crash, pending)
    status = app.exec()
    server.close()
    # The event loop has stopped, so nothing is left to freeze: a job still queued (the window
    # closed after CLOSE_WAIT_MS, or app.quit() from elsewhere) runs before the database closes.
    worker.wait()
    if startup.db is not None:
        close_database(startup.db, paths, keep_survey_list=startup.keeps_survey_list)
    crash.uninstall()
    lock.unlock()
    return 1 if startup.failed else int(status)
