"""Per-laptop interface preferences, kept in a small file of the config folder.

The interface language must be known before the window opens, which is before the database is
opened; so it lives here rather than in the database.
"""

from __future__ import annotations

import json
import os

from ovop_desktop.files import atomic_write
from ovop_desktop.paths import AppPaths

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
FILE_NAME = "antarmuka.json"


def _read(paths: AppPaths) -> dict[str, object]:
    try:
        data = json.loads((paths.config_dir / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def interface_language(paths: AppPaths) -> str:
    language = _read(paths).get("language")
    return language if isinstance(language, str) and language in LANGUAGES else DEFAULT_LANGUAGE


def set_interface_language(paths: AppPaths, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown interface language {language!r}")
    data = {**_read(paths), "language": language}
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(paths.config_dir / FILE_NAME, json.dumps(data))


def last_folder(paths: AppPaths) -> str | None:
    """The folder the officer last chose a file in (file dialogs start there)."""
    folder = _read(paths).get("last_folder")
    return folder if isinstance(folder, str) and folder else None


def set_last_folder(paths: AppPaths, folder: str) -> None:
    data = {**_read(paths), "last_folder": folder}
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(paths.config_dir / FILE_NAME, json.dumps(data))


# The database: the embedded SQLite file of the data folder unless this laptop is pointed at a
# server. Needed before the database opens, so kept here too (in its own file, readable by the
# user only: a server URL may hold a password).
DATABASE_FILE_NAME = "basis-data.json"
DATABASE_URL_ENV = "OVOP_DATABASE_URL"


def configured_database_url(paths: AppPaths) -> str | None:
    """The database set for this laptop (OVOP_DATABASE_URL first), or None for the default."""
    if os.environ.get(DATABASE_URL_ENV):
        return os.environ[DATABASE_URL_ENV]
    try:
        data = json.loads((paths.config_dir / DATABASE_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url else None


def set_database_url(paths: AppPaths, url: str | None) -> None:
    """Point this laptop at `url` from now on, or back at its own SQLite file (None)."""
    target = paths.config_dir / DATABASE_FILE_NAME
    if url is None:
        target.unlink(missing_ok=True)
        return
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(target, json.dumps({"url": url}), mode=0o600)


def database_url(paths: AppPaths, given: str | None = None) -> str:
    """`--db` when given, else the database set for this laptop, else its SQLite file."""
    return given or configured_database_url(paths) or paths.database_url


def window_layout(paths: AppPaths) -> dict[str, str]:
    """The main window's remembered geometry, splitters and columns (Qt states, base64)."""
    layout = _read(paths).get("window")
    if not isinstance(layout, dict):
        return {}
    return {key: value for key, value in layout.items() if isinstance(value, str)}


def set_window_layout(paths: AppPaths, layout: dict[str, str]) -> None:
    data = {**_read(paths), "window": layout}
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    atomic_write(paths.config_dir / FILE_NAME, json.dumps(data))
