"""Field edits: one undo step per field visit (consecutive saves of a visit merge)."""

from __future__ import annotations

from typing import Any

from gui.commands.base import EditContext, ServiceCommand

FIELD_EDIT_ID = 1001


class EditFieldCommand(ServiceCommand):
    """Set one field of one row (item, dimension, assessment, evidence or narrative section)."""

    def __init__(self, context: EditContext, kind: str, row_id: int, field: str, old: Any,
                 new: Any, version: int | None, visit: int, label: str) -> None:
        super().__init__(context, label)
        self.kind, self.row_id, self.field = kind, row_id, field
        self.old, self.new, self.version, self.visit = old, new, version, visit

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: Any) -> bool:
        same = (isinstance(other, EditFieldCommand) and not other.failed
                and (other.kind, other.row_id, other.field, other.visit)
                == (self.kind, self.row_id, self.field, self.visit))
        if same:
            self.new, self.version = other.new, other.version
        return same

    def apply(self) -> None:
        self._write(self.new)

    def revert(self) -> None:
        self._write(self.old)

    def _write(self, value: Any) -> None:
        services, notifier = self.services, self.notifier
        if self.kind == "item":
            record = services.items.update(self.row_id, self.version, **{self.field: value})
            notifier.item_changed.emit(record)
        elif self.kind == "dimension":
            record = services.dimensions.update(self.row_id, self.version, **{self.field: value})
            notifier.dimension_changed.emit(record)
        elif self.kind == "assessment":
            record = services.assessments.update(self.row_id, self.version, **{self.field: value})
            notifier.assessment_changed.emit(record)
        elif self.kind == "evidence":
            record = services.evidence.update(self.row_id, self.version, **{self.field: value})
            notifier.evidence_changed.emit(record.item_id)
        else:  # narrative: row_id is the assessment, field the section key
            record = services.narrative.set_text(self.row_id, self.field, value, self.version)
            notifier.narrative_changed.emit(record)
        self.version = record.version
