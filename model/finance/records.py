"""Frozen records of the finance forms: the form's texts, its funds rows, an indicator row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from model.scoring.form import FormScore
from model.scoring.rules import IndicatorInput


@dataclass(frozen=True)
class FinanceFormRecord:
    id: int
    assessment_id: int
    layout: str
    project_name: str
    competent_dept: str
    implementer: str
    goal_expected: str
    goal_actual: str
    execution_reason: str
    conclusion: str
    problems: str
    improvements: str
    project_leader: str
    finance_leader: str
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class FundRecord:
    id: int
    assessment_id: int
    position: int
    label: str
    budget_initial: float | None
    budget_adjusted: float | None
    spent: float | None
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class IndicatorRow:
    """An indicator as stored: the item it is, and what the scoring engine reads."""

    item_id: int
    dimension_id: int
    indicator: IndicatorInput


@dataclass(frozen=True)
class FinanceSheet:
    """Everything one finance form's table shows: what exporters are handed."""

    unit_name: str
    year: int
    kind: str
    form: FinanceFormRecord
    funds: tuple[FundRecord, ...]
    score: FormScore
