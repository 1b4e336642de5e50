"""Undo that keeps its history: one undo stack per assessment while the window is open (switching
assessments and back keeps it), each step named as the clerk sees it in the Edit menu, the
toolbar's tooltip and the undo history view (编辑 → 撤销历史)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QDialog, QLabel, QUndoView, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

NO_ASSESSMENT = 0


class UndoStacks(QUndoGroup):
    """The window's undo history: the editors push to the stack of the assessment shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stacks: dict[int, QUndoStack] = {}
        self.switch_to(None)

    def switch_to(self, assessment_id: int | None) -> QUndoStack:
        """The assessment shown now: its own stack, kept from the last time it was shown."""
        key = assessment_id or NO_ASSESSMENT
        stack = self._stacks.get(key)
        if stack is None:
            stack = self._stacks[key] = QUndoStack(self)
            self.addStack(stack)
        self.setActiveStack(stack)
        return stack

    def stacks(self) -> list[QUndoStack]:
        return list(self._stacks.values())

    @property
    def active(self) -> QUndoStack:
        stack = self.activeStack()
        assert stack is not None
        return stack

    # what the editors and commands use of a stack, on the active one
    def push(self, command: QUndoCommand) -> None:
        self.active.push(command)

    def beginMacro(self, text: str) -> None:
        self.active.beginMacro(text)

    def endMacro(self) -> None:
        self.active.endMacro()

    def count(self) -> int:
        return self.active.count()

    def index(self) -> int:
        return self.active.index()

    def command(self, index: int) -> QUndoCommand:
        return self.active.command(index)

    def clear(self) -> None:
        self.active.clear()


def install(window: MainWindow) -> None:
    """The undo and redo actions say what they undo (编辑 → 撤销历史…, show_history, shows every
    step)."""
    stacks: UndoStacks = window.undo_stack
    undo, redo = window.undo_action, window.redo_action
    if undo is None or redo is None:
        return

    def name(action: QAction, verb: str, text: str) -> None:
        label = f"{verb} {text}" if text else verb
        marked = f"{verb}{marks[action]} {text}" if text else f"{verb}{marks[action]}"
        action.setText(marked)  # the menu keeps its accelerator letter
        action.setIconText(verb)  # the toolbar button stays short; its tooltip names the step
        action.setToolTip(label)
        action.setStatusTip(label)

    undo_verb, redo_verb = window.tr("撤销"), window.tr("重做")
    marks = {action: (found.group(0) if (found := re.search(r"\(&\w\)", action.text())) else "")
             for action in (undo, redo)}
    stacks.undoTextChanged.connect(lambda text: name(undo, undo_verb, text))
    stacks.redoTextChanged.connect(lambda text: name(redo, redo_verb, text))


class HistoryDialog(QDialog):
    """Every step of the assessment's history; clicking a step undoes or redoes up to it."""

    def __init__(self, parent: QWidget, stacks: UndoStacks) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("撤销历史"))
        layout = QVBoxLayout(self)
        intro = self.tr("本自评在这个窗口中的每一步修改（点击某一步即撤销或重做到那里）：")
        layout.addWidget(QLabel(intro, self))
        self.view = QUndoView(stacks, self)
        self.view.setEmptyLabel(self.tr("<打开时>"))
        self.view.setAccessibleName(self.tr("撤销历史"))
        layout.addWidget(self.view)
        self.resize(520, 420)


def show_history(window: MainWindow) -> HistoryDialog:
    window.commit_editors()  # what is being typed is a step of its own first
    dialog = window.history_dialog
    if dialog is None:
        dialog = window.history_dialog = HistoryDialog(window, window.undo_stack)
    dialog.show()
    dialog.raise_()
    return dialog
