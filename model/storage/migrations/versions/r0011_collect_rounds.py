"""Collect, second round: each handed-out row remembers what its department last returned (so
that a re-sent workbook applies only what changed since, and a conflict once resolved is not
asked again) and whether the row was added from a returned workbook; each return names the rows
its workbook no longer held.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handout_item") as batch:
        batch.add_column(sa.Column("returned", sa.Text(), nullable=True))
        batch.add_column(sa.Column("added_row", sa.Integer(), nullable=True))
    with op.batch_alter_table("handout_return") as batch:
        batch.add_column(sa.Column("missing", sa.Text(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("handout_return") as batch:
        batch.drop_column("missing")
    with op.batch_alter_table("handout_item") as batch:
        batch.drop_column("added_row")
        batch.drop_column("returned")
