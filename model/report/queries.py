"""Read-only queries in plain SQL on a DB-API connection (Database.read()): plain rows, never
ORM objects, and for an SQLite file without SQLAlchemy at all. The report (model.report.build) and the
CLI's reads use these: loading 10,000 ORM objects costs half a second, importing SQLAlchemy a
fifth of a second more than a command reading its file takes. The records are the ones the
services give (tests compare them); the columns named here are the schema's (a test checks)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from model.errors import NotFoundError
from model.framework.extras import parse_extras
from model.framework.tree import dimension_order
from model.records import (
    AssessmentRecord,
    AssessmentSummary,
    DimensionRecord,
    EvidenceRecord,
    ItemRecord,
    NarrativeRecord,
)
from model.report.options import FLAG_OPTIONS
from model.storage.db import fetch_all
from model.vocabulary import ITEM_EDITABLE_FIELDS, titled

# Columns stored as 0/1 on SQLite and DATETIME text ("2024-01-02 03:04:05.123456"), as
# SQLAlchemy's Boolean and DateTime read them back.
BOOLEANS = {"uses_scores", *FLAG_OPTIONS, "classified"}
DATETIMES = {"created_at", "updated_at"}
# The report's columns of an item: where it stands, then every item field (model.vocabulary).
ITEM_PLACE_COLUMNS = ("id", "dimension_id", "position")
REPORT_ITEM_COLUMNS = (*ITEM_PLACE_COLUMNS, *ITEM_EDITABLE_FIELDS)


def columns_of(record_type: Any) -> tuple[str, ...]:
    """The stored columns of a record type: its fields but what is computed (a level)."""
    return tuple(f.name for f in fields(record_type) if f.name != "level")


def extras_of(value: str | None) -> tuple[tuple[str, str], ...]:
    """An item's extra fields as stored (a JSON object) → (name, text) pairs, as ExtrasText."""
    if not value or value == "{}":  # most items have none
        return ()
    return parse_extras(value) or ()  # someone else's database may hold anything here


RECORD_COLUMNS = tuple(f.name for f in fields(ItemRecord) if f.name != "seq")
_ID, _DIMENSION, _POSITION = (RECORD_COLUMNS.index(n) for n in ("id", "dimension_id", "position"))


def item_record(values: dict[str, Any], before: Mapping[int, int], seq: int | None = None) -> ItemRecord:
    """An item's record from its row's RECORD_COLUMNS; 序号 seq, or before[its dimension] + its
    position + 1 (positions are kept 0..n-1 by every write)."""
    values["extras"] = extras_of(values["extras"])
    if isinstance(values["updated_at"], str):
        values["updated_at"] = datetime.fromisoformat(values["updated_at"])
    if seq is None:
        seq = before.get(values["dimension_id"], 0) + values["position"] + 1
    return ItemRecord(**values, seq=seq)


def item_record_of(connection: Any, item_id: int) -> ItemRecord | None:
    """ItemService.get: one item as stored (None: there is none), 序号 from the per-dimension
    counts of its assessment (no other item read)."""
    rows = fetch_all(connection, _select(RECORD_COLUMNS, "check_item", f"id = {int(item_id)}"))
    if not rows:
        return None
    values = dict(zip(RECORD_COLUMNS, rows[0], strict=True))
    return item_record(values, items_before_each(connection, values["assessment_id"]))


def items_before_each(connection: Any, assessment_id: int) -> dict[int, int]:
    """Per dimension of the assessment: how many items come before its own in table order (SQL
    counts, no item read)."""
    counts = dict(fetch_all(connection, "SELECT dimension_id, count(*) FROM check_item "
                                        f"WHERE assessment_id = {int(assessment_id)} "
                                        "GROUP BY dimension_id"))
    before, running = {}, 0
    for dimension in dimension_records(connection, assessment_id):
        before[dimension.id] = running
        running += counts.get(dimension.id, 0)
    return before


def item_records(connection: Any, assessment_id: int) -> list[ItemRecord]:
    """ItemService.list: every item of an assessment in table order (the dimensions' order, then
    position), 序号 numbered 1..N."""
    rank = {d.id: index for index, d in enumerate(dimension_records(connection, assessment_id))}
    rows = fetch_all(connection, _select(RECORD_COLUMNS, "check_item",
                                         f"assessment_id = {int(assessment_id)}"))
    last = len(rank)
    rows.sort(key=lambda r: (rank.get(r[_DIMENSION], last), r[_POSITION], r[_ID]))
    return [item_record(dict(zip(RECORD_COLUMNS, row, strict=True)), {}, seq)
            for seq, row in enumerate(rows, start=1)]


def assessment_summaries(connection: Any) -> list[AssessmentSummary]:
    """AssessmentService.list: every assessment with its counts, newest year first."""
    dims = dict(fetch_all(connection, 'SELECT assessment_id, count(*) FROM dimension '
                                  'GROUP BY assessment_id'))
    items = dict(fetch_all(connection, 'SELECT assessment_id, count(*) FROM check_item '
                                   'GROUP BY assessment_id'))
    evidence = dict(fetch_all(connection, 'SELECT check_item.assessment_id, count(evidence.id) '
                                      'FROM check_item JOIN evidence ON evidence.item_id = '
                                      'check_item.id GROUP BY check_item.assessment_id'))
    rows = fetch_all(connection, 'SELECT id, title, unit_name, "year", period FROM assessment '
                             'ORDER BY "year" DESC, id')
    return [AssessmentSummary(
        id=id_, title=titled(title, "assessment", unit, year), unit=unit, year=year, period=period,
        dimensions=dims.get(id_, 0), items=items.get(id_, 0), evidence=evidence.get(id_, 0))
        for id_, title, unit, year, period in rows]


def assessment_record(connection: Any, assessment_id: int) -> AssessmentRecord:
    found = _records(connection, AssessmentRecord, "assessment", f"id = {int(assessment_id)}")
    if not found:
        raise NotFoundError(f"自评（编号 {assessment_id}）不存在，可能已被删除。")
    return found[0]


def dimension_records(connection: Any, assessment_id: int) -> list[DimensionRecord]:
    """DimensionService.list: the dimensions in table order, each with its level."""
    stored = _records(connection, DimensionRecord, "dimension",
                      f"assessment_id = {int(assessment_id)}", level=0)
    return [replace(record, level=level) for record, level in dimension_order(stored)]


def report_item_rows(connection: Any, assessment_id: int,
                     dimensions: list[DimensionRecord]) -> list[tuple[Any, ...]]:
    """The report's columns of every item (extras still JSON) in table order: the dimensions'
    table order (as given), then position. An item's 序号 is its place in this list, from 1."""
    rank = {d.id: index for index, d in enumerate(dimensions)}
    rows = fetch_all(connection, _select(REPORT_ITEM_COLUMNS, "check_item",
                                     f"assessment_id = {int(assessment_id)}"))
    last = len(rank)
    return sorted(rows, key=lambda i: (rank.get(i[1], last), i[2], i[0]))


def evidence_by_item(connection: Any,
                     assessment_id: int) -> dict[int, tuple[EvidenceRecord, ...]]:
    """EvidenceService.list of every item of an assessment, in one query."""
    names = columns_of(EvidenceRecord)
    query = (_select([f"evidence.{name}" for name in names], "evidence")
             + " JOIN check_item ON check_item.id = evidence.item_id"
             + f" WHERE check_item.assessment_id = {int(assessment_id)}"
             + " ORDER BY evidence.item_id, evidence.position, evidence.id")
    found: dict[int, list[EvidenceRecord]] = {}
    for row in fetch_all(connection, query):
        record = EvidenceRecord(**_converted(dict(zip(names, row, strict=True))))
        found.setdefault(record.item_id, []).append(record)
    return {item_id: tuple(records) for item_id, records in found.items()}


def narrative_sections(connection: Any, assessment_id: int) -> dict[str, NarrativeRecord]:
    """NarrativeService.sections: the stored sections by key."""
    records = _records(connection, NarrativeRecord, "narrative_section",
                       f"assessment_id = {int(assessment_id)}")
    return {record.key: record for record in records}


def _select(names: Any, table: str, where: str = "") -> str:
    """SELECT of the columns; every name quoted ("key", "year", "position" are SQL words). The
    only values ever put into a query are ids, as int() made them."""
    columns = ", ".join(".".join(f'"{part}"' for part in name.split(".")) for name in names)
    return f"SELECT {columns} FROM {table}" + (f" WHERE {where}" if where else "")


def _records(connection: Any, record_type: Any, table: str, where: str,
             **computed: Any) -> list[Any]:
    names = columns_of(record_type)
    return [record_type(**_converted(dict(zip(names, row, strict=True))), **computed)
            for row in fetch_all(connection, _select(names, table, where))]


def _converted(values: dict[str, Any]) -> dict[str, Any]:
    """Values as SQLAlchemy's column types give them: bool for a Boolean, datetime for a
    DateTime (a server database gives them already)."""
    for name in BOOLEANS & values.keys():
        values[name] = bool(values[name])
    for name in DATETIMES & values.keys():
        if isinstance(values[name], str):
            values[name] = datetime.fromisoformat(values[name])
    return values
