"""A final record shown read-only must read as data, not as a greyed-out form.

Qt's disabled widgets draw their labels and values in a faint grey, while a placeholder ("boleh
dikosongkan", "mis. -3,4412 …") stays darker than the data beside it. `show_as_data` disables
editing under a widget but draws the disabled text in the normal text colour, takes the
placeholders away while it lasts (an empty field then shows nothing, which is what it holds) and
hides the buttons that would change something (add, remove, pick a file): there is nothing to
press in a final record. Check boxes stay: they are data.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

DATA_COLOUR = "#1f2933"
# The widget types whose disabled text is data; buttons are hidden instead.
_DATA_WIDGETS = (
    "QGroupBox",
    "QLabel",
    "QLineEdit",
    "QPlainTextEdit",
    "QTextEdit",
    "QComboBox",
    "QAbstractSpinBox",
    "QSpinBox",
    "QDoubleSpinBox",
    "QDateEdit",
    "QCheckBox",
    "QTableView",
    "QTableWidget",
    "QTreeView",
    "QListWidget",
    "QHeaderView::section",
)
READ_ONLY_STYLE = (
    ", ".join(f"{name}:disabled" for name in _DATA_WIDGETS) + f" {{ color: {DATA_COLOUR}; }}"
)
_PLACEHOLDER = "ovopPlaceholder"  # where a field's placeholder waits while it is read-only


def show_as_data(widget: QWidget, read_only: bool, *, keep: tuple[QWidget, ...] = ()) -> None:
    """Editing off (`read_only`) or on under `widget`; `keep` stay enabled and shown (a list
    the officer still browses, say)."""
    widget.setStyleSheet(READ_ONLY_STYLE if read_only else "")
    for field in widget.findChildren(QLineEdit) + widget.findChildren(QPlainTextEdit):
        _placeholder(field, shown=not read_only)
    for button in widget.findChildren(QPushButton) + widget.findChildren(QToolButton):
        if button not in keep and not isinstance(button, QCheckBox):
            button.setHidden(read_only)
    if not keep:
        widget.setEnabled(not read_only)
        return
    for child in widget.findChildren(QWidget):
        if child not in keep and not any(child.isAncestorOf(kept) for kept in keep):
            child.setEnabled(not read_only)


def _placeholder(field: QLineEdit | QPlainTextEdit, *, shown: bool) -> None:
    kept = field.property(_PLACEHOLDER)
    if shown:
        if isinstance(kept, str):
            field.setPlaceholderText(kept)
            field.setProperty(_PLACEHOLDER, None)
    elif field.placeholderText():
        field.setProperty(_PLACEHOLDER, field.placeholderText())
        field.setPlaceholderText("")
