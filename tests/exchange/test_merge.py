"""The merge rule for one record, case by case (docs/exchange-format.md, "Merge rules")."""

from __future__ import annotations

from typing import Any

import pytest

from ovop_desktop.exchange.merge import decide


def version(revision: int, base: int | None, notes: str, deleted: bool = False) -> dict[str, Any]:
    return {
        "id": "6f1d9c62-3a7e-4c1b-9d55-2b8e1f0a7c43",
        "revision": revision,
        "base_revision": base,
        "notes": notes,
        "deleted_at": "2026-09-01T02:00:00+00:00" if deleted else None,
        "updated_at": f"2026-09-0{revision}T02:00:00+00:00",
    }


@pytest.mark.parametrize(
    ("local", "incoming", "action", "keep_incoming"),
    [
        # a plain successor: edited from the revision held here (or a later one it exported)
        (version(3, 2, "a"), version(4, 3, "b"), "updated", True),
        (version(3, 2, "a"), version(6, 5, "b"), "updated", True),
        # an older copy of what is held here: nothing to do
        (version(4, 3, "b"), version(3, 2, "a"), "unchanged", False),
        # edited from revision 3 while revision 4 was made elsewhere: the 5 never saw the 4
        (version(4, 3, "A"), version(5, 3, "B"), "conflict", True),
        # the same two versions the other way round: the same live version, still a conflict
        (version(5, 3, "B"), version(4, 3, "A"), "conflict", False),
        # the same revision with other content (which one stays live: see below)
        (version(4, 3, "A"), version(4, 3, "B"), "conflict", None),
        # saved before lineage was recorded: the higher revision wins as before
        (version(4, None, "A"), version(5, None, "B"), "updated", True),
        (version(5, None, "B"), version(4, None, "A"), "unchanged", False),
        # a deletion wins over an older or equal revision, stale or not
        (version(4, 3, "A"), version(4, 3, "A", deleted=True), "updated", True),
        # the same content saved again on another laptop: nothing to do, whatever its base
        (version(4, 3, "A"), version(4, 2, "A"), "unchanged", False),
    ],
)
def test_decide(
    local: dict[str, Any], incoming: dict[str, Any], action: str, keep_incoming: bool | None
) -> None:
    decision = decide(local, incoming)
    assert decision.action == action
    if keep_incoming is not None:
        assert decision.keep_incoming == keep_incoming


def test_equal_revisions_keep_the_same_version_live_in_either_order() -> None:
    a, b = version(4, 3, "A"), version(4, 3, "B")
    assert decide(a, b).keep_incoming != decide(b, a).keep_incoming


def test_a_record_not_held_here_is_new() -> None:
    assert decide(None, version(1, 0, "a")).action == "new"
