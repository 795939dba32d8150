"""Per-laptop interface preferences, kept in a small file of the config folder.

The interface language must be known before the window opens, which is before the database is
opened; so it lives here rather than in the database.
"""

from __future__ import annotations

import json
import os

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
    target = paths.config_dir / FILE_NAME
    partial = target.with_suffix(".part")
    partial.write_text(json.dumps(data), encoding="utf-8")
    os.replace(partial, target)
