"""GUI fixtures: a main window on a real demo database; dialogs answered as a clerk would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.dialogs.text_conflict import TextConflictDialog
from gui.infra.settings import Settings
from gui.window.main_window import MainWindow
from model.services import Services


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes would block the test: record them, answer Yes."""
    shown: list[str] = []

    def record(kind: str):
        def show(_parent, title, text, *args, **kwargs):
            shown.append(f"{kind}:{title}:{text}")
            return QMessageBox.StandardButton.Yes
        return show

    for kind in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))

    def decide(dialog: TextConflictDialog) -> int:
        """The conflict dialog of a field changed in two places: the real dialog, answered with
        what it proposes (both texts kept)."""
        conflict = dialog.conflict
        shown.append(f"conflict:{conflict.subject}:{conflict.label}:{conflict.mine}|{conflict.theirs}")
        dialog.accept()
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(TextConflictDialog, "exec", decide)
    return shown


@pytest.fixture
def window(qtbot: QtBot, demo: Services, answers: list[str]) -> MainWindow:
    main = MainWindow(demo, Settings())
    qtbot.addWidget(main)
    main.show()
    return main


def database_state(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, without the bookkeeping columns (version, updated_at) and the
    search index (its pages are laid out differently after an undo, its content is the same)."""
    connection = sqlite3.connect(path)
    try:
        state = {}
        for (table,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'item_fts%' AND name <> 'audit_log'"):  # derived; a record of edits
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                       if row[1] not in ("version", "updated_at")]
            state[table] = sorted(connection.execute(
                f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
        return state
    finally:
        connection.close()
