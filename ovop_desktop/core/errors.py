"""Errors the user can act on: every domain error carries an Indonesian and an English message."""

from __future__ import annotations


class DomainError(ValueError):
    """A problem with the user's input or data, explained in both interface languages.

    ``str(error)`` is the Indonesian message, because Indonesian is the default interface
    language; the English one is in ``message_en``.
    """

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.message_en = message_en

    def __str__(self) -> str:
        return self.message_id
