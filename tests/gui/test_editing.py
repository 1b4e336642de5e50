"""A clerk's working day in the real window, offscreen: create, type, undo/redo, evidence, find."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.infra.accelerators import plain_text
from gui.item_models.framework_tree import DIMENSION, ITEM, KIND_ROLE, RECORD_ROLE
from gui.panels.item_editor import item_subject
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.conftest import database_state


def action(window: MainWindow, name: str):
    return next(a for a in window.findChildren(type(window.undo_action)) if a.objectName() == name)


def select(window: MainWindow, kind: str, row_id: int) -> None:
    window.select(kind, row_id)
    QApplication.processEvents()


def type_into(qtbot: QtBot, widget, text: str) -> None:
    """Type as a Chinese input method does: the composed text is committed into the widget."""
    widget.setFocus()
    if hasattr(widget, "moveCursor"):
        widget.moveCursor(QTextCursor.MoveOperation.End)
    else:
        widget.end(False)
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_create_dimension_and_item_then_type(qtbot: QtBot, window: MainWindow, demo: Services,
                                             demo_id: int) -> None:
    last_top = [d for d in demo.dimensions.list(demo_id) if d.level == 1][-1]
    select(window, DIMENSION, last_top.id)
    action(window, "new_dim").trigger()
    new_dim = [d for d in demo.dimensions.list(demo_id) if d.level == 1][-1]
    assert new_dim.name == "新考评维度"
    assert window.tree.currentIndex().data(RECORD_ROLE).id == new_dim.id
    editor = window.dimension_editor
    editor.name.clear()
    type_into(qtbot, editor.name, "全面从严治党")
    editor.name.clearFocus()
    window.commit_editors()
    assert demo.dimensions.get(new_dim.id).name == "全面从严治党"

    action(window, "new_item").trigger()
    item = demo.items.list(demo_id)[-1]
    assert item.dimension_id == new_dim.id and item.seq == 41
    type_into(qtbot, window.item_editor.texts["content"].edit, "落实主体责任")
    type_into(qtbot, window.item_editor.texts["result"].edit, "召开专题会议4次。")
    window.item_editor.status.setCurrentText("推进中")
    window.commit_editors()
    stored = demo.items.get(item.id)
    assert (stored.content, stored.result, stored.status) == ("落实主体责任", "召开专题会议4次。", "推进中")
    assert window.completion.text() == "已完成 40 / 41 · 推进中 1"
    assert "落实主体责任" in window.tree.currentIndex().data()


def test_typing_in_a_field_is_one_undo_step(qtbot: QtBot, window: MainWindow, demo: Services,
                                            demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    select(window, ITEM, item.id)
    result = window.item_editor.texts["result"].edit
    type_into(qtbot, result, "补充")
    window.item_editor.binder.commit()  # the pause in typing saves...
    type_into(qtbot, result, "说明")
    window.item_editor.binder.commit()  # ...and saves again, in the same visit
    assert demo.items.get(item.id).result == item.result + "补充说明"
    assert window.undo_stack.count() == 1
    window.undo()
    assert demo.items.get(item.id).result == item.result
    assert result.toPlainText() == item.result
    window.redo()
    assert demo.items.get(item.id).result == item.result + "补充说明"


def test_undo_and_redo_every_kind_of_edit(qtbot: QtBot, window: MainWindow, demo: Services,
                                          demo_id: int, tmp_path: Path) -> None:
    path = demo.db.sqlite_path
    states = [database_state(path)]
    items = demo.items.list(demo_id)
    dims = demo.dimensions.list(demo_id)
    evidence_file = tmp_path / "通知.pdf"
    evidence_file.write_bytes(b"%PDF-1.4 demo")

    def step(do) -> None:
        do()
        QApplication.processEvents()
        window.commit_editors()
        states.append(database_state(path))
        assert states[-1] != states[-2], f"step {len(states) - 1} changed nothing"

    def edit_item_field() -> None:
        select(window, ITEM, items[1].id)
        type_into(qtbot, window.item_editor.texts["target"].edit, "年底前完成")

    def edit_dimension_heading() -> None:
        select(window, DIMENSION, dims[0].id)
        type_into(qtbot, window.dimension_editor.heading, "（新）")

    def edit_narrative() -> None:
        window.show_assessment_editor()
        type_into(qtbot, window.assessment_editor.texts["plans"].edit, "继续努力。")

    def add_evidence() -> None:
        select(window, ITEM, items[2].id)
        window.evidence.add_files([evidence_file])

    def move_item_down() -> None:
        select(window, ITEM, items[3].id)
        action(window, "down").trigger()

    def move_item_across() -> None:
        window.structure.move_to(ITEM, items[4].id, dims[-1].id, 0)

    def delete_dimension() -> None:
        select(window, DIMENSION, dims[1].id)
        action(window, "delete").trigger()

    def new_item() -> None:
        select(window, DIMENSION, dims[2].id)
        action(window, "new_item").trigger()

    def remove_evidence() -> None:
        select(window, ITEM, items[2].id)
        window.evidence.table.selectRow(0)
        window.evidence.remove_selected()

    for do in (edit_item_field, edit_dimension_heading, edit_narrative, add_evidence,
               move_item_down, move_item_across, delete_dimension, new_item, remove_evidence):
        step(do)
    assert window.undo_stack.count() == len(states) - 1
    for expected in reversed(states[:-1]):  # undo all the way back, checking every step
        window.undo()
        assert database_state(path) == expected
    for expected in states[1:]:  # and redo all of it
        window.redo()
        assert database_state(path) == expected


def test_drop_two_files_on_the_evidence_panel(qtbot: QtBot, window: MainWindow, demo: Services,
                                              demo_id: int, tmp_path: Path) -> None:
    item = demo.items.list(demo_id)[5]
    select(window, ITEM, item.id)
    files = [tmp_path / "会议纪要.docx", tmp_path / "照片.jpg"]
    for index, file in enumerate(files):
        file.write_bytes(f"content {index}".encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    panel = window.evidence
    drop = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dropEvent(drop)
    stored = demo.evidence.list(item.id)
    assert [e.file_name for e in stored] == ["会议纪要.docx", "照片.jpg"]
    assert panel.model.rowCount() == 2
    assert panel.model.index(0, 0).data() == "会议纪要"
    assert window.undo_stack.count() == 1  # both files are one step
    window.undo()
    assert demo.evidence.list(item.id) == []


def test_classified_note_keeps_no_file(window: MainWindow, demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    select(window, ITEM, item.id)
    from gui.commands.evidence import AddEvidenceCommand

    window.undo_stack.push(AddEvidenceCommand(window.context, item.id, "涉密", title="机要批复",
                                              note="存机要室", classified=True))
    assert window.evidence.model.index(0, 4).data() == "涉密（仅说明）"


def test_filter_by_text_and_status(window: MainWindow, demo: Services, demo_id: int) -> None:
    window.left.focus_filter()
    window.filter_bar.text.setText("疫苗")
    proxy = window.tree_model
    visible = _visible_items(window)
    assert visible == [
        "7. 有序实施新冠疫苗接种方案，对重点人群优先进行接种，逐步实现“应接尽接”，筑起人群免疫屏障"]
    top = proxy.index(0, 0)
    assert top.data().startswith("全面依法")  # the matching item's dimension stays visible
    assert proxy.index(0, 0, top).data(Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    window.filter_bar.text.setText("")
    item = demo.items.list(demo_id)[10]
    demo.items.update(item.id, None, status="未完成")
    window.reload()
    window.filter_bar.status.setCurrentIndex(window.filter_bar.status.findData("未完成"))
    assert _visible_items(window) == [f"11. {item.content}"]


def test_conflict_with_another_window_shows_both_versions_and_loses_neither(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[0]
    select(window, ITEM, item.id)
    demo.items.update(item.id, item.version, result="另一个窗口写入的内容")  # meanwhile, elsewhere
    type_into(qtbot, window.item_editor.texts["result"].edit, "我的补充")
    window.commit_editors()
    mine = item.result + "我的补充"
    label = "落实情况"
    assert answers == [f"conflict:{item_subject(item)}:{label}:{mine}|另一个窗口写入的内容"]
    stored = demo.items.get(item.id).result  # the dialog proposes both: neither is lost
    assert stored.startswith(mine) and stored.endswith("另一个窗口写入的内容")
    assert window.item_editor.texts["result"].edit.toPlainText() == stored
    assert window.undo_stack.count() == 1
    assert plain_text(window.undo_action.text()) == f"撤销 编辑“{label}”（第 1 项）"
    assert window.undo_action.toolTip() == f"撤销 编辑“{label}”（第 1 项）"
    window.undo()  # back to what the other window wrote, not to what was there before it
    assert demo.items.get(item.id).result == "另一个窗口写入的内容"


def _visible_items(window: MainWindow) -> list[str]:
    proxy, found = window.tree_model, []

    def walk(parent) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            if index.data(KIND_ROLE) == ITEM:
                found.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return found


@pytest.mark.qt_log_level_fail("WARNING")
def test_editing_an_evidence_date_in_place_is_clean(qtbot: QtBot, window: MainWindow,
                                                    demo: Services, demo_id: int) -> None:
    """Typed into the 日期 cell and Enter: saved, and no Qt warning (the editor closes first)."""
    item = demo.items.list(demo_id)[2]
    select(window, ITEM, item.id)
    from gui.commands.evidence import AddEvidenceCommand

    window.undo_stack.push(AddEvidenceCommand(window.context, item.id, "文字", title="会议纪要",
                                              note="见档案"))
    table = window.evidence.table
    index = window.evidence.model.index(0, 2)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index) or table.focusWidget()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "2021-03-05")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: str(demo.evidence.list(item.id)[0].issued_on) == "2021-03-05",
                    timeout=3000)
    QApplication.processEvents()
