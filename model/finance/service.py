"""The finance forms' service: header block, goals, funds, indicators (items), score, copy, create."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import NotFoundError, ValidationError
from model.finance.layouts import (
    FINANCE_KINDS,
    KINDS,
    default_layout_for,
    finance_layout_names,
    load_finance_layout,
)
from model.finance.records import FinanceFormRecord, FinanceSheet, FundRecord, IndicatorRow
from model.finance.schema import FORM_TEXT_FIELDS, FinanceForm, FinanceFund
from model.framework.assessments import _valid_year as valid_year
from model.framework.rows import check_version, get_row, to_record
from model.framework.tree import dimension_order
from model.schema import Assessment, CheckItem, Dimension
from model.scoring.form import FormInput, FormScore, score_form
from model.scoring.rules import IndicatorInput
from model.scoring.target_text import number_too_large, too_large_message
from model.storage.db import Database
from model.vocabulary import COMPLETED, NOT_APPLICABLE, NOT_STARTED, finance_form_title

FUND_AMOUNTS = ("budget_initial", "budget_adjusted", "spent")
MAX_AMOUNT = 1e12
ASSESSMENT_KEYS = ("unit_name", "year", "period", "title", "report_title", "kind")


@dataclass(frozen=True)
class FormView:
    form: FinanceFormRecord
    indicators: list[IndicatorRow]
    funds: list[FundRecord]
    score: FormScore


class FinanceService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def kind(self, assessment_id: int) -> str:
        with self.db.transaction() as session:
            return get_row(session, Assessment, assessment_id).kind

    def form(self, assessment_id: int) -> FinanceFormRecord | None:
        with self.db.transaction() as session:
            row = _form_row(session, assessment_id)
            return to_record(row, FinanceFormRecord) if row else None

    def make_form(self, assessment_id: int, kind: str, layout: str = "") -> FinanceFormRecord:
        """Turn an assessment into a project/department form with the layout's funds rows."""
        layout = layout or default_layout_for(kind)
        _check_kind_layout(kind, layout)
        with self.db.transaction() as session:
            assessment = get_row(session, Assessment, assessment_id)
            assessment.kind = kind
            row = _form_row(session, assessment_id)
            if row is None:
                row = FinanceForm(assessment_id=assessment_id, layout=layout)
                session.add(row)
                _add_funds(session, assessment_id, [{"label": label} for label in
                                                    load_finance_layout(layout).fund_rows])
            row.layout = layout
            session.flush()
            return to_record(row, FinanceFormRecord)

    def update_form(self, assessment_id: int, expected_version: int | None = None,
                    **changes: Any) -> FinanceFormRecord:
        clean = _form_values(changes)
        with self.db.transaction() as session:
            row = _form_row(session, assessment_id)
            if row is None:
                raise NotFoundError(f"自评（编号 {assessment_id}）不是项目支出/部门整体绩效自评表。")
            check_version(row, expected_version)
            for key, value in clean.items():
                setattr(row, key, value)
            session.flush()
            return to_record(row, FinanceFormRecord)

    def funds(self, assessment_id: int) -> list[FundRecord]:
        with self.db.transaction() as session:
            return [to_record(row, FundRecord) for row in _fund_rows(session, assessment_id)]

    def update_fund(self, fund_id: int, expected_version: int | None = None,
                    **changes: Any) -> FundRecord:
        clean = _fund_values(changes)
        with self.db.transaction() as session:
            row = get_row(session, FinanceFund, fund_id)
            check_version(row, expected_version)
            for key, value in clean.items():
                setattr(row, key, value)
            session.flush()
            return to_record(row, FundRecord)

    def indicators(self, assessment_id: int) -> list[IndicatorRow]:
        with self.db.transaction() as session:
            return _indicator_rows(session, assessment_id)

    def score(self, assessment_id: int) -> FormScore:
        """The whole form scored by its layout's rules."""
        with self.db.transaction() as session:
            return _view(session, assessment_id).score

    def view(self, assessment_id: int) -> FormView:
        """What the form shows (its texts, indicators, funds and score), read once in one
        transaction: what a window reads after each edit."""
        with self.db.transaction() as session:
            return _view(session, assessment_id)

    def create_blank(self, unit_name: str, year: int, layout: str, project_name: str = "") -> int:
        """A new form of the layout: its funds rows, and one empty 三级指标 under each 二级指标
        (the clerk fills names, targets and points; the checks say what is still missing)."""
        data = load_finance_layout(layout)
        return self.create({
            "assessment": {"unit_name": unit_name, "year": year, "kind": data.kind,
                           "title": finance_form_title(project_name or unit_name, year, data.kind)},
            "form": {"layout": layout, "project_name": project_name, "competent_dept": unit_name},
            "funds": [{"label": label} for label in data.fund_rows],
            "indicators": [{"level1": level1, "level2": level2, "name": ""}
                           for level1, level2s in data.indicator_groups for level2 in level2s]})

    def sheet(self, assessment_id: int) -> FinanceSheet:
        """The form's table for an exporter: header, funds, scored indicators."""
        score = self.score(assessment_id)  # refuses what is not a finance form
        with self.db.transaction() as session:
            assessment = get_row(session, Assessment, assessment_id)
            form_row = _form_row(session, assessment_id)
            if form_row is None:  # taken away since score() read it (another window)
                raise NotFoundError(f"自评（编号 {assessment_id}）不是项目支出/部门整体绩效自评表。")
            form = to_record(form_row, FinanceFormRecord)
            funds = tuple(to_record(row, FundRecord) for row in _fund_rows(session, assessment_id))
            return FinanceSheet(assessment.unit_name, assessment.year, assessment.kind, form,
                                funds, score)

    def form_sheet(self, assessment_id: int) -> FinanceSheet | None:
        """The scored form of a 项目支出/部门整体 assessment (what export-docx attaches); None
        for any other kind."""
        return self.sheet(assessment_id) if self.kind(assessment_id) in FINANCE_KINDS else None

    def create(self, data: dict[str, Any]) -> int:
        """A new finance assessment from plain data, all or nothing: {"assessment": {unit_name,
        year, title, kind}, "form": {layout, texts…}, "funds": [{label, amounts…}], "indicators":
        [{level1, level2, name, target, actual, points, score, reason, applicable}]}."""
        values = {k: v for k, v in data["assessment"].items() if k in ASSESSMENT_KEYS}
        values["year"] = valid_year(values.get("year"))
        form_values = _form_values({k: v for k, v in data.get("form", {}).items() if k != "layout"})
        kind = values.get("kind", "项目支出")
        layout = data.get("form", {}).get("layout") or default_layout_for(kind)
        _check_kind_layout(kind, layout)
        with self.db.transaction() as session:
            assessment = Assessment(**values, uses_scores=True)
            session.add(assessment)
            session.flush()
            session.add(FinanceForm(assessment_id=assessment.id, layout=layout, **form_values))
            _add_funds(session, assessment.id, data.get("funds", []))
            _add_indicators(session, assessment.id, data.get("indicators", []))
            session.flush()
            return assessment.id


def _check_kind_layout(kind: str, layout: str) -> None:
    if kind not in FINANCE_KINDS:
        raise ValidationError(f"类型“{kind}”不是绩效自评表（可选：{'、'.join(FINANCE_KINDS)}）。")
    if layout not in finance_layout_names():
        raise ValidationError(f"未知的绩效自评表样“{layout}”。")
    if load_finance_layout(layout).kind != kind:
        raise ValidationError(f"表样“{layout}”不适用于{kind}绩效自评表。")


def _form_row(session: Session, assessment_id: int) -> FinanceForm | None:
    return session.scalar(select(FinanceForm).where(FinanceForm.assessment_id == assessment_id))


def _fund_rows(session: Session, assessment_id: int) -> list[FinanceFund]:
    return list(session.scalars(select(FinanceFund).where(FinanceFund.assessment_id == assessment_id)
                                .order_by(FinanceFund.position, FinanceFund.id)))


def _form_values(changes: dict[str, Any]) -> dict[str, str]:
    unknown = set(changes) - set(FORM_TEXT_FIELDS)
    if unknown:
        raise ValidationError(f"绩效自评表没有这些栏目：{', '.join(sorted(unknown))}")
    return {key: str(value or "").strip() for key, value in changes.items()}


def _fund_values(changes: dict[str, Any]) -> dict[str, Any]:
    unknown = set(changes) - {"label", *FUND_AMOUNTS}
    if unknown:
        raise ValidationError(f"资金行没有这些栏目：{', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for key, value in changes.items():
        clean[key] = str(value or "").strip() if key == "label" else _amount(value)
    return clean


def _amount(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"金额“{value}”必须是数字（万元）。") from exc
    if not math.isfinite(number) or abs(number) > MAX_AMOUNT:
        raise ValidationError(f"金额“{value}”不合理。")
    return number


def _add_funds(session: Session, assessment_id: int, rows: list[dict[str, Any]]) -> None:
    for position, row in enumerate(rows):
        values = _fund_values(row)
        session.add(FinanceFund(assessment_id=assessment_id, position=position, **values))


def _add_indicators(session: Session, assessment_id: int, rows: list[dict[str, Any]]) -> None:
    dims: dict[tuple[int | None, str], Dimension] = {}

    def dimension(parent: Dimension | None, name: str) -> Dimension:
        key = (parent.id if parent else None, name)
        if key not in dims:
            position = sum(1 for p, _ in dims if p == key[0])
            dims[key] = Dimension(assessment_id=assessment_id, parent_id=key[0],
                                  position=position, name=name)
            session.add(dims[key])
            session.flush()
        return dims[key]

    positions: dict[int, int] = {}
    for row in rows:
        level1 = dimension(None, str(row.get("level1") or "").strip() or "未分类指标")
        level2 = str(row.get("level2") or "").strip()
        parent = dimension(level1, level2) if level2 else level1
        actual = str(row.get("actual") or "").strip()
        applicable = row.get("applicable", True) and actual != NOT_APPLICABLE
        actual = actual if applicable else ""
        for label, text in (("年度指标值", str(row.get("target") or "")), ("实际完成值", actual)):
            if number_too_large(text):
                raise ValidationError(f"指标“{row.get('name') or ''}”的{too_large_message(label, text)}")
        status = NOT_APPLICABLE if not applicable else (COMPLETED if actual else NOT_STARTED)
        session.add(CheckItem(
            assessment_id=assessment_id, dimension_id=parent.id,
            position=positions.setdefault(parent.id, 0), content=str(row.get("name") or "").strip(),
            indicator_target=str(row.get("target") or "").strip(), indicator_actual=actual,
            score_max=_amount(row.get("points")), score=_amount(row.get("score")),
            deviation_reason=str(row.get("reason") or "").strip(), status=status))
        positions[parent.id] += 1


def _view(session: Session, assessment_id: int) -> FormView:
    assessment = get_row(session, Assessment, assessment_id)
    form = _form_row(session, assessment_id)
    if assessment.kind not in FINANCE_KINDS or form is None:
        raise ValidationError(f"自评（编号 {assessment_id}）不是项目支出/部门整体绩效自评表，"
                              "无法计分。")
    layout = load_finance_layout(form.layout)
    funds = _fund_rows(session, assessment_id)
    indicators = _indicator_rows(session, assessment_id)
    total = funds[0] if funds else None
    data = FormInput(
        kind=assessment.kind,
        indicators=tuple(row.indicator for row in indicators),
        budget_initial=total.budget_initial if total else None,
        budget_adjusted=total.budget_adjusted if total else None,
        spent=total.spent if total else None,
        execution_reason=form.execution_reason,
        texts=tuple((name, getattr(form, name)) for name in FORM_TEXT_FIELDS))
    return FormView(to_record(form, FinanceFormRecord), indicators,
                    [to_record(row, FundRecord) for row in funds], score_form(data, layout.rules))


def _indicator_rows(session: Session, assessment_id: int) -> list[IndicatorRow]:
    dims = list(session.scalars(select(Dimension).where(Dimension.assessment_id == assessment_id)))
    by_id = {d.id: d for d in dims}
    items = session.scalars(select(CheckItem).where(CheckItem.assessment_id == assessment_id)
                            .order_by(CheckItem.position, CheckItem.id)).all()
    by_dim: dict[int, list[CheckItem]] = {}
    for item in items:
        by_dim.setdefault(item.dimension_id, []).append(item)
    rows: list[IndicatorRow] = []
    for dim, _level in dimension_order(dims):
        chain = [dim]
        while chain[-1].parent_id is not None:
            chain.append(by_id[chain[-1].parent_id])
        chain.reverse()  # 一级指标, 二级指标 (a third level of dimensions still reads as 二级)
        level2 = chain[1].name if len(chain) > 1 else ""
        for item in by_dim.get(dim.id, []):
            rows.append(IndicatorRow(item.id, dim.id, IndicatorInput(
                level1=chain[0].name, level2=level2, name=item.content,
                target=item.indicator_target, actual=item.indicator_actual,
                points=item.score_max, score=item.score, reason=item.deviation_reason,
                applicable=item.status != NOT_APPLICABLE)))
    return rows


__all__ = ["KINDS", "FinanceService"]
