"""Writing a file so that it is either whole or not there: the one atomic write of the project.

The bytes go to a temporary file beside the target, are flushed and fsync'd, then renamed over
the target with `os.replace`; on any failure the temporary file is removed and the target is left
as it was. A pulled USB stick or a dead battery never leaves a half-written file under the real
name. On Windows a target held open by another program (a PDF viewer, an antivirus scan) makes
the rename fail for a moment, so it is tried again a few times before giving up.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

log = logging.getLogger(__name__)

_REPLACE_TRIES = 5
_REPLACE_PAUSE_S = 0.1
# Windows' answers when another program holds a file open (ERROR_SHARING_VIOLATION,
# ERROR_LOCK_VIOLATION), and the one a rename over such a file often gives (ERROR_ACCESS_DENIED).
_HELD_OPEN_WINERRORS = (32, 33)
_ACCESS_DENIED_WINERROR = 5


class FileInUseError(PermissionError):
    """The target is held open by another program (a PDF viewer, a spreadsheet program) and
    cannot be replaced until that program closes it (Windows). Its filename is the target."""


def replace(source: Path, target: Path) -> None:
    """`os.replace`, tried again for a moment on Windows while another program holds `target`;
    if it still does, `FileInUseError` naming `target`."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError as error:
            if sys.platform == "win32" and attempt < _REPLACE_TRIES - 1:
                time.sleep(_REPLACE_PAUSE_S * (attempt + 1))
                continue
            if _held_open(error, target):
                raise FileInUseError(
                    error.errno or errno.EACCES, "the file is open in another program", str(target)
                ) from error
            raise


def _held_open(error: PermissionError, target: Path) -> bool:
    """Whether `error` (from replacing `target`) means another program holds `target` open."""
    winerror = getattr(error, "winerror", None)
    if winerror in _HELD_OPEN_WINERRORS:
        return True
    if sys.platform != "win32" or winerror != _ACCESS_DENIED_WINERROR:
        return False
    # Denied may also be a read-only file or folder: opening the target tells them apart.
    try:
        with open(target, "r+b"):
            return False
    except PermissionError as probe:
        return getattr(probe, "winerror", None) in _HELD_OPEN_WINERRORS
    except OSError:
        return False


def restrict_to_user(path: Path, *, windows: bool | None = None) -> bool:
    """Make the file `path` readable and writable by the current user alone; False when that
    cannot be done here (the caller's data is then as open as its folder).

    POSIX: mode 0600. Windows has no mode bits: an ACL granting the current account full
    control and nothing to anyone else (`icacls /inheritance:r /grant:r`), which NTFS keeps when
    the file is renamed. On a FAT32 or exFAT USB stick there are no ACLs at all and icacls
    fails: nothing on that stick can keep a reader out (docs/security.md)."""
    if not (sys.platform == "win32" if windows is None else windows):
        try:
            os.chmod(path, 0o600)
        except OSError:
            return False
        return True
    user, domain = os.environ.get("USERNAME"), os.environ.get("USERDOMAIN")
    if not user:
        return False
    account = f"{domain}\\{user}" if domain else user
    command = ["icacls", str(path), "/inheritance:r", "/grant:r", f"{account}:F"]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            timeout=30,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s could not be restricted to %s: %s", path, account, error)
        return False
    if done.returncode != 0:
        output = (done.stdout or b"") + (done.stderr or b"")
        log.warning(
            "%s could not be restricted to %s: %s",
            path,
            account,
            output.decode(errors="replace").strip(),
        )
        return False
    return True


def _set_mode(temporary: Path, target: Path, mode: int | None) -> None:
    """Give the temporary file the mode its target gets: POSIX bits, or on Windows, for a
    private mode (no group or other bits: keys, settings, backups), the user-only ACL."""
    if sys.platform != "win32":
        os.chmod(temporary, _default_mode(target) if mode is None else mode)
    elif mode is not None and not mode & 0o077:
        restrict_to_user(temporary)


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no directory handle to sync."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _umask() -> int:
    """The process's umask, read once at import (setting it back at once: the main thread)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


_UMASK = _umask()


def _default_mode(target: Path) -> int:
    """What a plain `open(target, "w")` would give: the existing file's bits, else 0666 less
    the umask. The temporary file itself starts readable by its owner alone."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_UMASK


def _partial_beside(target: Path) -> Path:
    """A fresh, empty file beside `target` (readable by its owner alone until `mode` is set)."""
    try:
        descriptor, name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as error:  # a missing or read-only folder: name the file asked for
        raise type(error)(error.errno, error.strerror, str(target)) from error
    os.close(descriptor)
    return Path(name)


@contextmanager
def _removed_on_failure(temporary: Path, target: Path) -> Iterator[None]:
    """Remove `temporary` when the block fails; an error met on it (a full disk) names the
    file asked for, never the hidden temporary name."""
    try:
        yield
    except BaseException as error:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(error, OSError) and error.filename in (str(temporary), temporary):
            raise type(error)(error.errno, error.strerror, str(target)) from error
        raise


def _put_in_place(partial: Path, target: Path, exclusive: bool) -> None:
    if not exclusive:
        replace(partial, target)
        return
    try:
        # A hard link fails when the target exists: never overwrite, even in a race.
        os.link(partial, target)
    except FileExistsError:
        raise
    except OSError:  # no hard links here (FAT, some network shares)
        if target.exists():
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        replace(partial, target)
        return
    with contextlib.suppress(OSError):
        partial.unlink()


@contextmanager
def atomic_path(
    target: Path,
    *,
    mode: int | None = None,
    exclusive: bool = False,
    partial: Path | None = None,
) -> Iterator[Path]:
    """`with atomic_path(path) as temporary: writer.save(temporary)`: for writers that want a
    file name (SQLite's backup, a workbook) rather than a handle. The file they leave at
    `temporary` is fsync'd and put in place when the block ends; see :func:`atomic_open` for
    `exclusive` and `partial`."""
    target = Path(target)
    temporary = Path(partial) if partial is not None else _partial_beside(target)
    with _removed_on_failure(temporary, target):
        yield temporary
        _set_mode(temporary, target, mode)
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        _put_in_place(temporary, target, exclusive)
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


@contextmanager
def atomic_open(
    target: Path,
    *,
    mode: int | None = None,
    exclusive: bool = False,
    partial: Path | None = None,
) -> Iterator[IO[bytes]]:
    """`with atomic_open(path) as handle: handle.write(...)`: the target appears whole when the
    block ends, or not at all when it raises. `mode` sets the file's permission bits (POSIX).

    `exclusive` never replaces an existing target: `FileExistsError` is raised instead, and the
    target left as it was. `partial` names the temporary file (beside the target) when a fixed
    name is wanted, such as ``<name>.part``; by default it is a fresh hidden name.
    """
    target = Path(target)
    temporary = Path(partial) if partial is not None else _partial_beside(target)
    with _removed_on_failure(temporary, target):
        with temporary.open("wb") as handle:
            _set_mode(temporary, target, mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        _put_in_place(temporary, target, exclusive)
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


def atomic_write(
    target: Path, data: bytes | str, *, mode: int | None = None, exclusive: bool = False
) -> None:
    """Write `data` (text as UTF-8) to `target` atomically; see :func:`atomic_open`."""
    with atomic_open(target, mode=mode, exclusive=exclusive) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def atomic_write_with(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Let `write` fill the file (a zip writer, a workbook), then put it in place atomically."""
    with atomic_open(target) as handle:
        write(handle)
