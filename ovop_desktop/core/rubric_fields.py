"""Readers for single values of a rubric's TOML tables, each refusing a bad value with a
:class:`~ovop_desktop.core.rubric.RubricError` that says where it is, in Indonesian and English.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from ovop_desktop.core.rubric import CENT, RubricError


def error_at(where: tuple[str, str], message_id: str, message_en: str) -> RubricError:
    return RubricError(f"{where[0]}: {message_id}", f"{where[1]}: {message_en}")


def read_table(
    table: object, where: tuple[str, str], required: Iterable[str], optional: Iterable[str] = ()
) -> dict[str, Any]:
    """Check ``table`` has every required key and no unknown one (a typo must not pass)."""
    if not isinstance(table, dict):
        raise error_at(where, "harus berupa tabel TOML.", "must be a TOML table.")
    known = (*required, *optional)
    for key in table:
        if key not in known:
            # A typo is reported before the field it hides goes missing, with a suggestion.
            close = difflib.get_close_matches(key, known, n=1)
            hint_id = f" (maksudnya '{close[0]}'?)" if close else ""
            hint_en = f" (did you mean '{close[0]}'?)" if close else ""
            raise error_at(
                where, f"kolom '{key}' tidak dikenal{hint_id}.", f"unknown field '{key}'{hint_en}."
            )
    for key in required:
        if key not in table:
            raise error_at(where, f"kolom '{key}' wajib diisi.", f"field '{key}' is required.")
    return table


def read_text(table: Mapping[str, Any], key: str, where: tuple[str, str]) -> str:
    value = table[key]
    if not isinstance(value, str) or not value.strip():
        raise error_at(
            where,
            f"'{key}' harus berupa teks yang tidak kosong.",
            f"'{key}' must be non-empty text.",
        )
    return value.strip()


def read_whole_number(
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
        raise error_at(
            where,
            f"{what[0]} harus bilangan bulat {span_id}, bukan {value!r}.",
            f"{what[1]} must be a whole number {span_en}, not {value!r}.",
        )
    return value


def read_total(table: Mapping[str, Any], key: str, where: tuple[str, str]) -> Decimal:
    value = table[key]
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise error_at(where, f"'{key}' harus berupa angka.", f"'{key}' must be a number.")
    number = Decimal(value)
    if not number.is_finite() or number != number.quantize(CENT):
        raise error_at(
            where,
            f"'{key}' harus angka dengan paling banyak dua desimal, bukan {value}.",
            f"'{key}' must be a number with at most two decimals, not {value}.",
        )
    return number.quantize(CENT)


def read_blocks(data: Mapping[str, Any], key: str, where: tuple[str, str]) -> list[Any]:
    value = data[key]
    if not isinstance(value, list) or not value:
        raise error_at(
            where,
            f"'{key}' harus berisi sedikitnya satu blok [[{key}]].",
            f"'{key}' needs at least one [[{key}]] block.",
        )
    return value


def check_unique(ids: Iterable[str], what: tuple[str, str]) -> None:
    seen: set[str] = set()
    for item_id in ids:
        if item_id in seen:
            raise RubricError(
                f"Kode {what[0]} '{item_id}' dipakai dua kali.",
                f"{what[1]} id '{item_id}' is used twice.",
            )
        seen.add(item_id)


def check_known(item_id: str, known: Iterable[str], where: tuple[str, str], what: str) -> None:
    """Refuse a reference to a criterion, category or group the rubric does not define."""
    if item_id not in known:
        what_id = {"criterion": "kriteria", "category": "kategori", "group": "kelompok"}[what]
        raise error_at(
            where,
            f"{what_id} '{item_id}' tidak ada dalam rubrik.",
            f"{what} '{item_id}' is not in the rubric.",
        )


def read_id_list(value: object, where: tuple[str, str], key: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise error_at(where, f"'{key}' harus daftar teks.", f"'{key}' must be a list of text.")
    return value
