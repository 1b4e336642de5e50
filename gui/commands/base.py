"""The base of every undo command: run a service write, announce the Changes it returns as one
changed(Changes, origin) signal, report a refusal instead of raising."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtGui import QUndoCommand

from gui.commands.conflicts import Resolver
from gui.infra.change import Origin
from gui.infra.notifier import ChangeNotifier
from model.edits.changes import Changes
from model.edits.writes import Writes
from model.errors import ModelError, NotFoundError
from model.services import Services


@dataclass(frozen=True)
class EditContext:
    services: Services
    notifier: ChangeNotifier
    resolve: Resolver | None = None  # a field changed elsewhere meanwhile: who decides (the dialog)


class ServiceCommand(QUndoCommand):
    """redo()/undo() call apply()/revert(), which write through model.edits.writes and return the
    Changes made; the command emits them once (panels refresh by the flags they show). A
    ModelError (a conflict, say) makes the command obsolete, so the stack drops it, and is
    announced for the window to show and reload."""

    first_origin: ClassVar[Origin] = "edit"  # who started the first run (the stack's push)

    def __init__(self, context: EditContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.failed = False
        self.subject = ""  # the row as the clerk sees it (第 9 项“…”), for messages
        self.subjects: dict[tuple[str, int], str] = {}  # (table, id) → subject, for several rows
        self.origin: Origin = self.first_origin  # who runs apply()/revert() now, for its Changes
        self._ran = False

    @property
    def services(self) -> Services:
        return self.context.services

    @property
    def notifier(self) -> ChangeNotifier:
        return self.context.notifier

    @property
    def writes(self) -> Writes:
        return Writes(self.context.services)

    def redo(self) -> None:
        self.origin = "redo" if self._ran else self.first_origin
        self._ran = True
        self._run(self.apply)

    def undo(self) -> None:
        self.origin = "undo"
        self._run(self.revert)

    def apply(self) -> Changes:
        raise NotImplementedError

    def revert(self) -> Changes:
        raise NotImplementedError

    def _run(self, action: Callable[[], Changes]) -> None:
        try:
            changes = action()
        except NotFoundError as exc:
            subject = self.subjects.get((exc.table, exc.row_id or 0), self.subject)
            self._fail(NotFoundError(self.notifier.tr("%1已不存在（可能已在其他窗口中删除）。")
                                     .replace("%1", subject), table=exc.table, row_id=exc.row_id)
                       if subject else exc)
            return
        except ModelError as exc:
            self._fail(exc)
            return
        if changes:
            self.notifier.changed.emit(changes, self.origin)

    def _fail(self, error: ModelError) -> None:
        self.failed = True
        self.setObsolete(True)
        self.notifier.failed.emit(error)
