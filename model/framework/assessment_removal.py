"""Deleting a whole assessment and taking it back: every row that belongs to it (dimensions,
items, evidence, finance form, hand-outs …) kept, so an undo restores it as it was."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Table, func, or_, select
from sqlalchemy.orm import Session

from model.framework.rows import get_row, insert_snapshots
from model.records import DeletedRows, RowSnapshot
from model.schema import Assessment, Base, CheckItem, Dimension, Evidence
from model.storage.db import Database
from model.vocabulary import titled


@dataclass(frozen=True)
class AssessmentSize:
    """What a delete would take away, as the confirmation names it."""

    title: str
    dimensions: int
    items: int
    evidence: int


def assessment_size(db: Database, assessment_id: int) -> AssessmentSize:
    with db.transaction() as session:
        row = get_row(session, Assessment, assessment_id)
        items = select(CheckItem.id).where(CheckItem.assessment_id == assessment_id)
        return AssessmentSize(
            titled(row.title, "assessment", row.unit_name, row.year),
            session.scalar(select(func.count()).select_from(Dimension)
                           .where(Dimension.assessment_id == assessment_id)) or 0,
            session.scalar(select(func.count()).select_from(CheckItem)
                           .where(CheckItem.assessment_id == assessment_id)) or 0,
            session.scalar(select(func.count()).select_from(Evidence)
                           .where(Evidence.item_id.in_(items))) or 0)


def delete_assessment(db: Database, assessment_id: int) -> DeletedRows:
    """Delete the assessment and everything under it in one transaction; returns the rows for
    restore_assessment (parents before children)."""
    with db.transaction() as session:
        rows = _rows_of(session, assessment_id)
        session.delete(get_row(session, Assessment, assessment_id))
        return DeletedRows(tuple(rows))


def restore_assessment(db: Database, deleted: DeletedRows) -> int:
    """Undo delete_assessment: the same rows come back with the same ids; the assessment's id."""
    with db.transaction() as session:
        insert_snapshots(session, deleted.rows)
    return int(deleted.rows[0].as_dict()["id"])


def _rows_of(session: Session, assessment_id: int) -> list[RowSnapshot]:
    """Every row reachable from the assessment by foreign keys, tables in dependency order, a
    table referring to itself (dimension.parent_id) parents first."""
    found: dict[str, set[object]] = {}
    rows: list[RowSnapshot] = []
    for table in Base.metadata.sorted_tables:
        if table.name == Assessment.__tablename__:
            matches = [dict(m) for m in session.execute(
                select(table).where(table.c.id == assessment_id)).mappings()]
        else:
            conditions = [fk.parent.in_(found[fk.column.table.name]) for fk in table.foreign_keys
                          if fk.column.table.name in found and fk.column.table is not table]
            if not conditions:
                continue
            matches = [dict(m) for m in session.execute(select(table).where(or_(*conditions)))
                       .mappings()]
        if not matches:
            continue
        matches = _parents_first(table, matches)
        if "id" in table.c:  # a table keyed otherwise (assessment_previous) is no one's parent
            found[table.name] = {m["id"] for m in matches}
        rows += [RowSnapshot(table.name, tuple(m.items())) for m in matches]
    return rows


def _parents_first(table: Table, matches: list[dict[str, object]]) -> list[dict[str, object]]:
    columns = [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]
    if not columns:
        return matches
    ordered: list[dict[str, object]] = []
    placed: set[object] = set()
    ids = {m["id"] for m in matches}
    pending = list(matches)
    while pending:
        ready = [m for m in pending
                 if all(m[c] is None or m[c] not in ids or m[c] in placed for c in columns)]
        if not ready:  # a cycle cannot happen in a tree; keep every row rather than loop
            ready = pending
        ordered += ready
        placed |= {m["id"] for m in ready}
        pending = [m for m in pending if m["id"] not in placed]
    return ordered
