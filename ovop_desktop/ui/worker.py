"""One serial worker for database, PDF, import and export jobs, off the GUI thread.

SQLite has one writer, so jobs run one at a time in submission order. Results come back through
a signal connected to a @Slot of an object living on the GUI thread (a lambda connected to the
worker's signal would run on the worker's thread).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


@dataclass
class _Callbacks:
    on_success: Callable[[Any], None] | None
    on_failure: Callable[[BaseException], None] | None


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._job_id, self._fn, self._signals = job_id, fn, signals

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self._signals.failed.emit(self._job_id, exc)
        else:
            self._signals.done.emit(self._job_id, result)


class Worker(QObject):
    """`worker.submit(fn, on_success, on_failure)`: callbacks run on the GUI thread.

    Nothing on the GUI thread waits for it: who must know that every job has reported (the window
    closing) listens to `idle`. `wait` is for tests and for the end of the program, once the event
    loop has stopped.
    """

    idle = Signal()  # the last submitted job has reported and nothing else is queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self._on_job_done)
        self._signals.failed.connect(self._on_job_failed)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = _Callbacks(on_success, on_failure)
        self._pool.start(_Job(job_id, fn, self._signals))
        return job_id

    def wait(self, msecs: int = -1) -> bool:
        """Block until every submitted job has run: for tests and for the end of the program,
        never while the event loop runs."""
        return self._pool.waitForDone(msecs)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    @Slot(int, object)
    def _on_job_done(self, job_id: int, result: object) -> None:
        callbacks = self._pending.pop(job_id)
        try:
            if callbacks.on_success is not None:
                callbacks.on_success(result)
        finally:
            self._report_idle()

    @Slot(int, object)
    def _on_job_failed(self, job_id: int, error: object) -> None:
        callbacks = self._pending.pop(job_id)
        assert isinstance(error, BaseException)
        try:
            if callbacks.on_failure is not None:
                callbacks.on_failure(error)
            else:
                raise error
        finally:
            self._report_idle()

    def _report_idle(self) -> None:
        if not self._pending:
            self.idle.emit()
