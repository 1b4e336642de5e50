"""编辑 → 删除自评…: a confirmation naming what goes, a backup first, undone with Ctrl+Z."""

from __future__ import annotations

from pathlib import Path

from gui.window.assessment_delete import confirm_and_delete
from gui.window.main_window import MainWindow
from model.storage.backups import backup_folder
from tests.gui.conftest import database_state


def test_delete_the_open_assessment_then_take_it_back(window: MainWindow, answers: list[str],
                                                      tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    before = database_state(database)
    first = window.assessment_id
    assert first is not None
    window.action("delete_assessment").trigger()
    assert answers[-1].startswith("question:删除自评:删除自评“北京市卫生健康委员会2021年度日常履职考核事项"
                                  "完成情况自查表”？\n\n将删除 8 个考评维度、40 项自查事项和 0 份"
                                  "证明材料记录")
    assert window.services.assessments.list() == []
    assert list(backup_folder(database).glob("*.before-delete.db"))
    assert not window.assessment_editor.isVisibleTo(window)  # not the deleted one's fields
    assert not window.item_editor.isVisibleTo(window)
    undo = window.action("undo")  # Ctrl+Z, as for any edit
    assert undo.isEnabled() and "删除自评" in undo.toolTip()
    undo.trigger()
    assert [a.id for a in window.services.assessments.list()] == [first]
    assert window.assessment_id == first
    assert window.assessment_editor.isVisibleTo(window)
    assert database_state(database) == before


def test_no_means_nothing_is_deleted(window: MainWindow, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert not confirm_and_delete(window.window_context)
    assert len(window.services.assessments.list()) == 1
