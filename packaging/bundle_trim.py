"""What the bundle leaves out of what PyInstaller found, and why (used by packaging/ovop.spec).

1. Qt's own translations: the application ships the Indonesian it needs (qtbase_id.qm) and
   shows English otherwise.
2. Qt plugins it never loads: embedded and remote platforms (eglfs, linuxfb, vnc, Vulkan
   display), Wayland (X11 runs everywhere, under XWayland too), the GTK 3 theme (it pulls GTK,
   Pango and Cairo from the build machine), network information and TLS backends (the
   application never goes online), input devices of kiosks (evdev, tuio), image formats its
   photos never come in (TIFF, WebP, TGA, ICNS, WBMP), and Qt's software OpenGL on Windows
   (widgets draw without OpenGL).
3. On Linux, then: every shared library that nothing left in the bundle links to any more (the
   libraries those plugins alone needed), found by following what each kept binary imports.

ICU stays: Qt's core library on Linux links libicu*.so.73, data included, and cannot start
without them.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

EXCLUDED_MODULES = [
    "tkinter",
    "_tkinter",
    "test",
    "lib2to3",
    "pydoc_data",
    "setuptools",
    "pkg_resources",
    "distutils",
]

# Qt's files lie under PySide6/Qt/ on Linux and macOS, under PySide6/ on Windows.
DROPPED = [
    re.compile(pattern)
    for pattern in (
        r"^PySide6/(Qt/)?translations/",
        r"^PySide6/(Qt/)?plugins/(egldeviceintegrations|generic|networkinformation|tls)/",
        r"^PySide6/(Qt/)?plugins/wayland-[^/]+/",
        r"^PySide6/(Qt/)?plugins/platforms/(lib)?q(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|"
        r"wayland[^/]*)\.(so|dll)$",
        r"^PySide6/(Qt/)?plugins/platformthemes/(lib)?qgtk3\.(so|dll)$",
        r"^PySide6/(Qt/)?plugins/imageformats/(lib)?q(icns|tga|tiff|wbmp|webp|pdf)\.(so|dll)$",
        r"^PySide6/opengl32sw\.dll$",
    )
]

# A plain shared library (not a Python extension, not a Qt plugin) sits in one of these folders
# and may go when nothing kept links to it.
LIBRARY_FOLDERS = re.compile(r"^(\.|[^/]+\.libs|PySide6/Qt/lib|PySide6)$")
LIBRARY_NAME = re.compile(r"^lib[^/]*\.so(\.\d+)*$")
# Loaded by name at run time, not linked: the bootloader opens libpython; Qt opens libdbus-1.
ALWAYS_KEPT = re.compile(r"^lib(python3|dbus-1)")

Entry = Any  # PyInstaller's TOC entry: (destination name, source path, type code)


def dropped(destination: str) -> bool:
    return any(pattern.search(destination.replace("\\", "/")) for pattern in DROPPED)


def is_plain_library(destination: str) -> bool:
    path = PurePosixPath(destination.replace("\\", "/"))
    return bool(
        LIBRARY_NAME.match(path.name)
        and not ALWAYS_KEPT.match(path.name)
        and LIBRARY_FOLDERS.match(str(path.parent))
        and ".cpython-" not in path.name
        and ".abi3." not in path.name
    )


def linked_names(source: str) -> set[str]:
    """The file names of the shared libraries `source` links to."""
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped, import-not-found, unused-ignore]

    return {PurePosixPath(name).name for name, _path in get_imports(source)}


def unneeded_libraries(binaries: Iterable[Entry]) -> set[str]:
    """Destinations of plain libraries that no kept binary links to, directly or not."""
    entries = [e for e in binaries if e[2] != "SYMLINK"]
    libraries = {PurePosixPath(e[0]).name: e for e in entries if is_plain_library(e[0])}
    roots = [e for e in entries if not is_plain_library(e[0])]
    reached: set[str] = set()
    queue = [e[1] for e in roots]
    while queue:
        for name in linked_names(queue.pop()):
            if name in libraries and name not in reached:
                reached.add(name)
                queue.append(libraries[name][1])
    return {entry[0] for name, entry in libraries.items() if name not in reached}


def trim(binaries: list[Entry], datas: list[Entry]) -> tuple[list[Entry], list[Entry]]:
    """The binaries and data files the bundle keeps. A link PyInstaller makes to a library
    (`libQt6Core.so.6 -> PySide6/Qt/lib/…`) goes with the library."""
    kept_binaries = [e for e in binaries if not dropped(e[0])]
    kept_datas = [e for e in datas if not dropped(e[0])]
    if sys.platform.startswith("linux"):
        unneeded = unneeded_libraries(kept_binaries)
        kept_binaries = [e for e in kept_binaries if e[0] not in unneeded]
    gone = {PurePosixPath(e[0].replace("\\", "/")).name for e in binaries} - {
        PurePosixPath(e[0].replace("\\", "/")).name for e in kept_binaries if e[2] != "SYMLINK"
    }

    def kept(entry: Entry) -> bool:
        return entry[2] != "SYMLINK" or PurePosixPath(entry[0]).name not in gone

    return [e for e in kept_binaries if kept(e)], [e for e in kept_datas if kept(e)]
