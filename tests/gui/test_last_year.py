"""Last year beside this year's item, and File → 导入上年工作总结… with its preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from gui.dialogs import import_summary
from gui.window.main_window import MainWindow
from model.services import Services
from tests.importers.summary_documents import seed_lines, typed_docx


def test_the_editor_shows_last_years_texts_and_a_click_copies_a_sentence(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int) -> None:
    last = {i.content: i for i in demo.items.list(demo_id)}["接诉即办"]
    copy = demo.assessments.copy_to_year(demo_id, 2022).id
    window.fill_assessments(select=copy)
    this = {i.content: i for i in demo.items.list(copy)}["接诉即办"]
    window.select("item", this.id)
    QApplication.processEvents()
    panel = window.item_editor.last_year
    assert panel.isVisible() and panel.title() == "上年（2021年）同一事项"
    results = panel.lists["result"]
    shown = [results.item(n).text() for n in range(results.count())]
    assert shown and all(sentence in last.result for sentence in shown)
    results.itemClicked.emit(results.item(0))
    assert QGuiApplication.clipboard().text() == shown[0]
    assert window.item_editor.texts["result"].edit.toPlainText() == ""  # this year untouched
    window.fill_assessments(select=demo_id)  # the demo itself has no last year
    window.select("item", last.id)
    QApplication.processEvents()
    assert not panel.isVisible()


def test_importing_a_summary_into_the_current_assessment_with_one_match_rejected(
        qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    copy = demo.assessments.copy_to_year(demo_id, 2021).id  # last year's table without results
    items = {i.id: i for i in demo.items.list(copy)}
    path = typed_docx(tmp_path / "2021.docx", "北京市卫生健康委员会2021年度工作总结",
                      seed_lines("001"), signature="北京市卫生健康委员会", day="2022年1月10日")
    seen: dict[str, object] = {}

    def accept(dialog: import_summary.SummaryPreview) -> QDialog.DialogCode:
        seen["outline"] = dialog.outline.topLevelItemCount()
        seen["matches"] = dialog.matches.topLevelItemCount()
        first = dialog.matches.topLevelItem(0)
        assert first is not None
        first.setCheckState(0, Qt.CheckState.Unchecked)
        seen["rejected"] = dialog.read.matches[0]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(import_summary.SummaryPreview, "exec", accept)
    received = import_summary.import_summary_file(window, demo, copy, path)
    assert received == copy
    assert seen["outline"] and seen["matches"]
    after = {i.id: i for i in demo.items.list(copy)}
    rejected = seen["rejected"]
    written = [i for i in after.values() if i.result]
    assert len(written) >= 5
    assert rejected.paragraph not in after[rejected.item].result
    assert all(not items[i.id].result for i in written)
    narrative = demo.narrative.sections(copy)
    assert narrative["overview"].text.startswith("2021年,市卫生健康委深入学习")
    assert rejected.paragraph in narrative["overview"].text  # a rejected paragraph stays narrative
    assert demo.assessments.get(copy).signature_date == "2022年1月10日"


def test_the_clerk_chooses_last_year(qtbot: QtBot, window: MainWindow, demo: Services,
                                     demo_id: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    from model.year_compare.previous import previous_assessment

    other = demo.assessments.create("市卫生健康委", 2021).id  # e.g. last year's imported summary
    window.fill_assessments(select=demo_id)
    window.select("item", demo.items.list(demo_id)[0].id)
    QApplication.processEvents()
    assert not window.item_editor.last_year.isVisible()
    offered: list[list[str]] = []

    def pick(_parent, _title, _label, labels, _index, _editable):
        offered.append(labels)
        return labels[1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))
    window.files.choose_last_year()
    assert offered[0][0].startswith("（自动") and str(other) in offered[0][1]
    assert previous_assessment(demo.db, demo_id) == other  # stored
    panel = window.item_editor.last_year
    assert panel.isVisible() and panel.title() == "上年（2021年）同一事项"
    assert panel.lists["result"].item(0).text() == "（上年没有此事项）"
