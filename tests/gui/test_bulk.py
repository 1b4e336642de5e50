"""Work on several items at once: status, 责任处室, move, delete — each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog, QToolBar
from pytestqt.qtbot import QtBot

from gui.infra.accelerators import plain_text
from gui.item_models.framework_tree import ITEM
from gui.window import window_menus
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.conftest import database_state
from tests.gui.test_editing import action, select

SELECT = QItemSelectionModel.SelectionFlag.Select


def select_items(window: MainWindow, item_ids: list[int]) -> None:
    """As Ctrl+click does: the last one clicked is the current row."""
    selection = window.tree.selectionModel()
    for n, item_id in enumerate(item_ids):
        index = window.tree_model.index_of(ITEM, item_id)
        selection.setCurrentIndex(index, SELECT if n else
                                  QItemSelectionModel.SelectionFlag.ClearAndSelect)


@pytest.fixture
def picked(window: MainWindow, demo: Services, demo_id: int) -> list[int]:
    items = demo.items.list(demo_id)
    ids = [items[1].id, items[2].id, items[25].id]  # across two dimensions
    select_items(window, ids)
    return ids


def test_set_status_of_several_items_is_one_step(window: MainWindow, demo: Services,
                                                 picked: list[int]) -> None:
    before = database_state(demo.db.sqlite_path)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "编辑(&E)")
    statuses = next(a.menu() for a in menu.actions() if plain_text(a.text()) == "设置状态")
    next(a for a in statuses.actions() if plain_text(a.text()) == "推进中").trigger()
    assert [demo.items.get(i).status for i in picked] == ["推进中"] * 3
    assert window.completion.text() == "已完成 37 / 40 · 推进中 3"
    assert window.undo_stack.count() == 1
    window.undo()
    assert database_state(demo.db.sqlite_path) == before


def test_set_department_and_move_then_undo(window: MainWindow, demo: Services, demo_id: int,
                                           picked: list[int],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    before = database_state(demo.db.sqlite_path)
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda *a, **k: ("规划发展处", True)))
    action(window, "bulk_department").trigger()
    assert {demo.items.get(i).department for i in picked} == {"规划发展处"}
    last = demo.dimensions.list(demo_id)[-1]
    labels: list[list[str]] = []

    def choose_last(_parent, _title, _label, names, *args, **kwargs):
        labels.append(names)
        return names[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose_last))
    select_items(window, picked)
    action(window, "bulk_move").trigger()
    assert labels[0][-1].strip() == last.name
    moved = [demo.items.get(i) for i in picked]
    assert {m.dimension_id for m in moved} == {last.id}
    assert [m.seq for m in moved] == [38, 39, 40]  # at the end, in their old order
    assert window.undo_stack.count() == 2
    window.undo()
    window.undo()
    assert database_state(demo.db.sqlite_path) == before


def test_delete_key_deletes_the_selection_after_asking(qtbot: QtBot, window: MainWindow,
                                                       demo: Services, picked: list[int],
                                                       answers: list[str]) -> None:
    before = database_state(demo.db.sqlite_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_Delete)
    assert answers == ["question:删除:删除选中的 3 项（序号 2、3、26）及其证明材料？\n（可以撤销）"]
    assert all(i not in {r.id for r in demo.items.list(1)} for i in picked)
    assert window.item_editor.record.id not in picked  # the editor moved on
    assert window.undo_stack.count() == 1
    window.undo()
    assert database_state(demo.db.sqlite_path) == before


def test_ctrl_a_selects_the_items_of_the_dimension(qtbot: QtBot, window: MainWindow,
                                                   demo: Services, demo_id: int) -> None:
    items = demo.items.list(demo_id)
    select(window, ITEM, items[1].id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    QTest.keyClick(window.tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    same = [i.id for i in items if i.dimension_id == items[1].dimension_id]
    assert [r.id for r in window.bulk.selected_items()] == same


def test_context_menu_offers_the_bulk_actions(window: MainWindow, picked: list[int]) -> None:
    menu = window_menus.tree_menu(window, QPoint(5, 5))
    texts = [plain_text(a.text()) for a in menu.actions() if not a.isSeparator()]
    assert texts == ["新建自查事项", "新建考评维度", "新建下级维度", "设置状态", "设置责任处室…",
                     "移到考评维度…", "删除…"]
    menu.close()


def test_toolbar_and_help(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.window import help_menu
    from model.runtime.program import version

    bar = window.findChild(QToolBar, "main_toolbar")
    names = [a.objectName() for a in bar.actions() if not a.isSeparator()]
    assert names == ["new_item", "delete", "undo", "redo", "import", "word", "excel", "check"]
    shown: list[str] = []
    monkeypatch.setattr(help_menu.QMessageBox, "about",
                        staticmethod(lambda _p, title, text: shown.append(text)))
    action(window, "about").trigger()
    assert f"版本 {version()}" in shown[0] and "数据文件夹" in shown[0]
    guide = help_menu.GuideDialog(window)
    assert "Ctrl+Z" in guide.findChild(help_menu.QTextBrowser).toPlainText()
    guide.deleteLater()


def test_dragging_several_items_onto_a_dimension_moves_them_together(
        window: MainWindow, demo: Services, demo_id: int, picked: list[int]) -> None:
    before = database_state(demo.db.sqlite_path)
    model = window.tree_model
    mime = model.mimeData(window.tree.selectionModel().selectedIndexes())
    last = demo.dimensions.list(demo_id)[-1]
    target = model.index_of("dimension", last.id)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, target)
    assert [demo.items.get(i).dimension_id for i in picked] == [last.id] * 3
    assert window.undo_stack.count() == 1
    window.undo()
    assert database_state(demo.db.sqlite_path) == before


def test_set_department_starts_with_the_common_value_or_empty(
        window: MainWindow, demo: Services, demo_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    items = demo.items.list(demo_id)
    for ids, name in (([items[0].id, items[1].id], "办公室"), ([items[2].id], "规划发展处")):
        monkeypatch.setattr(QInputDialog, "getItem",
                            staticmethod(lambda *a, name=name, **k: (name, True)))
        select_items(window, ids)
        action(window, "bulk_department").trigger()
    offered: list[str] = []

    def cancel(_parent, _title, _label, names, current, *args, **kwargs):
        offered.append(names[current])
        return "", False

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(cancel))
    select_items(window, [items[0].id, items[1].id])
    action(window, "bulk_department").trigger()
    select_items(window, [items[1].id, items[2].id])
    action(window, "bulk_department").trigger()
    assert offered == ["办公室", ""]
