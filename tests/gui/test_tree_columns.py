"""The framework tree's columns: 状态 and 责任处室 beside the title, chosen by a right-click on the
header, shown as the editor shows them, kept up to date and remembered across a restart."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.infra.accelerators import plain_text
from gui.infra.settings import Settings
from gui.item_models.framework_tree import ID_ROLE, ITEM, KIND_ROLE
from gui.item_models.tree_columns import column_index
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.test_editing import select, type_into

STATUS, DEPARTMENT = column_index("status"), column_index("department")


def settings_at(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def choose_column(window: MainWindow, header_text: str, on: bool = True) -> None:
    """Right-click on the tree's header, then click the column's entry in the list."""
    window.tree.header().customContextMenuRequested.emit(QPoint(10, 5))
    menu = window.left.columns_menu
    assert menu is not None
    entry = next(a for a in menu.actions() if plain_text(a.text()) == header_text)
    assert entry.isCheckable()
    if entry.isChecked() != on:
        entry.trigger()
    menu.close()


def shown_headers(window: MainWindow) -> list[str]:
    model, tree = window.tree_model, window.tree
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
            if not tree.isColumnHidden(c)]


def cell(window: MainWindow, item_id: int, column: int) -> str:
    index = window.tree_model.index_of(ITEM, item_id).siblingAtColumn(column)
    assert not window.tree.isColumnHidden(column) and window.tree.visualRect(index).width() > 0
    return index.data()


def open_window(qtbot: QtBot, services: Services, settings: Settings) -> MainWindow:
    window = MainWindow(services, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_status_column_shows_what_the_editor_shows(qtbot: QtBot, demo: Services, demo_id: int,
                                                   tmp_path: Path, answers: list[str]) -> None:
    window = open_window(qtbot, demo, settings_at(tmp_path))
    assert shown_headers(window) == ["考评维度与自查事项"]  # a first start: the title alone
    choose_column(window, "状态")
    assert shown_headers(window) == ["考评维度与自查事项", "状态"]
    for item in demo.items.list(demo_id)[:6]:
        select(window, ITEM, item.id)
        assert cell(window, item.id, STATUS) == window.item_editor.status.currentText()
    dimension = demo.dimensions.list(demo_id)[0]
    assert window.tree_model.index_of("dimension", dimension.id).siblingAtColumn(STATUS).data() is None


def test_department_column_and_an_edit_shown_at_once(qtbot: QtBot, demo: Services, demo_id: int,
                                                     tmp_path: Path, answers: list[str]) -> None:
    window = open_window(qtbot, demo, settings_at(tmp_path))
    choose_column(window, "状态")
    choose_column(window, "责任处室")
    item = demo.items.list(demo_id)[4]
    select(window, ITEM, item.id)
    assert cell(window, item.id, DEPARTMENT) == window.item_editor.department.text()
    window.item_editor.status.setCurrentText("未完成")  # the clerk picks another status
    QApplication.processEvents()
    assert demo.items.get(item.id).status == "未完成"
    assert cell(window, item.id, STATUS) == "未完成"
    window.undo()
    assert cell(window, item.id, STATUS) == item.status


def test_chosen_columns_survive_a_restart(qtbot: QtBot, demo: Services, tmp_path: Path,
                                          answers: list[str]) -> None:
    first = open_window(qtbot, demo, settings_at(tmp_path))
    choose_column(first, "责任处室")
    choose_column(first, "状态")
    first.close()
    again = open_window(qtbot, demo, settings_at(tmp_path))  # a new start reads the file again
    assert shown_headers(again) == ["考评维度与自查事项", "状态", "责任处室"]
    choose_column(again, "状态", on=False)
    again.close()
    third = open_window(qtbot, demo, settings_at(tmp_path))
    assert shown_headers(third) == ["考评维度与自查事项", "责任处室"]


def test_a_stale_setting_is_ignored(qtbot: QtBot, demo: Services, tmp_path: Path,
                                    answers: list[str]) -> None:
    settings = settings_at(tmp_path)
    settings.set_tree_columns(["no_such_column", "department"])
    window = open_window(qtbot, demo, settings)
    assert shown_headers(window) == ["考评维度与自查事项", "责任处室"]


def test_columns_keep_find_selection_and_bulk_work(qtbot: QtBot, demo: Services, demo_id: int,
                                                   tmp_path: Path, answers: list[str]) -> None:
    window = open_window(qtbot, demo, settings_at(tmp_path))
    choose_column(window, "状态")
    choose_column(window, "责任处室")
    items = demo.items.list(demo_id)
    select(window, ITEM, items[0].id)
    window.bulk.select_dimension_items()  # Ctrl+A: whole rows, each item counted once
    chosen = window.bulk.selected_items()
    assert len(chosen) == len({i.id for i in chosen}) > 1
    row = window.tree_model.index_of(ITEM, chosen[0].id)
    assert all(window.tree.selectionModel().isSelected(row.siblingAtColumn(c))
               for c in (0, STATUS, DEPARTMENT))
    window.bulk.set_status("推进中")  # 设置状态 on the selection: every row's column follows
    assert [cell(window, i.id, STATUS) for i in chosen] == ["推进中"] * len(chosen)
    window.filter_bar.status.setCurrentText("推进中")  # the find bar's status filter
    qtbot.waitUntil(lambda: len(_shown_items(window)) == len(chosen))
    assert sorted(_shown_items(window)) == sorted(i.id for i in chosen)


def _shown_items(window: MainWindow) -> list[int]:
    model, found = window.tree_model, []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if index.data(KIND_ROLE) == ITEM:
                found.append(index.data(ID_ROLE))
            pending.append(index)
    return found


def test_another_windows_edit_shows_in_the_columns(qtbot: QtBot, demo: Services, demo_id: int,
                                                   tmp_path: Path, answers: list[str]) -> None:
    """Live refresh: window A sets a 处室, window B (its columns shown) shows it in its column,
    its selection staying where it was."""
    from model.services import Services as Bundle
    from model.storage.migrate import open_sqlite

    other = Bundle.over(open_sqlite(demo.db.sqlite_path))
    try:
        a = open_window(qtbot, demo, settings_at(tmp_path / "a"))
        b = open_window(qtbot, other, settings_at(tmp_path / "b"))
        choose_column(b, "责任处室")
        items = demo.items.list(demo_id)
        select(b, ITEM, items[7].id)
        select(a, ITEM, items[3].id)
        type_into(qtbot, a.item_editor.department, "（审计）")  # typed into A's 责任处室 box
        a.commit_editors()
        wanted = items[3].department + "（审计）"
        assert demo.items.get(items[3].id).department == wanted
        qtbot.waitUntil(lambda: cell(b, items[3].id, DEPARTMENT) == wanted, timeout=3000)
        assert b.left.current_row() == (ITEM, items[7].id)
        b.close()
    finally:
        other.close()


def test_dragging_rows_onto_a_dimensions_column_moves_them(qtbot: QtBot, demo: Services,
                                                           demo_id: int, tmp_path: Path,
                                                           answers: list[str]) -> None:
    """With the columns shown, a dragged row carries every cell: the items move once each, also
    when dropped on the 状态 cell of the dimension's row."""
    window = open_window(qtbot, demo, settings_at(tmp_path))
    choose_column(window, "状态")
    choose_column(window, "责任处室")
    items = demo.items.list(demo_id)
    select(window, ITEM, items[1].id)
    row = window.tree_model.index_of(ITEM, items[2].id)
    window.tree.selectionModel().select(row, QItemSelectionModel.SelectionFlag.Select
                                        | QItemSelectionModel.SelectionFlag.Rows)  # Ctrl+click
    model = window.tree_model
    selected = window.tree.selectionModel().selectedIndexes()
    assert len(selected) == 6  # two rows, three cells each
    mime = model.mimeData(selected)
    last = demo.dimensions.list(demo_id)[-1]
    target = model.index_of("dimension", last.id).siblingAtColumn(STATUS)
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, target)
    assert [demo.items.get(i.id).dimension_id for i in items[1:3]] == [last.id] * 2
    assert window.undo_stack.count() == 1


def test_clicking_the_status_cell_of_the_row_shown_keeps_the_typing(
        qtbot: QtBot, demo: Services, demo_id: int, tmp_path: Path, answers: list[str]) -> None:
    window = open_window(qtbot, demo, settings_at(tmp_path))
    choose_column(window, "状态")
    item = demo.items.list(demo_id)[2]
    select(window, ITEM, item.id)
    result = window.item_editor.texts["result"].edit
    type_into(qtbot, result, "——补充")
    cursor = result.textCursor().position()
    index = window.tree_model.index_of(ITEM, item.id).siblingAtColumn(STATUS)
    qtbot.mouseClick(window.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.tree.visualRect(index).center())
    assert window.tree.currentIndex().column() == STATUS
    assert window.left.current_row() == (ITEM, item.id)
    assert result.toPlainText() == item.result + "——补充" and result.textCursor().position() == cursor
    other = demo.items.list(demo_id)[5]
    QTest.keyClick(window.tree, Qt.Key.Key_Down)  # the keyboard goes on down the rows
    QTest.keyClick(window.tree, Qt.Key.Key_Down)
    QTest.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.left.current_row() == (ITEM, other.id)
    assert window.item_editor.record.id == other.id


def test_headers_and_column_list_in_english(qtbot: QtBot, demo: Services, tmp_path: Path) -> None:
    from gui.infra import translations
    from resources.i18n.release import release

    release()
    app = QApplication.instance()
    installed = translations.install(app, "en")
    try:
        window = open_window(qtbot, demo, settings_at(tmp_path))
        choose_column(window, "Status")
        assert shown_headers(window) == ["Dimensions and items", "Status"]
        assert [plain_text(a.text()) for a in window.left.columns_menu.actions()] == [
            "Status", "Department"]
    finally:
        for translator in installed:
            app.removeTranslator(translator)
