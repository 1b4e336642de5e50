"""The base of every undo command: run a service call, report a refusal instead of raising."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QUndoCommand

from gui.notifier import ChangeNotifier
from model.errors import ModelError, NotFoundError
from model.services import Services


@dataclass(frozen=True)
class EditContext:
    services: Services
    notifier: ChangeNotifier


class ServiceCommand(QUndoCommand):
    """redo()/undo() call apply()/revert(); a ModelError (a conflict, say) makes the command
    obsolete, so the stack drops it, and is announced for the window to show and reload."""

    def __init__(self, context: EditContext, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.failed = False
        self.subject = ""  # the row as the clerk sees it (第 9 项“…”), for messages

    @property
    def services(self) -> Services:
        return self.context.services

    @property
    def notifier(self) -> ChangeNotifier:
        return self.context.notifier

    def redo(self) -> None:
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def _run(self, action: Callable[[], None]) -> None:
        try:
            action()
        except NotFoundError as exc:
            self._fail(NotFoundError(self.notifier.tr("%1已不存在（可能已在其他窗口中删除）。")
                                     .replace("%1", self.subject)) if self.subject else exc)
        except ModelError as exc:
            self._fail(exc)

    def _fail(self, error: ModelError) -> None:
        self.failed = True
        self.setObsolete(True)
        self.notifier.failed.emit(error)
