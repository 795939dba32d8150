"""A region can be provisional: a village a package placed here before this laptop's region list
knew it, named as the officer recorded it, until a newer list arrives and makes it official.

Adds `regions.provisional` (false for every region already stored). A plain ADD COLUMN with a
constant default: the regions table, which the surveys refer to, is not copied.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column(
        "regions",
        sa.Column("provisional", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("regions") as batch_op:
        batch_op.drop_column("provisional")
