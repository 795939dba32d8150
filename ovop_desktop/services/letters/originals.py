"""Handing out the original of an issued letter: the copy this laptop kept when it issued the
letter (letter_files), given out only while its bytes are still those the register recorded."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy import select

from ovop_desktop.db.models import Letter
from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError, StorageError
from ovop_desktop.services.letters.letter_files import archive_path


def original_letter(db: Database, paths: AppPaths, letter_id: uuid.UUID) -> bytes:
    """The issued PDF of the letter, byte for byte as it was issued."""
    with db.session() as session:
        row = session.execute(
            select(Letter.number, Letter.verification_code, Letter.pdf_sha256).where(
                Letter.id == letter_id
            )
        ).first()
    if row is None:
        raise NotFoundError("Surat tidak ditemukan.", "Letter not found.")
    number, code, digest = row
    kept = archive_path(paths, code)
    if not kept.is_file():
        raise NotFoundError(
            f"Berkas asli surat {number} tidak tersimpan di komputer ini: surat itu diterbitkan "
            "di laptop lain. Mintalah berkasnya kepada petugas yang menerbitkannya.",
            f"The original file of letter {number} is not kept on this computer: it was issued "
            "on another laptop. Ask the officer who issued it for the file.",
        )
    pdf = kept.read_bytes()
    if digest is not None and hashlib.sha256(pdf).hexdigest() != digest:
        raise StorageError(
            f"Salinan surat {number} di folder data ({kept}) sudah berubah sejak surat "
            "diterbitkan, sehingga tidak dapat diserahkan sebagai aslinya.",
            f"The copy of letter {number} in the data folder ({kept}) has changed since the "
            "letter was issued, so it cannot be handed out as the original.",
        )
    return pdf


def save_original(db: Database, paths: AppPaths, letter_id: uuid.UUID, target: Path) -> Path:
    """Write the issued PDF of the letter to `target` (whole, or not at all)."""
    pdf = original_letter(db, paths, letter_id)
    if not target.parent.is_dir():
        raise NotFoundError(
            f"Folder {target.parent} tidak ada. Pilih folder yang ada.",
            f"The folder {target.parent} does not exist. Choose an existing folder.",
        )
    atomic_write(target, pdf)
    return target
