"""Alembic environment, driven from code (ovop_desktop.db.migrate): no alembic.ini at run time.

The caller hands over an open connection in `config.attributes["connection"]`; on SQLite it has
foreign keys switched off, because batch migrations copy and drop tables.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from ovop_desktop.db.models import Base

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through ovop_desktop.db.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
