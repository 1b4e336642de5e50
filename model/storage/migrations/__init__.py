"""Alembic migrations of the assessment database, run when a database is opened."""
