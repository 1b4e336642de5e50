"""The finance form's per-field checked writes: a text, a fund amount or an indicator cell is set
only while it still holds the value the writer last saw; otherwise FieldConflictError says whose
value is there now (mine / theirs), and nothing is written."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from model.errors import FieldChangedError, NotFoundError
from model.finance.records import FinanceFormRecord, FundRecord
from model.finance.schema import FinanceFund
from model.finance.service import FUND_AMOUNTS, _form_row, _form_values, _fund_values
from model.framework.items import validated_item
from model.framework.rows import get_row, same_value, to_record
from model.records import ItemRecord
from model.schema import CheckItem
from model.storage.db import Database

# What a clerk calls each field (the layouts may word the form's own labels a little differently).
FIELD_LABELS = {
    "project_name": "项目名称", "competent_dept": "主管部门", "implementer": "实施单位",
    "goal_expected": "年度目标", "goal_actual": "实际完成情况", "execution_reason": "执行率偏低原因",
    "conclusion": "评价结论", "problems": "存在问题", "improvements": "改进措施",
    "project_leader": "项目负责人", "finance_leader": "财务负责人", "label": "资金名称",
    "budget_initial": "年初预算数", "budget_adjusted": "全年预算数", "spent": "全年执行数",
    "content": "三级指标", "indicator_target": "年度指标值", "indicator_actual": "实际完成值",
    "score_max": "分值", "score": "得分", "deviation_reason": "偏差原因分析及改进措施",
    "status": "状态",
}
INDICATOR_FIELDS = ("content", "indicator_target", "indicator_actual", "score_max", "score",
                    "deviation_reason", "status")


class FieldConflictError(FieldChangedError):
    """The field no longer holds what the writer saw: someone else changed it meanwhile."""

    def __init__(self, message: str, *, table: str, row_id: int, field: str, expected: Any,
                 current: Any) -> None:
        super().__init__(message, table=table, row_id=row_id, field=field, expected=expected,
                         current=current)
        self.label = FIELD_LABELS.get(field, field)


class FinanceFields:
    """Checked single-field writes of one database's finance forms (one transaction each; the
    row's version still guards the write against a change between the check and the write)."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def set_form_text(self, assessment_id: int, field: str, value: Any,
                      expected: Any) -> FinanceFormRecord:
        clean = _form_values({field: value})[field]
        with self.db.transaction() as session:
            row = _form_row(session, assessment_id)
            if row is None:
                raise NotFoundError(f"自评（编号 {assessment_id}）不是项目支出/部门整体绩效自评表。",
                                    table="finance_form", row_id=assessment_id)
            _check(row, "finance_form", field, _form_values({field: expected})[field])
            setattr(row, field, clean)
            session.flush()
            return to_record(row, FinanceFormRecord)

    def set_fund(self, fund_id: int, field: str, value: Any, expected: Any) -> FundRecord:
        clean = _fund_values({field: value})[field]
        with self.db.transaction() as session:
            row = get_row(session, FinanceFund, fund_id)
            _check(row, "finance_fund", field, _fund_values({field: expected})[field])
            setattr(row, field, clean)
            session.flush()
            return to_record(row, FundRecord)

    def set_indicator(self, item_id: int, field: str, value: Any, expected: Any) -> ItemRecord:
        if field not in INDICATOR_FIELDS:
            raise NotFoundError(f"绩效指标没有栏目“{field}”。")
        clean = validated_item({field: value})[field]
        with self.db.transaction() as session:
            row = get_row(session, CheckItem, item_id)
            _check(row, "check_item", field, validated_item({field: expected})[field])
            setattr(row, field, clean)
            session.flush()
            return _indicator_record(session, row)


def _check(row: Any, table: str, field: str, expected: Any) -> None:
    current = getattr(row, field)
    if not same_value(current, expected):
        label = FIELD_LABELS.get(field, field)
        raise FieldConflictError(
            f"“{label}”已被其他窗口或程序修改（现为“{_shown(current)}”），"
            "本次修改未保存，以免覆盖对方的内容。",
            table=table, row_id=row.id, field=field, expected=expected, current=current)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    text = str(value)
    return text if len(text) <= 40 else text[:40] + "…"


def _indicator_record(session: Session, row: CheckItem) -> ItemRecord:
    from model.framework.items import _record_with_seq

    return _record_with_seq(session, row)


__all__ = ["FUND_AMOUNTS", "FieldConflictError", "FinanceFields", "same_value"]
