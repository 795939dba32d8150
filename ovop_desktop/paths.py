"""Where everything lives: the one module that resolves data, config, cache, log and resource paths.

By default the user's platform directories (platformdirs); `OVOP_HOME` or `--home DIR` put
everything under one folder instead (tests, demos, portable installs on a USB stick).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote, unquote

import platformdirs

APP_NAME = "OVOP Desktop"
APP_AUTHOR = "OVOP"
HOME_ENV = "OVOP_HOME"
# Points the application at another resources/ folder (the self-test's tests plant broken ones).
RESOURCES_ENV = "OVOP_RESOURCES"
DATABASE_FILE_NAME = "ovop.sqlite3"

# The data folder holds every officer's NIP and phone number: its folders are the user's alone
# (0700) and the files the application makes in it are 0600, whatever the umask says.
PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) readable by the user alone, and take group and
    world access away from it if it already exists.

    On Windows there are no mode bits: the folders live in the user's profile (platformdirs'
    per-user folders), whose ACLs already keep other users out, so nothing is done there. A
    folder that cannot be changed (a read-only or foreign filesystem, another owner) is left as
    it is; writing into it reports the real trouble later.
    """
    folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(folder.stat().st_mode)
        if current & 0o077:  # only access is taken away: a read-only folder stays read-only
            os.chmod(folder, current & ~0o077)


def make_private_file(path: Path) -> None:
    """Take group and world access away from the existing file `path` (POSIX; see
    `make_private_folder` for Windows). A file that cannot be changed is left as it is."""
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            os.chmod(path, current & ~0o077)


def sqlite_url(path: PurePath, *, read_only: bool = False) -> str:
    """The SQLAlchemy URL of the SQLite file `path`, whatever its folders are called;
    `read_only` opens it through a SQLite URI with `mode=ro`.

    SQLAlchemy reads `?` as the start of the query and decodes `%XX` in the database part: a
    data folder named `q?r` or `x%25y` (legal on Windows and Linux) would name another file.
    Only those characters (and `#`) are escaped, so that the URL stays readable when shown."""
    database = sqlite_file_uri(path) if read_only else str(path)
    escaped = database.replace("%", "%25").replace("?", "%3F").replace("#", "%23")
    return f"sqlite:///{escaped}" + ("?mode=ro&uri=true" if read_only else "")


def sqlite_file_uri(path: PurePath, **parameters: str) -> str:
    """The SQLite URI (`file:///…?mode=ro`) of the file `path`, for `sqlite3.connect(uri=True)`.

    Every character SQLite would read as part of the URI (`?`, `#`, `%`, spaces, non-ASCII) is
    percent-encoded: unescaped, a `#` ends the file name and SQLite opens (or creates) another,
    empty file. A Windows drive path becomes `file:///C:/…` and a network path (`\\\\server\\share`)
    becomes `file:////server/share/…` (an empty authority, which SQLite accepts everywhere)."""
    posix = path.as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix  # C:/Users/... -> /C:/Users/... (SQLite drops that slash on Windows)
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in parameters.items())
    return f"file://{quote(posix, safe='/:')}" + (f"?{query}" if query else "")


def sqlite_uri_path(uri: str) -> Path:
    """The file named by the SQLite URI `uri` (`file:…`), its escapes decoded."""
    rest = uri.removeprefix("file:").split("?", 1)[0].split("#", 1)[0]
    if rest.startswith("//"):  # an authority: empty or localhost, the only ones SQLite allows
        rest = rest[2:]
        rest = rest[len("localhost") :] if rest.startswith("localhost") else rest
    decoded = unquote(rest)
    if sys.platform == "win32" and len(decoded) > 2 and decoded[0] == "/" and decoded[2] == ":":
        decoded = decoded[1:]
    return Path(decoded)


@dataclass(frozen=True)
class AppPaths:
    """The folders of one data directory. Nothing is created until `ensure()` is called."""

    data_dir: Path
    config_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def database_file(self) -> Path:
        return self.data_dir / DATABASE_FILE_NAME

    @property
    def database_url(self) -> str:
        return sqlite_url(self.database_file)

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "lampiran"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "cadangan"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "ovop.lock"

    @property
    def crash_log(self) -> Path:
        return self.log_dir / "crash.log"

    @property
    def app_log(self) -> Path:
        return self.log_dir / "ovop.log"

    def ensure(self) -> AppPaths:
        """Create the folders, the user's alone (see `make_private_folder`). The backups and
        attachments folders are made (0700) when first written to; here they are only
        tightened if they exist, so that a read-only data folder still opens."""
        for folder in (self.data_dir, self.config_dir, self.cache_dir, self.log_dir):
            make_private_folder(folder)
        for folder in (self.backups_dir, self.attachments_dir):
            if folder.is_dir():
                make_private_folder(folder)
        return self


def resolve_paths(home: str | os.PathLike[str] | None = None) -> AppPaths:
    """The paths for `home` if given, else `$OVOP_HOME`, else the platform's user folders."""
    chosen = home if home is not None else os.environ.get(HOME_ENV) or None
    if chosen is not None:
        root = Path(chosen).expanduser().resolve()
        return AppPaths(
            data_dir=root / "data",
            config_dir=root / "config",
            cache_dir=root / "cache",
            log_dir=root / "logs",
        )
    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


def resources_dir() -> Path:
    """The `resources/` folder: `$OVOP_RESOURCES` if set, else in a frozen bundle, an installed
    wheel, or the source tree."""
    chosen = os.environ.get(RESOURCES_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    package_dir = Path(__file__).resolve().parent
    candidates = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates += [package_dir / "resources", package_dir.parent / "resources"]
    for candidate in candidates:
        if (candidate / "rubrics").is_dir():
            return candidate
    raise FileNotFoundError(f"resources/ not found next to {package_dir}")


def rubrics_dir() -> Path:
    return resources_dir() / "rubrics"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def reference_dir() -> Path:
    """Built-in reference data (Kalsel region list, outlines), with its licence in NOTICE.md."""
    return resources_dir() / "reference"
