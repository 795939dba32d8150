"""Reading a rubric from TOML text: :func:`parse_rubric` checks it thoroughly, explains every
problem in plain Indonesian, and computes the definition hash stored with each assessment.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from typing import Any

from ovop_desktop.core.formatting import format_number_id
from ovop_desktop.core.rubric import (
    CENT,
    LEVELS,
    Category,
    Criterion,
    Gate,
    GateRequirement,
    Group,
    LevelDescriptor,
    Rubric,
    RubricError,
    StarBand,
)
from ovop_desktop.core.rubric_fields import (
    check_known,
    check_unique,
    error_at,
    read_blocks,
    read_id_list,
    read_table,
    read_text,
    read_total,
    read_whole_number,
)


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


def _build(data: dict[str, Any]) -> Rubric:
    top = ("Bagian atas berkas", "Top of the file")
    read_table(
        data,
        top,
        ("id", "version", "name", "groups", "criteria", "bands", "categories"),
        ("gates", "tie_break"),
    )
    rubric_id = read_text(data, "id", top)
    version = read_whole_number(data["version"], ("'version'", "'version'"), top, 1)
    name = read_text(data, "name", top)
    groups: tuple[Group, ...] = tuple(
        _named(Group, raw, (f"Kelompok ke-{i}", f"Group {i}"))
        for i, raw in enumerate(read_blocks(data, "groups", top), 1)
    )
    check_unique((g.id for g in groups), ("kelompok", "Group"))
    criteria = tuple(
        _criterion(raw, i) for i, raw in enumerate(read_blocks(data, "criteria", top), 1)
    )
    check_unique((c.id for c in criteria), ("kriteria", "Criterion"))
    categories: tuple[Category, ...] = tuple(
        _named(Category, raw, (f"Kategori ke-{i}", f"Category {i}"))
        for i, raw in enumerate(read_blocks(data, "categories", top), 1)
    )
    check_unique((c.id for c in categories), ("kategori", "Category"))
    _check_groups(groups, criteria)
    weight = sum(c.weight for c in criteria)
    if weight != 100:
        raise RubricError(
            f"Bobot kriteria berjumlah {weight}, harus 100.",
            f"Criterion weights add up to {weight}; they must add up to 100.",
        )
    bands = tuple(
        sorted(
            (_band(raw, i) for i, raw in enumerate(read_blocks(data, "bands", top), 1)),
            key=lambda band: band.stars,
        )
    )
    _check_bands(bands, (Decimal(weight) / 5).quantize(CENT), Decimal(weight).quantize(CENT))
    order = {c.id: i for i, c in enumerate(criteria)}
    category_ids = {c.id for c in categories}
    raw_gates = read_blocks(data, "gates", top) if data.get("gates", []) != [] else []
    gates = tuple(
        _gate(raw, i, order, category_ids, len(bands)) for i, raw in enumerate(raw_gates, 1)
    )
    check_unique((g.id for g in gates), ("syarat", "Gate"))
    tie_break = tuple(read_id_list(data.get("tie_break", []), top, "tie_break"))
    for criterion_id in tie_break:
        check_known(
            criterion_id, order, ("Urutan penentu (tie_break)", "Tie-break order"), "criterion"
        )
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
    table = read_table(raw, where, ("id", "name_id", "name_en"))
    return kind(*(read_text(table, key, where) for key in ("id", "name_id", "name_en")))


def _criterion(raw: object, index: int) -> Criterion:
    where = (f"Kriteria ke-{index}", f"Criterion {index}")
    table = read_table(raw, where, ("id", "group", "weight", "name_id", "name_en", "levels"))
    criterion_id = read_text(table, "id", where)
    where = (f"Kriteria {criterion_id}", f"Criterion {criterion_id}")
    raw_levels = table["levels"] if isinstance(table["levels"], list) else []
    levels = [_level(raw, where) for raw in raw_levels]
    found = sorted(descriptor.level for descriptor in levels)
    if tuple(found) != LEVELS:
        shown = ", ".join(map(str, found)) or "-"
        raise error_at(
            where,
            f"harus memiliki tepat lima tingkat, 1 sampai 5, masing-masing sekali "
            f"(yang ada: {shown}).",
            f"must have exactly five levels, 1 to 5, each once (found: {shown}).",
        )
    return Criterion(
        id=criterion_id,
        group=read_text(table, "group", where),
        weight=read_whole_number(table["weight"], ("bobot", "the weight"), where, 1),
        name_id=read_text(table, "name_id", where),
        name_en=read_text(table, "name_en", where),
        levels=tuple(sorted(levels, key=lambda descriptor: descriptor.level)),
    )


def _level(raw: object, criterion_where: tuple[str, str]) -> LevelDescriptor:
    where = (f"{criterion_where[0]}, blok [[criteria.levels]]", f"{criterion_where[1]}, a level")
    table = read_table(raw, where, ("level", "text_id", "text_en"))
    level = read_whole_number(table["level"], ("'level'", "'level'"), where, 1, 5)
    where = (f"{criterion_where[0]}, tingkat {level}", f"{criterion_where[1]}, level {level}")
    return LevelDescriptor(
        level, read_text(table, "text_id", where), read_text(table, "text_en", where)
    )


def _check_groups(groups: tuple[Group, ...], criteria: tuple[Criterion, ...]) -> None:
    known = {group.id for group in groups}
    for criterion in criteria:
        where = (f"Kriteria {criterion.id}", f"Criterion {criterion.id}")
        check_known(criterion.group, known, where, "group")
    for group in groups:
        if not any(criterion.group == group.id for criterion in criteria):
            raise RubricError(
                f"Kelompok '{group.id}' tidak memiliki kriteria.",
                f"Group '{group.id}' has no criteria.",
            )


def _band(raw: object, index: int) -> StarBand:
    where = (f"Pita bintang ke-{index}", f"Star band {index}")
    keys = ("stars", "min_total", "max_total", "meaning_id", "meaning_en")
    table = read_table(raw, where, keys)
    stars = read_whole_number(table["stars"], ("'stars'", "'stars'"), where, 1)
    where = (f"Pita bintang {stars}", f"Star band {stars}")
    band = StarBand(
        stars=stars,
        min_total=read_total(table, "min_total", where),
        max_total=read_total(table, "max_total", where),
        meaning_id=read_text(table, "meaning_id", where),
        meaning_en=read_text(table, "meaning_en", where),
    )
    if band.min_total > band.max_total:
        raise error_at(
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
    table = read_table(raw, where, keys, ("categories",))
    gate_id = read_text(table, "id", where)
    where = (f"Syarat '{gate_id}'", f"Gate '{gate_id}'")
    min_stars = read_whole_number(
        table["min_stars"], ("min_stars", "min_stars"), where, 2, top_stars
    )
    gate_categories = read_id_list(table.get("categories", []), where, "categories")
    for category in gate_categories:
        check_known(category, categories, where, "category")
    requires = table["requires"]
    if not isinstance(requires, dict) or not requires:
        raise error_at(
            where,
            "'requires' harus menyebut sedikitnya satu kriteria, misalnya { C3 = 3 }.",
            "'requires' must name at least one criterion, e.g. { C3 = 3 }.",
        )
    for criterion_id, level in requires.items():
        check_known(criterion_id, order, where, "criterion")
        what = (f"tingkat minimum {criterion_id}", f"the minimum level of {criterion_id}")
        read_whole_number(level, what, where, 1, 5)
    return Gate(
        id=gate_id,
        min_stars=min_stars,
        categories=frozenset(gate_categories),
        # In rubric order, so that the order keys are written in changes nothing.
        requirements=tuple(
            GateRequirement(criterion_id, requires[criterion_id])
            for criterion_id in sorted(requires, key=order.__getitem__)
        ),
        reason_id=read_text(table, "reason_id", where),
        reason_en=read_text(table, "reason_en", where),
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
