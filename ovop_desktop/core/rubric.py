"""The OVOP rubric: criteria, level descriptors, star bands and gates, read from TOML text.

A rubric is data, not code, so a province can publish a new version without a new release.
:func:`parse_rubric` checks it thoroughly and explains every problem in plain Indonesian.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cached_property
from itertools import pairwise
from typing import Any

from ovop_desktop.core.errors import DomainError
from ovop_desktop.core.formatting import format_number_id

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
    def max_total(self) -> Decimal:
        return Decimal(sum(c.weight for c in self.criteria)).quantize(CENT)


def parse_rubric(text: str) -> Rubric:
    """Read a rubric from TOML ``text``; raise :class:`RubricError` saying what is wrong."""
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        place = re.search(r"line (\d+), column (\d+)", detail)
        where = f" (baris {place[1]}, kolom {place[2]})" if place else ""
        raise RubricError(
            f"Berkas rubrik bukan TOML yang sah{where}: {detail}",
            f"The rubric file is not valid TOML: {detail}",
        ) from exc
    return _build(data)


def _error(where: tuple[str, str], message_id: str, message_en: str) -> RubricError:
    return RubricError(f"{where[0]}: {message_id}", f"{where[1]}: {message_en}")


def _fields(
    table: object, where: tuple[str, str], required: Iterable[str], optional: Iterable[str] = ()
) -> dict[str, Any]:
    """Check ``table`` has every required key and no unknown one (a typo must not pass)."""
    if not isinstance(table, dict):
        raise _error(where, "harus berupa tabel TOML.", "must be a TOML table.")
    known = (*required, *optional)
    for key in table:
        if key not in known:
            # A typo is reported before the field it hides goes missing, with a suggestion.
            close = difflib.get_close_matches(key, known, n=1)
            hint_id = f" (maksudnya '{close[0]}'?)" if close else ""
            hint_en = f" (did you mean '{close[0]}'?)" if close else ""
            raise _error(
                where, f"kolom '{key}' tidak dikenal{hint_id}.", f"unknown field '{key}'{hint_en}."
            )
    for key in required:
        if key not in table:
            raise _error(where, f"kolom '{key}' wajib diisi.", f"field '{key}' is required.")
    return table


def _text(table: Mapping[str, Any], key: str, where: tuple[str, str]) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise _error(
            where,
            f"'{key}' harus berupa teks yang tidak kosong.",
            f"'{key}' must be non-empty text.",
        )
    return value.strip()


def _integer(
    value: object, what: tuple[str, str], where: tuple[str, str], low: int, high: int | None = None
) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or value < low
        or (high is not None and value > high)
    ):
        span_id = f"{low} sampai {high}" if high is not None else f"paling kecil {low}"
        span_en = f"{low} to {high}" if high is not None else f"at least {low}"
        raise _error(
            where,
            f"{what[0]} harus bilangan bulat {span_id}, bukan {value!r}.",
            f"{what[1]} must be a whole number {span_en}, not {value!r}.",
        )
    return value


def _total(table: Mapping[str, Any], key: str, where: tuple[str, str]) -> Decimal:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise _error(where, f"'{key}' harus berupa angka.", f"'{key}' must be a number.")
    number = Decimal(value)
    if not number.is_finite() or number != number.quantize(CENT):
        raise _error(
            where,
            f"'{key}' harus angka dengan paling banyak dua desimal, bukan {value}.",
            f"'{key}' must be a number with at most two decimals, not {value}.",
        )
    return number.quantize(CENT)


def _tables(data: Mapping[str, Any], key: str, where: tuple[str, str]) -> list[Any]:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise _error(
            where,
            f"'{key}' harus berisi sedikitnya satu blok [[{key}]].",
            f"'{key}' needs at least one [[{key}]] block.",
        )
    return value


def _unique(ids: Iterable[str], what: tuple[str, str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise RubricError(
                f"Kode {what[0]} '{item_id}' dipakai dua kali.",
                f"{what[1]} id '{item_id}' is used twice.",
            )
        seen.add(item_id)


def _known(item_id: str, known: Iterable[str], where: tuple[str, str], what: str) -> None:
    """Refuse a reference to a criterion, category or group the rubric does not define."""
    if item_id not in known:
        what_id = {"criterion": "kriteria", "category": "kategori", "group": "kelompok"}[what]
        raise _error(
            where,
            f"{what_id} '{item_id}' tidak ada dalam rubrik.",
            f"{what} '{item_id}' is not in the rubric.",
        )


def _id_list(value: object, where: tuple[str, str], key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _error(where, f"'{key}' harus daftar teks.", f"'{key}' must be a list of text.")
    return value


def _build(data: dict[str, Any]) -> Rubric:
    top = ("Bagian atas berkas", "Top of the file")
    _fields(
        data,
        top,
        ("id", "version", "name", "groups", "criteria", "bands", "categories"),
        ("gates", "tie_break"),
    )
    rubric_id = _text(data, "id", top)
    version = _integer(data["version"], ("'version'", "'version'"), top, 1)
    name = _text(data, "name", top)
    groups: tuple[Group, ...] = tuple(
        _named(Group, raw, (f"Kelompok ke-{i}", f"Group {i}"))
        for i, raw in enumerate(_tables(data, "groups", top), 1)
    )
    _unique((g.id for g in groups), ("kelompok", "Group"))
    criteria = tuple(_criterion(raw, i) for i, raw in enumerate(_tables(data, "criteria", top), 1))
    _unique((c.id for c in criteria), ("kriteria", "Criterion"))
    categories: tuple[Category, ...] = tuple(
        _named(Category, raw, (f"Kategori ke-{i}", f"Category {i}"))
        for i, raw in enumerate(_tables(data, "categories", top), 1)
    )
    _unique((c.id for c in categories), ("kategori", "Category"))
    _check_groups(groups, criteria)
    weight = sum(c.weight for c in criteria)
    if weight != 100:
        raise RubricError(
            f"Bobot kriteria berjumlah {weight}, harus 100.",
            f"Criterion weights add up to {weight}; they must add up to 100.",
        )
    bands = tuple(
        sorted(
            (_band(raw, i) for i, raw in enumerate(_tables(data, "bands", top), 1)),
            key=lambda band: band.stars,
        )
    )
    _check_bands(bands, (Decimal(weight) / 5).quantize(CENT), Decimal(weight).quantize(CENT))
    order = {c.id: i for i, c in enumerate(criteria)}
    category_ids = {c.id for c in categories}
    raw_gates = _tables(data, "gates", top) if data.get("gates", []) != [] else []
    gates = tuple(
        _gate(raw, i, order, category_ids, len(bands)) for i, raw in enumerate(raw_gates, 1)
    )
    _unique((g.id for g in gates), ("syarat", "Gate"))
    tie_break = tuple(_id_list(data.get("tie_break", []), top, "tie_break"))
    for criterion_id in tie_break:
        _known(criterion_id, order, ("Urutan penentu (tie_break)", "Tie-break order"), "criterion")
    if len(set(tie_break)) != len(tie_break):
        raise RubricError(
            "Urutan penentu (tie_break): sebuah kriteria disebut lebih dari sekali.",
            "Tie-break order: a criterion is named more than once.",
        )
    rubric = Rubric(
        id=rubric_id,
        version=version,
        name=name,
        groups=groups,
        criteria=criteria,
        bands=bands,
        gates=gates,
        tie_break=tie_break,
        categories=categories,
        definition_hash="",
    )
    return replace(rubric, definition_hash=_definition_hash(rubric))


def _named(kind: type[Group] | type[Category], raw: object, where: tuple[str, str]) -> Any:
    table = _fields(raw, where, ("id", "name_id", "name_en"))
    return kind(*(_text(table, key, where) for key in ("id", "name_id", "name_en")))


def _criterion(raw: object, index: int) -> Criterion:
    where = (f"Kriteria ke-{index}", f"Criterion {index}")
    table = _fields(raw, where, ("id", "group", "weight", "name_id", "name_en", "levels"))
    criterion_id = _text(table, "id", where)
    where = (f"Kriteria {criterion_id}", f"Criterion {criterion_id}")
    raw_levels = table["levels"] if isinstance(table["levels"], list) else []
    levels = [_level(raw, where) for raw in raw_levels]
    found = sorted(descriptor.level for descriptor in levels)
    if tuple(found) != LEVELS:
        shown = ", ".join(map(str, found)) or "-"
        raise _error(
            where,
            f"harus memiliki tepat lima tingkat, 1 sampai 5, masing-masing sekali "
            f"(yang ada: {shown}).",
            f"must have exactly five levels, 1 to 5, each once (found: {shown}).",
        )
    return Criterion(
        id=criterion_id,
        group=_text(table, "group", where),
        weight=_integer(table["weight"], ("bobot", "the weight"), where, 1),
        name_id=_text(table, "name_id", where),
        name_en=_text(table, "name_en", where),
        levels=tuple(sorted(levels, key=lambda descriptor: descriptor.level)),
    )


def _level(raw: object, criterion_where: tuple[str, str]) -> LevelDescriptor:
    where = (f"{criterion_where[0]}, blok [[criteria.levels]]", f"{criterion_where[1]}, a level")
    table = _fields(raw, where, ("level", "text_id", "text_en"))
    level = _integer(table["level"], ("'level'", "'level'"), where, 1, 5)
    where = (f"{criterion_where[0]}, tingkat {level}", f"{criterion_where[1]}, level {level}")
    return LevelDescriptor(level, _text(table, "text_id", where), _text(table, "text_en", where))


def _check_groups(groups: tuple[Group, ...], criteria: tuple[Criterion, ...]) -> None:
    known = {group.id for group in groups}
    for criterion in criteria:
        where = (f"Kriteria {criterion.id}", f"Criterion {criterion.id}")
        _known(criterion.group, known, where, "group")
    for group in groups:
        if not any(criterion.group == group.id for criterion in criteria):
            raise RubricError(
                f"Kelompok '{group.id}' tidak memiliki kriteria.",
                f"Group '{group.id}' has no criteria.",
            )


def _band(raw: object, index: int) -> StarBand:
    where = (f"Pita bintang ke-{index}", f"Star band {index}")
    keys = ("stars", "min_total", "max_total", "meaning_id", "meaning_en")
    table = _fields(raw, where, keys)
    stars = _integer(table["stars"], ("'stars'", "'stars'"), where, 1)
    where = (f"Pita bintang {stars}", f"Star band {stars}")
    band = StarBand(
        stars=stars,
        min_total=_total(table, "min_total", where),
        max_total=_total(table, "max_total", where),
        meaning_id=_text(table, "meaning_id", where),
        meaning_en=_text(table, "meaning_en", where),
    )
    if band.min_total > band.max_total:
        raise _error(
            where,
            "min_total lebih besar daripada max_total.",
            "min_total is greater than max_total.",
        )
    return band


def _check_bands(bands: tuple[StarBand, ...], lowest: Decimal, highest: Decimal) -> None:
    stars = [band.stars for band in bands]
    if stars != list(range(1, len(bands) + 1)):
        shown = ", ".join(map(str, stars))
        raise RubricError(
            f"Bintang pada pita harus bernomor 1 sampai {len(bands)} berurutan, masing-masing "
            f"sekali (yang ada: {shown}).",
            f"Band stars must be numbered 1 to {len(bands)} in sequence, each once "
            f"(found: {shown}).",
        )

    def num(value: Decimal) -> str:
        return format_number_id(value, 2)

    if bands[0].min_total > lowest:
        raise RubricError(
            f"Pita bintang 1 mulai dari {num(bands[0].min_total)}, padahal total terendah yang "
            f"mungkin adalah {num(lowest)}: total itu tidak mendapat bintang.",
            f"Star band 1 starts at {bands[0].min_total}, but the lowest possible total is "
            f"{lowest}: such a total would get no stars.",
        )
    if bands[-1].max_total < highest:
        raise RubricError(
            f"Pita bintang tertinggi berakhir di {num(bands[-1].max_total)}, harus sampai "
            f"{num(highest)}.",
            f"The highest star band ends at {bands[-1].max_total}; it must reach {highest}.",
        )
    for below, above in pairwise(bands):
        expected = below.max_total + CENT
        if above.min_total != expected:
            kind_id, kind_en = (
                ("ada celah", "leave a gap")
                if above.min_total > expected
                else ("tumpang tindih", "overlap")
            )
            raise RubricError(
                f"Pita bintang {below.stars} (sampai {num(below.max_total)}) dan bintang "
                f"{above.stars} (mulai {num(above.min_total)}) {kind_id}; bintang {above.stars} "
                f"harus mulai tepat di {num(expected)}.",
                f"Star bands {below.stars} (up to {below.max_total}) and {above.stars} (from "
                f"{above.min_total}) {kind_en}; band {above.stars} must start at {expected}.",
            )
    for band in bands:
        if band.max_total < lowest or band.min_total > highest:
            raise RubricError(
                f"Pita bintang {band.stars} berada di luar total yang mungkin "
                f"({num(lowest)}–{num(highest)}) dan tidak akan pernah tercapai.",
                f"Star band {band.stars} lies outside the possible totals ({lowest}–{highest}) "
                f"and can never be reached.",
            )


def _gate(
    raw: object, index: int, order: Mapping[str, int], categories: set[str], top_stars: int
) -> Gate:
    where = (f"Syarat ke-{index}", f"Gate {index}")
    keys = ("id", "min_stars", "requires", "reason_id", "reason_en")
    table = _fields(raw, where, keys, ("categories",))
    gate_id = _text(table, "id", where)
    where = (f"Syarat '{gate_id}'", f"Gate '{gate_id}'")
    min_stars = _integer(table["min_stars"], ("min_stars", "min_stars"), where, 2, top_stars)
    gate_categories = _id_list(table.get("categories", []), where, "categories")
    for category in gate_categories:
        _known(category, categories, where, "category")
    requires = table["requires"]
    if not isinstance(requires, dict) or not requires:
        raise _error(
            where,
            "'requires' harus menyebut sedikitnya satu kriteria, misalnya { C3 = 3 }.",
            "'requires' must name at least one criterion, e.g. { C3 = 3 }.",
        )
    for criterion_id, level in requires.items():
        _known(criterion_id, order, where, "criterion")
        what = (f"tingkat minimum {criterion_id}", f"the minimum level of {criterion_id}")
        _integer(level, what, where, 1, 5)
    return Gate(
        id=gate_id,
        min_stars=min_stars,
        categories=frozenset(gate_categories),
        # In rubric order, so that the order keys are written in changes nothing.
        requirements=tuple(
            GateRequirement(criterion_id, requires[criterion_id])
            for criterion_id in sorted(requires, key=order.__getitem__)
        ),
        reason_id=_text(table, "reason_id", where),
        reason_en=_text(table, "reason_en", where),
    )


def _definition_hash(rubric: Rubric) -> str:
    """SHA-256 of the content alone: comments, spacing and key order do not change it.

    The JSON keys are spelled out rather than taken from the dataclasses, so that renaming an
    attribute in code never changes the hash stored with every assessment.
    """
    definition = {
        "id": rubric.id,
        "version": rubric.version,
        "name": rubric.name,
        "groups": [[g.id, g.name_id, g.name_en] for g in rubric.groups],
        "criteria": [
            {
                "id": c.id,
                "group": c.group,
                "weight": c.weight,
                "name_id": c.name_id,
                "name_en": c.name_en,
                "levels": [[d.level, d.text_id, d.text_en] for d in c.levels],
            }
            for c in rubric.criteria
        ],
        "bands": [
            [b.stars, str(b.min_total), str(b.max_total), b.meaning_id, b.meaning_en]
            for b in rubric.bands
        ],
        "gates": [
            {
                "id": g.id,
                "min_stars": g.min_stars,
                "categories": sorted(g.categories),
                "requires": [[r.criterion, r.min_level] for r in g.requirements],
                "reason_id": g.reason_id,
                "reason_en": g.reason_en,
            }
            for g in rubric.gates
        ],
        "tie_break": list(rubric.tie_break),
        "categories": [[c.id, c.name_id, c.name_en] for c in rubric.categories],
    }
    canonical = json.dumps(definition, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
