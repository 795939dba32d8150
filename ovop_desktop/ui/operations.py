"""Long work started from a screen: one small API over the serial worker.

    Operation(self, self.worker).success(self._on_saved).errors_in(self.message).run(
        lambda: save_survey(db, values)
    )

The function runs on the worker; what it returns goes to the `success` callback on the GUI thread.
Failures take one default path: expected trouble (a typed `DomainError`, or an `OSError` of a file
the officer chose) is shown as a plain message (on the label given to `errors_in`, to the
`failure` callback, or else in a message box), and anything else is a bug, raised on the GUI
thread so that it reaches the crash dialog. `always` runs after either (re-enable a button, hide
a progress bar). Nothing is called back once the widget that asked is gone (a dialog closed while
its job ran). Long jobs report progress and are cancelled through the operation:

    op = Operation(self, self.worker).progress(self._on_progressed).success(self._on_done)
    op.run(lambda: make_letters(..., progress=op.report, cancelled=op.cancelled))
    ...  # later, from a Cancel button: op.cancel()
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Self

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid
from typing_extensions import TypeVar

from ovop_desktop.core.errors import DomainError
from ovop_desktop.ui import dialogs
from ovop_desktop.ui.kit.messages import ERROR_STYLE, error_text, expected_error, show_message
from ovop_desktop.ui.worker import Worker

log = logging.getLogger(__name__)
# Without a type argument an operation is Operation[Any]: `Operation(self, worker)` type-checks.
T = TypeVar("T", default=Any)


class Operation(QObject, Generic[T]):
    """One job on the worker, asked for by `owner` (a widget, or an object such as a printer
    helper that lives as long as its dialog), with its results routed back safely."""

    # Emitted from the worker's thread, received on the GUI thread (queued): the operation lives
    # on the GUI thread, where it was made.
    _progressed = Signal(int, int)

    def __init__(self, owner: QObject, worker: Worker) -> None:
        super().__init__()
        self.owner, self.worker = owner, worker
        self._on_success: Callable[[T], None] | None = None
        self._on_failure: Callable[[DomainError], None] | None = None
        self._on_progress: Callable[[int, int], None] | None = None
        self._always: list[Callable[[], None]] = []
        self._label: QLabel | None = None
        self._cancel = threading.Event()
        self._progressed.connect(self._on_progressed)

    # configuration, on the GUI thread

    def success(self, callback: Callable[[T], None]) -> Self:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[DomainError], None]) -> Self:
        """Handle expected trouble yourself (it is already typed); bugs still go to the crash
        dialog."""
        self._on_failure = callback
        return self

    def errors_in(self, label: QLabel) -> Self:
        """Show expected trouble on this label, in the error style."""
        self._label = label
        return self

    def always(self, callback: Callable[[], None]) -> Self:
        """Run after success and after failure alike, before either's callback."""
        self._always.append(callback)
        return self

    def progress(self, callback: Callable[[int, int], None]) -> Self:
        """`callback(done, total)` on the GUI thread for each `report` of the job."""
        self._on_progress = callback
        return self

    def run(self, fn: Callable[[], T]) -> Self:
        """Queue `fn` on the worker. The operation keeps itself alive until it reports."""
        self._cancel.clear()
        self.worker.submit(fn, self._succeeded, self._failed)
        return self

    # for the job, on the worker's thread

    def report(self, done: int, total: int) -> None:
        self._progressed.emit(done, total)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    # results, on the GUI thread

    def _alive(self) -> bool:
        return isValid(self.owner)

    @Slot(int, int)
    def _on_progressed(self, done: int, total: int) -> None:
        if self._on_progress is not None and self._alive():
            self._on_progress(done, total)

    def _succeeded(self, result: Any) -> None:
        if not self._alive():
            return
        for callback in self._always:
            callback()
        if self._on_success is not None:
            self._on_success(result)

    def _failed(self, error: BaseException) -> None:
        expected = expected_error(error)
        if not self._alive():
            if expected is None:
                log.warning("a job failed after its window closed", exc_info=error)
            return
        for callback in self._always:
            callback()
        if expected is None:
            raise error  # a bug: Qt hands it to sys.excepthook, which opens the crash dialog
        if self._on_failure is not None:
            self._on_failure(expected)
        elif self._label is not None and isValid(self._label):
            show_message(self._label, error_text(expected), ERROR_STYLE)
        else:
            parent = self.owner if isinstance(self.owner, QWidget) else None
            dialogs.error(parent, error_text(expected))
