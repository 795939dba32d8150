"""Privacy at rest: the data folder and what the application writes in it are the user's alone.

Under umask 000 a fresh home gets 0700 folders and a 0600 database (with its -wal and -shm)
and 0600 backups; folders and a database left wider by an older version are tightened. On
Windows the folders are in the user's profile, whose ACLs keep other users out: no mode tests.
A data folder that cannot be written says so, rather than "already running".
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_desktop.db.backup import backup_sqlite
from ovop_desktop.paths import AppPaths, resolve_paths

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="Windows has no mode bits")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The loosest umask there is: nothing the application makes may rely on the umask."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@posix_only
def test_a_fresh_home_under_umask_000_has_private_folders(tmp_path: Path, open_umask: None) -> None:
    paths = resolve_paths(tmp_path / "home").ensure()
    for folder in (paths.data_dir, paths.config_dir, paths.cache_dir, paths.log_dir):
        assert _mode(folder) == 0o700, folder


@posix_only
def test_a_new_database_and_its_wal_files_are_the_users_alone(
    tmp_path: Path, open_umask: None
) -> None:
    from ovop_desktop.db.engine import make_engine

    paths = resolve_paths(tmp_path / "home").ensure()
    engine = make_engine(paths.database_url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x INTEGER)")
            connection.exec_driver_sql("INSERT INTO t VALUES (1)")
        made = [
            paths.database_file,
            paths.data_dir / "ovop.sqlite3-wal",
            paths.data_dir / "ovop.sqlite3-shm",
        ]
        assert all(path.exists() for path in made)  # WAL mode: the -wal and -shm are there
        assert {path.name: _mode(path) for path in made} == {path.name: 0o600 for path in made}
    finally:
        engine.dispose()


@posix_only
def test_the_migrated_application_database_is_the_users_alone(
    tmp_path: Path, open_umask: None
) -> None:
    from ovop_desktop.services.database import open_database

    paths = resolve_paths(tmp_path / "home").ensure()
    open_database(paths.database_url, backups_dir=paths.backups_dir).dispose()
    assert _mode(paths.database_file) == 0o600


@posix_only
def test_a_database_left_world_readable_is_tightened_when_opened(tmp_path: Path) -> None:
    from ovop_desktop.services.database import open_database

    paths = resolve_paths(tmp_path / "home").ensure()
    open_database(paths.database_url, backups_dir=paths.backups_dir).dispose()
    os.chmod(paths.database_file, 0o644)
    open_database(paths.database_url, backups_dir=paths.backups_dir).dispose()
    assert _mode(paths.database_file) == 0o600


@posix_only
def test_backups_and_their_folder_are_the_users_alone(tmp_path: Path, open_umask: None) -> None:
    from ovop_desktop.services.database import open_database

    paths = resolve_paths(tmp_path / "home").ensure()
    open_database(paths.database_url, backups_dir=paths.backups_dir).dispose()
    copy = backup_sqlite(paths.database_file, paths.backups_dir / "manual.sqlite3")
    assert _mode(copy) == 0o600
    assert _mode(paths.backups_dir) == 0o700


@posix_only
def test_an_existing_open_data_folder_is_tightened(tmp_path: Path, open_umask: None) -> None:
    paths = resolve_paths(tmp_path / "home")
    for folder in (paths.data_dir, paths.config_dir, paths.backups_dir):
        folder.mkdir(parents=True)
        os.chmod(folder, 0o755)
    os.chmod(paths.log_dir.parent, 0o755)
    paths.ensure()
    for folder in (paths.data_dir, paths.config_dir, paths.backups_dir):
        assert _mode(folder) == 0o700, folder


@posix_only
def test_a_read_only_data_folder_is_only_tightened_never_made_writable(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "home")
    paths.data_dir.mkdir(parents=True)
    os.chmod(paths.data_dir, 0o555)
    try:
        paths.ensure()
        assert _mode(paths.data_dir) == 0o500
    finally:
        os.chmod(paths.data_dir, 0o700)


@posix_only
def test_packages_keep_the_mode_of_the_chosen_folder_unless_asked(
    tmp_path: Path, open_umask: None
) -> None:
    """A package on a stick or shared folder is for others to read; in the data folder it is
    the user's alone (the caller passes 0600)."""
    from ovop_desktop.exchange.keys import load_or_create_key
    from ovop_desktop.exchange.package_write import write_package
    from tests.exchange.test_package import FIELDS, MEMBERS

    key = load_or_create_key(tmp_path / "key")
    private = write_package(tmp_path, "private", FIELDS, MEMBERS, key, mode=0o600)
    assert _mode(private) == 0o600


# ---------------------------------------------------------------------------------------------
# A data folder that cannot be written is named as such, not "already running"


class _UnwritableLock:
    """A QLockFile whose lock file cannot be made (what a read-only folder gives)."""

    from PySide6.QtCore import QLockFile

    LockError = QLockFile.LockError

    def __init__(self, _path: str) -> None:
        pass

    def setStaleLockTime(self, _ms: int) -> None:
        pass

    def tryLock(self, _timeout: int) -> bool:
        return False

    def error(self) -> object:
        return self.LockError.PermissionError


def test_a_lock_that_cannot_be_made_is_not_already_running(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_desktop.ui import app

    paths = resolve_paths(tmp_path / "home").ensure()
    monkeypatch.setattr(app, "QLockFile", _UnwritableLock)
    with pytest.raises(app.DataFolderNotWritableError):
        app.acquire_instance_lock(paths)


def test_the_start_on_an_unwritable_data_folder_names_the_folder(
    tmp_path: Path,
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from ovop_desktop.ui import app

    shown: list[str] = []
    monkeypatch.setattr(app, "QLockFile", _UnwritableLock)
    monkeypatch.setattr(app.dialogs, "fatal", shown.append)
    home = tmp_path / "home"
    assert app.run_application(str(home)) == 1
    [message] = shown
    assert str(resolve_paths(home).data_dir) in message
    assert "already running" not in message and "sudah berjalan" not in message
    assert "cannot write" in message or "tidak dapat menulis" in message
    assert message in capsys.readouterr().err


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no mode bits")
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root writes all")
def test_a_read_only_data_folder_really_says_it_cannot_be_written(
    tmp_path: Path, qapp: object
) -> None:
    from ovop_desktop.ui import app

    paths = resolve_paths(tmp_path / "home").ensure()
    os.chmod(paths.data_dir, 0o500)
    try:
        with pytest.raises(app.DataFolderNotWritableError):
            app.acquire_instance_lock(paths)
    finally:
        os.chmod(paths.data_dir, 0o700)


def test_a_home_whose_folders_cannot_be_made_says_so(
    tmp_path: Path, qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ovop_desktop.ui import app

    def refuse(self: AppPaths) -> AppPaths:
        raise PermissionError(13, "Permission denied", str(self.data_dir))

    shown: list[str] = []
    monkeypatch.setattr(AppPaths, "ensure", refuse)
    monkeypatch.setattr(app.dialogs, "fatal", shown.append)
    assert app.run_application(str(tmp_path / "home")) == 1
    [message] = shown
    assert str(resolve_paths(tmp_path / "home").data_dir) in message
    assert "sudah berjalan" not in message and "already running" not in message
