"""Bulk edits of several selected items: set a field, move, delete; each one undo step."""

from __future__ import annotations

from typing import Any

from gui.commands.base import EditContext, ServiceCommand
from model.edits.changes import Changes
from model.records import DeletedRows, ItemRecord


class BulkFieldCommand(ServiceCommand):
    """Set one field (状态, 责任处室) of several items; undo gives each its own old value back.
    Like a field edit, it refuses only when another program changed one of these fields."""

    def __init__(self, context: EditContext, items: list[ItemRecord], field: str, value: Any,
                 text: str) -> None:
        super().__init__(context, text)
        self.field = field
        self.old = {item.id: getattr(item, field) for item in items}
        self.new = dict.fromkeys(self.old, value)
        self.stored_new: dict[int, Any] = {}

    def apply(self) -> Changes:
        outcome = self.writes.set_many(self.field, self.new, expected=self.old)
        self.stored_new = {record.id: getattr(record, self.field) for record in outcome.result}
        return outcome.changes

    def revert(self) -> Changes:
        return self.writes.set_many(self.field, self.old, expected=self.stored_new).changes


class BulkMoveCommand(ServiceCommand):
    """Move several items to the end of one dimension, in table order; undo puts each back."""

    def __init__(self, context: EditContext, items: list[ItemRecord], dimension_id: int,
                 text: str) -> None:
        super().__init__(context, text)
        ordered = sorted(items, key=lambda item: item.seq)
        self.ids = [item.id for item in ordered]
        # ascending positions: putting them back in this order rebuilds each old dimension
        self.places = sorted(((item.dimension_id, item.position, item.id) for item in ordered),
                             key=lambda place: (place[0], place[1]))
        self.dimension_id = dimension_id

    def apply(self) -> Changes:
        return self.writes.move_many([(item_id, self.dimension_id, None)
                                      for item_id in self.ids]).changes

    def revert(self) -> Changes:
        self.writes.move_many([(item_id, dimension_id, position)
                               for dimension_id, position, item_id in self.places])
        return Changes.of_structure(("item", self.ids[0]))  # the first of them, as moved


class BulkDeleteCommand(ServiceCommand):
    """Delete several items with their evidence; undo brings every one back at its place."""

    def __init__(self, context: EditContext, item_ids: list[int], text: str) -> None:
        super().__init__(context, text)
        self.ids = list(item_ids)
        self.deleted: list[DeletedRows] = []

    def apply(self) -> Changes:
        outcome = self.writes.delete_many(self.ids)
        self.deleted = outcome.result
        return outcome.changes

    def revert(self) -> Changes:
        return self.writes.restore_many(self.deleted).changes
