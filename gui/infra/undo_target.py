"""What an editor needs of an undo history: a QUndoStack, or the window's UndoStacks (whose
active stack, the assessment shown, receives the steps)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtGui import QUndoCommand


class UndoTarget(Protocol):
    def push(self, command: QUndoCommand, /) -> None: ...

    def beginMacro(self, text: str, /) -> None: ...

    def endMacro(self) -> None: ...
