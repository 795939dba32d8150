"""Writing a file so that it is either whole or not there: the one atomic write of the project.

The bytes go to a temporary file beside the target, are flushed and fsync'd, then renamed over
the target with `os.replace`; on any failure the temporary file is removed and the target is left
as it was. A pulled USB stick or a dead battery never leaves a half-written file under the real
name. On Windows a target held open by another program (a PDF viewer, an antivirus scan) makes
the rename fail for a moment, so it is tried again a few times before giving up.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_REPLACE_TRIES = 5
_REPLACE_PAUSE_S = 0.1


def replace(source: Path, target: Path) -> None:
    """`os.replace`, tried again for a moment on Windows while another program holds `target`."""
    for attempt in range(_REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == _REPLACE_TRIES - 1:
                raise
            time.sleep(_REPLACE_PAUSE_S * (attempt + 1))


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); Windows has no directory handle to sync."""
    if sys.platform == "win32":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def atomic_open(target: Path, *, mode: int | None = None) -> Iterator[IO[bytes]]:
    """`with atomic_open(path) as handle: handle.write(...)`: the target appears whole when the
    block ends, or not at all when it raises. `mode` sets the file's permission bits (POSIX)."""
    target = Path(target)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False
    )
    partial = Path(handle.name)
    try:
        with handle:
            if mode is not None and sys.platform != "win32":
                os.chmod(partial, mode)
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    with contextlib.suppress(OSError):
        fsync_folder(target.parent)


def atomic_write(target: Path, data: bytes | str, *, mode: int | None = None) -> None:
    """Write `data` (text as UTF-8) to `target` atomically."""
    with atomic_open(target, mode=mode) as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def atomic_write_with(target: Path, write: Callable[[IO[bytes]], None]) -> None:
    """Let `write` fill the file (a zip writer, a workbook), then put it in place atomically."""
    with atomic_open(target) as handle:
        write(handle)
