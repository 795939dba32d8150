"""Logging starts before anything else at start-up: a translation that is missing (a build
without `ovop_id.qm`) is written to the application's log, not only to a console a windowed
Windows program does not have."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from ovop_desktop.paths import resolve_paths
from ovop_desktop.ui import app, dialogs, i18n
from tests.helpers.logfail import ErrorWatch


@pytest.fixture
def root_logger_restored() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    app._log_handler.clear()


def test_a_missing_translation_is_written_to_the_log(
    tmp_path: Path,
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    root_logger_restored: None,
    expected_errors: ErrorWatch,  # the stop below is shown (and logged) as an error
) -> None:
    empty = tmp_path / "no-translations"
    empty.mkdir()
    monkeypatch.setattr(i18n, "translations_dir", lambda: empty)
    monkeypatch.setattr(dialogs, "remember_folders", lambda load, save: None)

    def unwritable(paths: object) -> None:  # stop start-up right after the translations
        raise app.DataFolderNotWritableError("stopped by the test")

    monkeypatch.setattr(app, "acquire_instance_lock", unwritable)
    home = tmp_path / "home"

    assert app.run_application(home=str(home)) == 1

    log = resolve_paths(home).app_log.read_text(encoding="utf-8")
    assert "translation id not found" in log
    assert str(empty) in log
