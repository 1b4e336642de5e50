"""Structural edits of the framework: create, delete and move dimensions and items."""

from __future__ import annotations

from typing import Any

from gui.commands.base import EditContext, ServiceCommand
from model.edits.changes import Changes
from model.records import DeletedRows


class CreateCommand(ServiceCommand):
    """Create an item or dimension; undo deletes it, redo restores the very same row (same id)."""

    def __init__(self, context: EditContext, kind: str, text: str, **arguments: Any) -> None:
        super().__init__(context, text)
        self.kind, self.arguments = kind, arguments
        self.row_id: int | None = None
        self.deleted: DeletedRows | None = None

    def apply(self) -> Changes:
        outcome = (self.writes.restore(self.kind, self.deleted) if self.deleted is not None
                   else self.writes.create(self.kind, **self.arguments))
        self.row_id = outcome.result.id
        return outcome.changes

    def revert(self) -> Changes:
        assert self.row_id is not None  # undone after it was done
        outcome = self.writes.delete(self.kind, self.row_id)
        self.deleted = outcome.result
        return outcome.changes


class DeleteCommand(ServiceCommand):
    """Delete an item or a dimension with everything under it; undo brings all of it back."""

    def __init__(self, context: EditContext, kind: str, row_id: int, text: str) -> None:
        super().__init__(context, text)
        self.kind, self.row_id = kind, row_id
        self.deleted: DeletedRows | None = None

    def apply(self) -> Changes:
        outcome = self.writes.delete(self.kind, self.row_id)
        self.deleted = outcome.result
        return outcome.changes

    def revert(self) -> Changes:
        assert self.deleted is not None  # undone after it was done
        return self.writes.restore(self.kind, self.deleted).changes


class MoveCommand(ServiceCommand):
    """Move an item (to a dimension) or a dimension (under a parent) to an index."""

    def __init__(self, context: EditContext, kind: str, row_id: int, source: tuple[Any, int],
                 target: tuple[Any, int], text: str) -> None:
        super().__init__(context, text)
        self.kind, self.row_id, self.source, self.target = kind, row_id, source, target

    def apply(self) -> Changes:
        return self.writes.move(self.kind, self.row_id, *self.target).changes

    def revert(self) -> Changes:
        return self.writes.move(self.kind, self.row_id, *self.source).changes
