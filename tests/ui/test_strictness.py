"""The UI suite is strict: an unexpected error or crash dialog fails the test, and dialogs are
headless only because the test fixtures say so."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from ovop_desktop.ui import dialogs
from tests.helpers.logfail import ErrorWatch

log = logging.getLogger("ovop_desktop.ui.test")


def _visible_boxes(qapp: QApplication) -> list[QMessageBox]:
    return [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_an_error_logged_during_a_test_fails_it(expected_errors: ErrorWatch) -> None:
    watch = ErrorWatch()
    logging.getLogger().addHandler(watch.handler)
    try:
        log.error("the disk caught fire")
    finally:
        logging.getLogger().removeHandler(watch.handler)
    with pytest.raises(pytest.fail.Exception, match="the disk caught fire"):
        watch.check()
    assert expected_errors.messages == ["the disk caught fire"]


def test_a_crash_dialog_during_a_test_fails_it(expected_errors: ErrorWatch) -> None:
    watch = ErrorWatch()
    dialogs.crash_dialog(None, "Traceback: ZeroDivisionError")
    with pytest.raises(pytest.fail.Exception, match="opened a crash dialog"):
        watch.check()
    assert expected_errors.crashes == ["Traceback: ZeroDivisionError"]


def test_a_plain_error_message_is_recorded_and_does_not_fail(qapp: QApplication) -> None:
    dialogs.error(None, "The stick was pulled out.")
    assert dialogs.shown == [dialogs.Shown("error", "The stick was pulled out.")]
    assert _visible_boxes(qapp) == []


def test_an_error_announced_with_caplog_is_expected(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        log.error("a backup could not be pruned")
    assert caplog.messages == ["a backup could not be pruned"]


def test_headless_mode_is_a_switch_not_a_guess_from_the_platform(
    qtbot: QtBot, qapp: QApplication
) -> None:
    assert dialogs.is_headless()  # switched on by the UI fixtures
    dialogs.set_headless(False)
    try:
        dialogs.error(None, "Shown even on the offscreen platform.")
        boxes = _visible_boxes(qapp)
        assert [box.text() for box in boxes] == ["Shown even on the offscreen platform."]
        assert dialogs.shown == []
        boxes[0].close()
        qtbot.waitUntil(lambda: not _visible_boxes(qapp))
    finally:
        dialogs.set_headless(True)


def test_a_crash_dialog_without_a_window_stays_until_it_is_closed(
    qtbot: QtBot, qapp: QApplication
) -> None:
    """The crash of a bug outside any window has no parent: it must not vanish at once."""
    dialogs.set_headless(False)
    try:
        dialogs.crash_dialog(None, "Traceback: KeyError")
        titles = [w.windowTitle() for w in qapp.topLevelWidgets() if w.isVisible()]
        assert "OVOP Desktop: unexpected error" in titles
        crash = next(
            w for w in qapp.topLevelWidgets() if w.windowTitle() == "OVOP Desktop: unexpected error"
        )
        crash.close()
        qtbot.waitUntil(lambda: not crash.isVisible())
    finally:
        dialogs.set_headless(True)
