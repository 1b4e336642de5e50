"""Tables of the finance forms (项目支出 / 部门整体): the header block, goals, closing texts, funds."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from model.schema import Base, Versioned

# The form's own texts, in the order an editor shows them (indicators are the assessment's items).
FORM_TEXT_FIELDS = ("project_name", "competent_dept", "implementer", "goal_expected", "goal_actual",
                    "execution_reason", "conclusion", "problems", "improvements",
                    "project_leader", "finance_leader")


class FinanceForm(Versioned, Base):
    __tablename__ = "finance_form"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    layout: Mapped[str] = mapped_column(String(40), nullable=False, default="project")
    project_name: Mapped[str] = mapped_column(String(300), nullable=False, default="")
    competent_dept: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    implementer: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    goal_expected: Mapped[str] = mapped_column(Text, nullable=False, default="")
    goal_actual: Mapped[str] = mapped_column(Text, nullable=False, default="")
    execution_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    conclusion: Mapped[str] = mapped_column(Text, nullable=False, default="")
    problems: Mapped[str] = mapped_column(Text, nullable=False, default="")
    improvements: Mapped[str] = mapped_column(Text, nullable=False, default="")
    project_leader: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    finance_leader: Mapped[str] = mapped_column(String(100), nullable=False, default="")


class FinanceFund(Versioned, Base):
    __tablename__ = "finance_fund"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("assessment.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    label: Mapped[str] = mapped_column(String(100), nullable=False)
    budget_initial: Mapped[float | None] = mapped_column(Float, nullable=True)
    budget_adjusted: Mapped[float | None] = mapped_column(Float, nullable=True)
    spent: Mapped[float | None] = mapped_column(Float, nullable=True)
