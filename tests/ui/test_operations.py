"""The operation layer: results back on the GUI thread, typed errors as messages, bugs raised,
nothing called back once the widget that asked is gone."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ovop_desktop.services.errors import InvalidInputError
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import ERROR_STYLE
from ovop_desktop.ui.operations import Operation
from ovop_desktop.ui.worker import Worker


@pytest.fixture
def worker() -> Worker:
    return Worker()


def test_the_result_reaches_the_success_callback_on_the_gui_thread(
    qtbot: QtBot, worker: Worker
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[int, bool]] = []
    main = threading.get_ident()
    Operation(owner, worker).success(
        lambda value: seen.append((value, threading.get_ident() == main))
    ).run(lambda: 6 * 7)
    qtbot.waitUntil(lambda: seen == [(42, True)])


def test_expected_trouble_is_shown_on_the_label_and_always_runs(
    qtbot: QtBot, worker: Worker
) -> None:
    owner, label = QWidget(), QLabel()
    qtbot.addWidget(owner)
    qtbot.addWidget(label)
    ended: list[str] = []

    def refuse() -> None:
        raise InvalidInputError("Nama wajib diisi.", "A name is required.")

    Operation(owner, worker).errors_in(label).always(lambda: ended.append("x")).run(refuse)
    qtbot.waitUntil(lambda: label.text() == "A name is required.")
    assert label.styleSheet() == ERROR_STYLE
    assert ended == ["x"]


def test_a_file_error_becomes_a_plain_message_box_without_a_label(
    qtbot: QtBot, worker: Worker, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, text: shown.append(text))

    def unreadable() -> None:
        raise PermissionError(13, "Permission denied", "/media/usb/paket.ovop")

    Operation(owner, worker).run(unreadable)
    qtbot.waitUntil(lambda: bool(shown))
    assert "/media/usb/paket.ovop" in shown[0]
    assert "No permission" in shown[0]  # the interface's words (English here), not the OS text


def test_a_bug_is_raised_on_the_gui_thread(qtbot: QtBot, worker: Worker) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)

    def broken() -> None:
        raise ZeroDivisionError("bug")

    with qtbot.captureExceptions() as caught:
        Operation(owner, worker).run(broken)
        qtbot.waitUntil(lambda: bool(caught))
    assert isinstance(caught[0][1], ZeroDivisionError)


def test_nothing_is_called_back_once_the_owner_is_gone(qtbot: QtBot, worker: Worker) -> None:
    owner = QWidget()
    release = threading.Event()
    seen: list[object] = []
    Operation(owner, worker).success(seen.append).always(lambda: seen.append("always")).run(
        lambda: release.wait(5) and "late"
    )
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _valid(owner))
    release.set()
    worker.wait()
    qtbot.wait(50)
    assert seen == []


def test_progress_and_cancel_reach_the_job(qtbot: QtBot, worker: Worker) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    steps: list[tuple[int, int]] = []
    done: list[int] = []
    op: Operation[int] = Operation(owner, worker)
    op.progress(lambda d, t: steps.append((d, t))).success(done.append)
    op.cancel()

    def job() -> int:
        for step in range(1, 4):
            op.report(step, 3)
        return 1 if op.cancelled() else 0

    op.run(job)  # run() starts a fresh, uncancelled operation
    qtbot.waitUntil(lambda: done == [0] and steps == [(1, 3), (2, 3), (3, 3)])


def _valid(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))
