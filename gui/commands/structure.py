"""Structural edits of the framework: create, delete and move dimensions and items."""

from __future__ import annotations

from typing import Any

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
from model.records import DeletedRows, DimensionRecord, ItemRecord


class CreateCommand(ServiceCommand):
    """Create an item or dimension; undo deletes it, redo restores the very same row (same id)."""

    def __init__(self, context: EditContext, kind: str, text: str, **arguments: Any) -> None:
        super().__init__(context, text)
        self.kind, self.arguments = kind, arguments
        self.row_id: int | None = None
        self.deleted: DeletedRows | None = None

    def apply(self) -> None:
        service = self.services.items if self.kind == "item" else self.services.dimensions
        record: ItemRecord | DimensionRecord
        if self.deleted is not None:
            record = service.restore(self.deleted)
        elif self.kind == "item":
            record = self.services.items.create(**self.arguments)
        else:
            assessment_id = self.arguments.pop("assessment_id")
            name = self.arguments.pop("name")
            record = self.services.dimensions.create(assessment_id, name, **self.arguments)
            self.arguments.update(assessment_id=assessment_id, name=name)
        self.row_id = record.id
        self.notifier.structure_changed.emit(Change.structure(self.kind, record.id, self.origin))

    def revert(self) -> None:
        service = self.services.items if self.kind == "item" else self.services.dimensions
        assert self.row_id is not None  # undone after it was done
        self.deleted = service.delete(self.row_id)
        self.notifier.structure_changed.emit(Change.structure(self.kind, 0, self.origin))


class DeleteCommand(ServiceCommand):
    """Delete an item or a dimension with everything under it; undo brings all of it back."""

    def __init__(self, context: EditContext, kind: str, row_id: int, text: str) -> None:
        super().__init__(context, text)
        self.kind, self.row_id = kind, row_id
        self.deleted: DeletedRows | None = None

    def apply(self) -> None:
        service = self.services.items if self.kind == "item" else self.services.dimensions
        self.deleted = service.delete(self.row_id)
        self.notifier.structure_changed.emit(Change.structure(self.kind, 0, self.origin))

    def revert(self) -> None:
        service = self.services.items if self.kind == "item" else self.services.dimensions
        assert self.deleted is not None  # undone after it was done
        record = service.restore(self.deleted)
        self.notifier.structure_changed.emit(Change.structure(self.kind, record.id, self.origin))


class MoveCommand(ServiceCommand):
    """Move an item (to a dimension) or a dimension (under a parent) to an index."""

    def __init__(self, context: EditContext, kind: str, row_id: int, source: tuple[Any, int],
                 target: tuple[Any, int], text: str) -> None:
        super().__init__(context, text)
        self.kind, self.row_id, self.source, self.target = kind, row_id, source, target

    def apply(self) -> None:
        self._move(*self.target)

    def revert(self) -> None:
        self._move(*self.source)

    def _move(self, parent: Any, index: int) -> None:
        if self.kind == "item":
            self.services.items.move(self.row_id, parent, index)
        else:
            self.services.dimensions.move(self.row_id, parent, index)
        self.notifier.structure_changed.emit(Change.structure(self.kind, self.row_id, self.origin))
