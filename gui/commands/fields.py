"""Field edits: one undo step per field visit (consecutive saves of a visit merge).

A conflict is decided per field, not per row: before writing, the command checks that the field
still holds what the editor showed (first run, redo) or what this command wrote (undo). The app's
own later edits of other fields of the same row never count; only another window or program
changing *this* field does. Then the clerk decides (mine / theirs / both, in the conflict
dialog): nothing typed is dropped without being shown. The write itself still carries the
version just read, so a change slipping in between the check and the write is refused too."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QGuiApplication

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
from gui.commands.conflicts import FieldConflict
from model.errors import ConflictError, ModelError, NotFoundError, ServerError

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

    def apply(self) -> None:
        self.stored_new = self._write(self.new, expected=self.stored_old)
        if self.resolved and self.stored_new == self.stored_old:  # theirs kept: no step to undo
            self.setObsolete(True)

    def revert(self) -> None:
        self.stored_old = self._write(self.old, expected=self.stored_new)

    def _write(self, value: Any, expected: Any) -> Any:
        try:
            current, version = self._current()
        except NotFoundError as exc:
            if self.origin != "edit" or not isinstance(value, str) or not value.strip():
                raise
            # deleted elsewhere while the clerk typed: the words go to the clipboard, not away
            QGuiApplication.clipboard().setText(value)
            self.subject = ""  # the message names the row already
            raise NotFoundError(exc.message + self.notifier.tr("您输入的内容已复制到剪贴板。"),
                                table=exc.table, row_id=exc.row_id) from exc
        if current != expected:
            value = self._resolve(value, expected, current)
            if value == current:  # theirs kept: nothing to write
                if self.origin == "edit":
                    self.old = self.stored_old = current
                return current
        return self._store(value, version)

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

    def _store(self, value: Any, version: int | None) -> Any:
        services, notifier, origin = self.services, self.notifier, self.origin
        change = {self.field: value}
        if self.kind == "item":
            item = services.items.update(self.row_id, version, **change)
            notifier.item_changed.emit(Change("item", origin, item))
            return getattr(item, self.field)
        if self.kind == "dimension":
            dimension = services.dimensions.update(self.row_id, version, **change)
            notifier.dimension_changed.emit(Change("dimension", origin, dimension))
            return getattr(dimension, self.field)
        if self.kind == "assessment":
            assessment = services.assessments.update(self.row_id, version, **change)
            notifier.assessment_changed.emit(Change("assessment", origin, assessment))
            return getattr(assessment, self.field)
        if self.kind == "evidence":
            evidence = services.evidence.update(self.row_id, version, **change)
            notifier.evidence_changed.emit(Change.evidence(evidence.item_id, origin))
            return getattr(evidence, self.field)
        # narrative: row_id is the assessment, field the section key
        section = services.narrative.set_text(self.row_id, self.field, value, version)
        notifier.narrative_changed.emit(Change("narrative", origin, section))
        return section.text

    def _current(self) -> tuple[Any, int | None]:
        """The field's stored value and the row's version, read now."""
        services = self.services
        try:
            if self.kind == "narrative":
                section = services.narrative.sections(self.row_id).get(self.field)
                return (section.text, section.version) if section else ("", None)
            getter: Callable[[int], Any] = {"item": services.items.get, "dimension": services.dimensions.get,
                      "assessment": services.assessments.get,
                      "evidence": services.evidence.get}[self.kind]
            record = getter(self.row_id)
        except NotFoundError as exc:
            if not self.subject:
                raise
            raise NotFoundError(self._message(
                self.notifier.tr("%1已不存在（可能已被删除），“%2”未能保存。"))) from exc
        return getattr(record, self.field), record.version

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
