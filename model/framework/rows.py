"""Helpers shared by the services: fetch-or-fail, version checks, records, snapshots, positions."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.orm import Session

from model.errors import ConflictError, FieldChangedError, NotFoundError
from model.records import DeletedRows, RowSnapshot
from model.schema import Base

Row = TypeVar("Row", bound=Base)
Record = TypeVar("Record")

LABELS = {
    "assessment": "自评",
    "dimension": "考评维度",
    "check_item": "自查事项",
    "evidence": "证明材料",
    "narrative_section": "总结段落",
}


def get_row(session: Session, model: type[Row], row_id: int) -> Row:
    row = session.get(model, row_id)
    if row is None:
        raise missing(model.__tablename__, row_id)
    return row


def missing(table: str, row_id: int) -> NotFoundError:
    """The refusal naming a row that is not (or no longer) there."""
    label = LABELS.get(table, table)
    return NotFoundError(f"{label}（编号 {row_id}）不存在，可能已被删除。", table=table, row_id=row_id)


def check_version(row: Base, expected_version: int | None) -> None:
    """Refuse a write based on an outdated read (optimistic locking)."""
    if expected_version is not None and row.version != expected_version:  # type: ignore[attr-defined]
        label = LABELS.get(row.__tablename__, row.__tablename__)
        raise ConflictError(
            f"{label}（编号 {row.id}）已被其他窗口或程序修改，请刷新后重试。",  # type: ignore[attr-defined]
            table=row.__tablename__,
            row_id=row.id,  # type: ignore[attr-defined]
        )


def check_unchanged(row: Base, unchanged: Mapping[str, Any] | None) -> None:
    """Refuse a write when a field no longer holds the value the writer saw (checked in the
    write's own transaction: a field write is one transaction, not a read and then a write)."""
    for field, expected in (unchanged or {}).items():
        current = getattr(row, field)
        if not same_value(current, expected):
            label = LABELS.get(row.__tablename__, row.__tablename__)
            raise FieldChangedError(
                f"{label}（编号 {row.id}）的“{field}”已被其他窗口或程序修改。",  # type: ignore[attr-defined]
                table=row.__tablename__, row_id=row.id,  # type: ignore[attr-defined]
                field=field, expected=expected, current=current)


def same_value(a: Any, b: Any) -> bool:
    """Stored values compared as an editor shows them (amounts as numbers, texts as typed)."""
    if isinstance(a, float | int) and isinstance(b, float | int):
        return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-9)
    return bool(a == b)


@cache
def _field_names(record_type: type) -> tuple[str, ...]:
    """A record type's field names (dataclasses.fields builds its tuple anew on every call)."""
    return tuple(f.name for f in fields(record_type))


def to_record(row: Base, record_type: type[Record], **extra: Any) -> Record:
    values = {name: extra[name] if name in extra else getattr(row, name)
              for name in _field_names(record_type)}  # type: ignore[arg-type]  # a class hashes
    return record_type(**values)


def snapshot(row: Base) -> RowSnapshot:
    table: Table = row.__table__  # type: ignore[assignment]
    return RowSnapshot(table.name, tuple((c.name, getattr(row, c.key)) for c in table.columns))


def insert_snapshots(session: Session, snapshots: tuple[RowSnapshot, ...]) -> None:
    """Re-insert deleted rows with their own ids and values (parents come first)."""
    tables = Base.metadata.tables
    for item in snapshots:
        session.execute(insert(tables[item.table]).values(item.as_dict()))


def set_positions(session: Session, model: type[Base], ordered_ids: list[int]) -> None:
    """Renumber siblings 0..n-1, in one statement run for every row (a dimension may hold
    thousands). Core UPDATE: a reorder is not a content edit, so no version bump; rows already in
    place are not touched."""
    if not ordered_ids:
        return
    table: Table = model.__table__  # type: ignore[assignment]
    session.execute(
        update(table)
        .where(table.c.id == bindparam("row_id"), table.c.position != bindparam("new_position"))
        # keep updated_at: Core would otherwise apply the column's onupdate default
        .values(position=bindparam("new_position"), updated_at=table.c.updated_at),
        [{"row_id": row_id, "new_position": position} for position, row_id in enumerate(ordered_ids)],
    )


def clamp_index(index: int | None, length: int) -> int:
    if index is None or index > length:
        return length
    return max(index, 0)


def restore_in_place(session: Session, deleted: DeletedRows, model: type[Row],
                     siblings: list[int]) -> Row:
    """Undo a delete: re-insert the rows (same ids) and put the root back at its old position
    among siblings (the ids of the rows that share its parent now)."""
    root = deleted.rows[0].as_dict()
    insert_snapshots(session, deleted.rows)
    siblings.insert(clamp_index(root["position"], len(siblings)), root["id"])
    set_positions(session, model, siblings)
    return get_row(session, model, root["id"])
