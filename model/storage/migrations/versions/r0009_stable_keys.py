"""Stable keys for hand-out and collect: every assessment, dimension and item gets a globally unique
uid (backfilled for existing rows), and two tables record what was handed out and what came back.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEYED_TABLES = ("assessment", "dimension", "check_item")
# 32 hex digits from the database's own random source, evaluated per row (the shape of uuid4().hex).
NEW_UID_SQL = {"sqlite": "lower(hex(randomblob(16)))",
               "postgresql": "replace(gen_random_uuid()::text, '-', '')"}


def upgrade() -> None:
    for table in KEYED_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("uid", sa.String(32), nullable=False, server_default=""))
        new_uid = NEW_UID_SQL[op.get_bind().dialect.name]
        op.execute(f"UPDATE {table} SET uid = {new_uid} WHERE uid = ''")
        op.create_index(f"ix_{table}_uid", table, ["uid"], unique=True)
    op.create_table(
        "handout",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("deadline", sa.String(40), nullable=False, server_default=""),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("handed_out_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name="fk_handout_assessment_id_assessment"),
        sa.PrimaryKeyConstraint("id", name="pk_handout"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_handout_assessment_id", "handout", ["assessment_id"])
    op.create_table(
        "handout_return",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("file_name", sa.String(300), nullable=False),
        sa.Column("handed_out_at", sa.DateTime(), nullable=True),
        sa.Column("returned_at", sa.DateTime(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("new_rows", sa.Integer(), nullable=False),
        sa.Column("missing_rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name="fk_handout_return_assessment_id_assessment"),
        sa.PrimaryKeyConstraint("id", name="pk_handout_return"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_handout_return_assessment_id", "handout_return", ["assessment_id"])


def downgrade() -> None:
    op.drop_table("handout_return")
    op.drop_table("handout")
    for table in KEYED_TABLES:
        op.drop_index(f"ix_{table}_uid", table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("uid")
