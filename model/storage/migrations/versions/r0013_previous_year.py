"""Each assessment's last year: the assessment it was copied from, or the one the clerk chose.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assessment_previous",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Integer(), nullable=False),
        sa.Column("chosen", sa.Boolean(), nullable=False, server_default="0"),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name="fk_assessment_previous_assessment_id_assessment"),
        sa.ForeignKeyConstraint(["previous_id"], ["assessment.id"], ondelete="CASCADE",
                                name="fk_assessment_previous_previous_id_assessment"),
        sa.PrimaryKeyConstraint("assessment_id", name="pk_assessment_previous"),
    )
    op.create_index("ix_assessment_previous_previous_id", "assessment_previous", ["previous_id"])


def downgrade() -> None:
    op.drop_table("assessment_previous")
