"""Field edits: one undo step per field visit (consecutive saves of a visit merge).

A conflict is decided per field, not per row: before writing, the command checks that the field
still holds what the editor showed (first run, redo) or what this command wrote (undo). The app's
own later edits of other fields of the same row never count; only another window or program
changing *this* field does. Then the clerk decides (mine / theirs / both, in the conflict
dialog): nothing typed is dropped without being shown. The check is made in the write's own
transaction (model/edits/writes.py: one transaction a save), and the row's version still guards it."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QGuiApplication

from gui.commands.base import EditContext, ServiceCommand
from gui.commands.conflicts import FieldConflict
from model.edits.changes import NOTHING, Changes
from model.errors import (
    ConflictError,
    FieldChangedError,
    ModelError,
    NotFoundError,
    ServerError,
)

FIELD_EDIT_ID = 1001


class EditFieldCommand(ServiceCommand):
    """Set one field of one row (item, dimension, assessment, evidence or narrative section)."""

    def __init__(self, context: EditContext, kind: str, row_id: int, field: str, old: Any,
                 new: Any, *, visit: int, label: str, subject: str = "") -> None:
        super().__init__(context, step_name(context, label, subject))
        self.kind, self.row_id, self.field = kind, row_id, field
        self.old, self.new, self.visit = old, new, visit
        self.label = label
        self.subject = subject
        self.stored_new: Any = new  # the value as stored (the service may normalise it)
        self.stored_old: Any = old
        self.resolved = False  # a conflict was decided by the clerk: a step of its own
        self.server_failed = False  # refused by the server or the connection lost

    def id(self) -> int:
        return FIELD_EDIT_ID

    def mergeWith(self, other: Any) -> bool:
        same = (isinstance(other, EditFieldCommand) and not other.failed
                and not other.resolved and not self.resolved
                and (other.kind, other.row_id, other.field, other.visit)
                == (self.kind, self.row_id, self.field, self.visit))
        if same:
            self.new, self.stored_new = other.new, other.stored_new
        return same

    def apply(self) -> Changes:
        self.stored_new, changes = self._write(self.new, expected=self.stored_old)
        if self.resolved and self.stored_new == self.stored_old:  # theirs kept: no step to undo
            self.setObsolete(True)
        return changes

    def revert(self) -> Changes:
        self.stored_old, changes = self._write(self.old, expected=self.stored_new)
        return changes

    def _write(self, value: Any, expected: Any) -> tuple[Any, Changes]:
        """value written while the field holds expected (checked in the write's transaction);
        changed elsewhere meanwhile: the clerk decides, and the choice is written while the
        field still holds theirs. Returns the value as stored and what changed."""
        try:
            return self._store(value, expected)
        except FieldChangedError as exc:
            current = exc.current
        value = self._resolve(value, expected, current)
        if value == current:  # theirs kept: nothing to write
            if self.origin == "edit":
                self.old = self.stored_old = current
            return current, NOTHING
        return self._store(value, current)

    def _store(self, value: Any, seen: Any) -> tuple[Any, Changes]:
        try:
            outcome = self.writes.set_field(self.kind, self.row_id, self.field, value, seen)
        except NotFoundError as exc:
            raise self._gone(exc, value) from exc
        return outcome.result, outcome.changes

    def _gone(self, exc: NotFoundError, value: Any) -> NotFoundError:
        """The row was deleted elsewhere: say so, naming it; words being typed go to the
        clipboard, not away."""
        gone = NotFoundError(self._message(
            self.notifier.tr("%1已不存在（可能已被删除），“%2”未能保存。"))) if self.subject else exc
        if self.origin != "edit" or not isinstance(value, str) or not value.strip():
            return gone
        QGuiApplication.clipboard().setText(value)
        self.subject = ""  # the message names the row already
        return NotFoundError(gone.message + self.notifier.tr("您输入的内容已复制到剪贴板。"),
                             table=exc.table, row_id=exc.row_id)

    def _resolve(self, mine: Any, base: Any, theirs: Any) -> Any:
        """Another window or program changed this field: the clerk chooses (never silently)."""
        resolve = self.context.resolve
        if resolve is None:
            raise ConflictError(self._message(self.notifier.tr("%1的“%2”已被其他窗口或程序修改。")),
                                row_id=self.row_id)
        chosen = resolve(FieldConflict(self.kind, self.row_id, self.field, self.label,
                                       self.subject, base, mine, theirs, self.origin
                                       if self.origin in ("undo", "redo") else "edit"))
        if chosen is None:
            raise ConflictError(self._message(self.notifier.tr("%1的“%2”已被其他窗口或程序修改。")),
                                row_id=self.row_id)
        self.resolved = True
        if self.origin == "edit":  # undoing this step puts theirs back, not what was before it
            self.old = self.stored_old = theirs
            self.new = chosen
        return chosen

    def _fail(self, error: ModelError) -> None:
        self.server_failed = isinstance(error, ServerError)
        if isinstance(error, ServerError):  # the server refused or is gone: name what was not saved
            error = ServerError(self._message(self.notifier.tr("%1的“%2”未保存。")) + error.message)
        super()._fail(error)

    def _message(self, template: str) -> str:
        subject = self.subject or self.notifier.tr("该内容")
        return template.replace("%1", subject).replace("%2", self.label)


def step_name(context: EditContext, label: str, subject: str) -> str:
    """The step as the Edit menu names it: 编辑“落实情况”（第 3 项）."""
    tr = context.notifier.tr
    where = subject
    if subject.startswith("第 ") and " 项" in subject:  # an item: its 序号 is enough
        where = subject[:subject.index(" 项") + 2]
    text = tr("编辑“%1”").replace("%1", label)
    return text + tr("（%1）").replace("%1", where) if where else text
