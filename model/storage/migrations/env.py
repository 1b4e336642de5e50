"""Alembic environment: always runs on a connection handed over by model.storage.migrate."""

from __future__ import annotations

from alembic import context

from model.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things: batch mode recreates the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
