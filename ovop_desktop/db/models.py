"""All models in one import, for services and migrations."""

from ovop_desktop.db.base import Base, SyncRecord, utc_now
from ovop_desktop.db.province_models import REVIEW_STATES, Designation, SurveyReview
from ovop_desktop.db.reference_models import Device, Officer, Region, RubricVersion, Setting
from ovop_desktop.db.register_models import AuditEntry, Conflict, ImportLogEntry, Letter
from ovop_desktop.db.survey_models import (
    Assessment,
    AssessmentLevel,
    Attachment,
    CandidateProduct,
    Respondent,
    Survey,
)

SYNC_MODELS: tuple[type[SyncRecord], ...] = (
    Survey,
    Respondent,
    CandidateProduct,
    Assessment,
    Attachment,
    Letter,
)

__all__ = [
    "REVIEW_STATES",
    "SYNC_MODELS",
    "Assessment",
    "AssessmentLevel",
    "Attachment",
    "AuditEntry",
    "Base",
    "CandidateProduct",
    "Conflict",
    "Designation",
    "Device",
    "ImportLogEntry",
    "Letter",
    "Officer",
    "Region",
    "Respondent",
    "RubricVersion",
    "Setting",
    "Survey",
    "SurveyReview",
    "SyncRecord",
    "utc_now",
]
