"""A list or table with nothing in it says what to do, in grey in its middle ("Belum ada produk
kandidat: klik Tambah produk"), instead of showing a blank box."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    """The hint of one view; `set_text` changes it (on a change of language, say)."""

    def __init__(self, view: QAbstractItemView, text: str) -> None:
        super().__init__(view)
        self.view = view
        self.label = QLabel(text, view.viewport())
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #6b7780; padding: 12px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self.refresh)
        self.refresh()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def refresh(self) -> None:
        if not shiboken6.isValid(self.view):  # the view's own model empties as it goes
            return
        self.label.setVisible(self.view.model().rowCount() == 0)
        self.label.resize(self.view.viewport().size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.label.resize(self.view.viewport().size())
        return False
