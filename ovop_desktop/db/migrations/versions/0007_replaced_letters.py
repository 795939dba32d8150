"""A letter can be replaced: a village has one live letter, and a second one, issued with a
reason, marks the earlier one "replaced", naming the new letter and the reason.

Adds `letters.replaced_by` and `letters.replace_reason` (both empty for the letters already
stored) and allows the status "replaced". Only the letters table is copied (batch mode on
SQLite); no table refers to it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letters") as batch_op:
        batch_op.add_column(sa.Column("replaced_by", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("replace_reason", sa.Text(), nullable=True))
        batch_op.drop_constraint(op.f("ck_letters_status"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_letters_status"), "status IN ('issued', 'void', 'replaced')"
        )


def downgrade() -> None:
    # Fails, as it must, while a letter is marked replaced.
    with op.batch_alter_table("letters") as batch_op:
        batch_op.drop_constraint(op.f("ck_letters_status"), type_="check")
        batch_op.create_check_constraint(op.f("ck_letters_status"), "status IN ('issued', 'void')")
        batch_op.drop_column("replace_reason")
        batch_op.drop_column("replaced_by")
