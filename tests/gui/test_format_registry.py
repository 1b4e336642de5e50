"""The window's exports and imports come from the registries: a menu entry and a dialog per
export format, the open filter and preview per import format — a new format needs no GUI code."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QCheckBox, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from exporters.registry import export_formats
from gui.dialogs import exports, import_excel
from gui.infra.accelerators import plain_text
from gui.infra.settings import Settings
from gui.window.main_window import MainWindow
from gui.window.menus import previews
from model.services import Services
from tests.format_plugins import plugged_in


def file_menu_entries(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "文件(&F)")
    return [a.objectName() for a in menu.actions() if a.objectName()]


def test_the_file_menu_has_an_entry_per_export_format(window: MainWindow) -> None:
    names = [f.name for f in export_formats()]
    entries = file_menu_entries(window)
    assert [e for e in entries if e in names] == names == ["word", "pdf", "excel", "yoy",
                                                               "evidence"]
    texts = {a.objectName(): plain_text(a.text()) for a in window.findChildren(QAction)}
    assert texts["pdf"] == "导出工作总结（PDF）…" and texts["evidence"] == "导出证明材料包…"
    assert {shown.format for shown in previews()} <= set(names)  # File → 打印预览 exports


def test_the_word_dialog_offers_the_evidence_list_the_cli_offers(
        window: MainWindow, demo: Services, demo_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = tmp_path / "通知.pdf"
    pdf.write_bytes(b"%PDF demo")
    demo.evidence.attach_files(demo.items.list(demo_id)[1].id, [pdf])
    seen: list[list[str]] = []

    def accept(dialog: exports.ExportDialog) -> int:
        seen.append([w.text() for w in dialog.widgets.values() if isinstance(w, QCheckBox)])
        dialog.path.setText(str(tmp_path / "总结.docx"))
        dialog.option("evidence_refs").setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(exports.ExportDialog, "exec", accept)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
    monkeypatch.setattr("gui.window.file_actions.offer_review", lambda *_args: True)
    window.files.export("word")
    assert seen == [["附自查表作为附件", "注明证明材料编号并附清单"]]
    from docx import Document

    texts = [p.text for p in Document(str(tmp_path / "总结.docx")).paragraphs]
    assert any(t.endswith("（见附件2-1）") for t in texts)  # what export-docx --evidence-refs writes


def test_a_plugged_in_format_gets_its_menu_entry_dialog_and_import(
        qtbot: QtBot, demo: Services, answers: list[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "事项.csv"
    with plugged_in(tmp_path / "plugins"):
        window = MainWindow(demo, Settings())
        qtbot.addWidget(window)
        assert "csv" in file_menu_entries(window)

        def accept(dialog: exports.ExportDialog) -> int:
            assert dialog.windowTitle() == "导出 CSV"
            dialog.option("with_results").setChecked(True)
            dialog.path.setText(str(out))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(exports.ExportDialog, "exec", accept)
        monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)
        monkeypatch.setattr("gui.window.file_actions.offer_review", lambda *_args: True)
        next(a for a in window.findChildren(QAction) if a.objectName() == "csv").trigger()
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["content", "status", "result"] and len(rows) == 41

        filters: list[str] = []

        def choose(_parent, _title, _folder, file_filter):
            filters.append(file_filter)
            return str(out), ""

        monkeypatch.setattr(import_excel.QFileDialog, "getOpenFileName", staticmethod(choose))
        before = len(demo.assessments.list())
        window.files.import_excel()
        assert filters == ["Excel 表格 (*.xlsx *.xls *.et *.csv);;所有文件 (*)"]
        assert any(a.startswith("question:导入预览:“事项.csv”是CSV 事项表") and "csv”：40 项" in a
                   for a in answers)
        added = [s for s in demo.assessments.list() if s.year == 2030]
        assert len(demo.assessments.list()) == before + 1 and added[0].items == 40
        assert window.assessment_id == added[0].id
