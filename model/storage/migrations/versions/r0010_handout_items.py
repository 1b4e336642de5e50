"""The items of each hand-out workbook with the values handed out, so that a returned workbook
whose hidden 分发信息 sheet was deleted still merges against the true base (and its deleted rows
are reported).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handout_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("handout_id", sa.Integer(), nullable=False),
        sa.Column("item_uid", sa.String(32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False, server_default=""),
        sa.Column("base", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["handout_id"], ["handout.id"], ondelete="CASCADE",
                                name="fk_handout_item_handout_id_handout"),
        sa.PrimaryKeyConstraint("id", name="pk_handout_item"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_handout_item_handout_id", "handout_item", ["handout_id"])
    op.create_index("ix_handout_item_item_uid", "handout_item", ["item_uid"])


def downgrade() -> None:
    op.drop_table("handout_item")
