"""Tools → Restore from backup lists the backups with their date and contents."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.dialogs.restore_backup import RestoreDialog
from model.services import Services
from model.storage.backups import make_backup


def test_lists_backups_newest_first(qtbot: QtBot, demo: Services, demo_id: int) -> None:
    path = demo.db.sqlite_path
    make_backup(path, reason="manual")
    item = demo.items.list(demo_id)[0]
    demo.items.delete(item.id)
    make_backup(path, reason="manual")
    dialog = RestoreDialog(None, path)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert [r[1:] for r in rows] == [["手动", "1", "39"], ["手动", "1", "40"]]
    assert dialog.chosen() == dialog.backups[0]
