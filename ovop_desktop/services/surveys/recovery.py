"""The recovery journal: what the editor holds that may not have reached the database yet.

The editor writes it on every edit (atomically, fsync'd: a battery can die mid-write) and clears
it when the window closes normally. A journal found at start-up means the last run ended
abruptly; the application offers to reopen that survey and re-apply what was pending.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ovop_desktop.files import atomic_write
from ovop_desktop.services.database import Database
from ovop_desktop.services.errors import NotFoundError
from ovop_desktop.services.surveys.capture import update_product, update_respondent, update_survey

JOURNAL_NAME = "pemulihan.json"


@dataclass
class PendingEdits:
    """Unsaved field values of the survey open in the editor, and of its children."""

    survey_id: uuid.UUID | None = None
    survey_label: str = ""
    survey: dict[str, Any] = field(default_factory=dict)
    products: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    respondents: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    reason: str | None = None

    @property
    def empty(self) -> bool:
        return not (self.survey or any(self.products.values()) or any(self.respondents.values()))


def _encode(value: Any) -> Any:
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"$uuid": str(value)}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$date" in value:
        return date.fromisoformat(value["$date"])
    if isinstance(value, dict) and "$uuid" in value:
        return uuid.UUID(value["$uuid"])
    return value


def _fields(values: dict[str, Any]) -> dict[str, Any]:
    return {name: _encode(value) for name, value in values.items()}


def _unfields(values: dict[str, Any]) -> dict[str, Any]:
    return {name: _decode(value) for name, value in values.items()}


class RecoveryJournal:
    def __init__(self, folder: Path) -> None:
        self.path = folder / JOURNAL_NAME

    def write(self, edits: PendingEdits) -> None:
        document = {
            "survey_id": str(edits.survey_id) if edits.survey_id else None,
            "survey_label": edits.survey_label,
            "survey": _fields(edits.survey),
            "products": {str(k): _fields(v) for k, v in edits.products.items() if v},
            "respondents": {str(k): _fields(v) for k, v in edits.respondents.items() if v},
            "reason": edits.reason,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, json.dumps(document, ensure_ascii=False))

    def read(self) -> PendingEdits | None:
        """The journal left by an abrupt end, or None (also for an unreadable one)."""
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            return PendingEdits(
                survey_id=uuid.UUID(document["survey_id"]) if document["survey_id"] else None,
                survey_label=document.get("survey_label", ""),
                survey=_unfields(document.get("survey", {})),
                products={uuid.UUID(k): _unfields(v) for k, v in document["products"].items()},
                respondents={
                    uuid.UUID(k): _unfields(v) for k, v in document["respondents"].items()
                },
                reason=document.get("reason"),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".part").unlink(missing_ok=True)  # as older versions left it


def apply_pending(db: Database, edits: PendingEdits, categories: frozenset[str]) -> None:
    """Write what the journal held to the database (records deleted since are skipped)."""
    if edits.survey_id is None:
        return
    if edits.survey:
        update_survey(db, edits.survey_id, edits.survey, reason=edits.reason)
    for product_id, values in edits.products.items():
        if values:
            try:
                update_product(db, product_id, values, categories=categories, reason=edits.reason)
            except NotFoundError:
                continue
    for respondent_id, values in edits.respondents.items():
        if values:
            try:
                update_respondent(db, respondent_id, values, reason=edits.reason)
            except NotFoundError:
                continue
