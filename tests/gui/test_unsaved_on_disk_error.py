"""The database file refuses a write (another program holds its lock too long, a disk error): what
the clerk typed stays in the field, is said to be unsaved, is saved at the next try, and quitting
first asks. Walkthrough finding: a "disk I/O error" once dropped a typed field without a word."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import model.storage.db as db_module
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.test_editing import select, type_into


def stored_result(path, item_id: int) -> str:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT result FROM check_item WHERE id = ?", (item_id,)).fetchone()[0]
    finally:
        connection.close()


def test_a_refused_save_keeps_the_text_and_saves_it_later(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, answers: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)  # the lock held longer than this
    demo.db.engine.dispose()  # new connections wait that long
    path = demo.db.sqlite_path
    item = demo.items.list(demo_id)[0]
    select(window, "item", item.id)
    box = window.item_editor.texts["result"].edit
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, for longer than the wait
    try:
        type_into(qtbot, box, "（补充）")
        window.commit_editors()
        QApplication.processEvents()
        assert box.toPlainText().endswith("（补充）")  # still there
        refused = [a for a in answers if "未保存" in a]
        assert refused and "database is locked" in refused[0]
        assert window.right.unsaved() == [window.item_editor.binder._labels["result"]]
        window.close()  # quitting now asks first, naming the field
        assert any(a.startswith("warning:有内容未能保存") and "落实情况" in a for a in answers)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not stored_result(path, item.id).endswith("（补充）")
    window.commit_editors()  # the lock is gone: the next save stores it
    assert stored_result(path, item.id).endswith("（补充）")
    assert window.right.unsaved() == []
