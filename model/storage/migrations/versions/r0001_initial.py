"""The first schema: assessments, dimensions, check items, evidence.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("unit_name", sa.String(200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("report_title", sa.String(300), nullable=False),
        sa.Column("uses_scores", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        *_versioned(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "dimension",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(500), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name=op.f("fk_dimension_assessment_id_assessment")),
        sa.ForeignKeyConstraint(["parent_id"], ["dimension.id"], ondelete="CASCADE",
                                name=op.f("fk_dimension_parent_id_dimension")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dimension")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_dimension_assessment_id"), "dimension", ["assessment_id"])
    op.create_index(op.f("ix_dimension_parent_id"), "dimension", ["parent_id"])
    op.create_table(
        "check_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("dimension_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        *[sa.Column(name, sa.Text(), nullable=False) for name in ("content", "target", "result")],
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("department", sa.String(200), nullable=False),
        *[sa.Column(f"progress_q{q}", sa.Text(), nullable=False) for q in range(1, 5)],
        sa.Column("score_max", sa.Float(), nullable=True),
        sa.Column("score", sa.Float(), nullable=True),
        *[sa.Column(name, sa.Text(), nullable=False)
          for name in ("indicator_target", "indicator_actual", "deviation_reason")],
        *_versioned(),
        sa.CheckConstraint(
            "status IN ('未开始','推进中','已完成','超额完成','未完成','不适用')",
            name=op.f("ck_check_item_status"),
        ),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessment.id"], ondelete="CASCADE",
                                name=op.f("fk_check_item_assessment_id_assessment")),
        sa.ForeignKeyConstraint(["dimension_id"], ["dimension.id"], ondelete="CASCADE",
                                name=op.f("fk_check_item_dimension_id_dimension")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_check_item")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_check_item_assessment_id"), "check_item", ["assessment_id"])
    op.create_index(op.f("ix_check_item_dimension_id"), "check_item", ["dimension_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("doc_no", sa.String(200), nullable=False),
        sa.Column("issued_on", sa.String(10), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("classified", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(500), nullable=True),
        sa.Column("file_size", sa.Integer(), nullable=True),
        sa.Column("file_type", sa.String(200), nullable=True),
        sa.Column("file_sha256", sa.String(64), nullable=True),
        *_versioned(),
        sa.CheckConstraint("NOT (classified AND file_sha256 IS NOT NULL)",
                           name=op.f("ck_evidence_classified_no_file")),
        sa.ForeignKeyConstraint(["item_id"], ["check_item.id"], ondelete="CASCADE",
                                name=op.f("fk_evidence_item_id_check_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evidence")),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_evidence_item_id"), "evidence", ["item_id"])
    op.create_index(op.f("ix_evidence_file_sha256"), "evidence", ["file_sha256"])


def downgrade() -> None:
    op.drop_table("evidence")
    op.drop_table("check_item")
    op.drop_table("dimension")
    op.drop_table("assessment")
