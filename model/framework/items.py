"""Self-check items (自查事项): create, edit any field, move, delete and restore; 序号 in table order."""

from __future__ import annotations

import builtins
import math
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import case, delete, func, select
from sqlalchemy.orm import Session

from model.errors import ConflictError, ValidationError
from model.framework.rows import (
    check_unchanged,
    check_version,
    clamp_index,
    get_row,
    missing,
    restore_in_place,
    set_positions,
    snapshot,
    to_record,
)
from model.framework.tree import dimension_order
from model.records import ITEM_EDITABLE_FIELDS, ITEM_TEXT_FIELDS, DeletedRows, ItemRecord
from model.report import queries
from model.report.queries import item_record_of, item_records
from model.schema import CheckItem, Dimension, Evidence
from model.storage.db import Database
from model.vocabulary import DONE_STATUSES, NOT_APPLICABLE, DimensionCounts
from model.vocabulary import STATUS_NAMES as STATUSES

MAX_EXTRAS = 60
MAX_EXTRA_NAME = 100


class ItemService:
    def __init__(self, database: Database) -> None:
        self.db = database

    def list(self, assessment_id: int) -> list[ItemRecord]:
        """Every item of an assessment in table order, 序号 numbered 1..N."""
        with self.db.read() as connection:  # plain rows: no ORM objects to build and throw away
            return item_records(connection, assessment_id)

    def counts(self, assessment_id: int) -> dict[int, DimensionCounts]:
        """Per dimension: its own items, applicable and done, from one SQL aggregate (no rows
        loaded); the completion rule is model.vocabulary's."""
        done = CheckItem.__table__.c.status.in_(DONE_STATUSES)
        applicable = CheckItem.__table__.c.status != NOT_APPLICABLE
        with self.db.transaction() as session:
            rows = session.execute(
                select(CheckItem.dimension_id, func.count(),
                       func.sum(case((applicable, 1), else_=0)), func.sum(case((done, 1), else_=0)))
                .where(CheckItem.assessment_id == assessment_id)
                .group_by(CheckItem.dimension_id)).all()
        return {dimension_id: DimensionCounts(total, int(counted or 0), int(finished or 0))
                for dimension_id, total, counted, finished in rows}

    def status_counts(self, assessment_id: int) -> dict[str, int]:
        with self.db.transaction() as session:
            rows = session.execute(select(CheckItem.__table__.c.status, func.count())
                                   .where(CheckItem.assessment_id == assessment_id)
                                   .group_by(CheckItem.__table__.c.status)).all()
        return dict(rows)

    def departments(self, assessment_id: int) -> builtins.list[str]:
        with self.db.transaction() as session:
            return sorted(session.scalars(select(CheckItem.__table__.c.department).distinct().where(
                CheckItem.assessment_id == assessment_id, CheckItem.__table__.c.department != "")))

    def list_for_dimension(self, dimension_id: int) -> builtins.list[ItemRecord]:
        """One dimension's own items, numbered as in the whole table (for a tree that loads a
        dimension's items when it is opened)."""
        with self.db.transaction() as session:
            dimension = get_row(session, Dimension, dimension_id)
            before = _items_before(session, dimension)
            rows = session.scalars(select(CheckItem).where(CheckItem.dimension_id == dimension_id)
                                   .order_by(CheckItem.position, CheckItem.id)).all()
            return [to_record(row, ItemRecord, seq=before + n) for n, row in enumerate(rows, 1)]

    def get(self, item_id: int) -> ItemRecord:
        with self.db.read() as connection:  # plain rows: shown at every click on an item
            record = item_record_of(connection, item_id)
        if record is None:
            raise missing("check_item", item_id)
        return record

    def create(self, dimension_id: int, *, index: int | None = None, **values: Any) -> ItemRecord:
        values = _validated(values)
        with self.db.transaction() as session:
            dimension = get_row(session, Dimension, dimension_id)
            siblings = _sibling_ids(session, dimension_id)
            row = CheckItem(assessment_id=dimension.assessment_id, dimension_id=dimension_id,
                            position=len(siblings), **values)
            session.add(row)
            session.flush()
            siblings.insert(clamp_index(index, len(siblings)), row.id)
            set_positions(session, CheckItem, siblings)
            session.refresh(row)
            return _record_with_seq(session, row)

    def update(self, item_id: int, expected_version: int | None = None, *,
               unchanged: Mapping[str, Any] | None = None, **changes: Any) -> ItemRecord:
        """Edit any fields; refused with ConflictError when expected_version is outdated, with
        FieldChangedError when a field of unchanged no longer holds its value there."""
        changes = _validated(changes)
        expected = _validated(dict(unchanged)) if unchanged else None
        with self.db.transaction() as session:
            row = get_row(session, CheckItem, item_id)
            check_version(row, expected_version)
            check_unchanged(row, expected)
            for key, value in changes.items():
                setattr(row, key, value)
            session.flush()
            return _record_with_seq(session, row)

    def move(self, item_id: int, dimension_id: int, index: int | None) -> ItemRecord:
        """Move to dimension_id at index (reordering is a move within the same dimension)."""
        with self.db.transaction() as session:
            return _move(session, item_id, dimension_id, index)

    def move_many(self, moves: builtins.list[tuple[int, int, int | None]]) -> builtins.list[ItemRecord]:
        """Several moves (item, dimension, index), in order, in one transaction."""
        with self.db.transaction() as session:
            rows = [_moved_row(session, *move) for move in moves]
            for row in rows:  # as stored once all have moved (a later move renumbers earlier ones)
                session.refresh(row)
            return _records_with_seq(session, rows)  # the 序号 bases read once

    def set_many(self, field: str, values: dict[int, Any],
                 expected: dict[int, Any] | None = None) -> builtins.list[ItemRecord]:
        """Set one field of several items in one transaction (all or nothing). With expected,
        refused with ConflictError when an item's field no longer holds its expected value."""
        clean = {item_id: _validated({field: value})[field] for item_id, value in values.items()}
        with self.db.transaction() as session:
            rows = [get_row(session, CheckItem, item_id) for item_id in clean]
            for row in rows:
                if expected is not None and getattr(row, field) != expected[row.id]:
                    raise ConflictError(
                        f"第 {_record_with_seq(session, row).seq} 项已被其他窗口或程序修改，"
                        "请刷新后重试。", table="check_item", row_id=row.id)
            for row in rows:
                setattr(row, field, clean[row.id])
            session.flush()
            return _records_with_seq(session, rows)

    def delete_many(self, item_ids: builtins.list[int]) -> builtins.list[DeletedRows]:
        """Delete several items in one transaction; restore_many takes the result back."""
        with self.db.transaction() as session:
            return [_delete(session, item_id) for item_id in item_ids]

    def restore_many(self, deleted: builtins.list[DeletedRows]) -> builtins.list[ItemRecord]:
        """Undo delete_many: the items come back in reverse order, each at its old place."""
        with self.db.transaction() as session:
            return [_restore(session, rows) for rows in reversed(deleted)]

    def delete(self, item_id: int) -> DeletedRows:
        with self.db.transaction() as session:
            return _delete(session, item_id)

    def restore(self, deleted: DeletedRows) -> ItemRecord:
        with self.db.transaction() as session:
            return _restore(session, deleted)


def _move(session: Session, item_id: int, dimension_id: int, index: int | None) -> ItemRecord:
    row = _moved_row(session, item_id, dimension_id, index)
    session.refresh(row)
    return _record_with_seq(session, row)


def _moved_row(session: Session, item_id: int, dimension_id: int, index: int | None) -> CheckItem:
    row = get_row(session, CheckItem, item_id)
    target = get_row(session, Dimension, dimension_id)
    if target.assessment_id != row.assessment_id:
        raise ValidationError("不能把自查事项移到另一个自评。")
    old = [i for i in _sibling_ids(session, row.dimension_id) if i != item_id]
    set_positions(session, CheckItem, old)
    if row.dimension_id != dimension_id:
        row.dimension_id = dimension_id
        session.flush()
    new = [i for i in _sibling_ids(session, dimension_id) if i != item_id]
    new.insert(clamp_index(index, len(new)), item_id)
    set_positions(session, CheckItem, new)
    return row


def _delete(session: Session, item_id: int) -> DeletedRows:
    row = get_row(session, CheckItem, item_id)
    evidence = session.scalars(select(Evidence).where(Evidence.item_id == item_id)
                               .order_by(Evidence.id)).all()
    rows = (snapshot(row), *(snapshot(e) for e in evidence))
    dimension_id = row.dimension_id
    session.execute(delete(CheckItem).where(CheckItem.id == item_id))
    set_positions(session, CheckItem, _sibling_ids(session, dimension_id))
    return DeletedRows(rows)


def _restore(session: Session, deleted: DeletedRows) -> ItemRecord:
    root = deleted.rows[0].as_dict()
    siblings = _sibling_ids(session, root["dimension_id"])
    return _record_with_seq(session, restore_in_place(session, deleted, CheckItem, siblings))


def validated_item(values: dict[str, Any]) -> dict[str, Any]:
    """An item's field values as the services store them; ValidationError names what is wrong."""
    return _validated(values)


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(ITEM_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"自查事项没有这些字段：{', '.join(sorted(unknown))}")
    clean = dict(values)
    for key in ITEM_TEXT_FIELDS:
        if key in clean:
            clean[key] = "" if clean[key] is None else str(clean[key])
    if "extras" in clean:
        clean["extras"] = validated_extras(clean["extras"])
    if "status" in clean and clean["status"] not in STATUSES:
        raise ValidationError(f"状态“{clean['status']}”无效，应为：{'、'.join(STATUSES)}。")
    for key in ("score_max", "score"):
        if key in clean and clean[key] not in (None, ""):
            try:
                clean[key] = float(clean[key])
            except (TypeError, ValueError) as exc:
                raise ValidationError(f"分值/得分必须是数字：“{clean[key]}”。") from exc
            if not math.isfinite(clean[key]):  # "1e400", "nan": no form nor JSON holds them
                raise ValidationError(f"分值/得分必须是有限的数字：“{values[key]}”。")
        elif key in clean:
            clean[key] = None
    return clean


def validated_extras(value: Any) -> tuple[tuple[str, str], ...]:
    """Extra named fields as (name, text) pairs: names non-empty, unique and not too many."""
    pairs = list(value.items()) if isinstance(value, dict) else list(value or ())
    clean: list[tuple[str, str]] = []
    for pair in pairs:
        try:
            name, text = pair
        except (TypeError, ValueError) as exc:
            raise ValidationError(f"附加字段应为“名称: 内容”：{pair!r}") from exc
        name = str(name).strip()
        if not name or len(name) > MAX_EXTRA_NAME:
            raise ValidationError(f"附加字段的名称不能为空，也不能超过 {MAX_EXTRA_NAME} 个字：“{name}”。")
        if any(name == seen for seen, _text in clean):
            raise ValidationError(f"附加字段“{name}”重复。")
        clean.append((name, "" if text is None else str(text)))
    if len(clean) > MAX_EXTRAS:
        raise ValidationError(f"附加字段最多 {MAX_EXTRAS} 个。")
    return tuple(clean)


def _sibling_ids(session: Session, dimension_id: int) -> list[int]:
    query = (select(CheckItem.id).where(CheckItem.dimension_id == dimension_id)
             .order_by(CheckItem.position, CheckItem.id))
    return list(session.scalars(query))


def ordered_item_rows(session: Session, assessment_id: int) -> list[CheckItem]:
    """Item rows in table order: dimensions depth first, then position."""
    dims = session.scalars(select(Dimension).where(Dimension.assessment_id == assessment_id))
    rank = {dim.id: index for index, (dim, _level) in enumerate(dimension_order(dims))}
    items = session.scalars(select(CheckItem).where(CheckItem.assessment_id == assessment_id))
    return sorted(items, key=lambda i: (rank.get(i.dimension_id, len(rank)), i.position, i.id))


def items_before_each(session: Session, assessment_id: int) -> dict[int, int]:
    """Per dimension of the assessment: how many items come before its own in table order, as
    this transaction sees them (model.report.queries reads them on its connection)."""
    session.flush()
    return queries.items_before_each(session.connection().connection, assessment_id)


def _items_before(session: Session, dimension: Dimension) -> int:
    """How many items come before this dimension's own items in table order."""
    return items_before_each(session, dimension.assessment_id)[dimension.id]


def _record_with_seq(session: Session, row: CheckItem) -> ItemRecord:
    """One item's record; its 序号 from per-dimension counts, not by loading every item."""
    return _records_with_seq(session, [row])[0]


def _records_with_seq(session: Session, rows: Sequence[CheckItem]) -> list[ItemRecord]:
    """Items' records, each 序号 from its assessment's per-dimension counts (read once per
    assessment, however many items: a bulk edit of thousands reads them once)."""
    before: dict[int, dict[int, int]] = {}
    records = []
    for row in rows:
        if row.assessment_id not in before:
            before[row.assessment_id] = items_before_each(session, row.assessment_id)
        firsts = before[row.assessment_id]
        if row.dimension_id not in firsts:
            get_row(session, Dimension, row.dimension_id)  # gone: NotFoundError names it
        # positions within a dimension are kept contiguous (0..n-1) by every write
        records.append(to_record(row, ItemRecord, seq=firsts[row.dimension_id] + row.position + 1))
    return records
