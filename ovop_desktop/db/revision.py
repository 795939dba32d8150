"""The schema revision this application's code expects, without Alembic or SQLAlchemy: start-up
reads it before either is loaded (services.surveys.lean_list), and an up-to-date database opens
without importing Alembic at all."""

from __future__ import annotations

# The newest revision of migrations/versions (a test checks it).
HEAD_REVISION = "0011"
