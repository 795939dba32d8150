"""Region search: a case- and accent-folded copy of each region name, indexed.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from ovop_desktop.core.text import search_key

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_regions = sa.table(
    "regions",
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("search_name", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("regions") as batch_op:
        batch_op.add_column(sa.Column("search_name", sa.String(length=200), nullable=True))
    connection = op.get_bind()
    rows = connection.execute(sa.select(_regions.c.code, _regions.c.name)).all()
    if rows:
        connection.execute(
            _regions.update()
            .where(_regions.c.code == sa.bindparam("b_code"))
            .values(search_name=sa.bindparam("b_key")),
            [{"b_code": code, "b_key": search_key(name)} for code, name in rows],
        )
    # On SQLite this recreates the table; migrate.py runs it with foreign keys off so that
    # surveys pointing at regions are not touched.
    with op.batch_alter_table("regions") as batch_op:
        batch_op.alter_column("search_name", existing_type=sa.String(length=200), nullable=False)
        batch_op.create_index("ix_regions_search_name", ["search_name"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("regions") as batch_op:
        batch_op.drop_index("ix_regions_search_name")
        batch_op.drop_column("search_name")
