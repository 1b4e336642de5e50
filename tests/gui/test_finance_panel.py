"""A clerk fills a project form in the window: live scores, problems in place, rating, undo."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

import resources
from gui.dialogs import exports
from gui.dialogs.new_finance_form import NewFinanceFormDialog
from gui.infra.settings import Settings
from gui.panels.finance_indicators import ITEM_ID_ROLE
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.gui.conftest import database_state


@pytest.fixture
def form_window(qtbot: QtBot, tmp_path: Path, answers: list[str]) -> MainWindow:
    services = Services.over(open_sqlite(migrated(tmp_path / "form.db")))
    services.finance.create(resources.demo_project_form())
    main = MainWindow(services, Settings())
    qtbot.addWidget(main)
    main.show()
    yield main
    services.close()


def indicator(window: MainWindow, name: str):
    tree = window.finance_panel.tree
    return next(item for item in tree._rows.values() if item.text(0) == name)


def test_the_form_is_shown_with_scores_total_and_rating(form_window: MainWindow) -> None:
    panel = form_window.finance_panel
    assert form_window.right.currentIndex() == form_window.right.count() - 1
    assert panel.texts["project_name"].text() == "基层医疗卫生机构能力提升项目"
    assert panel.funds.item(0, 2).text() == "456" and panel.funds.item(0, 4).text() == "95.00%"
    assert indicator(form_window, "乡村医生培训人次").text(4) == "9.33"
    assert "总分 96.83" in panel.total.text() and "优" in panel.total.text()
    assert form_window.completion.text() == "总分 96.83 · 评价等级 优 · 问题 0 处"


def test_an_actual_below_target_rescores_and_asks_for_a_reason(form_window: MainWindow,
                                                               tmp_path: Path) -> None:
    before = database_state(tmp_path / "form.db")
    row = indicator(form_window, "村卫生室标准化建设数量")
    row.setText(2, "45个")  # as when the clerk types in the cell
    row = indicator(form_window, "村卫生室标准化建设数量")
    assert row.text(4) == "13.5"
    assert row.text(5) == "须填写偏差原因" and row.background(5).color().name() == "#fde2e1"
    assert "须填写偏差原因分析" in row.toolTip(2)
    panel = form_window.finance_panel
    assert panel.problems.count() == 1 and "村卫生室标准化建设数量" in panel.problems.item(0).text()
    assert form_window.completion.text() == "总分 95.33 · 评价等级 优 · 问题 1 处"
    row.setText(5, "两个村因征地推迟，明年一季度完成。")
    assert indicator(form_window, "村卫生室标准化建设数量").background(5).style() == Qt.BrushStyle.NoBrush
    assert panel.problems.count() == 0
    form_window.undo()
    form_window.undo()
    assert database_state(tmp_path / "form.db") == before
    assert indicator(form_window, "村卫生室标准化建设数量").text(4) == "15"


def test_funds_and_texts_are_saved_and_rescored(form_window: MainWindow, qtbot: QtBot,
                                                tmp_path: Path) -> None:
    panel = form_window.finance_panel
    panel.funds.item(0, 2).setText("240")
    qtbot.waitUntil(lambda: panel.funds.item(0, 4).text() == "50.00%")
    assert "总分 92.33" in panel.total.text()
    panel.texts["project_name"].setText("新项目名称")
    panel.texts["project_name"].editingFinished.emit()
    finance = form_window.services.finance
    assessment_id = form_window.assessment_id
    assert finance.form(assessment_id).project_name == "新项目名称"
    assert finance.funds(assessment_id)[0].spent == 240
    form_window.undo()
    assert finance.form(assessment_id).project_name == "基层医疗卫生机构能力提升项目"
    assert panel.texts["project_name"].text() == "基层医疗卫生机构能力提升项目"


def test_a_self_check_assessment_keeps_its_usual_editor(window: MainWindow) -> None:
    assert window.finance_panel.assessment_id is None
    assert window.right.currentIndex() == 0


def test_a_clerk_starts_a_blank_form_and_fills_an_indicator(window: MainWindow,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NewFinanceFormDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.findChild(QAction, "finance_form").trigger()
    panel = window.finance_panel
    assert panel.assessment_id == window.assessment_id is not None
    assert window.right.currentIndex() == window.right.count() - 1
    assert len(panel.tree._rows) == 9  # one empty 三级指标 under each 二级指标 of the layout
    assert panel.funds.rowCount() == 4 and "未填写分值" in "\n".join(
        panel.problems.item(i).text() for i in range(panel.problems.count()))
    first = next(iter(panel.tree._rows.values()))
    for column, text in ((0, "培训人数"), (1, "≥100人"), (3, "50"), (2, "80人")):
        first = panel.tree.item_for(first.data(0, ITEM_ID_ROLE))
        first.setText(column, text)
    first = panel.tree.item_for(first.data(0, ITEM_ID_ROLE))
    assert (first.text(0), first.text(4)) == ("培训人数", "40")
    assert first.text(5) == "须填写偏差原因"


def test_the_form_is_exported_from_the_window(form_window: MainWindow, tmp_path: Path,
                                              answers: list[str], monkeypatch) -> None:
    out = tmp_path / "out.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    form_window.finance_panel.export_button.click()
    rows = [[c for c in r if c is not None] for r in
            openpyxl.load_workbook(out).active.iter_rows(values_only=True)]
    assert rows[0] == ["项目支出绩效自评表"]
    assert ["总分", 100, 96.83, "自评等级：优"] in rows


def test_the_word_export_attaches_the_scored_form(form_window: MainWindow, tmp_path: Path,
                                                  monkeypatch) -> None:
    out = tmp_path / "总结.docx"

    def accept(dialog: exports.ExportDialog) -> int:
        dialog.path.setText(str(out))
        assert dialog.option("attach_table").text() == "附绩效自评表作为附件"
        dialog.option("attach_table").setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exports.ExportDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    form_window.files.export("word")
    document = Document(str(out))
    assert "附件：项目支出绩效自评表（2023年度）" in [p.text for p in document.paragraphs]
    last = document.tables[-1]._tbl.tr_lst[-1]
    assert [tc.xpath("string(.)") for tc in last.tc_lst] == ["总分", "100", "96.83", "自评等级：优"]
