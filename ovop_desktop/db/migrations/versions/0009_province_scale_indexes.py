"""Indexes for province scale (issue 17): no table changes, no data touched.

- `assessments (rubric_id, rubric_version, updated_at, id)`: the ranking pass's counting query
  finds the assessments of one rubric version already in the order it reads them, no sort.
- `assessment_levels (assessment_id, criterion_id, level)`: the levels of a chunk of
  assessments read from the index alone (the primary key holds no `level`).
- `surveys (regency_name, district_name, village_name, survey_date)`: the survey list's first
  screenful read in its order, not a sort of every survey.

Plain CREATE INDEX on both backends (no batch copy of the tables).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEXES = (
    (
        "ix_assessments_rubric_updated_at",
        "assessments",
        ["rubric_id", "rubric_version", "updated_at", "id"],
    ),
    (
        "ix_assessment_levels_covering",
        "assessment_levels",
        ["assessment_id", "criterion_id", "level"],
    ),
    (
        "ix_surveys_place_date",
        "surveys",
        ["regency_name", "district_name", "village_name", "survey_date"],
    ),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
