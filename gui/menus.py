"""The window's menus and their shortcuts, declared in one place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Shortcut = QKeySequence.StandardKey | str | None


def add_action(menu: QMenu, window: QMainWindow, text: str, slot: Callable[[], object],
               shortcut: Shortcut = None, *, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    if name:
        action.setObjectName(name)
    menu.addAction(action)
    return action


def add_toolbar(window: QMainWindow, actions: list[QAction | None]) -> QToolBar:
    """The daily actions as a toolbar (None: a separator); text beside icons, in Chinese."""
    bar = QToolBar(window.tr("常用"), window)
    bar.setObjectName("main_toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in actions:
        if action is None:
            bar.addSeparator()
        else:
            bar.addAction(action)
    window.addToolBar(bar)
    return bar
