"""Frozen records: the only things that leave model/ (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from model.field_records import DeclaredFieldsRecord, with_item_fields, with_report_options
from model.report.options import REPORT_OPTION_FIELDS
from model.vocabulary import ITEM_EDITABLE_FIELDS, ITEM_TEXT_FIELDS

__all__ = ["ITEM_EDITABLE_FIELDS", "ITEM_TEXT_FIELDS", "REPORT_OPTION_FIELDS"]  # declared there
# The summary's 落款 and export options: model.report.options declares them.
ASSESSMENT_EDITABLE_FIELDS = ("unit_name", "year", "period", "title", "report_title", "uses_scores",
                              *REPORT_OPTION_FIELDS)
DIMENSION_EDITABLE_FIELDS = ("name", "report_heading")
EVIDENCE_EDITABLE_FIELDS = ("title", "doc_no", "issued_on", "note", "classified")

# Narrative sections of the report that no item holds, in report order.
NARRATIVE_KEYS = ("overview", "problems", "plans")


@with_report_options
class AssessmentRecord(DeclaredFieldsRecord):
    """An assessment: these, then one attribute per report option (model.report.options)."""

    id: int
    unit_name: str
    year: int
    period: str
    title: str
    report_title: str
    uses_scores: bool
    version: int
    created_at: datetime
    updated_at: datetime
    kind: str = "自查"  # 自查 / 任务 / 项目支出 / 部门整体 (the finance forms: model/finance/service.py)


@dataclass(frozen=True)
class AssessmentSummary:
    id: int
    title: str
    unit: str
    year: int
    period: str
    dimensions: int
    items: int
    evidence: int


@dataclass(frozen=True)
class DimensionRecord:
    id: int
    assessment_id: int
    parent_id: int | None
    position: int
    name: str
    report_heading: str
    level: int
    version: int
    updated_at: datetime


@with_item_fields
class ItemRecord(DeclaredFieldsRecord):
    """A self-check item: these, then one attribute per item field (model.vocabulary)."""

    id: int
    assessment_id: int
    dimension_id: int
    position: int
    seq: int
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    item_id: int
    position: int
    title: str
    doc_no: str
    issued_on: str
    note: str
    classified: bool
    file_name: str | None
    file_size: int | None
    file_type: str | None
    file_sha256: str | None
    version: int
    updated_at: datetime

    @property
    def has_file(self) -> bool:
        return self.file_sha256 is not None


@dataclass(frozen=True)
class NarrativeRecord:
    id: int
    assessment_id: int
    key: str
    text: str
    version: int
    updated_at: datetime


# Snapshots: what a delete returns, so that an undo restores the rows exactly (same ids).
@dataclass(frozen=True)
class RowSnapshot:
    """One row's column values, as stored."""

    table: str
    values: tuple[tuple[str, object], ...]

    def as_dict(self) -> dict[str, Any]:  # column values of any type (ids, positions, text…)
        return dict(self.values)


@dataclass(frozen=True)
class DeletedRows:
    """Rows removed by one delete, parents before children, and the siblings it shifted."""

    rows: tuple[RowSnapshot, ...] = field(default_factory=tuple)
