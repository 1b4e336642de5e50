"""Undo never lies: the app's own later edits never count as a conflict; deletes move the editor."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui.item_models.framework_tree import ITEM, RECORD_ROLE
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.gui.conftest import database_state
from tests.gui.test_editing import action, select, type_into


def press_ctrl(widget, key: Qt.Key) -> None:
    QTest.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def test_two_fields_of_one_item_then_undo_twice(qtbot: QtBot, window: MainWindow, demo: Services,
                                                demo_id: int, answers: list[str]) -> None:
    """The issue's sequence: item 5, type in 年度任务目标, then in 落实情况, Ctrl+Z twice."""
    path = demo.db.sqlite_path
    initial = database_state(path)
    item = demo.items.list(demo_id)[4]
    assert item.seq == 5
    select(window, ITEM, item.id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = window.item_editor.texts["target"].edit
    result = window.item_editor.texts["result"].edit
    type_into(qtbot, target, "（年底前完成）")
    type_into(qtbot, result, "（已按期完成）")  # leaving 年度任务目标 saves it
    press_ctrl(result, Qt.Key.Key_Z)  # 落实情况 is saved, then undone
    assert demo.items.get(item.id).result == item.result
    press_ctrl(result, Qt.Key.Key_Z)
    assert answers == []  # no "已被其他窗口或程序修改"
    assert database_state(path) == initial
    assert target.toPlainText() == item.target
    assert window.undo_stack.count() == 2 and window.undo_stack.canRedo()  # history kept
    press_ctrl(result, Qt.Key.Key_Y)
    press_ctrl(result, Qt.Key.Key_Y)
    stored = demo.items.get(item.id)
    assert (stored.target, stored.result) == (item.target + "（年底前完成）",
                                              item.result + "（已按期完成）")


def test_text_then_status_then_undo_both(window: MainWindow, demo: Services, demo_id: int,
                                         qtbot: QtBot, answers: list[str]) -> None:
    initial = database_state(demo.db.sqlite_path)
    item = demo.items.list(demo_id)[4]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["target"].edit, "补充")
    window.item_editor.status.setCurrentText("推进中")
    window.undo()
    window.undo()
    assert answers == []
    assert database_state(demo.db.sqlite_path) == initial
    assert window.item_editor.status.currentText() == item.status


def test_undo_after_another_program_changed_another_field_is_no_conflict(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[4]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["target"].edit, "补充")
    window.commit_editors()
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    other.items.update(item.id, None, department="办公室")
    window.undo()
    assert answers == []
    stored = demo.items.get(item.id)
    assert (stored.target, stored.department) == (item.target, "办公室")
    other.close()


def test_undo_after_another_program_changed_the_same_field_asks(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[4]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["target"].edit, "补充")
    window.commit_editors()
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    other.items.update(item.id, None, target="另一程序写的目标")
    window.undo()
    assert demo.items.get(item.id).target == "另一程序写的目标"  # never overwritten
    # the conflict dialog shows both; its proposal keeps the other program's text
    assert len(answers) == 1 and answers[0].startswith("conflict:")
    assert answers[0].endswith("|另一程序写的目标")
    assert "第 5 项“" in answers[0] and "年度任务目标" in answers[0] and "编号" not in answers[0]
    other.close()


def test_typing_after_a_delete_goes_to_the_neighbour(window: MainWindow, demo: Services,
                                                     demo_id: int, qtbot: QtBot,
                                                     answers: list[str]) -> None:
    items = demo.items.list(demo_id)
    select(window, ITEM, items[7].id)
    action(window, "delete").trigger()
    assert answers[0].startswith("question:删除:删除第 8 项")
    shown = window.tree.currentIndex().data(RECORD_ROLE)
    assert shown.id == items[8].id  # the item below took its place, in the tree and the editor
    assert window.item_editor.record.id == items[8].id
    assert window.item_editor.texts["content"].edit.toPlainText() == items[8].content
    type_into(qtbot, window.item_editor.texts["result"].edit, "补充")
    window.commit_editors()
    assert len(answers) == 1  # no "不存在"
    assert demo.items.get(items[8].id).result == items[8].result + "补充"
    window.undo()
    window.undo()
    assert demo.items.get(items[7].id).content == items[7].content


def test_an_item_deleted_elsewhere_is_named_as_the_clerk_sees_it(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[8]
    select(window, ITEM, item.id)
    demo.items.delete(item.id)  # meanwhile, in another window
    type_into(qtbot, window.item_editor.texts["result"].edit, "补充")
    window.commit_editors()
    assert len(answers) == 1
    assert "第 9 项“" in answers[0] and "编号" not in answers[0]
    assert window.item_editor.record.id != item.id


def test_delete_confirmation_marks_cut_text(window: MainWindow, demo: Services, demo_id: int,
                                            answers: list[str]) -> None:
    item = next(i for i in demo.items.list(demo_id) if len(i.content) > 31)
    select(window, ITEM, item.id)
    action(window, "delete").trigger()
    assert f"“{item.content[:30]}…”" in answers[0]


def test_new_item_opens_its_first_field(window: MainWindow, demo: Services, demo_id: int,
                                        qtbot: QtBot) -> None:
    select(window, ITEM, demo.items.list(demo_id)[0].id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press_ctrl(window.tree, Qt.Key.Key_N)
    content = window.item_editor.texts["content"].edit
    assert content.hasFocus()
    type_into(qtbot, content, "新事项")
    window.commit_editors()
    assert window.item_editor.record.seq == 2
    assert demo.items.list(demo_id)[1].content == "新事项"


def test_undo_keeps_the_cursor_where_the_text_changed(window: MainWindow, demo: Services,
                                                      demo_id: int, qtbot: QtBot) -> None:
    item = demo.items.list(demo_id)[2]
    select(window, ITEM, item.id)
    result = window.item_editor.texts["result"].edit
    type_into(qtbot, result, "补充")
    window.undo()
    assert result.toPlainText() == item.result
    assert result.textCursor().position() == len(item.result)


def test_a_refused_date_keeps_the_note_dialog_open(qtbot: QtBot, answers: list[str]) -> None:
    from gui.panels.evidence_panel import NoteDialog

    dialog = NoteDialog()
    qtbot.addWidget(dialog)
    dialog.title.setText("批复")
    dialog.date.text.setText("三月五日")
    dialog.show()
    dialog.accept()
    assert dialog.isVisible() and dialog.title.text() == "批复"  # nothing typed is lost
    assert answers[0].startswith("warning:日期无效")
    dialog.date.calendar.clicked.emit(dialog.date.calendar.selectedDate().addDays(-1))
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.values()["issued_on"] == dialog.date.calendar.selectedDate().addDays(-1).toString(
        "yyyy-MM-dd")


def test_status_dots_are_drawn_at_the_screen_scaling() -> None:
    from PySide6.QtCore import QSize

    from gui.infra.status_icons import status_icon

    pixmap = status_icon("已完成").pixmap(QSize(14, 14), 1.5)
    assert pixmap.devicePixelRatio() == 1.5 and pixmap.size() == QSize(21, 21)  # not scaled up
    image = pixmap.toImage()
    assert image.pixelColor(10, 10).name() == "#2e7d32" and image.pixelColor(0, 0).alpha() == 0


def test_the_completion_stays_when_a_menu_is_hovered(window: MainWindow) -> None:
    text = window.completion.text()
    window.statusBar().showMessage("")  # what hovering a menu entry without a tip does
    assert window.completion.isVisible() and window.completion.text() == text == "已完成 40 / 40"


def test_an_empty_evidence_list_leaves_the_height_to_the_text(window: MainWindow, demo: Services,
                                                              demo_id: int) -> None:
    window.resize(1280, 700)
    item = next(i for i in demo.items.list(demo_id) if not demo.evidence.list(i.id))
    select(window, ITEM, item.id)
    editor, evidence = window.item_page.sizes()
    assert evidence < (editor + evidence) / 4
    assert window.evidence.hint.isVisible() and window.evidence.add_files_button.isVisible()


def test_two_fields_then_undo_twice_for_every_kind_of_row(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, answers: list[str]) -> None:
    """Dimensions, the assessment, the summary's sections and evidence work the same way."""
    initial = database_state(demo.db.sqlite_path)
    dimension = demo.dimensions.list(demo_id)[0]
    window.select("dimension", dimension.id)
    type_into(qtbot, window.dimension_editor.name, "（一）")
    type_into(qtbot, window.dimension_editor.heading, "强化责任担当")
    window.show_assessment_editor()
    editor = window.assessment_editor
    type_into(qtbot, editor.unit, "（盖章）")
    type_into(qtbot, editor.title, "（修订）")
    type_into(qtbot, editor.texts["overview"].edit, "总体良好。")
    type_into(qtbot, editor.texts["plans"].edit, "继续努力。")
    item = demo.items.list(demo_id)[0]
    select(window, ITEM, item.id)
    window.evidence.add_files([demo.db.sqlite_path])  # any file will do
    model = window.evidence.model
    model.setData(model.index(0, 0), "会议纪要")
    model.setData(model.index(0, 2), "2021年3月5日")
    window.commit_editors()
    assert demo.evidence.list(item.id)[0].issued_on == "2021-03-05"
    steps = window.undo_stack.count()
    assert steps == 9
    for _ in range(steps):
        window.undo()
    assert answers == []
    assert database_state(demo.db.sqlite_path) == initial


def test_undoing_a_move_of_an_item_deleted_elsewhere_names_it(
        window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[8]
    select(window, ITEM, item.id)
    action(window, "down").trigger()
    demo.items.delete(item.id)  # meanwhile, in another window
    window.undo()
    assert len(answers) == 1 and "第 9 项“" in answers[0] and "编号" not in answers[0]


def test_typing_then_deleting_at_once_saves_the_typing_first(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, answers: list[str]) -> None:
    """Found by the state machine: the text still being typed was saved after the delete."""
    initial = database_state(demo.db.sqlite_path)
    item = demo.items.list(demo_id)[2]
    select(window, ITEM, item.id)
    type_into(qtbot, window.item_editor.texts["content"].edit, "补充")
    action(window, "delete").trigger()  # no pause in typing, no focus change
    window.commit_editors()
    assert [a for a in answers if not a.startswith("question:")] == []
    assert window.undo_stack.count() == 2  # the typing, then the delete
    window.undo()
    assert demo.items.get(item.id).content == item.content + "补充"
    window.undo()
    assert database_state(demo.db.sqlite_path) == initial


def test_undoing_a_bulk_status_of_an_item_deleted_elsewhere_names_it(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, tmp_path,
        answers: list[str]) -> None:
    from gui.infra.settings import Settings
    from tests.gui.test_bulk import select_items

    items = demo.items.list(demo_id)
    select_items(window, [items[1].id, items[2].id, items[3].id])
    window.bulk.set_status("推进中")
    other = Services.over(open_sqlite(demo.db.sqlite_path))  # another window on the same file
    second = MainWindow(other, Settings())
    qtbot.addWidget(second)
    second.select(ITEM, items[2].id)
    action(second, "delete").trigger()
    assert other.items.get(items[1].id).status == "推进中"
    answers.clear()
    window.undo()
    assert len(answers) == 1 and "第 3 项“" in answers[0] and "编号" not in answers[0]
    assert items[2].content[:10] in answers[0]
    second.close()
    other.close()


def test_undoing_an_evidence_add_removed_elsewhere_names_the_file(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, tmp_path,
        answers: list[str]) -> None:
    from gui.infra.settings import Settings

    item = next(i for i in demo.items.list(demo_id) if not demo.evidence.list(i.id))
    select(window, ITEM, item.id)
    paper = tmp_path / "会议纪要.pdf"
    paper.write_bytes(b"%PDF-1.4 minutes")
    window.evidence.add_files([paper])
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    second = MainWindow(other, Settings())
    qtbot.addWidget(second)
    second.select(ITEM, item.id)
    second.evidence.table.selectRow(0)
    second.evidence.remove_selected()
    assert other.evidence.list(item.id) == []
    window.undo()
    assert len(answers) == 1 and "证明材料“会议纪要.pdf”" in answers[0]
    assert "编号" not in answers[0]
    second.close()
    other.close()


def test_redoing_an_evidence_removal_removed_elsewhere_names_it(
        window: MainWindow, demo: Services, demo_id: int, answers: list[str]) -> None:
    item = demo.items.list(demo_id)[5]
    evidence = demo.evidence.add_note(item.id, "局党组会议纪要")
    select(window, ITEM, item.id)
    window.evidence.table.selectRow(0)
    window.evidence.remove_selected()
    window.undo()
    other = Services.over(open_sqlite(demo.db.sqlite_path))
    other.evidence.detach(evidence.id)  # meanwhile, in another program
    window.undo_stack.redo()
    assert len(answers) == 1 and "编号" not in answers[0]
    assert "证明材料“局党组会议纪要”" in answers[0]
    other.close()
