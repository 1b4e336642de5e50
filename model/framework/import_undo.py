"""An import as one undoable step: the rows it created, removed in one transaction (undo) and put
back with the same ids in one transaction (redo); refused when they were changed since."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from model.errors import ConflictError
from model.framework.rows import get_row, insert_snapshots, snapshot
from model.framework.tree import dimension_order
from model.records import DeletedRows, RowSnapshot
from model.schema import Assessment, Base, CheckItem, Dimension, Evidence
from model.storage.db import Database

BOOKKEEPING = ("version", "updated_at")


@dataclass(frozen=True)
class ImportedRows:
    """What one import created: a whole new assessment, or dimensions and items in one."""

    assessment_id: int
    new_assessment: bool
    dimension_ids: tuple[int, ...] = ()
    item_ids: tuple[int, ...] = ()
    fingerprint: str = ""  # the created rows as the import left them


def row_ids(database: Database, assessment_id: int | None) -> tuple[set[int], set[int]]:
    """The ids of an assessment's dimensions and items (before an import into it)."""
    if assessment_id is None:
        return set(), set()
    with database.transaction() as session:
        dims = set(session.scalars(select(Dimension.id).where(Dimension.assessment_id == assessment_id)))
        items = set(session.scalars(select(CheckItem.id).where(CheckItem.assessment_id == assessment_id)))
    return dims, items


def imported_rows(database: Database, assessment_id: int, into: int | None,
                  before: tuple[set[int], set[int]]) -> ImportedRows:
    """What the import into assessment_id (into: None when it made the assessment) created."""
    dims, items = row_ids(database, assessment_id)
    created = ImportedRows(assessment_id, into is None, tuple(sorted(dims - before[0])),
                           tuple(sorted(items - before[1])))
    with database.transaction() as session:
        return ImportedRows(created.assessment_id, created.new_assessment, created.dimension_ids,
                            created.item_ids, _fingerprint(_snapshots(session, created)))


def remove_import(database: Database, rows: ImportedRows) -> DeletedRows:
    """Undo: every row the import created goes, in one transaction; ConflictError when any of
    them was changed since (in another window, say): nothing is removed then."""
    with database.transaction() as session:
        snapshots = _snapshots(session, rows)
        if _fingerprint(snapshots) != rows.fingerprint:
            raise ConflictError("导入的内容之后已被修改（可能在其他窗口或程序中），撤销导入会丢失这些修改，"
                                "未撤销。", table="assessment", row_id=rows.assessment_id)
        if rows.new_assessment:
            session.execute(delete(Assessment).where(Assessment.id == rows.assessment_id))
        else:
            session.execute(delete(CheckItem).where(CheckItem.id.in_(rows.item_ids)))
            session.execute(delete(Dimension).where(Dimension.id.in_(rows.dimension_ids)))
        return DeletedRows(snapshots)


def restore_import(database: Database, deleted: DeletedRows) -> None:
    """Redo: the same rows with the same ids, in one transaction."""
    with database.transaction() as session:
        insert_snapshots(session, deleted.rows)


def _snapshots(session: Session, rows: ImportedRows) -> tuple[RowSnapshot, ...]:
    """The created rows, parents before children (the order they are inserted back in)."""
    if rows.new_assessment:
        return _whole_assessment(session, rows.assessment_id)
    wanted = set(rows.dimension_ids)
    dims = session.scalars(select(Dimension).where(Dimension.assessment_id == rows.assessment_id)).all()
    ordered = [snapshot(d) for d, _level in dimension_order(dims) if d.id in wanted]
    items = session.scalars(select(CheckItem).where(CheckItem.id.in_(rows.item_ids))
                            .order_by(CheckItem.id)).all()
    evidence = session.scalars(select(Evidence).where(Evidence.item_id.in_(rows.item_ids))
                               .order_by(Evidence.id)).all()
    return (*ordered, *(snapshot(i) for i in items), *(snapshot(e) for e in evidence))


def _whole_assessment(session: Session, assessment_id: int) -> tuple[RowSnapshot, ...]:
    """Every row of the assessment, in the order of the tables' foreign keys."""
    found: list[RowSnapshot] = [snapshot(get_row(session, Assessment, assessment_id))]
    dims = session.scalars(select(Dimension).where(Dimension.assessment_id == assessment_id)).all()
    found += [snapshot(d) for d, _level in dimension_order(dims)]
    item_ids = list(session.scalars(select(CheckItem.id).where(CheckItem.assessment_id == assessment_id)))
    parents = {"assessment_id": [assessment_id], "item_id": item_ids}
    handout_ids: list[int] = []
    for table in Base.metadata.sorted_tables:
        if table.name in ("assessment", "dimension", "audit_log"):  # the audit records the undo
            continue
        column = next((c for c in ("assessment_id", "item_id", "handout_id") if c in table.c), None)
        if column is None:
            continue
        keys = handout_ids if column == "handout_id" else parents[column]
        if not keys:
            continue
        result = session.execute(select(table).where(table.c[column].in_(keys))
                                 .order_by(*table.primary_key.columns)).mappings().all()
        if table.name == "handout":
            handout_ids = [row["id"] for row in result]
        found += [RowSnapshot(table.name, tuple(dict(row).items())) for row in result]
    return tuple(found)


def _fingerprint(snapshots: tuple[RowSnapshot, ...]) -> str:
    digest = hashlib.sha256()
    for row in snapshots:
        values = tuple((k, v) for k, v in row.values if k not in BOOKKEEPING)
        digest.update(repr((row.table, values)).encode())
    return digest.hexdigest()
