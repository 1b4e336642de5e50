"""The import preview a clerk can work in: every row (virtual scrolling, the field choosers in view),
remarks said once with a count, left-out rows included with one tick, the editor's field names."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QStyle, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from gui.dialogs.import_preview import ImportPreview
from gui.infra.settings import Settings
from importers.grid import Grid
from importers.store import store_tables
from importers.xlsx_table import ImportOptions, analyse, load_grids
from model.services import Services
from model.vocabulary import SCORE_FIELDS
from tests.importers.plan_workbooks import tasks_with_plans

ROWS = 20_000


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def ledger(rows: int) -> Grid:
    """A 台账 sheet as the reader gives it: a title, a header, `rows` tasks, a 合计 row."""
    grid = Grid("台账")
    grid.put(1, 1, "市发展改革委2024年工作台账")
    for column, header in enumerate(("序号", "工作任务", "责任处室", "完成情况"), 1):
        grid.put(2, column, header)
    for n in range(1, rows + 1):
        for column, text in enumerate((str(n), f"第{n}项工作任务。", "办公室", f"已完成第{n}项。"), 1):
            grid.put(n + 2, column, text)
    grid.put(rows + 3, 1, "合计")
    grid.put(rows + 3, 2, f"{rows} 项")
    return grid


def opened(qtbot: QtBot, dialog: ImportPreview) -> ImportPreview:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown_rows(dialog: ImportPreview) -> list[str]:
    """The sheet row numbers a clerk sees in the view, top to bottom."""
    view, rows = dialog.table.view, dialog.table.rows
    first, last = view.rowAt(0), view.rowAt(view.viewport().height() - 1)
    last = rows.rowCount() - 1 if last < 0 else last
    return [rows.headerData(r, Qt.Orientation.Vertical) for r in range(first, last + 1)]


def test_twenty_thousand_rows_open_fast_and_are_read_only_as_they_scroll_into_view(
        qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    grid = ledger(ROWS)
    path = tmp_path / "台账.xlsx"
    started = time.perf_counter()
    workbook = analyse(path, [grid], ImportOptions())  # the worker's part, under the progress dialog
    read = time.perf_counter() - started
    started = time.perf_counter()
    dialog = opened(qtbot, ImportPreview(None, path, [grid], None, settings, workbook=workbook))
    shown = time.perf_counter() - started
    print(f"20,000 rows: read {read:.2f} s, preview shown {shown:.2f} s")
    assert shown < 1.5
    rows, view = dialog.table.rows, dialog.table.view
    assert rows.rowCount() == ROWS + 1 and dialog.summary.text() == f"1 个考评维度，{ROWS} 项"
    assert len(rows.served) < 60  # only the rows in view were read
    assert shown_rows(dialog)[0] == "3"
    chooser = dialog.table.choosers["工作任务"]
    at_top = chooser.mapTo(dialog, QPoint(0, 0))

    view.scrollToBottom()
    QApplication.processEvents()
    assert shown_rows(dialog)[-2:] == [str(ROWS + 2), str(ROWS + 3)]  # the sheet's last rows
    assert rows.data(rows.index(ROWS, 0)) == "未导入：是合计行"
    last = rows.index(ROWS - 1, 2)
    assert rows.data(last) == f"第{ROWS}项工作任务。"
    assert view.visualRect(last).intersects(view.viewport().rect())
    assert len(rows.served) < 120
    # the field choosers stay where they were, above the rows, each over its column
    assert chooser.isVisible() and chooser.mapTo(dialog, QPoint(0, 0)) == at_top
    assert at_top.y() + chooser.height() <= view.mapTo(dialog, QPoint(0, 0)).y() + 2
    header = view.horizontalHeader()
    column_x = header.viewport().mapTo(dialog, QPoint(header.sectionViewportPosition(2), 0)).x()
    assert abs(at_top.x() - column_x) <= 1
    assert chooser.currentText() == "自查内容"

    click_check(qtbot, view, rows.index(ROWS, 0))  # the 合计 row ticked in, where it is
    qtbot.waitUntil(lambda: dialog.summary.text() == f"1 个考评维度，{ROWS + 1} 项", timeout=15_000)
    assert shown_rows(dialog)[-1] == str(ROWS + 3)  # still at the bottom
    assert rows.data(rows.index(ROWS, 0)) == "导入（原是合计行）"


def click_check(qtbot: QtBot, widget, item) -> None:
    """One click on a list item's (or a table cell's) check box, where the style draws it."""
    option = QStyleOptionViewItem()
    widget.initViewItemOption(option)
    option.rect = widget.visualItemRect(item) if hasattr(widget, "visualItemRect") \
        else widget.visualRect(item)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = widget.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, widget)
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=box.center())


def test_one_tick_brings_a_left_out_row_in(qtbot: QtBot, tmp_path: Path, settings: Settings,
                                           services: Services) -> None:
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    dialog = opened(qtbot, ImportPreview(None, path, load_grids(path), None, settings))
    sheets = [(dialog.sheets.item(i).text(), dialog.sheets.item(i).checkState() == Qt.CheckState.Checked)
              for i in range(dialog.sheets.count())]
    assert sheets == [("2023年预算（6 项，预算/计划表）", False), ("工作任务（3 项）", True),
                      ("绩效目标申报表（4 项，预算/计划表）", False)]
    assert dialog.sheets.currentRow() == 1  # the table to import is shown first
    left_out = dialog.left_out
    assert [left_out.item(i).text() for i in range(left_out.count())] == [
        "第 6 行 是合计行：合计 3 项", "第 7 行 是说明文字：注：完成情况由各处室填写。"]
    rows = dialog.table.rows
    state = {rows.headerData(r, Qt.Orientation.Vertical): rows.data(rows.index(r, 0))
             for r in range(rows.rowCount())}
    assert state == {"3": "事项", "4": "事项", "5": "事项", "6": "未导入：是合计行",
                     "7": "未导入：是说明文字"}
    assert dialog.left_out_label.text().startswith("未导入的行（2 行")

    click_check(qtbot, left_out, left_out.item(1))
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 个考评维度，4 项")
    assert dialog.left_out.item(1).checkState() == Qt.CheckState.Checked
    assert dialog.left_out_label.text().startswith("未导入的行（1 行")  # the ticked one is in
    assert rows.data(rows.index(4, 0)) == "导入（原是说明文字）"
    view = dialog.table.view
    click_check(qtbot, view, rows.index(3, 0))  # the 合计 row ticked in the table itself …
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 个考评维度，5 项")
    click_check(qtbot, view, rows.index(3, 0))  # … and out again
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 个考评维度，4 项")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assessment_id, added = store_tables(services, dialog.result_workbook(), dialog.chosen_tables(), None)
    assert added == 4
    assert [i.content for i in services.items.list(assessment_id)] == [
        "完成年度预算编制。", "开展专项督查。", "推进信息化建设。", "注：完成情况由各处室填写。"]
    assert services.assessments.get(assessment_id).title == "市卫生健康委2024年重点工作任务"


def test_the_same_remark_about_many_rows_is_one_line_with_a_count(
        qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务"
    sheet.append(["市卫生健康委2024年重点工作任务"])
    sheet.append(["序号", "工作任务", "完成情况"])
    sheet.append([1, "推进信息化建设。", "系统已上线。"])
    for n in range(1, 8):  # a long result written over several rows
        sheet.append([None, None, f"补充说明第{n}条。"])
    sheet.append([2, "开展专项督查。", "已督查 12 次。"])
    path = tmp_path / "任务.xlsx"
    book.save(path)
    dialog = opened(qtbot, ImportPreview(None, path, load_grids(path), None, settings))
    lines = dialog.warnings.toPlainText().splitlines()
    assert lines == ["第 4 行没有事项内容，已并入上一项（第 3 行）。（同类提示共 7 条）"]
    rows = dialog.table.rows  # and each such row says where it went
    assert [rows.data(rows.index(r, 0)) for r in range(rows.rowCount())] == [
        "事项", *["并入第 3 行"] * 7, "事项"]


def test_the_choosers_name_fields_as_the_item_editor_does(qtbot: QtBot, window, demo: Services,
                                                          demo_id: int, tmp_path: Path,
                                                          settings: Settings) -> None:
    item = demo.items.list(demo_id)[0]
    window.select("item", item.id)
    QApplication.processEvents()
    editor = window.item_editor
    form = editor._form
    widgets: dict[str, QWidget] = {**{f: box for f, box in editor.texts.items()},
                                   **{f: editor.scores[f] for f in SCORE_FIELDS}}
    assert "note" in widgets
    in_editor = {field: form.labelForField(widget).text() for field, widget in widgets.items()}
    path = tasks_with_plans(tmp_path / "部门工作.xlsx")
    dialog = opened(qtbot, ImportPreview(None, path, load_grids(path), None, settings))
    chooser = dialog.table.choosers["工作任务"]
    in_chooser = {chooser.itemData(i): chooser.itemText(i) for i in range(chooser.count())}
    assert {field: in_chooser[field] for field in in_editor} == in_editor
    assert in_editor["content"] == "自查内容" and in_editor["result"] == "落实情况"
