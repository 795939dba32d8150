"""The merge rule for one incoming record against the local copy (docs/exchange-format.md).

- unknown here: new;
- the same content: unchanged (so importing a package twice changes nothing);
- a tombstone wins over older or equal revisions, from either side;
- an edit on a stale base is a conflict: the newer version was edited from a revision older than
  the other one (its base_revision is below the other's revision), so its editor never saw the
  other's change. Both are kept and the higher revision stays live until a person decides;
- otherwise the higher revision wins;
- the same revision with other content is a conflict: both versions are kept, and the version with
  the greater content hash stays live until a person decides, so that two packages give the same
  database in either order.

A version with no base_revision (saved before lineage was recorded) merges by revision alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ovop_desktop.exchange.records import content_hash

Action = Literal["new", "updated", "unchanged", "conflict"]


@dataclass(frozen=True)
class Decision:
    action: Action
    keep_incoming: bool  # whether the incoming version becomes the live record


def decide(local: dict[str, Any] | None, incoming: dict[str, Any]) -> Decision:
    if local is None:
        return Decision("new", True)
    local_hash, incoming_hash = content_hash(local), content_hash(incoming)
    if local_hash == incoming_hash:
        return Decision("unchanged", False)
    if "revision" not in incoming:  # reference records (officers): the latest save wins
        newer = str(incoming.get("updated_at") or "") > str(local.get("updated_at") or "")
        return Decision("updated", True) if newer else Decision("unchanged", False)
    local_rev, incoming_rev = int(local["revision"]), int(incoming["revision"])
    local_gone, incoming_gone = bool(local.get("deleted_at")), bool(incoming.get("deleted_at"))
    if incoming_gone and not local_gone and incoming_rev >= local_rev:
        return Decision("updated", True)
    if local_gone and not incoming_gone and local_rev >= incoming_rev:
        return Decision("unchanged", False)
    if incoming_rev > local_rev:
        stale = _edited_before(incoming, local_rev)
        return Decision("conflict", True) if stale else Decision("updated", True)
    if incoming_rev < local_rev:
        stale = _edited_before(local, incoming_rev)
        return Decision("conflict", False) if stale else Decision("unchanged", False)
    return Decision("conflict", incoming_hash > local_hash)


def _edited_before(newer: dict[str, Any], older_revision: int) -> bool:
    """Whether `newer` was edited from a revision below `older_revision`, i.e. without the
    change that made the other version."""
    base = newer.get("base_revision")
    return base is not None and int(base) < older_revision
