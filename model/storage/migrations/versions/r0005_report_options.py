"""The summary's 落款 (署名, 成文日期) and export options on the assessment.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("signature", sa.String(200), ""),
    ("signature_date", sa.String(20), ""),
    ("show_signature", sa.Boolean(), "1"),
    ("show_date", sa.Boolean(), "1"),
    ("omit_unfinished", sa.Boolean(), "0"),
    ("demote_numbering", sa.Boolean(), "1"),
    ("page_numbers", sa.String(10), "单双页"),
    ("requires_evidence", sa.Boolean(), "0"),
)


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        for name, type_, default in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=False, server_default=default))


def downgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        for name, _type, _default in reversed(COLUMNS):
            batch.drop_column(name)
