"""File → Export Word / Export Excel / Import Excel from the window, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtWidgets import QDialog, QMessageBox

from gui.dialogs import exports, import_excel
from gui.main_window import MainWindow
from model.services import Services
from tests.importers import workbooks


@pytest.fixture
def accept_dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """Answer the save dialog with a path in tmp_path and close the 'done' box."""
    seen: dict[str, object] = {}

    def accept(dialog: exports.ExportDialog) -> int:
        dialog.path.setText(str(tmp_path / Path(dialog.path.text()).name))
        dialog.attach_table.setChecked(True)
        dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("tasks"))
        seen["path"] = dialog.path.text()
        return QDialog.DialogCode.Accepted

    def close_box(box: QMessageBox) -> int:
        seen["message"] = box.text()
        return 0

    monkeypatch.setattr(exports.ExportDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", close_box)
    return seen


def test_export_word_from_the_window(window: MainWindow, accept_dialogs: dict) -> None:
    action = next(a for a in window.findChildren(type(window.undo_action)) if a.objectName() == "word")
    action.trigger()
    path = Path(accept_dialogs["path"])
    assert path.name == "北京市卫生健康委员会2021年度工作总结.docx"
    assert accept_dialogs["message"] == f"已导出：{path}"
    document = Document(str(path))
    assert document.paragraphs[0].text == "北京市卫生健康委员会2021年度工作总结"
    assert len(document.tables) == 1  # the table was attached as chosen


def test_export_excel_from_the_window(window: MainWindow, accept_dialogs: dict) -> None:
    window.export_excel()
    sheet = openpyxl.load_workbook(accept_dialogs["path"]).worksheets[0]
    assert sheet["A2"].value == "序号" and sheet.max_row == 42


def test_import_excel_with_preview(window: MainWindow, demo: Services, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    source = workbooks.clerk_task_table(tmp_path / "任务.xlsx")
    monkeypatch.setattr(import_excel.QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(source), "")))
    previews = []

    def accept(preview: import_excel.ImportPreview) -> int:
        previews.append([preview.target.itemText(i) for i in range(preview.target.count())])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_excel.ImportPreview, "exec", accept)
    window.import_excel()
    assert previews == [["新建一个自评", "导入到当前自评"]]
    [new] = [s for s in demo.assessments.list() if s.year == 2017]
    assert new.items == 5 and window.assessment_id == new.id
    assert window.tree_model.rowCount() == 3
