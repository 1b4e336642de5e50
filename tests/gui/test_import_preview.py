"""The import preview: sheets, a field chooser above each column, remembered choices, unit/year,
columns left out confirmed, a status for filled results — then one all-or-nothing import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from gui.dialogs import import_excel
from gui.dialogs.import_excel import FinancePreview, ImportPreview, read_for_import
from gui.infra.settings import Settings
from importers.finance_xlsx import FinanceImport
from importers.store import store_tables
from importers.xlsx_table import load_grids
from model.services import Services
from tests.gui.test_editing import select, type_into
from tests.importers import clerk_tables, finance_forms


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def preview(qtbot: QtBot, path: Path, settings: Settings, current: int | None = None) -> ImportPreview:
    dialog = ImportPreview(None, path, load_grids(path), current, settings)
    qtbot.addWidget(dialog)
    return dialog


def sheet_texts(dialog: ImportPreview) -> list[tuple[str, bool]]:
    return [(dialog.sheets.item(i).text(), dialog.sheets.item(i).checkState() == Qt.CheckState.Checked)
            for i in range(dialog.sheets.count())]


def headers(dialog: ImportPreview) -> list[str]:
    """The column headers over the rows (after 导入为, what becomes of each row)."""
    rows = dialog.table.rows
    return [rows.headerData(c, Qt.Orientation.Horizontal) for c in range(1, rows.columnCount())]


def cell(dialog: ImportPreview, row: int, column: int) -> str:
    """The text shown in the preview's row (0 = first under the header) and sheet column."""
    rows = dialog.table.rows
    return rows.data(rows.index(row, column + 1))


def choose(dialog: ImportPreview, header: str, field: str) -> None:
    box = dialog.table.choosers[header]
    box.setCurrentIndex(box.findData(field))


def test_unrecognised_columns_are_chosen_by_the_clerk_and_remembered(
        qtbot: QtBot, tmp_path: Path, settings: Settings, services: Services, answers) -> None:
    path = clerk_tables.unknown_columns(tmp_path / "议题.xlsx")
    dialog = preview(qtbot, path, settings)
    assert sheet_texts(dialog) == [("议题（2 项，请核对各列字段）", False)]  # proposed, not checked
    assert headers(dialog) == ["议题", "汇报处室", "结论"]
    assert cell(dialog, 0, 0) == "研究年度预算安排。"
    choose(dialog, "议题", "content")
    choose(dialog, "结论", "result")
    assert sheet_texts(dialog) == [("议题（2 项）", False)]
    dialog.sheets.item(0).setCheckState(Qt.CheckState.Checked)
    assert dialog.summary.text() == "1 个考评维度，2 项"
    dialog.accept()
    assert answers == []
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    workbook = dialog.result_workbook()
    assert (workbook.unit, workbook.year) == ("市卫生健康委", 2024)
    assessment_id, added = store_tables(services, workbook, dialog.chosen_tables(), None)
    items = services.items.list(assessment_id)
    assert added == 2 and [(i.content, i.result, i.extras) for i in items] == [
        ("研究年度预算安排。", "原则同意。", (("汇报处室", "财务处"),)),
        ("听取安全生产工作汇报。", "会议要求持续抓好。", (("汇报处室", "应急办"),))]
    again = preview(qtbot, path, settings)  # the same headers: the clerk's choice comes back
    assert sheet_texts(again) == [("议题（2 项）", True)]
    assert again.table.choosers["议题"].currentData() == "content"


def test_every_sheet_listed_year_asked_and_left_out_columns_confirmed(
        qtbot: QtBot, tmp_path: Path, settings: Settings, answers: list[str]) -> None:
    dialog = preview(qtbot, clerk_tables.meeting_workflow(tmp_path / "流程.xlsx"), settings)
    assert sheet_texts(dialog) == [("会前准备（2 项）", True), ("会中服务（1 项）", True),
                                   ("会后落实（3 项）", True)]
    assert dialog.summary.text() == "7 个考评维度，6 项"
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert answers == ["warning:无法导入:表格标题中没有年度，请填写年度。"]
    dialog.year.setValue(2024)
    dialog.unit.setText("市卫生健康委")
    choose(dialog, "具体内容", "skip")
    dialog.accept()
    assert answers[-1] == "question:确认不导入:以下列的内容不会导入：具体内容。确定吗？"
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert all("extras" not in i.values for t in dialog.chosen_tables() for i in t.items)


def test_status_offered_when_the_table_has_no_status_column(
        qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    dialog = preview(qtbot, clerk_tables.doubled_category_tasks(tmp_path / "任务.xlsx"), settings)
    assert not dialog.status_row.isHidden()
    dialog.status.setCurrentText("已完成")
    dialog.set_status.setChecked(True)
    [table] = dialog.chosen_tables()
    assert [i.values.get("status") for i in table.items] == ["已完成", None, "已完成"]
    ledger = preview(qtbot, clerk_tables.weekly_ledger(tmp_path / "台账.xlsx"), settings)
    assert ledger.status_row.isHidden()  # it has a 完成状态 column


def test_import_from_the_window_through_the_preview(window, demo: Services, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    source = clerk_tables.finance_form(tmp_path / "自评表.xlsx")
    monkeypatch.setattr(import_excel.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    monkeypatch.setattr(ImportPreview, "exec", lambda self: QDialog.DialogCode.Accepted)

    def as_a_plain_table(dialog: FinancePreview) -> QDialog.DialogCode:
        dialog.plain.setChecked(True)  # the clerk asks for the plain-table preview
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FinancePreview, "exec", as_a_plain_table)
    window.files.import_excel()
    [new] = [s for s in demo.assessments.list() if s.year == 2023]
    assert (new.unit, new.items, new.dimensions) == ("市卫生健康委", 5, 7)
    assert demo.assessments.get(new.id).uses_scores  # a scored form: the editor shows 分值/得分
    assert window.assessment_id == new.id


def test_the_clerk_says_where_the_header_is(qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    dialog = preview(qtbot, clerk_tables.finance_form(tmp_path / "自评表.xlsx"), settings)
    assert sheet_texts(dialog) == [("项目支出绩效自评表（5 项）", True)]
    dialog.header_row.setValue(9)  # 年度总体目标 | 预期目标 | 实际完成情况
    assert sheet_texts(dialog) == [("项目支出绩效自评表（7 项，请核对各列字段）", True)]
    assert "第 14 行才像表头（--header-row 14）" in dialog.warnings.toPlainText()
    dialog.header_row.setValue(0)
    assert sheet_texts(dialog) == [("项目支出绩效自评表（5 项）", True)]
    # the sheet's own row numbers
    assert dialog.table.rows.headerData(0, Qt.Orientation.Vertical) == "15"


def test_item_editor_shows_owner_deadline_note_and_the_other_columns(
        qtbot: QtBot, window, demo: Services, demo_id: int) -> None:
    item = demo.items.list(demo_id)[0]
    demo.items.update(item.id, owner="张某", extras={"具体内容": "报请领导审定。", "督办意见": "按期办结"})
    window.reload()
    select(window, "item", item.id)
    editor = window.item_editor
    assert editor.lines["owner"].text() == "张某"
    assert editor.extras.text() == "具体内容：报请领导审定。\n督办意见：按期办结"
    assert not editor.extras.isHidden()
    type_into(qtbot, editor.lines["deadline"], "2024年6月")
    window.commit_editors()
    assert demo.items.get(item.id).deadline == "2024年6月"


@pytest.mark.parametrize(("build", "kind", "sheet", "layout"), [
    (finance_forms.national, "项目支出", "项目自评", "全国通用格式"),
    (finance_forms.sichuan, "项目支出", "510000_0013zp", "四川省"),
    (finance_forms.department, "部门整体支出", "部门整体", "部门整体支出绩效自评表")])
def test_a_finance_form_is_previewed_as_one(qtbot: QtBot, tmp_path: Path, build, kind: str,
                                            sheet: str, layout: str) -> None:
    form = read_for_import(build(tmp_path / "form.xlsx"))
    assert isinstance(form, FinanceImport)
    dialog = FinancePreview(None, tmp_path / "form.xlsx", form)
    qtbot.addWidget(dialog)
    text = dialog.summary.text()
    assert text.startswith(f"工作表“{sheet}”是{kind}绩效自评表") and layout in text
    assert text.count("绩效自评表") == 1  # the form named once, not 表（…表）
    assert text.endswith("，将新建一个自评并按表样计分。")
    assert not dialog.as_plain_table()
    assert isinstance(read_for_import(clerk_tables.weekly_ledger(tmp_path / "台账.xlsx")), list)


def test_the_window_imports_a_finance_form_as_a_scored_form(
        window, demo: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = finance_forms.national(tmp_path / "自评表.xlsx")
    monkeypatch.setattr(import_excel.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    shown: list[str] = []

    def accept(dialog: FinancePreview) -> QDialog.DialogCode:
        shown.append(dialog.counts.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FinancePreview, "exec", accept)
    monkeypatch.setattr(ImportPreview, "exec", lambda self: pytest.fail("not a plain table"))
    window.files.import_excel()
    assert shown == ["9 项绩效指标，4 行资金"]
    [new] = [s for s in demo.assessments.list() if s.year == 2023]
    finance = demo.finance
    assert (new.unit, finance.kind(new.id)) == ("XX区城市更新中心", "项目支出")
    assert finance.form(new.id).layout == "project"
    result = finance.score(new.id)
    assert (result.total, result.rating) == (88.21, "良")  # as import-xlsx scores it
    assert window.assessment_id == new.id
