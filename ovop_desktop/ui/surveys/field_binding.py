"""Two-way binding between form widgets and record fields, with an empty state for every kind.

A number not yet asked is not 0: spin boxes go one below their minimum to show "—" (None); a
combo box may carry None as its data. Each binding reports edits by the user, not by loading.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from shiboken6 import isValid

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_id, parse_number_id


def _python_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _text_or_none(text: str) -> str | None:
    text = text.strip()
    return text or None


@dataclass
class Binding:
    field: str
    widget: QWidget
    read: Callable[[], Any]
    write: Callable[[Any], None]


def bind(widget: QWidget, field: str, on_edit: Callable[[str, Any], None]) -> Binding:
    """A binding for the usual widgets; `on_edit(field, value)` runs on each user edit."""
    binding = _make(widget, field)

    def emit(*_args: object) -> None:
        # A line edit reports editingFinished when it loses focus, even while its editor is
        # being torn down: nothing is reported from a widget that is going away.
        if isValid(widget) and not widget.signalsBlocked():
            on_edit(field, binding.read())

    if isinstance(widget, QLineEdit):
        widget.textEdited.connect(emit)
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(emit)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.valueChanged.connect(emit)
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(emit)
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(emit)
    elif isinstance(widget, QComboBox):
        if widget.isEditable():
            widget.editTextChanged.connect(emit)
        else:
            widget.currentIndexChanged.connect(emit)
    return binding


def _make(widget: QWidget, field: str) -> Binding:
    if isinstance(widget, QLineEdit):
        return Binding(
            field,
            widget,
            lambda: _text_or_none(widget.text()),
            lambda v: widget.setText("" if v is None else str(v)),
        )
    if isinstance(widget, QPlainTextEdit):
        return Binding(
            field,
            widget,
            lambda: _text_or_none(widget.toPlainText()),
            lambda v: widget.setPlainText("" if v is None else str(v)),
        )
    if isinstance(widget, QSpinBox):
        return Binding(
            field,
            widget,
            lambda: None if widget.value() < widget.minimum() + 1 else widget.value(),
            lambda v: widget.setValue(widget.minimum() if v is None else int(v)),
        )
    if isinstance(widget, QDoubleSpinBox):
        return Binding(
            field,
            widget,
            lambda: None if widget.value() < widget.minimum() + 1 else widget.value(),
            lambda v: widget.setValue(widget.minimum() if v is None else float(v)),
        )
    if isinstance(widget, QCheckBox):
        return Binding(field, widget, widget.isChecked, lambda v: widget.setChecked(bool(v)))
    if isinstance(widget, QDateEdit):
        return Binding(
            field,
            widget,
            lambda: _python_date(widget.date()),
            lambda v: widget.setDate(
                QDate(v.year, v.month, v.day) if isinstance(v, date) else QDate.currentDate()
            ),
        )
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return Binding(
                field,
                widget,
                lambda: _text_or_none(widget.currentText()),
                lambda v: widget.setCurrentText("" if v is None else str(v)),
            )
        return Binding(
            field,
            widget,
            widget.currentData,
            lambda v: widget.setCurrentIndex(max(0, widget.findData(v))),
        )
    raise TypeError(f"no binding for {type(widget).__name__}")


def bind_rupiah(
    widget: QLineEdit,
    field: str,
    on_edit: Callable[[str, Any], None],
    on_error: Callable[[str, str | None], None],
) -> Binding:
    """Whole rupiah typed with Indonesian grouping ("45.000"), regrouped when editing ends."""

    def read() -> int | None:
        text = widget.text().strip()
        if not text:
            return None
        return int(parse_number_id(text))

    def write(value: Any) -> None:
        widget.setText("" if value is None else format_number_id(int(value)))

    def finished() -> None:
        if not isValid(widget) or widget.signalsBlocked():
            return  # focus lost while the editor is torn down or being loaded
        try:
            value = read()
        except DomainError as exc:
            on_error(field, str(exc))
            return
        if value is not None and value < 0:
            on_error(
                field, QCoreApplication.translate("FieldBinding", "The price cannot be negative.")
            )
            return
        on_error(field, None)
        write(value)
        on_edit(field, value)

    widget.editingFinished.connect(finished)
    return Binding(field, widget, read, write)


def load(bindings: list[Binding], values: dict[str, Any]) -> None:
    """Show `values` without reporting them as edits."""
    for binding in bindings:
        blocked = binding.widget.blockSignals(True)
        try:
            binding.write(values.get(binding.field))
        finally:
            binding.widget.blockSignals(blocked)
