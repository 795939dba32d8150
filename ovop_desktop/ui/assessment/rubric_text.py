"""Rubric texts in the interface language (the rubric carries both languages)."""

from __future__ import annotations

from ovop_desktop.core.rubric import Criterion, Gate, Group, LevelDescriptor, StarBand
from ovop_desktop.ui.kit.display import in_language


def criterion_name(criterion: Criterion) -> str:
    return in_language(criterion.name_id, criterion.name_en)


def group_name(group: Group) -> str:
    return in_language(group.name_id, group.name_en)


def descriptor_text(descriptor: LevelDescriptor) -> str:
    return in_language(descriptor.text_id, descriptor.text_en)


def band_meaning(band: StarBand) -> str:
    return in_language(band.meaning_id, band.meaning_en)


def gate_reason(gate: Gate) -> str:
    return in_language(gate.reason_id, gate.reason_en)
