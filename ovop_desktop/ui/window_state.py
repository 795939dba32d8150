"""The main window remembers its size, place on screen, splitters and table columns between runs.

States are Qt's own (saveGeometry, saveState) kept as base64 in the interface preferences file;
a splitter or header is known by its path of class names from the window, which stays the same
as long as the screens are built the same way (a state that no longer fits is ignored by Qt).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QSplitter, QWidget

from ovop_desktop.paths import AppPaths
from ovop_desktop.preferences import set_window_layout, window_layout

DEFAULT_SIZE = QSize(1024, 640)  # fits 1366×768 at 125 % scaling (about 1093×614 logical px)
GEOMETRY = "geometry"


def _key(widget: QWidget, top: QWidget) -> str:
    """`QWidget/QStackedWidget[2]/QSplitter[0]`: each step a class and its index among siblings
    of that class."""
    steps: list[str] = []
    current: QWidget | None = widget
    while current is not None and current is not top:
        parent = current.parentWidget()
        kind = type(current).__name__
        siblings = (
            [] if parent is None else [c for c in parent.children() if type(c) is type(current)]
        )
        steps.append(f"{kind}[{siblings.index(current) if current in siblings else 0}]")
        current = parent
    return "/".join(reversed(steps))


def _remembered(top: QWidget) -> list[QSplitter | QHeaderView]:
    return [*top.findChildren(QSplitter), *top.findChildren(QHeaderView)]


def default_size(top: QWidget) -> QSize:
    """DEFAULT_SIZE, or the screen's free area when that is smaller."""
    screen = top.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    return DEFAULT_SIZE.boundedTo(screen.availableGeometry().size())


def save(top: QWidget, paths: AppPaths) -> None:
    layout = dict(window_layout(paths))  # a place not built this run keeps its last state
    layout[GEOMETRY] = bytes(top.saveGeometry().toBase64().data()).decode("ascii")
    for widget in _remembered(top):
        layout[_key(widget, top)] = bytes(widget.saveState().toBase64().data()).decode("ascii")
    set_window_layout(paths, layout)


def restore_geometry(top: QWidget, paths: AppPaths) -> None:
    """The last size and place, kept on a screen that is there now; else the default size."""
    geometry = window_layout(paths).get(GEOMETRY)
    restored = geometry is not None and top.restoreGeometry(
        QByteArray.fromBase64(QByteArray(geometry.encode("ascii")))
    )
    if not restored:
        top.resize(default_size(top))
        return
    if not any(
        _on_screen(top.frameGeometry(), s.availableGeometry()) for s in QGuiApplication.screens()
    ):
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            top.resize(top.size().boundedTo(free.size()))
            top.move(free.topLeft())


def _on_screen(frame: QRect, free: QRect) -> bool:
    """Enough of the window's top on the screen to grab and move it."""
    shown = frame.intersected(free)
    return shown.width() >= 100 and shown.height() >= 50


def restore_parts(top: QWidget, paths: AppPaths, part: QWidget | None = None) -> None:
    """Splitters and table columns of the screens built so far (or of `part`, built later)."""
    layout = window_layout(paths)
    for widget in _remembered(part or top):
        state = layout.get(_key(widget, top))
        if state is not None:
            widget.restoreState(QByteArray.fromBase64(QByteArray(state.encode("ascii"))))
