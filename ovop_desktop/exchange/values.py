"""The strict checks of single travelling values (UUIDs, times, hashes, text), shared by the
manifest (exchange.manifest) and the record schema (exchange.schema)."""

from __future__ import annotations

import math
import re
import uuid
from datetime import UTC, datetime
from typing import Final, TypeGuard

SHA256_HEX: Final = re.compile(r"[0-9a-f]{64}")


def is_int(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_finite(value: int | float) -> bool:
    """Whether a JSON number is a finite float (a huge integer overflows a float)."""
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def is_canonical_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def aware_time(value: str) -> datetime | None:
    """An ISO 8601 time with its offset, that can be read in UTC; None for anything else
    (no offset, no time, or a moment outside the years 1–9999 once in UTC)."""
    try:
        moment = datetime.fromisoformat(value)
        return moment.astimezone(UTC) if moment.utcoffset() is not None else None
    except (ValueError, OverflowError):
        return None


def is_utc_timestamp(value: str) -> bool:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return False
    offset = moment.utcoffset()
    return offset is not None and not offset


def is_storable_text(value: str) -> bool:
    """Text every database stores and every export writes: UTF-8 (no lone surrogates from
    a JSON escape) and no NUL character (PostgreSQL refuses it)."""
    if "\x00" in value:
        return False
    if value.isascii():  # (a flag of the string: no encoding needed to know)
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_single_line(value: str) -> bool:
    return value.isprintable()
