"""Typed errors of the use cases. Each says in plain Indonesian (and English) what happened and
what to do; the UI and the CLI show the message, never a traceback."""

from __future__ import annotations

import errno
from enum import StrEnum

from ovop_desktop.core.errors import DomainError
from ovop_desktop.files import FileInUseError


class ServiceError(DomainError):
    """Expected trouble a person can act on."""


class NotFoundError(ServiceError):
    """The record asked for does not exist (or was deleted)."""


class InvalidInputError(ServiceError):
    """A value a person typed or a file they chose is not acceptable."""

    def __init__(self, message_id: str, message_en: str, *, field: str | None = None) -> None:
        super().__init__(message_id, message_en)
        self.field = field


class StorageKind(StrEnum):
    """What the database or the disk refused, as its driver said (never read from a message)."""

    LOCKED = "locked"  # another program or person holds the database; trying again may work
    READ_ONLY = "read_only"  # no permission to write (file, folder or server role)
    FULL = "full"  # the disk (or the server's) has no room left
    CORRUPT = "corrupt"  # the file is damaged or not a database at all
    UNREACHABLE = "unreachable"  # the file, the folder or the server cannot be reached
    NEWER_SCHEMA = "newer_schema"  # made by a newer version of the application
    FILE = "file"  # a file or folder other than the database


class StorageError(ServiceError):
    """The database or the disk refused: locked, read-only, full, damaged, unreachable, or a
    newer schema. `kind` says which; `transient` whether the same work may succeed again."""

    def __init__(
        self, message_id: str, message_en: str, *, kind: StorageKind = StorageKind.FILE
    ) -> None:
        super().__init__(message_id, message_en)
        self.kind = kind

    @property
    def transient(self) -> bool:
        return self.kind is StorageKind.LOCKED


def file_error(error: OSError) -> StorageError:
    """A file or folder that cannot be read or written, in plain words with its path."""
    reason = error.strerror or str(error)
    where = f" ({error.filename})" if error.filename else ""
    if isinstance(error, FileInUseError):
        return _in_use_error(str(error.filename or ""))
    kind = {
        errno.ENOSPC: StorageKind.FULL,
        errno.EACCES: StorageKind.READ_ONLY,
        errno.EPERM: StorageKind.READ_ONLY,
        errno.EROFS: StorageKind.READ_ONLY,
    }.get(error.errno or 0, StorageKind.FILE)
    if kind is StorageKind.FULL:
        return StorageError(
            f"Disk penuh: berkas tidak dapat ditulis{where}. Kosongkan ruang di disk itu, lalu "
            "coba lagi.",
            f"The disk is full: the file could not be written{where}. Free some space on that "
            "disk and try again.",
            kind=kind,
        )
    if kind is StorageKind.READ_ONLY:
        return StorageError(
            f"Tidak ada izin untuk menulis atau membaca{where}. Pilih folder lain atau periksa "
            "izinnya.",
            f"No permission to write or read{where}. Choose another folder or check its "
            "permissions.",
            kind=kind,
        )
    return StorageError(
        f"Berkas tidak dapat dibaca atau ditulis{where}: {reason}",
        f"The file could not be read or written{where}: {reason}",
        kind=kind,
    )


def _in_use_error(path: str) -> StorageError:
    """A file another program holds open (Windows): a letter open in the PDF viewer, a table
    open in a spreadsheet program. Closing it there is all it takes."""
    where = f" ({path})" if path else ""
    if path.lower().endswith(".pdf"):
        return StorageError(
            "Berkas sedang dibuka di program lain: tutup berkas di penampil PDF lalu coba lagi."
            + where,
            "The file is open in another program: close it in the PDF viewer, then try again."
            + where,
        )
    return StorageError(
        "Berkas sedang dibuka di program lain: tutup berkas itu di program tersebut lalu coba "
        "lagi." + where,
        "The file is open in another program: close it there, then try again." + where,
    )
