"""Where this laptop's private keys lie and what keeps others from them, for the Pengaturan
page: the officer must know that a data folder carried on a USB stick carries the keys too."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ovop_desktop.exchange.keys import EXCHANGE_KEY_FILE_NAME, KEY_FILE_NAME
from ovop_desktop.paths import APP_AUTHOR, APP_NAME, AppPaths


@dataclass(frozen=True)
class KeyLocation:
    """The key files, the platform's protection, and whether the folder is a chosen one."""

    folder: Path
    files: tuple[str, ...]
    windows: bool  # an ACL for the user alone (NTFS); else mode 0600
    portable: bool  # the data folder was chosen with --home or OVOP_HOME: the keys go with it


def key_location(paths: AppPaths) -> KeyLocation:
    """Where the keys of `paths` lie. Nothing is read or written."""
    default = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    return KeyLocation(
        folder=paths.data_dir,
        files=(KEY_FILE_NAME, EXCHANGE_KEY_FILE_NAME),
        windows=sys.platform == "win32",
        portable=paths.data_dir != default,
    )
