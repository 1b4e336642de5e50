"""Undoable edits of a finance form: its texts, its funds amounts and its indicator cells.

As for items (gui/commands/fields.py), a conflict is decided per field: a write goes ahead only
while the field still holds what this window showed (first run, redo) or what this command wrote
(undo), checked in the same transaction as the write (model/finance_fields.py); otherwise it is
refused, nothing is overwritten, and the window says so. Consecutive saves of one field visit
are one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
from gui.commands.fields import EditFieldCommand

FINANCE_EDIT_ID = 1002
KINDS = ("form", "fund", "indicator")


class FinanceEditCommand(ServiceCommand):
    """Set one text of the form (kind "form", row_id = assessment), one amount of a funds row
    ("fund", row_id = fund) or one indicator cell ("indicator", row_id = item)."""

    def __init__(self, context: EditContext, kind: str, row_id: int, field: str, old: Any,
                 new: Any, label: str, done: Callable[[], None], *, visit: int | None = None,
                 subject: str = "") -> None:
        super().__init__(context, label)
        assert kind in KINDS, kind
        self.kind, self.row_id, self.field, self.old, self.new = kind, row_id, field, old, new
        self.done = done
        self.visit = visit  # None: never merged
        self.subject = subject
        self.stored_old: Any = old  # what the field held before (as shown)
        self.stored_new: Any = new  # what this command left there (as the service stored it)

    def id(self) -> int:
        return FINANCE_EDIT_ID

    def mergeWith(self, other: Any) -> bool:
        same = (isinstance(other, FinanceEditCommand) and not other.failed
                and self.visit is not None
                and (other.kind, other.row_id, other.field, other.visit)
                == (self.kind, self.row_id, self.field, self.visit))
        if same:
            self.new, self.stored_new = other.new, other.stored_new
        return same

    def apply(self) -> None:
        self.stored_new = self._write(self.new, expected=self.stored_old)

    def revert(self) -> None:
        self.stored_old = self._write(self.old, expected=self.stored_new)

    def _write(self, value: Any, expected: Any) -> Any:
        fields = self.services.finance_fields
        try:
            if self.kind == "form":
                stored = getattr(fields.set_form_text(self.row_id, self.field, value, expected),
                                 self.field)
            elif self.kind == "fund":
                stored = getattr(fields.set_fund(self.row_id, self.field, value, expected),
                                 self.field)
            else:
                item = fields.set_indicator(self.row_id, self.field, value, expected)
                self.notifier.item_changed.emit(Change("item", self.origin, item))
                stored = getattr(item, self.field)
        finally:
            self.done()  # the form shows what is stored, written or refused
        return stored


class IndicatorEditCommand(EditFieldCommand):
    """An indicator field edited as an item (kept for callers outside the finance form)."""
