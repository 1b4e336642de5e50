"""Create a whole assessment (framework, items, narrative) from plain data in one transaction.
Items are inserted with SQL's executemany, not as ORM objects (100,000 of those cost a minute),
after the same validation and text cleaning an ORM insert gets; progress(done, total) is told
every PROGRESS_EVERY items (raising from it rolls everything back)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from model.errors import ValidationError
from model.framework.assessments import validated_assessment
from model.framework.dimensions import valid_dimension_name
from model.framework.items import validated_item
from model.framework.rows import get_row
from model.records import NARRATIVE_KEYS
from model.schema import Assessment, CheckItem, Dimension, NarrativeSection
from model.storage.db import Database
from model.text.cleaning import cleaned
from model.vocabulary import MAX_DIMENSION_DEPTH

Progress = Callable[[int, int], object]
ITEM_TABLE = cast(Table, CheckItem.__table__)
PROGRESS_EVERY = 1000
BATCH = 5000  # rows per executemany


class _Items:
    """Item rows waiting for one executemany, and the progress told of them."""

    def __init__(self, session: Session, total: int, progress: Progress | None) -> None:
        self.session, self.total, self.progress = session, total, progress
        self.rows: list[dict[str, Any]] = []
        self.done = 0

    def add(self, values: dict[str, Any]) -> None:
        self.rows.append(cleaned(ITEM_TABLE, values))
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for start in range(0, len(self.rows), PROGRESS_EVERY):
            batch = self.rows[start:start + PROGRESS_EVERY]
            _insert_items(self.session, batch)
            self.done += len(batch)
            if self.progress is not None:
                self.progress(self.done, self.total)
        self.rows.clear()


def _insert_items(session: Session, rows: list[dict[str, Any]]) -> None:
    """One executemany of the driver's own (SQLAlchemy's per-row work costs more than SQLite's):
    every column given, a missing value its column's default, each value as the column's type
    binds it. A driver with another parameter style gets SQLAlchemy's insert."""
    connection = session.connection()
    dialect = connection.dialect
    marker = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
    if marker is None:
        for _keys, group in groupby(rows, key=_columns):
            session.execute(insert(CheckItem), list(group))
        return
    columns = [c for c in ITEM_TABLE.columns if c.name != "id"]
    plans = [(c.name, _default(c), c.type.bind_processor(dialect)) for c in columns]
    values = []
    for row in rows:
        made = []
        for name, default, bind in plans:
            value = row[name] if name in row else default()
            made.append(bind(value) if bind is not None else value)
        values.append(tuple(made))
    names = ", ".join(dialect.identifier_preparer.quote(c.name) for c in columns)
    connection.exec_driver_sql(
        f"INSERT INTO check_item ({names}) VALUES ({', '.join([marker] * len(columns))})", values)


def _default(column: Any) -> Callable[[], Any]:
    """The column's Python-side default as a function of nothing (SQLAlchemy's take a context)."""
    default = column.default
    if default is None:
        return lambda: None
    if default.is_callable:
        return lambda: default.arg(None)
    return lambda: default.arg


def _columns(row: dict[str, Any]) -> tuple[str, ...]:
    return tuple(row)


def _count_items(nodes: list[dict[str, Any]]) -> int:
    return sum(len(n.get("items", [])) + _count_items(n.get("children", [])) for n in nodes)


def append_tree(database: Database, assessment_id: int, dimensions: list[dict[str, Any]],
                progress: Progress | None = None) -> int:
    """Add dimensions and items to an existing assessment in one transaction; a dimension with
    the same name under the same parent is reused. Returns how many items were added."""
    with database.transaction() as session:
        pending = _Items(session, _count_items(dimensions), progress)
        get_row(session, Assessment, assessment_id)
        existing = session.scalars(select(Dimension).where(
            Dimension.assessment_id == assessment_id)).all()
        by_key = {(d.parent_id, d.name): d for d in existing}
        added = 0

        def add(nodes: list[dict[str, Any]], parent_id: int | None, level: int) -> None:
            nonlocal added
            for node in nodes:
                name = valid_dimension_name(node["name"])
                dim = by_key.get((parent_id, name))
                if dim is None:
                    if level > MAX_DIMENSION_DEPTH:
                        raise ValidationError(f"考评维度最多 {MAX_DIMENSION_DEPTH} 级。")
                    position = sum(1 for d in by_key.values() if d.parent_id == parent_id)
                    dim = Dimension(assessment_id=assessment_id, parent_id=parent_id,
                                    position=position, name=name)
                    session.add(dim)
                    session.flush()
                    by_key[(parent_id, name)] = dim
                start = session.scalar(select(func.count()).where(
                    CheckItem.dimension_id == dim.id)) or 0
                for index, item in enumerate(node.get("items", [])):
                    values = validated_item(item)
                    pending.add(dict(assessment_id=assessment_id, dimension_id=dim.id,
                                     position=start + index, **values))
                    added += 1
                pending.flush()  # the next dimension counts its items in SQL
                add(node.get("children", []), dim.id, level + 1)

        add(dimensions, None, 1)
        return added


def create_assessment_tree(database: Database, data: dict[str, Any],
                           progress: Progress | None = None) -> int:
    """data: {"assessment": {...}, "narrative": {key: text}, "dimensions": [{name, report_heading,
    items: [{field: value}], children: [...]}]}. All or nothing; returns the new assessment id."""
    with database.transaction() as session:
        pending = _Items(session, _count_items(data.get("dimensions", [])), progress)
        assessment = Assessment(**validated_assessment(data["assessment"]))
        session.add(assessment)
        session.flush()
        for key, text in data.get("narrative", {}).items():
            if key not in NARRATIVE_KEYS:
                raise ValidationError(f"未知的总结段落“{key}”。")
            session.add(NarrativeSection(assessment_id=assessment.id, key=key, text=text))

        def add(nodes: list[dict[str, Any]], parent_id: int | None, level: int) -> None:
            if nodes and level > MAX_DIMENSION_DEPTH:
                raise ValidationError(f"考评维度最多 {MAX_DIMENSION_DEPTH} 级。")
            for position, node in enumerate(nodes):
                dim = Dimension(assessment_id=assessment.id, parent_id=parent_id,
                                position=position, name=valid_dimension_name(node["name"]),
                                report_heading=node.get("report_heading", ""))
                session.add(dim)
                session.flush()
                for index, item in enumerate(node.get("items", [])):
                    values = validated_item(item)
                    pending.add(dict(assessment_id=assessment.id, dimension_id=dim.id,
                                     position=index, **values))
                add(node.get("children", []), dim.id, level + 1)

        add(data.get("dimensions", []), None, 1)
        pending.flush()
        session.flush()
        return assessment.id
