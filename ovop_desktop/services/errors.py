"""Typed errors of the use cases. Each says in plain Indonesian (and English) what happened and
what to do; the UI and the CLI show the message, never a traceback."""

from __future__ import annotations

from ovop_desktop.core.errors import DomainError


class ServiceError(DomainError):
    """Expected trouble a person can act on."""


class NotFoundError(ServiceError):
    """The record asked for does not exist (or was deleted)."""


class InvalidInputError(ServiceError):
    """A value a person typed or a file they chose is not acceptable."""

    def __init__(self, message_id: str, message_en: str, *, field: str | None = None) -> None:
        super().__init__(message_id, message_en)
        self.field = field


class StorageError(ServiceError):
    """The database or the disk refused: locked, read-only, full, or a newer schema."""
