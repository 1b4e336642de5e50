"""Builds the export view-model (model.report.records) from one assessment, from plain rows
(model.report.queries: no ORM objects), in one read."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import MISSING, fields
from datetime import date
from typing import Any

from model.records import AssessmentRecord, DimensionRecord, EvidenceRecord
from model.report.options import ReportOptions, official_date
from model.report.queries import (
    REPORT_ITEM_COLUMNS,
    assessment_record,
    dimension_records,
    evidence_by_item,
    extras_of,
    narrative_sections,
    report_item_rows,
)
from model.report.records import Counts, Report, ReportDimension, ReportItem
from model.storage.db import Database
from model.vocabulary import completion, titled

PLACEHOLDER = re.compile(r"\{(任务总数|已完成数|未完成数|完成率)\}")


def report_of(database: Database, assessment_id: int, *, with_evidence: bool = False) -> Report:
    """The report of an assessment in database (services.db where Services are at hand)."""
    with database.read() as connection:
        assessment = assessment_record(connection, assessment_id)
        dims = dimension_records(connection, assessment_id)
        items = report_item_rows(connection, assessment_id, dims)
        evidence = evidence_by_item(connection, assessment_id) if with_evidence else {}
        stored = narrative_sections(connection, assessment_id)
    report_items = _report_items(dims, items, evidence)
    counts = completion(i.status for i in report_items)
    sections = {key: fill_placeholders(record.text, counts) for key, record in stored.items()}
    return Report(
        assessment_id=assessment_id, unit=assessment.unit_name, year=assessment.year,
        period=assessment.period,
        title=titled(assessment.report_title, "summary", assessment.unit_name, assessment.year),
        table_title=titled(assessment.title, "table", assessment.unit_name, assessment.year),
        sections=sections, dimensions=_tree(dims, report_items), items=tuple(report_items),
        counts=counts, options=report_options(assessment))


def report_options(assessment: AssessmentRecord, today: date | None = None) -> ReportOptions:
    """落款 as printed: the signature defaults to the unit, the date to today; either can be off."""
    signature = (assessment.signature or assessment.unit_name) if assessment.show_signature else ""
    day = assessment.signature_date or official_date(today or date.today())
    return ReportOptions(signature=signature, signature_date=day if assessment.show_date else "",
                         omit_unfinished=assessment.omit_unfinished,
                         demote_numbering=assessment.demote_numbering,
                         page_numbers=assessment.page_numbers)


def fill_placeholders(text: str, counts: Counts) -> str:
    """{任务总数} {已完成数} {未完成数} {完成率} from the data, so the summary agrees with the table."""
    values = {"任务总数": str(counts.total), "已完成数": str(counts.done),
              "未完成数": str(counts.not_done), "完成率": counts.rate}
    return PLACEHOLDER.sub(lambda m: values[m.group(1)], text)


def _report_items(dims: list[DimensionRecord], items: list[Any],
                  evidence: dict[int, tuple[EvidenceRecord, ...]]) -> list[ReportItem]:
    """The items (rows of REPORT_ITEM_COLUMNS in table order) as the report's, numbered 1..N.
    The rows are consumed: each one is dropped as its record is made (at 100,000 items the
    rows and the records together were 22 MB more than the records)."""
    by_id = {d.id: d for d in dims}

    def path(dimension_id: int | None) -> tuple[str, ...]:
        names: list[str] = []
        while dimension_id is not None:
            names.insert(0, by_id[dimension_id].name)
            dimension_id = by_id[dimension_id].parent_id
        return tuple(names)

    paths = {d.id: path(d.id) for d in dims}
    made = []
    for seq, row in enumerate(_consumed(items), start=1):
        values = dict(zip(REPORT_ITEM_COLUMNS, row, strict=True))  # by name, never by place
        del values["position"]
        values["extras"] = extras_of(values["extras"])
        made.append(_frozen(ReportItem, **values, seq=seq, path=paths[values["dimension_id"]],
                            evidence=evidence.get(values["id"], ())))
    return made


def _consumed(rows: list[Any]) -> Iterator[Any]:
    """rows in order, each one removed from the list as it is given."""
    rows.reverse()
    while rows:
        yield rows.pop()


def _frozen(record_type: type[ReportItem], **values: Any) -> ReportItem:
    """A frozen record made as its __init__ would, given its fields, without the checks of a
    frozen __init__: each slot set by its descriptor, an unset one to its default."""
    record = object.__new__(record_type)
    setters, defaults = _SLOTS.get(record_type) or _slots(record_type)
    for name, value in values.items():
        setters[name](record, value)
    if len(values) < len(setters):
        for name in defaults.keys() - values.keys():
            setters[name](record, defaults[name])
    return record


def _slots(record_type: type[ReportItem]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each slot's setter and each field's default, found once per record type."""
    names: tuple[str, ...] = record_type.__slots__
    found = ({name: getattr(record_type, name).__set__ for name in names},
             {f.name: f.default for f in fields(record_type) if f.default is not MISSING})
    _SLOTS[record_type] = found
    return found


_SLOTS: dict[type, tuple[dict[str, Any], dict[str, Any]]] = {}


def _tree(dims: list[DimensionRecord], items: list[ReportItem]) -> tuple[ReportDimension, ...]:
    items_of: dict[int, list[ReportItem]] = defaultdict(list)
    for item in items:
        items_of[item.dimension_id].append(item)
    children_of: dict[int | None, list[DimensionRecord]] = defaultdict(list)
    for dim in dims:  # table order, so siblings stay in order
        children_of[dim.parent_id].append(dim)

    def build(parent_id: int | None) -> tuple[ReportDimension, ...]:
        return tuple(ReportDimension(
            id=d.id, name=d.name, heading=d.report_heading or d.name, level=d.level,
            items=tuple(items_of[d.id]), children=build(d.id)) for d in children_of[parent_id])

    return build(None)
