"""Messages on a label or in a box: their styles, the interface language of a typed error, and
which errors are expected trouble (a message) rather than a bug (the crash dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ovop_desktop.core.errors import DomainError
from ovop_desktop.services.errors import file_error
from ovop_desktop.ui.kit.display import in_language

ERROR_STYLE = "color: #a61b1b;"
OK_STYLE = "color: #1d6b3a;"
WARN_STYLE = "color: #8a5a00;"


def error_text(error: DomainError) -> str:
    """A typed error's message in the interface language."""
    return in_language(error.message_id, error.message_en)


def expected_error(error: BaseException) -> DomainError | None:
    """The error as expected trouble a person can act on, or None for a bug.

    A file the officer chose that cannot be read or written (a pulled stick, a full disk, a folder
    without write permission) is expected trouble, whichever layer met it.
    """
    if isinstance(error, DomainError):
        return error
    if isinstance(error, OSError):
        return file_error(error)
    return None


def show_message(label: QLabel, text: str, style: str = "") -> None:
    label.setStyleSheet(style)
    label.setText(text)


def show_error(label: QLabel, error: BaseException) -> None:
    """Show expected trouble in plain words on the label; anything else is a bug and is raised."""
    expected = expected_error(error)
    if expected is None:
        raise error
    show_message(label, error_text(expected), ERROR_STYLE)
