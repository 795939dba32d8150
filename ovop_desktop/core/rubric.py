"""The OVOP rubric: criteria, level descriptors, star bands and gates.

A rubric is data, not code, so a province can publish a new version without a new release;
:func:`ovop_desktop.core.rubric_loader.parse_rubric` reads one from TOML text.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ovop_desktop.core.errors import DomainError

LEVELS = (1, 2, 3, 4, 5)
CENT = Decimal("0.01")


class RubricError(DomainError):
    """A rubric file that cannot be used, with what is wrong and where."""


@dataclass(frozen=True)
class LevelDescriptor:
    level: int
    text_id: str
    text_en: str


@dataclass(frozen=True)
class Group:
    id: str
    name_id: str
    name_en: str


@dataclass(frozen=True)
class Criterion:
    id: str
    group: str
    weight: int
    name_id: str
    name_en: str
    levels: tuple[LevelDescriptor, ...]

    def descriptor(self, level: int) -> LevelDescriptor:
        """The descriptor the officer sees beside ``level`` (1–5); KeyError for other levels."""
        for descriptor in self.levels:
            if descriptor.level == level:
                return descriptor
        raise KeyError(f"{self.id} has no level {level!r}")


@dataclass(frozen=True)
class StarBand:
    stars: int
    min_total: Decimal
    max_total: Decimal
    meaning_id: str
    meaning_en: str


@dataclass(frozen=True)
class GateRequirement:
    criterion: str
    min_level: int


@dataclass(frozen=True)
class Gate:
    id: str
    min_stars: int
    categories: frozenset[str]  # empty: every category
    requirements: tuple[GateRequirement, ...]
    reason_id: str
    reason_en: str

    def applies_to(self, category: str) -> bool:
        return not self.categories or category in self.categories


@dataclass(frozen=True)
class Category:
    id: str
    name_id: str
    name_en: str


@dataclass(frozen=True)
class Rubric:
    id: str
    version: int
    name: str
    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]
    bands: tuple[StarBand, ...]  # by stars, ascending
    gates: tuple[Gate, ...]
    tie_break: tuple[str, ...]
    categories: tuple[Category, ...]
    definition_hash: str

    @cached_property
    def _criteria_by_id(self) -> dict[str, Criterion]:
        return {criterion.id: criterion for criterion in self.criteria}

    @cached_property
    def _categories_by_id(self) -> dict[str, Category]:
        return {category.id: category for category in self.categories}

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id; KeyError if the rubric has none."""
        return self._criteria_by_id[criterion_id]

    def category(self, category_id: str) -> Category:
        """The product category with this id; KeyError if the rubric has none."""
        return self._categories_by_id[category_id]

    def group(self, group_id: str) -> Group:
        """The criterion group with this id; KeyError if the rubric has none."""
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(group_id)

    @cached_property
    def criterion_ids(self) -> tuple[str, ...]:
        return tuple(criterion.id for criterion in self.criteria)

    @cached_property
    def category_ids(self) -> tuple[str, ...]:
        return tuple(category.id for category in self.categories)

    @property
    def min_total(self) -> Decimal:
        """The total of a product scored 1 on every criterion (20 for weights summing to 100)."""
        return (Decimal(sum(c.weight for c in self.criteria)) / 5).quantize(CENT)

    @property
    def max_stars(self) -> int:
        """The stars of the highest band: the top of the star scale (5 for the OVOP rubric)."""
        return self.bands[-1].stars

    @property
    def max_total(self) -> Decimal:
        return Decimal(sum(c.weight for c in self.criteria)).quantize(CENT)
