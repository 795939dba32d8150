"""Unexpected errors fail the UI test during which they happened (qutebrowser's logfail is the
model): a log record at ERROR or above, from any thread, or a crash or fatal message that the
headless dialogs recorded instead of showing.

A test that expects such an error asks for the `expected_errors` fixture, which also lets it
assert on what was logged and shown; raising a logger to the record's level with
`caplog.at_level` marks that record as expected too. Qt's own warnings fail through pytest-qt's
`qt_log_level_fail`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator

import pytest

from ovop_desktop.ui import dialogs

UNEXPECTED = ("crash", "fatal")


class LogFailHandler(logging.Handler):
    """Keeps every record at ERROR or above that a test did not announce with caplog."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno in (logging.getLogger(record.name).level, logging.getLogger().level):
            return  # caplog.at_level(...) with this record's level: the test expects it
        with self._guard:
            self.records.append(record)

    def since(self, start: int) -> list[logging.LogRecord]:
        with self._guard:
            return self.records[start:]


class ErrorWatch:
    """What a test logged at ERROR or above and what the headless dialogs recorded."""

    def __init__(self) -> None:
        self.handler = LogFailHandler()
        self.expected = False
        self._checked_records = 0
        self._checked_dialogs = 0

    @property
    def records(self) -> list[logging.LogRecord]:
        return self.handler.since(0)

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]

    @property
    def crashes(self) -> list[str]:
        return [shown.text for shown in dialogs.shown if shown.kind == "crash"]

    def check(self, *, report: bool = True) -> None:
        """Fail the test with what went wrong since the last check, unless it expects errors
        (or `report` is false: the test failed already, and its captured log shows them)."""
        records = self.handler.since(self._checked_records)
        shown = dialogs.shown[self._checked_dialogs :]
        self._checked_records += len(records)
        self._checked_dialogs += len(shown)
        if self.expected or not report:
            return
        problems = [
            f"logged {record.levelname} on {record.name}: {record.getMessage()}"
            for record in records
        ]
        problems += [f"opened a {s.kind} dialog: {s.text}" for s in shown if s.kind in UNEXPECTED]
        if problems:
            pytest.fail(
                "unexpected error during the test (ask for the expected_errors fixture if it is "
                "wanted):\n" + "\n".join(problems),
                pytrace=False,
            )


WATCH_KEY = pytest.StashKey[ErrorWatch]()


@pytest.fixture(autouse=True)
def _fail_on_unexpected_errors(request: pytest.FixtureRequest) -> Iterator[ErrorWatch]:
    """Headless dialogs and the error watch, for every test of the package that uses this."""
    dialogs.set_headless(True)
    watch = ErrorWatch()
    request.node.stash[WATCH_KEY] = watch
    root = logging.getLogger()
    root.addHandler(watch.handler)
    try:
        yield watch
    finally:
        root.removeHandler(watch.handler)
    watch.check()  # what went wrong while the fixtures were torn down


@pytest.fixture
def expected_errors(_fail_on_unexpected_errors: ErrorWatch) -> ErrorWatch:
    """The test expects an error logged or a crash dialog: they do not fail it, and it can
    assert on them (`messages`, `records`, `crashes`)."""
    _fail_on_unexpected_errors.expected = True
    return _fail_on_unexpected_errors


def check_after_call(item: pytest.Item, *, failed: bool) -> None:
    """Fail the test itself (not its teardown) when its body logged an unexpected error."""
    watch = item.stash.get(WATCH_KEY, None)
    if watch is not None:
        watch.check(report=not failed)
