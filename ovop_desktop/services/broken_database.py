"""A database file that must not be used, in plain words: which file, what is wrong with it, and
what to do (restore the newest good backup, named, or open the file read-only)."""

from __future__ import annotations

from pathlib import Path

from ovop_desktop.db.backup import newest_good_backup
from ovop_desktop.db.health import DatabaseFileError, FileTrouble
from ovop_desktop.paths import sqlite_url
from ovop_desktop.services.errors import StorageError, StorageKind

BACKUPS_FOLDER = "cadangan"

KINDS = {
    FileTrouble.EMPTY: StorageKind.CORRUPT,
    FileTrouble.NOT_A_DATABASE: StorageKind.CORRUPT,
    FileTrouble.TRUNCATED: StorageKind.CORRUPT,
    FileTrouble.NO_SCHEMA_VERSION: StorageKind.CORRUPT,
    FileTrouble.LOCKED: StorageKind.LOCKED,
    FileTrouble.READ_ONLY: StorageKind.READ_ONLY,
    FileTrouble.UNREADABLE: StorageKind.UNREACHABLE,
    FileTrouble.DISK_FULL: StorageKind.FULL,
}

WHAT = {
    FileTrouble.EMPTY: (
        "kosong (0 bita): bukan basis data",
        "is empty (0 bytes): it is no database",
    ),
    FileTrouble.NOT_A_DATABASE: (
        "bukan basis data SQLite (isinya rusak atau berkas lain)",
        "is no SQLite database (its content is damaged, or it is another file)",
    ),
    FileTrouble.TRUNCATED: (
        "rusak: lebih pendek dari seharusnya atau halamannya tidak terbaca",
        "is damaged: shorter than it should be, or its pages cannot be read",
    ),
    FileTrouble.NO_SCHEMA_VERSION: (
        "berisi tabel tetapi tanpa catatan versi skema (tabel alembic_version hilang): bukan "
        "basis data OVOP Desktop yang utuh",
        "holds tables but no schema version record (the alembic_version table is missing): it "
        "is no whole OVOP Desktop database",
    ),
    FileTrouble.LOCKED: (
        "sedang dikunci program lain",
        "is locked by another program",
    ),
    FileTrouble.READ_ONLY: (
        "hanya dapat dibaca (berkas atau foldernya tidak boleh ditulis)",
        "is read-only (the file or its folder cannot be written)",
    ),
    FileTrouble.UNREADABLE: (
        "tidak dapat dibuka",
        "cannot be opened",
    ),
    FileTrouble.DISK_FULL: (
        "tidak dapat dibuka karena disknya penuh (berkasnya sendiri utuh)",
        "cannot be opened because its disk is full (the file itself is not damaged)",
    ),
}


def _read_only_hint(path: Path) -> tuple[str, str]:
    url = sqlite_url(path, read_only=True)
    return (
        f"atau buka hanya-baca: ovop --db '{url}' …",
        f"or open it read-only: ovop --db '{url}' …",
    )


def _restore_hint(path: Path, backups_dir: Path) -> tuple[str, str]:
    newest = newest_good_backup(backups_dir)
    if newest is None:
        return (
            f"Tidak ada cadangan yang baik di {backups_dir}. Simpan berkasnya (jangan hapus) dan "
            "minta bantuan",
            f"There is no good backup in {backups_dir}. Keep the file (do not delete it) and ask "
            "for help",
        )
    return (
        f"Tutup aplikasi, pindahkan berkas itu ke tempat lain (jangan hapus), lalu pulihkan "
        f"dari cadangan ({BACKUPS_FOLDER}/): salin cadangan baik terbaru {newest} menjadi {path}",
        f"Close the application, move the file elsewhere (do not delete it), then restore from "
        f"the backups folder ({BACKUPS_FOLDER}/): copy the newest good backup {newest} to {path}",
    )


def broken_database_error(error: DatabaseFileError, backups_dir: Path | None) -> StorageError:
    """`error` as a message that names the file, says what is wrong and what to do; nothing
    was written to the file."""
    path = error.path
    what_id, what_en = WHAT[error.trouble]
    detail = f" ({error.detail})" if error.detail else ""
    head_id = f"Berkas basis data {path} {what_id}{detail}. Berkas itu tidak diubah."
    head_en = f"The database file {path} {what_en}{detail}. It was not changed."
    folder = backups_dir if backups_dir is not None else path.parent / BACKUPS_FOLDER
    ro_id, ro_en = _read_only_hint(path)
    if error.trouble is FileTrouble.LOCKED:
        todo_id = (
            "Tutup program lain yang membukanya (OVOP Desktop lain, alat SQLite), tunggu "
            f"sebentar lalu coba lagi; {ro_id}."
        )
        todo_en = (
            "Close the other program that has it open (another OVOP Desktop, an SQLite tool), "
            f"wait a moment and try again; {ro_en}."
        )
    elif error.trouble is FileTrouble.READ_ONLY:
        todo_id = f"Periksa izin tulis berkas dan foldernya, {ro_id}."
        todo_en = f"Check the write permission of the file and its folder, {ro_en}."
    elif error.trouble is FileTrouble.DISK_FULL:
        todo_id = (
            f"Kosongkan ruang di disk yang memuat {path.parent} (hapus atau pindahkan berkas yang "
            "tidak perlu), lalu coba lagi."
        )
        todo_en = (
            f"Free space on the disk holding {path.parent} (delete or move files you do not "
            "need), then try again."
        )
    else:
        restore_id, restore_en = _restore_hint(path, folder)
        todo_id, todo_en = f"{restore_id}.", f"{restore_en}."
        if error.trouble is FileTrouble.EMPTY:
            todo_id += " Bila ini awal pertama yang terputus dan belum ada data, hapus berkas itu."
            todo_en += " If this was an interrupted first start with no data yet, delete the file."
    return StorageError(f"{head_id} {todo_id}", f"{head_en} {todo_en}", kind=KINDS[error.trouble])
