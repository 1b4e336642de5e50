"""File → 汇总… in a real window: the conflict dialog side by side, the clerk's choice and edit,
one undo step for the whole collect; the 汇总进度 panel."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from gui.collect import collect_flow
from gui.collect.conflict_dialog import CHOICE_COLUMN, RESULT_COLUMN, ConflictDialog
from gui.collect.handout_dialog import HandoutDialog
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.conftest import database_state
from tests.model.collect.helpers import edit_cells, hand_out


def test_conflicts_are_chosen_or_edited_and_the_collect_undoes_in_one_step(
        window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    services = window.services
    assessment = window.assessment_id
    items = services.items.list(assessment)
    x, y, z = items[0], items[1], items[2]
    for item in (x, y, z):
        services.items.update(item.id, department="法规处")
    books = hand_out(services, assessment, tmp_path)
    uid = dict(_uids(services))
    edit_cells(books["法规处"], {(uid[x.id], "result"): "处室写的甲",
                                (uid[y.id], "result"): "处室写的乙",
                                (uid[z.id], "target"): "处室定的目标"})
    services.items.update(x.id, result="综合处写的甲")  # both changed x and y: two conflicts
    services.items.update(y.id, result="综合处写的乙")
    db = services.db.sqlite_path
    before = database_state(db)
    monkeypatch.setattr(collect_flow.QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(books["法规处"])], "")))
    seen: dict[str, object] = {}

    def clerk(dialog: ConflictDialog) -> int:
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() for c in (3, 4, 5)] for r in range(table.rowCount())]
        rows = {table.item(r, 4).text(): r for r in range(table.rowCount())}
        dialog.choices[rows["综合处写的甲"]].setCurrentIndex(1)  # take the department's text
        seen["after_choice"] = dialog.result_cell(rows["综合处写的甲"]).text()
        dialog.result_cell(rows["综合处写的乙"]).setText("两边合写的乙")  # the clerk writes it
        seen["choice_of_edit"] = table.cellWidget(rows["综合处写的乙"], CHOICE_COLUMN).currentText()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", clerk)
    window.findChild(QAction, "collect").trigger()
    assert sorted(seen["rows"]) == sorted([[x.result, "综合处写的甲", "处室写的甲"],
                                           [y.result, "综合处写的乙", "处室写的乙"]])
    assert seen["after_choice"] == "处室写的甲" and seen["choice_of_edit"] == "自行编辑"
    assert RESULT_COLUMN == CHOICE_COLUMN + 1
    assert services.items.get(x.id).result == "处室写的甲"
    assert services.items.get(y.id).result == "两边合写的乙"
    assert services.items.get(z.id).target == "处室定的目标"
    panel = window.collect_panel
    assert panel.isVisible()
    table = panel.table
    [row] = [[table.item(r, c).text() for c in range(table.columnCount())]
             for r in range(table.rowCount()) if table.item(r, 0).text() == "法规处"]
    owned = [i for i in services.items.list(assessment) if i.department == "法规处"]
    assert row[1] == str(len(owned)) and row[3] not in ("未交回", "—")
    assert row[4] == "3" and row[5] == "2"
    after = database_state(db)
    window.undo_stack.undo()  # one step undoes the whole collect
    assert database_state(db) == before
    window.undo_stack.redo()
    assert _fields(database_state(db)) == _fields(after)


def _uids(services: Services) -> list[tuple[int, str]]:
    with sqlite3.connect(services.db.sqlite_path) as connection:
        return connection.execute("SELECT id, uid FROM check_item").fetchall()


def _fields(state: dict[str, list[tuple]]) -> list[tuple]:
    return state["check_item"]


def test_hand_out_from_the_file_menu_writes_the_chosen_departments(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[str]) -> None:
    """The demo's items have their departments: one entry each, none unassigned."""
    services = window.services
    counts = Counter(item.department for item in services.items.list(window.assessment_id))
    assert "" not in counts and 4 <= len(counts) <= 7
    seen: list[str] = []

    def clerk(dialog: HandoutDialog) -> int:
        for index in range(dialog.departments.count()):
            entry = dialog.departments.item(index)
            seen.append(entry.text())
            if not entry.text().startswith("法规处"):
                entry.setCheckState(Qt.CheckState.Unchecked)
        dialog.deadline.setText("12月20日前")
        dialog.folder.setText(str(tmp_path))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoutDialog, "exec", clerk)
    window.findChild(QAction, "handout").trigger()
    assert seen == [f"{name}（{counts[name]} 项）" for name in sorted(counts)]
    assert "法规处（5 项）" in seen and "医政医管处（9 项）" in seen
    assert [p.name for p in tmp_path.glob("*.xlsx")] == ["法规处.xlsx"]
    assert any("已分发" in text for text in answers)
    panel = window.collect_panel
    rows = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text()
            for r in range(panel.table.rowCount())}
    assert rows["法规处"] == "未交回" and rows["医政医管处"] == "未分发"


def test_every_changed_field_of_a_conflicted_row_is_shown_together_and_chosen(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[str]) -> None:
    """落实情况 conflicts while 状态 of the same row changed only in the workbook: both rows are in
    the dialog; the clerk keeps the status, so nothing changes silently. Deleted rows are named
    in the summary and in the 汇总进度 panel; a re-send is not asked about again."""
    import openpyxl

    from exporters.handout_xlsx import ITEMS_SHEET

    services = window.services
    assessment = window.assessment_id
    x, gone = services.items.list(assessment)[:2]
    for item in (x, gone):
        services.items.update(item.id, department="法规处")
    books = hand_out(services, assessment, tmp_path)
    uid = dict(_uids(services))
    status = "推进中" if x.status != "推进中" else "未完成"
    edit_cells(books["法规处"], {(uid[x.id], "result"): "处室写的", (uid[x.id], "status"): status})
    workbook = openpyxl.load_workbook(books["法规处"])
    sheet = workbook[ITEMS_SHEET]
    columns = {c.value: c.column for c in sheet[1] if c.value}
    [row] = [r for r in range(4, sheet.max_row + 1)
             if sheet.cell(r, columns["uid"]).value == uid[gone.id]]
    sheet.delete_rows(row)
    workbook.save(books["法规处"])
    services.items.update(x.id, result="综合处写的")
    status_before = services.items.get(x.id).status
    monkeypatch.setattr(collect_flow.QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(books["法规处"])], "")))
    shown: list[list[str]] = []

    def clerk(dialog: ConflictDialog) -> int:
        table = dialog.table
        shown.extend([table.item(r, 2).text(), table.item(r, 5).text(),
                      table.cellWidget(r, CHOICE_COLUMN).currentText()]
                     for r in range(table.rowCount()))
        status_row = next(r for r in range(table.rowCount()) if "状态" in table.item(r, 2).text())
        dialog.choices[status_row].setCurrentIndex(0)  # keep the status as it is
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ConflictDialog, "exec", clerk)
    window.findChild(QAction, "collect").trigger()
    assert shown == [["落实情况", "处室写的", "保留现值"],
                     ["状态（仅处室改动）", status, "采用处室填报"]]
    stored = services.items.get(x.id)
    assert (stored.result, stored.status) == ("综合处写的", status_before)
    summary = answers[-1]
    assert f"序号 {gone.seq}“{gone.content}”" in summary
    panel = window.collect_panel
    [cells] = [[panel.table.item(r, c).text() for c in range(panel.table.columnCount())]
               for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "法规处"]
    assert cells[7] == f"序号 {gone.seq}“{gone.content}”"
    # the same workbook sent again: both choices stand, nothing is asked
    shown.clear()
    window.findChild(QAction, "collect").trigger()
    assert shown == []
    assert services.items.get(x.id).status == status_before


def test_hand_out_into_a_folder_holding_a_returned_workbook_asks_first(
        window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        answers: list[str]) -> None:
    returned = tmp_path / "新文件夹" / "法规处.xlsx"

    def clerk(dialog: HandoutDialog) -> int:
        for index in range(dialog.departments.count()):
            entry = dialog.departments.item(index)
            if not entry.text().startswith("法规处"):
                entry.setCheckState(Qt.CheckState.Unchecked)
        dialog.folder.setText(str(returned.parent))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(HandoutDialog, "exec", clerk)
    window.findChild(QAction, "handout").trigger()  # the folder is created
    assert returned.exists() and not any(a.startswith("question") for a in answers)
    returned.write_bytes(b"filled in by the department")
    monkeypatch.setattr(collect_flow.QMessageBox, "question",
                        staticmethod(lambda *a, **k: answers.append("question:" + a[2])
                                     or collect_flow.QMessageBox.StandardButton.No))
    window.findChild(QAction, "handout").trigger()
    assert "法规处.xlsx" in answers[-1] and answers[-1].startswith("question")
    assert returned.read_bytes() == b"filled in by the department"  # No: left as it was
