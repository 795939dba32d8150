"""Packages sealed to the province: an officer's export is encrypted to the province's X25519
key (carried by the setup package), and an importer opens a sealed package with its own
exchange key before the usual checks. Plain signed packages still read as before.

The plaintext only ever lies in a work folder of the application's own data folder (the user's
alone), under a fresh name, and is removed as soon as it has been sealed or read.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO

from ovop_desktop.exchange.keys import (
    DeviceKey,
    fingerprint_of,
    is_public_key,
    load_or_create_exchange_key,
    public_key_bytes,
)
from ovop_desktop.exchange.package import PART_SUFFIX, Package, read_package
from ovop_desktop.exchange.package_format import PackageError, unreadable
from ovop_desktop.exchange.package_write import free_path, write_package
from ovop_desktop.exchange.sealed import is_sealed, seal, unseal
from ovop_desktop.files import atomic_open
from ovop_desktop.paths import PRIVATE_FILE_MODE, AppPaths, make_private_folder
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import file_error
from ovop_desktop.services.settings.app_settings import get_setting

PROVINCE_EXCHANGE_KEY = "province_exchange_key"
"""Setting: the province's X25519 public key (base64), from the setup package."""
WORK_FOLDER = "paket-sementara"
_STALE_AFTER_S = 3600


def province_exchange_key(db: Database) -> str | None:
    """The province's exchange public key this laptop seals its exports to, if it has one."""
    value = get_setting(db, PROVINCE_EXCHANGE_KEY)
    return value if isinstance(value, str) and is_public_key(value) else None


def province_exchange_fingerprint(db: Database) -> str | None:
    """The fingerprint of the province key this laptop's exports are encrypted to; None while
    they are not encrypted (no setup package imported yet)."""
    key = province_exchange_key(db)
    return fingerprint_of(key) if key is not None else None


def exchange_fingerprint(paths: AppPaths) -> str:
    """The fingerprint of this laptop's own exchange key (what packages are sealed to)."""
    return load_or_create_exchange_key(paths.data_dir).fingerprint()


def write_export(
    paths: AppPaths,
    folder: Path,
    name: str,
    manifest_fields: Mapping[str, object],
    members: Sequence[tuple[str, bytes]],
    key: DeviceKey,
    recipient: str | None,
) -> Path:
    """Write the signed package into `folder`: sealed to `recipient` (a base64 X25519 public
    key), or plain when there is none. A failure leaves no file in `folder`."""
    if recipient is None:
        return write_package(folder, name, manifest_fields, members, key)
    recipient_public = public_key_bytes(recipient)
    with _work_folder(paths) as work:
        plain = write_package(work, name, manifest_fields, members, key, mode=PRIVATE_FILE_MODE)
        target = free_path(folder, plain.name)
        try:
            with (
                plain.open("rb") as source,
                atomic_open(target, partial=folder / (target.name + PART_SUFFIX)) as sealed,
            ):
                seal(source, plain.stat().st_size, sealed, recipient_public)
        except OSError as error:
            reason = error.strerror or str(error)
            raise PackageError(
                f"Paket tidak dapat ditulis ke {folder}: {reason}. Periksa flashdisk atau ruang "
                "kosongnya, lalu ulangi; tidak ada paket setengah jadi yang tertinggal.",
                f"The package cannot be written to {folder}: {reason}. Check the USB stick or "
                "its free space, then try again; no half-written package was left behind.",
                code="write_failed",
            ) from error
    return target


def open_package(paths: AppPaths, file: Path) -> tuple[Package, str | None]:
    """The checked package in `file`, and the fingerprint of the key it was sealed to (None
    for a plain package). A sealed one is opened with this laptop's exchange key into the work
    folder, then read exactly as a plain one. Raises PackageError as `read_package` does."""
    try:
        sealed = is_sealed(file)
    except OSError as error:
        raise unreadable(file, error) from error
    if not sealed:
        return read_package(file), None
    key = load_or_create_exchange_key(paths.data_dir)
    with _work_folder(paths) as work:
        plain = work / f"{uuid.uuid4().hex}.ovop"
        try:
            source = file.open("rb")
        except OSError as error:
            raise unreadable(file, error) from error
        with source:
            try:
                with atomic_open(plain, mode=PRIVATE_FILE_MODE) as target:
                    try:
                        opened = unseal(source, _writer(target, plain), key, file.name)
                    except OSError as error:  # reading the package (a pulled USB stick)
                        raise unreadable(file, error) from error
            except OSError as error:  # the data folder's trouble, not the package's
                raise file_error(_named(error, plain)) from error
        package = read_package(plain)
    return replace(package, sha256=opened.sha256, size=opened.size), opened.recipient


def _writer(target: IO[bytes], path: Path) -> Callable[[bytes], object]:
    """`target.write`, raising the data folder's trouble (a full disk) as a StorageError."""

    def write(data: bytes) -> object:
        try:
            return target.write(data)
        except OSError as error:
            raise file_error(_named(error, path)) from error

    return write


def _named(error: OSError, path: Path) -> OSError:
    return OSError(error.errno, error.strerror or str(error), str(path))


@contextmanager
def _work_folder(paths: AppPaths) -> Iterator[Path]:
    """A fresh folder (the user's alone) under the data folder's work folder, removed with all
    it holds when the block ends. Leftovers older than an hour (a file a Windows scanner held
    open while it was being removed) go first."""
    root = paths.data_dir / WORK_FOLDER
    try:
        make_private_folder(root)
        _sweep(root)
        folder = root / uuid.uuid4().hex
        make_private_folder(folder)
    except OSError as error:
        raise file_error(error) from error
    try:
        yield folder
    finally:
        _remove(folder)


def _sweep(root: Path) -> None:
    now = time.time()
    for entry in root.iterdir():
        with contextlib.suppress(OSError):
            if now - entry.stat().st_mtime > _STALE_AFTER_S:
                _remove(entry)


def _remove(folder: Path) -> None:
    """Remove `folder` and the files in it (closed by now: Windows removes no open file)."""
    with contextlib.suppress(OSError):
        for entry in folder.iterdir():
            with contextlib.suppress(OSError):
                entry.unlink()
        folder.rmdir()
