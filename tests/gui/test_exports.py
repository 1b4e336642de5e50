"""File → Export Word / Export Excel / Import Excel from the window, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from exporters.errors import ExportResult
from exporters.registry import export_format, export_formats
from gui.dialogs import exports, import_excel
from gui.window.main_window import MainWindow
from model.services import Services
from tests.importers import workbooks


@pytest.fixture
def accept_dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, object]:
    """Answer the save dialog with a path in tmp_path and close the 'done' box."""
    seen: dict[str, object] = {}

    def accept(dialog: exports.ExportDialog) -> int:
        dialog.path.setText(str(tmp_path / Path(dialog.path.text()).name))
        if "attach_table" in dialog.widgets:
            dialog.option("attach_table").setChecked(True)
        if "layout" in dialog.widgets:
            layouts = dialog.option("layout")
            layouts.setCurrentIndex(layouts.findData("tasks"))
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
    window.files.export("excel")
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
    window.files.import_excel()
    assert previews == [["新建一个自评", "导入到当前自评"]]
    [new] = [s for s in demo.assessments.list() if s.year == 2017]
    assert new.items == 5 and window.assessment_id == new.id
    assert window.tree_model.rowCount() == 3


@pytest.mark.parametrize("name", [f.name for f in export_formats()])
def test_export_dialog_widgets_do_not_overlap(qtbot, window: MainWindow, name: str) -> None:
    fmt = export_format(name)
    dialog = exports.ExportDialog(window, fmt, Path("/tmp/x" + fmt.suffix))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [w for w in dialog.findChildren(QWidget) if w.isVisible() and w.parent() is dialog]
    assert {n for n, w in dialog.widgets.items() if w in shown} == {
        o.name for o in fmt.options if o.in_dialog}
    for n, first in enumerate(shown):
        for second in shown[n + 1:]:
            assert not first.geometry().intersects(second.geometry()), (first, second)


def test_exports_default_to_documents_not_the_program_folder(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    documents = tmp_path / "文档"
    documents.mkdir()
    monkeypatch.setattr(exports.QStandardPaths, "writableLocation",
                        staticmethod(lambda _kind: str(documents)))
    assert exports.export_folder("") == documents
    assert exports.export_folder(str(tmp_path / "gone")) == documents
    assert exports.export_folder(str(tmp_path)) == tmp_path


def test_done_box_opens_the_folder_and_says_when_it_cannot(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        answers: list[str]) -> None:
    opened: list[str] = []

    def refuse(url) -> bool:
        opened.append(url.toLocalFile())
        return False

    def click(text: str):
        def exec_(box: QMessageBox) -> int:
            next(b for b in box.buttons() if b.text() == text).click()
            return 0
        return exec_

    monkeypatch.setattr(exports.QDesktopServices, "openUrl", staticmethod(refuse))
    target = tmp_path / "总结.docx"
    target.write_bytes(b"x")
    monkeypatch.setattr(QMessageBox, "exec", click("打开所在文件夹"))
    exports.finish_export(window, ExportResult(target), None)
    assert opened == [str(tmp_path)]
    assert answers and answers[0].startswith("warning:无法打开")
    monkeypatch.setattr(QMessageBox, "exec", click("打开"))
    exports.finish_export(window, ExportResult(target), None)
    assert opened[-1] == str(target)


def test_export_dialog_asks_before_replacing_and_refuses_a_folder(
        qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """OK with last week's export as the target asks first (No keeps the dialog open and the
    file as it was); a folder or a missing folder is refused with a message naming it."""
    earlier = tmp_path / "工作总结.docx"
    earlier.write_bytes(b"edited by hand")
    asked: list[str] = []
    warned: list[str] = []
    answer = {"button": QMessageBox.StandardButton.No}
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_args: asked.append(text) or answer["button"])
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warned.append(text))
    dialog = exports.ExportDialog(window, export_format("word"), earlier)
    qtbot.addWidget(dialog)

    dialog.accept()
    assert asked == ["“工作总结.docx”已经存在。要替换它吗？导出后在这个文件里改过的内容会丢失。"]
    assert dialog.result() != QDialog.DialogCode.Accepted
    answer["button"] = QMessageBox.StandardButton.Yes
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted

    missing = tmp_path / "无此文件夹"
    for target, message in ((tmp_path, f"“{tmp_path}”是一个文件夹，请在后面写上文件名。"),
                            (missing / "a.docx", f"文件夹“{missing}”不存在。"),
                            (Path(""), "请填写要保存的文件名。")):
        dialog.setResult(0)
        dialog.path.setText(str(target) if str(target) != "." else "  ")
        dialog.accept()
        assert warned[-1] == message and dialog.result() != QDialog.DialogCode.Accepted
    assert earlier.read_bytes() == b"edited by hand" and len(asked) == 2
