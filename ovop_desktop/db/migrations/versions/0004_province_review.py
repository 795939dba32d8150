"""Province mode: the review of each survey (a history of states with comments) and the
designated OVOP product of a village or kecamatan with its decree.

Both tables are the province office's own and do not travel in exchange packages. Only new
tables: no existing table is copied, so no row of a survey or its children is touched.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

LIVE = "revoked_at IS NULL"


def upgrade() -> None:
    op.create_table(
        "survey_reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("survey_id", sa.Uuid(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("officer_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "state IN ('diterima', 'perlu_perbaikan', 'disetujui')",
            name=op.f("ck_survey_reviews_state"),
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["officers.id"], name=op.f("fk_survey_reviews_officer_id_officers")
        ),
        sa.ForeignKeyConstraint(
            ["survey_id"], ["surveys.id"], name=op.f("fk_survey_reviews_survey_id_surveys")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_reviews")),
    )
    op.create_index(
        "ix_survey_reviews_survey_id_created_at",
        "survey_reviews",
        ["survey_id", "created_at"],
        unique=False,
    )

    op.create_table(
        "designations",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("product_name", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("decree_number", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["candidate_products.id"],
            name=op.f("fk_designations_product_id_candidate_products"),
        ),
        sa.ForeignKeyConstraint(
            ["region_code"], ["regions.code"], name=op.f("fk_designations_region_code_regions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_designations")),
    )
    # Partial unique index: one live designation per region, any number of revoked ones.
    op.create_index(
        "uq_designations_live_region_code",
        "designations",
        ["region_code"],
        unique=True,
        sqlite_where=sa.text(LIVE),
        postgresql_where=sa.text(LIVE),
    )


def downgrade() -> None:
    op.drop_index("uq_designations_live_region_code", table_name="designations")
    op.drop_table("designations")
    op.drop_index("ix_survey_reviews_survey_id_created_at", table_name="survey_reviews")
    op.drop_table("survey_reviews")
