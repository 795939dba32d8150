"""The title at the top of every page of the window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def page_title(text: str = "") -> QLabel:
    title = QLabel(text)
    font = title.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    title.setFont(font)
    return title
