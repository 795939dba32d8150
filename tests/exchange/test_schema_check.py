"""The schema check of a travelling record reads UUIDs as text (no UUID object per value, at
province scale hundreds of thousands of them) and accepts exactly the canonical form, the one
str(uuid.UUID(...)) writes; everything else is refused as before."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from ovop_desktop.exchange.schema import Fault, FieldError, check_record

GOOD = str(uuid.uuid4())
FORMS = [
    GOOD,
    "00000000-0000-0000-0000-000000000000",
    "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "12345678-1234-1234-1234-123456789abc",  # no version, no variant: still a UUID
    GOOD.upper(),
    GOOD.replace("-", ""),
    "{" + GOOD + "}",
    "urn:uuid:" + GOOD,
    GOOD + "\n",
    " " + GOOD,
    GOOD[:-1],
    GOOD + "0",
    GOOD[:8] + "_" + GOOD[9:],
    GOOD.replace("-", "", 1)[:8] + "-" + GOOD[8:],
    "\uff11" + GOOD[1:],  # a full-width digit, which int(…, 16) would read
    "g" + GOOD[1:],
    "",
]


def _canonical(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _refused(record: dict[str, Any]) -> tuple[str, Fault] | None:
    try:
        check_record("assessments", record)
    except FieldError as fault:
        return fault.field, fault.fault
    return None


def test_uuids_are_checked_as_text_accepting_only_the_canonical_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    expected = {form: _canonical(form) for form in FORMS}
    assert sum(expected.values()) == 4
    base: dict[str, Any] = {
        "revision": 1,
        "created_at": "2026-08-03T02:00:00+00:00",
        "updated_at": "2026-08-03T02:00:00+00:00",
        "product_id": GOOD,
        "rubric_id": "ovop-standar",
        "rubric_version": 2,
        "rubric_hash": "b" * 64,
        "status": "final",
        "levels": [{"criterion_id": "K1", "level": 4, "note": None}],
    }

    def no_uuid_object(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a UUID object made to check a value")

    monkeypatch.setattr(uuid, "UUID", no_uuid_object)
    seen = {form: _refused({**base, "id": form}) for form in FORMS}

    assert seen == {form: None if ok else ("id", Fault.UUID) for form, ok in expected.items()}
    with pytest.raises(FieldError) as caught:
        check_record("assessments", {**base, "id": 42})
    assert str(caught.value) == "id: is not a UUID"
    assert (caught.value.detail_id, caught.value.detail_en) == ("bukan UUID", "is not a UUID")
