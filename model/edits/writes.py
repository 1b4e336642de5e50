"""Every write an editor makes, through the services, returning its result and what it changed
(an Outcome, model/edits/changes.py). A row kind maps to its service in one table, never an if-chain;
a field write checks that the field still holds what the writer saw in the write's own
transaction (one transaction a save)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from model.collect.merge import CollectOptions
from model.collect.records import BaseMove, CollectResult, FieldChange, NewRow, ReturnedBook
from model.edits.changes import Changes, Outcome
from model.framework.assessment_removal import delete_assessment, restore_assessment
from model.framework.import_undo import ImportedRows, remove_import, restore_import
from model.records import (
    AssessmentRecord,
    DeletedRows,
    DimensionRecord,
    EvidenceRecord,
    ItemRecord,
)
from model.services import Services

# (services, row id, field, value, the value the writer saw there) → the row as stored
Write = Callable[[Services, int, str, Any, Any], Any]


@dataclass(frozen=True)
class FieldWriter:
    write: Write
    changes: Callable[[Any, str], Changes]  # the row as stored, the field → what changed
    value: Callable[[Any, str], Any] = getattr  # the field's value in the row as stored


def _narrative(services: Services, assessment_id: int, key: str, text: Any, seen: Any) -> Any:
    return services.narrative.set_text(assessment_id, key, text,
                                       unchanged="" if seen is None else str(seen))


# Row kinds an editor writes a field of: item, dimension, assessment, evidence, narrative (the
# row is the assessment, the field a section key), and the finance form's form (texts of the
# assessment's form), fund (a funds row) and indicator (an item) cells.
FIELD_WRITERS: dict[str, FieldWriter] = {
    "item": FieldWriter(
        lambda s, row, field, value, seen: s.items.update(row, unchanged={field: seen},
                                                          **{field: value}),
        Changes.of_item),
    "dimension": FieldWriter(
        lambda s, row, field, value, seen: s.dimensions.update(row, unchanged={field: seen},
                                                               **{field: value}),
        lambda record, _field: Changes.of_dimension(record)),
    "assessment": FieldWriter(
        lambda s, row, field, value, seen: s.assessments.update(row, unchanged={field: seen},
                                                                **{field: value}),
        lambda record, _field: Changes.of_assessment(record)),
    "evidence": FieldWriter(
        lambda s, row, field, value, seen: s.evidence.update(row, unchanged={field: seen},
                                                             **{field: value}),
        lambda record, _field: Changes.of_evidence(record.item_id)),
    "narrative": FieldWriter(_narrative, lambda record, _field: Changes.of_narrative(record),
                             lambda record, _field: record.text),
    "form": FieldWriter(
        lambda s, row, field, value, seen: s.finance_fields.set_form_text(row, field, value, seen),
        lambda record, _field: Changes.of_finance(record.assessment_id)),
    "fund": FieldWriter(
        lambda s, row, field, value, seen: s.finance_fields.set_fund(row, field, value, seen),
        lambda record, _field: Changes.of_finance(record.assessment_id)),
    "indicator": FieldWriter(
        lambda s, row, field, value, seen: s.finance_fields.set_indicator(row, field, value, seen),
        Changes.of_item),
}

# Row kinds of the framework tree: created, deleted, restored and moved by the same methods.
TREE_SERVICES: dict[str, Callable[[Services], Any]] = {
    "item": lambda s: s.items,
    "dimension": lambda s: s.dimensions,
}


class Writes:
    """The writes of one open database, each returning an Outcome."""

    def __init__(self, services: Services) -> None:
        self.services = services

    # --- one field ----------------------------------------------------------------------------
    def set_field(self, kind: str, row_id: int, field: str, value: Any, seen: Any) -> Outcome[Any]:
        """Set one field while it still holds seen (else FieldChangedError, nothing written);
        the result is the field's value as stored (the service may normalise it)."""
        writer = FIELD_WRITERS[kind]
        record = writer.write(self.services, row_id, field, value, seen)
        return Outcome(writer.value(record, field), writer.changes(record, field))

    # --- the framework tree -------------------------------------------------------------------
    def create(self, kind: str, **arguments: Any) -> Outcome[ItemRecord | DimensionRecord]:
        record = TREE_SERVICES[kind](self.services).create(**arguments)
        return Outcome(record, Changes.of_structure((kind, record.id)))

    def delete(self, kind: str, row_id: int) -> Outcome[DeletedRows]:
        return Outcome(TREE_SERVICES[kind](self.services).delete(row_id), Changes.of_structure())

    def restore(self, kind: str, deleted: DeletedRows) -> Outcome[ItemRecord | DimensionRecord]:
        record = TREE_SERVICES[kind](self.services).restore(deleted)
        return Outcome(record, Changes.of_structure((kind, record.id)))

    def move(self, kind: str, row_id: int, parent: Any, index: int | None,
             ) -> Outcome[ItemRecord | DimensionRecord]:
        record = TREE_SERVICES[kind](self.services).move(row_id, parent, index)
        return Outcome(record, Changes.of_structure((kind, row_id)))

    # --- several items at once ----------------------------------------------------------------
    def set_many(self, field: str, values: dict[int, Any],
                 expected: dict[int, Any] | None = None) -> Outcome[list[ItemRecord]]:
        records = self.services.items.set_many(field, values, expected)
        return Outcome(records, Changes.of_items(records, field))

    def move_many(self, moves: list[tuple[int, int, int | None]]) -> Outcome[list[ItemRecord]]:
        records = self.services.items.move_many(moves)
        return Outcome(records, Changes.of_structure(("item", moves[0][0]) if moves else None))

    def delete_many(self, item_ids: list[int]) -> Outcome[list[DeletedRows]]:
        return Outcome(self.services.items.delete_many(item_ids), Changes.of_structure())

    def restore_many(self, deleted: list[DeletedRows]) -> Outcome[list[ItemRecord]]:
        records = self.services.items.restore_many(deleted)
        return Outcome(records, Changes.of_structure(("item", records[-1].id) if records else None))

    # --- evidence -----------------------------------------------------------------------------
    def attach_file(self, item_id: int, file: Path, **fields: Any) -> Outcome[EvidenceRecord]:
        return Outcome(self.services.evidence.attach_file(item_id, file, **fields),
                       Changes.of_evidence(item_id))

    def add_note(self, item_id: int, **fields: Any) -> Outcome[EvidenceRecord]:
        return Outcome(self.services.evidence.add_note(item_id, **fields),
                       Changes.of_evidence(item_id))

    def detach(self, evidence_id: int) -> Outcome[DeletedRows]:
        deleted = self.services.evidence.detach(evidence_id)
        return Outcome(deleted, Changes.of_evidence(int(deleted.rows[0].as_dict()["item_id"])))

    def restore_evidence(self, deleted: DeletedRows) -> Outcome[EvidenceRecord]:
        record = self.services.evidence.restore(deleted)
        return Outcome(record, Changes.of_evidence(record.item_id))

    # --- whole assessments ----------------------------------------------------------------------
    def create_assessment(self, unit_name: str, year: int, *,
                          title: str = "") -> Outcome[AssessmentRecord]:
        record = self.services.assessments.create(unit_name, year, title=title)
        return Outcome(record, Changes.of_assessments(record.id))

    def copy_to_year(self, source_id: int, year: int, *,
                     title: str = "") -> Outcome[AssessmentRecord]:
        """A new year's assessment with the same framework (results cleared)."""
        record = self.services.assessments.copy_to_year(source_id, year, title=title)
        return Outcome(record, Changes.of_assessments(record.id))

    def create_finance_form(self, unit_name: str, year: int, layout: str,
                            project_name: str = "") -> Outcome[int]:
        """A blank 项目支出/部门整体 form of the layout."""
        assessment_id = self.services.finance.create_blank(unit_name, year, layout, project_name)
        return Outcome(assessment_id, Changes.of_assessments(assessment_id))

    def delete_assessment(self, assessment_id: int) -> Outcome[DeletedRows]:
        return Outcome(delete_assessment(self.services.db, assessment_id),
                       Changes.of_assessments(None))

    def restore_assessment(self, deleted: DeletedRows) -> Outcome[int]:
        restored = restore_assessment(self.services.db, deleted)
        return Outcome(restored, Changes.of_assessments(restored))

    # --- imports and collects -----------------------------------------------------------------
    def remove_import(self, rows: ImportedRows) -> Outcome[DeletedRows]:
        """Undo an import: a new assessment goes (the list changes), else its rows."""
        deleted = remove_import(self.services.db, rows)
        return Outcome(deleted, Changes.of_assessments(None) if rows.new_assessment
                       else Changes.of_structure())

    def restore_import(self, rows: ImportedRows, deleted: DeletedRows) -> Outcome[None]:
        restore_import(self.services.db, deleted)
        return Outcome(None, imported(rows))

    def collect(self, books: list[ReturnedBook], options: CollectOptions) -> Outcome[CollectResult]:
        return Outcome(self.services.collect.merge(books, options), Changes.of_structure())

    def reapply_collect(self, changes: list[FieldChange], rows: list[NewRow],
                        moves: list[BaseMove] | None) -> Outcome[list[int]]:
        return Outcome(self.services.collect.reapply(changes, rows, moves), Changes.of_structure())

    def revert_collect(self, changes: list[FieldChange], created: list[int],
                       returns: list[int] | None, moves: list[BaseMove] | None) -> Outcome[None]:
        self.services.collect.revert(changes, created, returns, moves)
        return Outcome(None, Changes.of_structure())


def imported(rows: ImportedRows) -> Changes:
    """What an import (or its redo) changed: the assessment it made, shown; or the rows it added
    to one (whose count the list of assessments shows)."""
    if rows.new_assessment:
        return Changes.of_assessments(rows.assessment_id)
    return Changes.of_assessments(rows.assessment_id) | Changes.of_structure()
