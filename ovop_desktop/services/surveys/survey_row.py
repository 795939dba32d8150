"""One row of the survey list (services.surveys.survey_list), in a module of its own: the list's
screen and the kept list (services.surveys.kept_list) use it before the database side loads."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True, slots=True)  # (a list holds 100,000 of them)
class SurveyRow:
    survey_id: uuid.UUID
    village_code: str
    regency: str
    district: str
    village: str
    survey_date: date
    officer: str | None
    status: str
    candidates: int
    top_candidate: str | None
    top_stars: int | None
    top_total: Decimal | None
    latitude: float | None = None  # the survey's GPS point, checked for the list's flag
    longitude: float | None = None
    # False: read before the ranking (services.surveys.lean_list), the top candidate not known
    # yet rather than absent.
    ranked: bool = True

    def as_json(self) -> dict[str, object]:
        return {
            "survey_id": str(self.survey_id),
            "village_code": self.village_code,
            "regency": self.regency,
            "district": self.district,
            "village": self.village,
            "survey_date": self.survey_date.isoformat(),
            "officer": self.officer,
            "status": self.status,
            "candidates": self.candidates,
            "top_candidate": self.top_candidate,
            "top_stars": self.top_stars,
            "top_total": None if self.top_total is None else float(self.top_total),
        }
