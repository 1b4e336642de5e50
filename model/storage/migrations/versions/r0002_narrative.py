"""The report's narrative: sections per assessment and a report heading per dimension.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("dimension") as batch:
        batch.add_column(
            sa.Column("report_heading", sa.Text(), nullable=False, server_default="")
        )
    op.create_table(
        "narrative_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name=op.f("fk_narrative_section_assessment_id_assessment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_narrative_section")),
        sa.UniqueConstraint("assessment_id", "key", name="uq_narrative_section_assessment_key"),
        sqlite_autoincrement=True,
    )
    op.create_index(
        op.f("ix_narrative_section_assessment_id"), "narrative_section", ["assessment_id"]
    )


def downgrade() -> None:
    op.drop_table("narrative_section")
    with op.batch_alter_table("dimension") as batch:
        batch.drop_column("report_heading")
