"""Assessments are found by product again: drop `ix_assessments_rubric_updated_at` (from 0009).

SQLite's planner, which keeps no statistics here, preferred that index's two equality columns
(`rubric_id`, `rubric_version`) to `ix_assessments_product_id` for every query that asks for some
products' assessments under one rubric version (`product_id IN (...)`): each such query walked
every assessment of the version. A survey list of 10,000 surveys, which reads the tied
candidates' levels village by village, took a minute instead of a second. The ranking pass the
index was made for sorts one version's assessments by `updated_at` itself, at a cost well under
its reading of the levels.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

NAME = "ix_assessments_rubric_updated_at"
COLUMNS = ["rubric_id", "rubric_version", "updated_at", "id"]


def upgrade() -> None:
    op.drop_index(NAME, table_name="assessments")


def downgrade() -> None:
    op.create_index(NAME, "assessments", COLUMNS, unique=False)
