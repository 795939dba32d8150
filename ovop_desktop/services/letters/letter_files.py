"""A letter's files and its register entry appear together or not at all.

The entry (number included) is added and flushed, every file of the letter is written whole
(`atomic_write`), and only then is the entry committed; when a file cannot be written (a full
disk, a missing folder) or the commit fails, the files already written are removed and the
entry rolled back: the register never shows a letter whose file does not exist, and a number
whose letter was never made stays free for the next letter.

Each letter is kept in the data folder by its verification code, so the register can save it
again later; a letter written elsewhere (`ovop letter --out`, a batch folder) is one more file.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.orm import Session

from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import StorageError, StorageKind


def archive_path(paths: AppPaths, verification_code: str) -> Path:
    """Where this laptop keeps the copy of an issued letter, by its verification code."""
    return paths.data_dir / "surat" / f"{verification_code}.pdf"


def check_letter_folder(target: Path) -> None:
    """Refuse a letter file whose folder does not exist, before any number is taken."""
    if not target.parent.is_dir():
        raise StorageError(
            f"Folder {target.parent} tidak ada: surat tidak dibuat dan tidak ada nomor yang "
            "terpakai. Pilih folder yang ada.",
            f"The folder {target.parent} does not exist: no letter was made and no number was "
            "used. Choose an existing folder.",
        )


def _not_written(target: Path, error: OSError) -> StorageError:
    if error.errno == errno.ENOSPC:
        return StorageError(
            f"Disk penuh: surat tidak dapat disimpan di {target}. Surat tidak didaftarkan di "
            "buku agenda dan nomornya tidak terpakai. Kosongkan ruang disk, lalu coba lagi.",
            f"The disk is full: the letter cannot be saved as {target}. It was not entered in "
            "the letter register and its number was not used. Free some disk space, then try "
            "again.",
            kind=StorageKind.FULL,
        )
    reason = error.strerror or str(error)
    kind = StorageKind.READ_ONLY if error.errno in (errno.EACCES, errno.EPERM) else StorageKind.FILE
    return StorageError(
        f"Surat tidak dapat disimpan di {target}: {reason}. Surat tidak didaftarkan di buku "
        "agenda dan nomornya tidak terpakai.",
        f"The letter cannot be saved as {target}: {reason}. It was not entered in the letter "
        "register and its number was not used.",
        kind=kind,
    )


class LetterFiles:
    """The files written for one letter being issued in `session`."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.written: list[Path] = []

    def write(self, target: Path, pdf: bytes) -> None:
        """Write the letter to `target` whole; its register entry must be in the session."""
        self.session.flush()  # a clash of numbers shows now, before any file is written
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, pdf)
        except OSError as error:
            raise _not_written(target, error) from error
        self.written.append(target)

    def remove(self) -> None:
        for target in self.written:
            with contextlib.suppress(OSError):
                target.unlink()


@contextmanager
def issuing(db: Database) -> Iterator[LetterFiles]:
    """`with issuing(db) as files:` add the letter's entry to `files.session`, then
    `files.write(...)` each file: the entry is committed when the block ends, and the files
    are removed again if anything fails, the commit included."""
    files: LetterFiles | None = None
    try:
        with db.session() as session:
            files = LetterFiles(session)
            yield files
    except BaseException:
        if files is not None:
            files.remove()
        raise
