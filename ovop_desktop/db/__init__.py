"""SQLAlchemy models, engine, Alembic migrations and backups."""
