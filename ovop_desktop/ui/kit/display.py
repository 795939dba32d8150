"""Numbers, dates and rubric names in the interface language: thin wrappers over
core.formatting and the rubric, which carry both languages.

Language-free texts (`star_text`, `short_regency`) come from core.formatting directly.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from ovop_desktop.core import formatting
from ovop_desktop.core.formatting import Number
from ovop_desktop.core.rubric import Rubric
from ovop_desktop.ui import i18n


def english() -> bool:
    """Whether the interface speaks English (Indonesian otherwise)."""
    return i18n.language() == "en"


_PLACEHOLDER = re.compile(r"%(\d+)")


def fill(text: str, *values: object) -> str:
    """A translated `text` with its %1, %2 … replaced by `values`, in one pass: a value that
    holds "%2" (a file name, say) stays as it is, and %10 is not taken for %1."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


def in_language(indonesian: str, english_text: str) -> str:
    """The one of a text's two languages that the interface speaks."""
    return english_text if english() else indonesian


def number_text(value: Number, decimals: int | None = None) -> str:
    """``1234`` → ``"1.234"`` in Indonesian, ``"1,234"`` in English; with `decimals`, rounded
    to exactly that many (``(72.5, 2)`` → ``"72,50"``)."""
    if english():
        return formatting.format_number_en(value, decimals)
    return formatting.format_number_id(value, decimals)


def total_text(total: Decimal | None) -> str:
    """An assessment total: ``Decimal("69")`` → ``"69,00"`` (``"69.00"``); none → ``""``."""
    return "" if total is None else number_text(total, 2)


def percent_text(part: int, whole: int) -> str:
    """``(25, 1000)`` → ``"2,5"`` in Indonesian; whole numbers lose their decimal."""
    return number_text(round(100 * part / whole, 1) if whole else 0)


def date_text(day: date) -> str:
    """``date(2026, 11, 27)`` → ``"27 November 2026"``, the month in the interface language."""
    return formatting.format_date_en(day) if english() else formatting.format_date_id(day)


def short_date(day: date) -> str:
    """``date(2026, 8, 3)`` → ``"3 Agu 2026"`` (``"3 Aug 2026"`` in English)."""
    return formatting.short_date(day, i18n.language())


def when_text(moment: datetime) -> str:
    """A moment as the officer's clock shows it: ``"3 Sep 2026 14.32"`` (``14:32`` in
    English)."""
    local = moment.astimezone()
    clock = local.strftime("%H:%M" if english() else "%H.%M")
    return f"{short_date(local.date())} {clock}"


def category_name(rubric: Rubric | None, category_id: str) -> str:
    """The category's name in the interface language; its id when the rubric lacks it."""
    if rubric is None:
        return category_id
    try:
        category = rubric.category(category_id)
    except KeyError:
        return category_id
    return in_language(category.name_id, category.name_en)


def category_names(rubric: Rubric) -> dict[str, str]:
    """The rubric's product categories by id, named in the interface language, in its order."""
    return {c.id: in_language(c.name_id, c.name_en) for c in rubric.categories}


def gate_reason(rubric: Rubric | None, gate_id: str | None, fallback: str | None = None) -> str:
    """What the gate `gate_id` requires, in the interface language; `fallback` (else the id)
    when the rubric lacks it; ``""`` for no gate."""
    if gate_id is None:
        return ""
    for gate in rubric.gates if rubric is not None else ():
        if gate.id == gate_id:
            return in_language(gate.reason_id, gate.reason_en)
    return fallback or gate_id
