"""Officer profiles know the laptop that made them, as travelling records already do.

A package may change only the records its own laptop made (services.sync.apply); an officer
profile is one of them. Profiles saved before this revision keep a NULL `device_id`: their laptop
is not known.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("officers") as batch_op:
        batch_op.add_column(sa.Column("device_id", sa.Uuid(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("officers") as batch_op:
        batch_op.drop_column("device_id")
