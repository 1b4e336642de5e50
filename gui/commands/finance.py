"""Undoable edits of a finance form: its texts, its funds amounts and its indicator cells.

As for items (gui/commands/fields.py), a conflict is decided per field: a write goes ahead only
while the field still holds what this window showed (first run, redo) or what this command wrote
(undo), checked in the same transaction as the write (model/finance/fields.py); otherwise a
first run asks the clerk (mine / theirs / an edit of both, when the form gave a resolve) and an
undo or redo is refused: nothing is overwritten, and the window says so. Consecutive saves of
one field visit are one undo step."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gui.commands.base import EditContext, ServiceCommand
from gui.commands.fields import EditFieldCommand
from model.edits.changes import NOTHING, Changes
from model.errors import FieldChangedError

FINANCE_EDIT_ID = 1002
# what the clerk chose over theirs (the value now stored elsewhere): the value to write, or None
# to keep theirs
Settle = Callable[[Any], Any | None]
KINDS = ("form", "fund", "indicator")


class FinanceEditCommand(ServiceCommand):
    """Set one text of the form (kind "form", row_id = assessment), one amount of a funds row
    ("fund", row_id = fund) or one indicator cell ("indicator", row_id = item); the form
    follows the Changes it announces (model/edits/writes.py says which)."""

    def __init__(self, context: EditContext, kind: str, row_id: int, field: str, old: Any,
                 new: Any, label: str, *, visit: int | None = None, subject: str = "",
                 resolve: Settle | None = None) -> None:
        super().__init__(context, label)
        assert kind in KINDS, kind
        self.kind, self.row_id, self.field, self.old, self.new = kind, row_id, field, old, new
        self.visit = visit  # None: never merged
        self.subject = subject
        self.stored_old: Any = old  # what the field held before (as shown)
        self.stored_new: Any = new  # what this command left there (as the service stored it)
        self.resolve = resolve  # the first run finds the field changed elsewhere: who decides
        self.kept_theirs = False  # so decided: nothing written, no step

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

    def apply(self) -> Changes:
        try:
            outcome = self.writes.set_field(self.kind, self.row_id, self.field, self.new,
                                            self.stored_old)
        except FieldChangedError as exc:
            if self.origin != "edit" or self.resolve is None:
                raise  # an undo or redo is refused rather than wiping the other's edit
            return self._settle(exc.current)
        self.stored_new = outcome.result
        return outcome.changes

    def _settle(self, theirs: Any) -> Changes:
        """Changed elsewhere since the form showed it: the clerk's choice is written while the
        field still holds theirs; keeping theirs writes nothing and leaves no step."""
        assert self.resolve is not None
        chosen, self.resolve = self.resolve(theirs), None
        self.visit = None  # a settled conflict is a step of its own
        self.old = self.stored_old = theirs
        if chosen is None:
            self.kept_theirs = True
            self.stored_new = theirs
            self.setObsolete(True)
            return NOTHING
        self.new = chosen
        outcome = self.writes.set_field(self.kind, self.row_id, self.field, chosen, theirs)
        self.stored_new = outcome.result
        return outcome.changes

    def revert(self) -> Changes:
        outcome = self.writes.set_field(self.kind, self.row_id, self.field, self.old,
                                        self.stored_new)
        self.stored_old = outcome.result
        return outcome.changes


class IndicatorEditCommand(EditFieldCommand):
    """An indicator field edited as an item (kept for callers outside the finance form)."""
