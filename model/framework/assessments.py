"""Assessments (自评): create, edit, list with counts, delete, and copy into a new year."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.errors import ValidationError
from model.finance.copying import copy_finance
from model.framework.rows import check_unchanged, check_version, get_row, to_record
from model.framework.tree import dimension_order
from model.records import ASSESSMENT_EDITABLE_FIELDS, AssessmentRecord, AssessmentSummary
from model.report.options import (
    CARRIED_OPTIONS,  # what a new year keeps
    validated_options,
)
from model.report.queries import assessment_summaries
from model.schema import Assessment, CheckItem, Dimension
from model.storage.db import Database
from model.vocabulary import ANNUAL, NOT_STARTED, RESULT_NUMBER_FIELDS, RESULT_TEXT_FIELDS, titled
from model.year_compare.previous import record_copy

# Fields that hold a year's results: cleared when the structure is copied into a new year.
RESULT_FIELDS = RESULT_TEXT_FIELDS


class AssessmentService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def list(self) -> list[AssessmentSummary]:
        """Every assessment with its counts, from SQL aggregates (plain rows, no objects)."""
        with self.db.read() as connection:
            return assessment_summaries(connection)

    def get(self, assessment_id: int) -> AssessmentRecord:
        with self.db.transaction() as session:
            return to_record(get_row(session, Assessment, assessment_id), AssessmentRecord)

    def create(self, unit_name: str, year: int, *, period: str = ANNUAL, title: str = "",
               report_title: str = "", uses_scores: bool = False) -> AssessmentRecord:
        values = _validated(dict(unit_name=unit_name, year=year, period=period, title=title,
                                 report_title=report_title, uses_scores=uses_scores))
        with self.db.transaction() as session:
            row = Assessment(**values)
            session.add(row)
            session.flush()
            return to_record(row, AssessmentRecord)

    def update(self, assessment_id: int, expected_version: int | None = None, *,
               unchanged: Mapping[str, Any] | None = None, **changes: Any) -> AssessmentRecord:
        changes = _validated(changes)
        expected = _validated(dict(unchanged)) if unchanged else None
        with self.db.transaction() as session:
            row = get_row(session, Assessment, assessment_id)
            check_version(row, expected_version)
            check_unchanged(row, expected)
            for key, value in changes.items():
                setattr(row, key, value)
            session.flush()
            return to_record(row, AssessmentRecord)

    def delete(self, assessment_id: int) -> None:
        with self.db.transaction() as session:
            session.delete(get_row(session, Assessment, assessment_id))

    def copy_to_year(self, assessment_id: int, year: int, *, title: str = "") -> AssessmentRecord:
        """A new assessment with the same framework and items, results and evidence cleared."""
        with self.db.transaction() as session:
            source = get_row(session, Assessment, assessment_id)
            copy = Assessment(unit_name=source.unit_name, year=_valid_year(year),
                              period=source.period, uses_scores=source.uses_scores,
                              kind=source.kind,
                              title=title or _retitle(source.title, source.year, year),
                              report_title=_retitle(source.report_title, source.year, year),
                              **{key: getattr(source, key) for key in CARRIED_OPTIONS})
            session.add(copy)
            session.flush()
            _copy_framework(session, source.id, copy.id)
            copy_finance(session, source.id, copy.id)
            record_copy(session, copy.id, source.id)
            return to_record(copy, AssessmentRecord)


def display_title(row: Assessment) -> str:
    return titled(row.title, "assessment", row.unit_name, row.year)


def _retitle(text: str, old_year: int, new_year: int) -> str:
    return text.replace(str(old_year), str(new_year)) if text else ""


def _valid_year(year: Any) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError) as exc:
        raise ValidationError(f"年度“{year}”必须是数字。") from exc
    if not 1949 <= value <= 2200:
        raise ValidationError(f"年度“{year}”不合理。")
    return value


def validated_assessment(values: dict[str, Any]) -> dict[str, Any]:
    """An assessment's values as the services store them; ValidationError names what is wrong."""
    return _validated(values)


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(ASSESSMENT_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"自评没有这些字段：{', '.join(sorted(unknown))}")
    clean = dict(values)
    if "year" in clean:
        clean["year"] = _valid_year(clean["year"])
    for key in ("unit_name", "period", "title", "report_title"):
        if key in clean:
            clean[key] = (clean[key] or "").strip()
    if "period" in clean and not clean["period"]:
        clean["period"] = ANNUAL
    return validated_options(clean)


def _copy_framework(session: Session, source_id: int, target_id: int) -> None:
    dims = session.scalars(select(Dimension).where(Dimension.assessment_id == source_id))
    new_ids: dict[int, int] = {}
    for dim, _level in dimension_order(list(dims)):  # parents before children
        copy = Dimension(assessment_id=target_id, position=dim.position, name=dim.name,
                         parent_id=new_ids.get(dim.parent_id) if dim.parent_id else None,
                         report_heading=dim.report_heading)
        session.add(copy)
        session.flush()
        new_ids[dim.id] = copy.id
    items = session.scalars(select(CheckItem).where(CheckItem.assessment_id == source_id))
    for item in items:
        values = {c.key: getattr(item, c.key) for c in CheckItem.__table__.columns
                  if c.key not in ("id", "uid", "version", "updated_at", "assessment_id",
                                     "dimension_id")}
        values.update({key: "" for key in RESULT_FIELDS}, status=NOT_STARTED)
        values.update({key: None for key in RESULT_NUMBER_FIELDS})
        session.add(CheckItem(assessment_id=target_id, dimension_id=new_ids[item.dimension_id],
                              **values))
