"""Assessments record the category their stars and gate were scored under (`scored_category`).

An assessment's stored snapshot (total, band, stars, gate) lets the rankings skip its levels,
but its stars and gate depend on the product's category, which may change after the assessment
is saved. Without the category they were scored under, the ranking pass read the levels of every
snapshot whose stars a category could move: three quarters of the levels it read. Existing
assessments keep NULL (not known): they are ranked as before.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("scored_category", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("assessments") as batch:
        batch.drop_column("scored_category")
