"""The finance forms (项目支出 / 部门整体支出绩效自评表): an assessment's kind, the form's header
block, goals and closing texts, and its funds rows. Indicators are the assessment's items.

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None

TEXTS = ("goal_expected", "goal_actual", "execution_reason", "conclusion", "problems",
         "improvements")


def _versioned() -> list[sa.Column]:
    return [sa.Column("version", sa.Integer(), nullable=False),
            sa.Column("updated_at", sa.DateTime(), nullable=False)]


def upgrade() -> None:
    with op.batch_alter_table("assessment") as batch:
        batch.add_column(sa.Column("kind", sa.String(10), nullable=False, server_default="自查"))
    op.create_table(
        "finance_form",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("layout", sa.String(40), nullable=False),
        sa.Column("project_name", sa.String(300), nullable=False),
        sa.Column("competent_dept", sa.String(200), nullable=False),
        sa.Column("implementer", sa.String(200), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in TEXTS),
        sa.Column("project_leader", sa.String(100), nullable=False),
        sa.Column("finance_leader", sa.String(100), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name=op.f("fk_finance_form_assessment_id_assessment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_form")),
        sa.UniqueConstraint("assessment_id", name=op.f("uq_finance_form_assessment_id")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "finance_fund",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(100), nullable=False),
        sa.Column("budget_initial", sa.Float(), nullable=True),
        sa.Column("budget_adjusted", sa.Float(), nullable=True),
        sa.Column("spent", sa.Float(), nullable=True),
        *_versioned(),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name=op.f("fk_finance_fund_assessment_id_assessment")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finance_fund")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_finance_fund_assessment_id"), "finance_fund", ["assessment_id"])


def downgrade() -> None:
    op.drop_table("finance_fund")
    op.drop_table("finance_form")
    with op.batch_alter_table("assessment") as batch:
        batch.drop_column("kind")
