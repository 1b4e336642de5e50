"""Undoable edits of a finance form's own fields: its texts and its funds amounts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui.commands.base import EditContext, ServiceCommand
from gui.commands.fields import EditFieldCommand
from model.finance import FinanceService


class FinanceEditCommand(ServiceCommand):
    """Set one text of the form (row_id = assessment) or one amount of a funds row (row_id = fund)."""

    def __init__(self, context: EditContext, kind: str, row_id: int, field: str, old: Any,
                 new: Any, label: str, done: Callable[[], None]) -> None:
        super().__init__(context, label)
        self.kind, self.row_id, self.field, self.old, self.new = kind, row_id, field, old, new
        self.done = done

    def apply(self) -> None:
        self._write(self.new)

    def revert(self) -> None:
        self._write(self.old)

    def _write(self, value: Any) -> None:
        finance = FinanceService(self.services.db)
        if self.kind == "form":
            finance.update_form(self.row_id, **{self.field: value})
        else:
            finance.update_fund(self.row_id, **{self.field: value})
        self.done()


class IndicatorEditCommand(EditFieldCommand):
    """An indicator field edited in the form. EditFieldCommand's field-level check applies: undo
    and redo go ahead while the field still holds what this command left there (other fields
    of the item may have changed since, e.g. the 偏差原因 typed after the 实际完成值)."""
