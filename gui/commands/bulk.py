"""Bulk edits of several selected items: set a field, move, delete; each one undo step."""

from __future__ import annotations

from typing import Any

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
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

    def apply(self) -> None:
        records = self.services.items.set_many(self.field, self.new, expected=self.old)
        self.stored_new = {record.id: getattr(record, self.field) for record in records}
        self._announce(records)

    def revert(self) -> None:
        self._announce(self.services.items.set_many(self.field, self.old,
                                                    expected=self.stored_new))

    def _announce(self, records: list[ItemRecord]) -> None:
        for record in records:
            self.notifier.item_changed.emit(Change("item", self.origin, record))


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

    def apply(self) -> None:
        self.services.items.move_many([(item_id, self.dimension_id, None) for item_id in self.ids])
        self.notifier.structure_changed.emit(Change.structure("item", self.ids[0], self.origin))

    def revert(self) -> None:
        self.services.items.move_many([(item_id, dimension_id, position)
                                       for dimension_id, position, item_id in self.places])
        self.notifier.structure_changed.emit(Change.structure("item", self.ids[0], self.origin))


class BulkDeleteCommand(ServiceCommand):
    """Delete several items with their evidence; undo brings every one back at its place."""

    def __init__(self, context: EditContext, item_ids: list[int], text: str) -> None:
        super().__init__(context, text)
        self.ids = list(item_ids)
        self.deleted: list[DeletedRows] = []

    def apply(self) -> None:
        self.deleted = self.services.items.delete_many(self.ids)
        self.notifier.structure_changed.emit(Change.structure("item", 0, self.origin))

    def revert(self) -> None:
        records = self.services.items.restore_many(self.deleted)
        self.notifier.structure_changed.emit(
            Change.structure("item", records[-1].id if records else 0, self.origin))
