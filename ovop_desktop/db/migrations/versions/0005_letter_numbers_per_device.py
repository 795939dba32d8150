"""Letter numbers are unique per issuing laptop, not across the whole database.

Each laptop numbers its letters 1, 2, 3… per year. The province holds the letters of every
officer, so two officers' letters of one year used to collide there ("UNIQUE constraint failed:
letters.year, letters.sequence") and the whole package was refused. A number and a (year,
sequence) are now unique per `device_id`.

Only the letters table is copied (batch mode on SQLite); no table refers to it, so no row
elsewhere is touched. Rows already stored keep their `device_id`, NULL for letters issued before
this revision (their laptop is not known); issuing counts those as this laptop's own, so a new
number never repeats one of them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("letters") as batch_op:
        batch_op.drop_constraint("uq_letters_year_sequence", type_="unique")
        batch_op.drop_constraint("uq_letters_number", type_="unique")
        batch_op.create_unique_constraint(
            "uq_letters_device_year_sequence", ["device_id", "year", "sequence"]
        )
        batch_op.create_unique_constraint("uq_letters_device_number", ["device_id", "number"])


def downgrade() -> None:
    # Fails, as it must, where two laptops' letters share a number.
    with op.batch_alter_table("letters") as batch_op:
        batch_op.drop_constraint("uq_letters_device_number", type_="unique")
        batch_op.drop_constraint("uq_letters_device_year_sequence", type_="unique")
        batch_op.create_unique_constraint("uq_letters_number", ["number"])
        batch_op.create_unique_constraint("uq_letters_year_sequence", ["year", "sequence"])
