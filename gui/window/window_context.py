"""What the window's actions (file, structure, bulk, collect, deleting an assessment) work with,
handed to them as one typed value instead of the main window itself: the services, the undo
stacks, the settings, the assessment shown, and the window's few services to them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from gui.commands.base import EditContext
from gui.infra.settings import Settings
from gui.window.undo_history import UndoStacks
from model.errors import ModelError
from model.services import Services


@dataclass(frozen=True)
class WindowContext:
    widget: QMainWindow  # the parent of the actions' dialogs (and its status bar)
    services: Services
    edit: EditContext  # the services, the change notifier and the conflict dialog: for commands
    undo: UndoStacks  # the shown assessment's undo stack (one per assessment)
    settings: Settings
    current_assessment: Callable[[], int | None]  # the assessment shown, if any
    commit_editors: Callable[[], None]  # what is being typed is saved (its own undo step) first
    fill_assessments: Callable[[int | None], None]  # list the assessments again, show this one
    show_failure: Callable[[ModelError], None]  # a refusal, as the window shows it

    @property
    def assessment_id(self) -> int | None:
        return self.current_assessment()

    def status(self, text: str, milliseconds: int = 5000) -> None:
        """A passing message in the window's status bar."""
        self.widget.statusBar().showMessage(text, milliseconds)
