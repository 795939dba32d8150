"""Rubric texts and numbers in the interface language (the rubric carries both languages)."""

from __future__ import annotations

from decimal import Decimal

from ovop_desktop.core.formatting import format_number_en, format_number_id
from ovop_desktop.core.rubric import Category, Criterion, Gate, Group, LevelDescriptor, StarBand
from ovop_desktop.ui import i18n


def english() -> bool:
    return i18n.language() == "en"


def criterion_name(criterion: Criterion) -> str:
    return criterion.name_en if english() else criterion.name_id


def group_name(group: Group) -> str:
    return group.name_en if english() else group.name_id


def category_name(category: Category) -> str:
    return category.name_en if english() else category.name_id


def descriptor_text(descriptor: LevelDescriptor) -> str:
    return descriptor.text_en if english() else descriptor.text_id


def band_meaning(band: StarBand) -> str:
    return band.meaning_en if english() else band.meaning_id


def gate_reason(gate: Gate) -> str:
    return gate.reason_en if english() else gate.reason_id


def points(value: Decimal | int, decimals: int = 2) -> str:
    """A score the way the interface language writes it: ``72,50`` or ``72.50``."""
    return format_number_en(value, decimals) if english() else format_number_id(value, decimals)


def star_text(stars: int | None, out_of: int = 5) -> str:
    """``★★★☆☆`` for 3 of 5; an empty rating is all hollow."""
    filled = stars or 0
    return "★" * filled + "☆" * (out_of - filled)
