"""Qt shapes from the flat vertex arrays of `core.map_geometry`, built in one go each.

A QPainterPath or QPolygonF is read from bytes in QDataStream's format (big-endian counts,
element types and doubles), which numpy writes for thousands of vertices at once: much faster
than adding points one by one from Python.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QByteArray, QDataStream
from PySide6.QtGui import QPainterPath, QPolygonF

from ovop_desktop.core.map_geometry import RingArrays

_ELEMENT = np.dtype([("type", ">i4"), ("x", ">f8"), ("y", ">f8")])
_POINT = np.dtype([("x", ">f8"), ("y", ">f8")])
_MOVE_TO, _LINE_TO = 0, 1
_ODD_EVEN_FILL = 0


def painter_path(rings: RingArrays) -> QPainterPath:
    """One path of every ring (holes by the odd-even rule)."""
    elements = np.empty(len(rings), dtype=_ELEMENT)
    elements["type"] = np.where(rings.starts, _MOVE_TO, _LINE_TO)
    elements["x"] = rings.xy[:, 0] if len(rings) else []
    elements["y"] = rings.xy[:, 1] if len(rings) else []
    # count, elements, the index of the current subpath's start, the fill rule
    head = np.array([len(rings)], dtype=">i4").tobytes()
    tail = np.array([0, _ODD_EVEN_FILL], dtype=">i4").tobytes()
    path = QPainterPath()
    stream = QDataStream(QByteArray(head + elements.tobytes() + tail))
    stream >> path
    return path


def point_polygon(x: Any, y: Any) -> QPolygonF:
    """The points (x[i], y[i]) as one QPolygonF, for `QPainter.drawPoints`."""
    points = np.empty(len(x), dtype=_POINT)
    points["x"], points["y"] = x, y
    polygon = QPolygonF()
    stream = QDataStream(QByteArray(np.array([len(x)], dtype=">i4").tobytes() + points.tobytes()))
    stream >> polygon
    return polygon
