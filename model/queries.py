"""Read-only queries in SQLAlchemy Core: plain rows, never ORM objects, and without importing the
ORM at all. The report (model.report) and the CLI's reads use these: loading 10,000 ORM objects
costs half a second and importing the ORM with the schema a tenth; the records are the same as
the services' (tests compare them).

The tables are named here by lightweight clauses (model.schema declares them; a test checks
that every column named here is declared there with the same type)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import (
    Boolean,
    Connection,
    DateTime,
    Float,
    Integer,
    String,
    Text,
    column,
    func,
    select,
    table,
)

from model.errors import NotFoundError
from model.records import (
    AssessmentRecord,
    AssessmentSummary,
    DimensionRecord,
    EvidenceRecord,
    NarrativeRecord,
)
from model.tree import dimension_order


def _versioned(name: str, *columns: Any) -> Any:
    return table(name, column("id", Integer), *columns, column("version", Integer),
                 column("updated_at", DateTime))


ASSESSMENT = _versioned(
    "assessment", column("unit_name", String), column("year", Integer), column("period", String),
    column("title", String), column("report_title", String), column("uses_scores", Boolean),
    column("kind", String), column("created_at", DateTime), column("signature", String),
    column("signature_date", String), column("show_signature", Boolean),
    column("show_date", Boolean), column("omit_unfinished", Boolean),
    column("demote_numbering", Boolean), column("page_numbers", String),
    column("requires_evidence", Boolean))
DIMENSION = _versioned(
    "dimension", column("assessment_id", Integer), column("parent_id", Integer),
    column("position", Integer), column("name", String), column("report_heading", Text))
CHECK_ITEM = _versioned(
    "check_item", column("assessment_id", Integer), column("dimension_id", Integer),
    column("position", Integer), column("content", Text), column("target", Text),
    column("result", Text), column("status", String), column("department", String),
    column("progress_q1", Text), column("progress_q2", Text), column("progress_q3", Text),
    column("progress_q4", Text), column("score_max", Float), column("score", Float),
    column("indicator_target", Text), column("indicator_actual", Text),
    column("deviation_reason", Text), column("owner", String), column("deadline", String),
    column("note", Text), column("extras", Text))
EVIDENCE = _versioned(
    "evidence", column("item_id", Integer), column("position", Integer), column("title", String),
    column("doc_no", String), column("issued_on", String), column("note", Text),
    column("classified", Boolean), column("file_name", String), column("file_size", Integer),
    column("file_type", String), column("file_sha256", String))
NARRATIVE = _versioned(
    "narrative_section", column("assessment_id", Integer), column("key", String),
    column("text", Text))
TABLES = (ASSESSMENT, DIMENSION, CHECK_ITEM, EVIDENCE, NARRATIVE)


def extras_of(value: str | None) -> tuple[tuple[str, str], ...]:
    """An item's extra fields as stored (a JSON object) → (name, text) pairs, as ExtrasText."""
    if not value or value == "{}":  # most items have none
        return ()
    return tuple((str(k), str(v)) for k, v in json.loads(value).items())


def assessment_summaries(connection: Connection) -> list[AssessmentSummary]:
    """AssessmentService.list: every assessment with its counts, newest year first."""
    def counts(query: Any) -> dict[int, int]:
        return dict(connection.execute(query).all())  # type: ignore[arg-type]

    dims = counts(select(DIMENSION.c.assessment_id, func.count())
                  .group_by(DIMENSION.c.assessment_id))
    items = counts(select(CHECK_ITEM.c.assessment_id, func.count())
                   .group_by(CHECK_ITEM.c.assessment_id))
    evidence = counts(select(CHECK_ITEM.c.assessment_id, func.count(EVIDENCE.c.id))
                      .join(EVIDENCE, EVIDENCE.c.item_id == CHECK_ITEM.c.id)
                      .group_by(CHECK_ITEM.c.assessment_id))
    a = ASSESSMENT.c
    rows = connection.execute(select(a.id, a.title, a.unit_name, a.year, a.period)
                              .order_by(a.year.desc(), a.id))
    return [AssessmentSummary(
        id=row.id, title=row.title or f"{row.unit_name}{row.year}年度自查", unit=row.unit_name,
        year=row.year, period=row.period, dimensions=dims.get(row.id, 0),
        items=items.get(row.id, 0), evidence=evidence.get(row.id, 0)) for row in rows]


def assessment_record(connection: Connection, assessment_id: int) -> AssessmentRecord:
    row = connection.execute(select(*_columns(ASSESSMENT, AssessmentRecord))
                             .where(ASSESSMENT.c.id == assessment_id)).first()
    if row is None:
        raise NotFoundError(f"自评（编号 {assessment_id}）不存在，可能已被删除。")
    return AssessmentRecord(**row._asdict())


def dimension_records(connection: Connection, assessment_id: int) -> list[DimensionRecord]:
    """DimensionService.list: the dimensions in table order, each with its level."""
    query = select(*_columns(DIMENSION, DimensionRecord)).where(
        DIMENSION.c.assessment_id == assessment_id)
    return [DimensionRecord(**row._asdict(), level=level)
            for row, level in dimension_order(connection.execute(query).all())]


REPORT_ITEM_COLUMNS = ("id", "dimension_id", "position", "content", "target", "result", "status",
                       "department", "progress_q1", "progress_q2", "progress_q3", "progress_q4",
                       "score_max", "score", "owner", "deadline", "note", "extras",
                       "deviation_reason")


def report_item_rows(connection: Connection, assessment_id: int,
                     dimensions: list[DimensionRecord]) -> list[Any]:
    """The report's columns of every item (extras still JSON) in table order: the dimensions'
    table order (as given), then position. An item's 序号 is its place in this list, from 1."""
    rank = {d.id: index for index, d in enumerate(dimensions)}
    query = select(*(CHECK_ITEM.c[name] for name in REPORT_ITEM_COLUMNS)).where(
        CHECK_ITEM.c.assessment_id == assessment_id)
    rows = connection.execute(query).all()
    return sorted(rows, key=lambda i: (rank.get(i.dimension_id, len(rank)), i.position, i.id))


def evidence_by_item(connection: Connection,
                     assessment_id: int) -> dict[int, tuple[EvidenceRecord, ...]]:
    """EvidenceService.list of every item of an assessment, in one query."""
    query = (select(*_columns(EVIDENCE, EvidenceRecord))
             .join(CHECK_ITEM, CHECK_ITEM.c.id == EVIDENCE.c.item_id)
             .where(CHECK_ITEM.c.assessment_id == assessment_id)
             .order_by(EVIDENCE.c.item_id, EVIDENCE.c.position, EVIDENCE.c.id))
    found: dict[int, list[EvidenceRecord]] = {}
    for row in connection.execute(query):
        found.setdefault(row.item_id, []).append(EvidenceRecord(**row._asdict()))
    return {item_id: tuple(records) for item_id, records in found.items()}


def narrative_sections(connection: Connection, assessment_id: int) -> dict[str, NarrativeRecord]:
    """NarrativeService.sections: the stored sections by key."""
    query = select(*_columns(NARRATIVE, NarrativeRecord)).where(
        NARRATIVE.c.assessment_id == assessment_id)
    return {row.key: NarrativeRecord(**row._asdict()) for row in connection.execute(query)}


def _columns(clause: Any, record_type: Any) -> list[Any]:
    names = [name for name in record_type.__dataclass_fields__ if name in clause.c]
    return [clause.c[name] for name in names]
