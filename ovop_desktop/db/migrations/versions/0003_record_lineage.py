"""Record lineage: the revision an edit was made from, so that an edit on a stale base is a
conflict rather than a silent overwrite.

- base_revision (travels): the revision of the record that the editing laptop had last
  exchanged (exported or imported) when the edit began; NULL where unknown, that is for every
  version saved before this revision. Unknown lineage merges by the older rule.
- exchanged (stays on this laptop): whether the version held here has left or arrived by a
  package since its last edit here. Rows made before this revision count as exchanged, so that
  their next edit names its base.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = ("surveys", "respondents", "candidate_products", "assessments", "attachments", "letters")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(table, sa.Column("base_revision", sa.Integer(), nullable=True))
        op.add_column(
            table,
            sa.Column("exchanged", sa.Boolean(), server_default=sa.true(), nullable=False),
        )


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("exchanged")
            batch_op.drop_column("base_revision")
