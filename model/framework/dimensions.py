"""The framework tree (考评维度): create, edit, move, reorder, delete and restore dimensions."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from model.errors import ValidationError
from model.framework.rows import (
    check_unchanged,
    check_version,
    clamp_index,
    get_row,
    restore_in_place,
    set_positions,
    snapshot,
    to_record,
)
from model.framework.tree import dimension_order, subtree_height, subtree_ids
from model.records import DIMENSION_EDITABLE_FIELDS, DeletedRows, DimensionRecord
from model.report.queries import dimension_records
from model.schema import Assessment, CheckItem, Dimension, Evidence
from model.storage.db import Database
from model.vocabulary import MAX_DIMENSION_DEPTH


class DimensionService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def list(self, assessment_id: int) -> list[DimensionRecord]:
        """All dimensions of an assessment in table order, each with its level."""
        with self.db.read() as connection:  # plain rows: no ORM objects to build and throw away
            return dimension_records(connection, assessment_id)

    def get(self, dimension_id: int) -> DimensionRecord:
        with self.db.transaction() as session:
            row = get_row(session, Dimension, dimension_id)
            return _record(session, row)

    def create(
        self,
        assessment_id: int,
        name: str,
        *,
        parent_id: int | None = None,
        index: int | None = None,
        report_heading: str = "",
    ) -> DimensionRecord:
        name = _clean_name(name)
        with self.db.transaction() as session:
            get_row(session, Assessment, assessment_id)
            level = 1
            if parent_id is not None:
                parent = get_row(session, Dimension, parent_id)
                _same_assessment(parent, assessment_id)
                level = _level(session, parent) + 1
            if level > MAX_DIMENSION_DEPTH:
                raise ValidationError(f"考评维度最多 {MAX_DIMENSION_DEPTH} 级，不能再往下添加。")
            siblings = _sibling_ids(session, assessment_id, parent_id)
            row = Dimension(assessment_id=assessment_id, parent_id=parent_id, position=len(siblings),
                            name=name, report_heading=report_heading.strip())
            session.add(row)
            session.flush()
            siblings.insert(clamp_index(index, len(siblings)), row.id)
            set_positions(session, Dimension, siblings)
            session.refresh(row)
            return _record(session, row, level=level)

    def update(self, dimension_id: int, expected_version: int | None = None, *,
               unchanged: Mapping[str, str] | None = None, **changes: str) -> DimensionRecord:
        unknown = set(changes) - set(DIMENSION_EDITABLE_FIELDS)
        if unknown:
            raise ValidationError(f"考评维度没有这些字段：{', '.join(sorted(unknown))}")
        if "name" in changes:
            changes["name"] = _clean_name(changes["name"])
        with self.db.transaction() as session:
            row = get_row(session, Dimension, dimension_id)
            check_version(row, expected_version)
            check_unchanged(row, unchanged)
            for key, value in changes.items():
                setattr(row, key, value)
            session.flush()
            return _record(session, row)

    def rename(self, dimension_id: int, name: str,
               expected_version: int | None = None) -> DimensionRecord:
        return self.update(dimension_id, expected_version, name=name)

    def move(self, dimension_id: int, parent_id: int | None, index: int | None) -> DimensionRecord:
        """Move under parent_id (None: top level) at index; reordering is a move to the same parent."""
        with self.db.transaction() as session:
            row = get_row(session, Dimension, dimension_id)
            all_dims = _all(session, row.assessment_id)
            level = 1
            if parent_id is not None:
                parent = get_row(session, Dimension, parent_id)
                _same_assessment(parent, row.assessment_id)
                if parent_id in subtree_ids(all_dims, dimension_id):
                    raise ValidationError("不能把考评维度移到它自己的下级。")
                level = _level(session, parent) + 1
            if level - 1 + subtree_height(all_dims, dimension_id) > MAX_DIMENSION_DEPTH:
                raise ValidationError(f"移动后将超过 {MAX_DIMENSION_DEPTH} 级考评维度，不能移动。")
            old_siblings = _sibling_ids(session, row.assessment_id, row.parent_id)
            old_siblings.remove(dimension_id)
            set_positions(session, Dimension, old_siblings)
            row.parent_id = parent_id
            session.flush()
            new_siblings = [i for i in _sibling_ids(session, row.assessment_id, parent_id)
                            if i != dimension_id]
            new_siblings.insert(clamp_index(index, len(new_siblings)), dimension_id)
            set_positions(session, Dimension, new_siblings)
            session.refresh(row)
            return _record(session, row, level=level)

    def delete(self, dimension_id: int) -> DeletedRows:
        """Delete a dimension with its sub-dimensions, items and evidence; returns them for undo."""
        with self.db.transaction() as session:
            row = get_row(session, Dimension, dimension_id)
            ids = subtree_ids(_all(session, row.assessment_id), dimension_id)
            dims = {d.id: d for d in session.scalars(select(Dimension).where(Dimension.id.in_(ids)))}
            items = session.scalars(select(CheckItem).where(CheckItem.dimension_id.in_(ids))
                                    .order_by(CheckItem.id)).all()
            evidence = session.scalars(
                select(Evidence).where(Evidence.item_id.in_([i.id for i in items]))
                .order_by(Evidence.id)).all()
            rows = [snapshot(dims[i]) for i in ids] + [snapshot(i) for i in items]
            rows += [snapshot(e) for e in evidence]
            parent_id, assessment_id = row.parent_id, row.assessment_id
            session.execute(delete(Dimension).where(Dimension.id == dimension_id))
            set_positions(session, Dimension, _sibling_ids(session, assessment_id, parent_id))
            return DeletedRows(tuple(rows))

    def restore(self, deleted: DeletedRows) -> DimensionRecord:
        """Undo a delete: the same rows come back with the same ids, in the same place."""
        root = deleted.rows[0].as_dict()
        with self.db.transaction() as session:
            siblings = _sibling_ids(session, root["assessment_id"], root["parent_id"])
            return _record(session, restore_in_place(session, deleted, Dimension, siblings))


def valid_dimension_name(name: str) -> str:
    """A dimension's name as stored (the bulk import checks names with this too)."""
    return _clean_name(name)


def _clean_name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise ValidationError("考评维度名称不能为空。")
    return name


def _same_assessment(row: Dimension, assessment_id: int) -> None:
    if row.assessment_id != assessment_id:
        raise ValidationError("上级考评维度不属于同一个自评。")


def _all(session: Session, assessment_id: int) -> list[Dimension]:
    return list(session.scalars(select(Dimension).where(Dimension.assessment_id == assessment_id)))


def _sibling_ids(session: Session, assessment_id: int, parent_id: int | None) -> list[int]:
    parent_clause = Dimension.parent_id.is_(None) if parent_id is None else (
        Dimension.parent_id == parent_id)
    query = (select(Dimension.id).where(Dimension.assessment_id == assessment_id, parent_clause)
             .order_by(Dimension.position, Dimension.id))
    return list(session.scalars(query))


def _level(session: Session, row: Dimension) -> int:
    level, parent_id = 1, row.parent_id
    while parent_id is not None:
        level += 1
        parent_id = get_row(session, Dimension, parent_id).parent_id
    return level


def _record(session: Session, row: Dimension, level: int | None = None) -> DimensionRecord:
    return to_record(row, DimensionRecord, level=level or _level(session, row))


def _ordered_records(session: Session, assessment_id: int) -> list[DimensionRecord]:
    return [to_record(row, DimensionRecord, level=level)
            for row, level in dimension_order(_all(session, assessment_id))]
