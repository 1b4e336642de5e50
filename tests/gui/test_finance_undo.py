"""The finance form in a real window beside a second Services object (another window or program)
on the same database: one undo step per field visit, an undo refused rather than wiping the
other's later edit, and a conflict shown mine/theirs instead of a silent overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import resources
from gui.infra.settings import Settings
from gui.panels.finance_conflict import FieldConflictDialog
from gui.window.main_window import MainWindow
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated


@pytest.fixture
def form_window(qtbot: QtBot, tmp_path: Path, answers: list[str]) -> MainWindow:
    services = Services.over(open_sqlite(migrated(tmp_path / "form.db")))
    services.finance.create(resources.demo_project_form())
    main = MainWindow(services, Settings())
    qtbot.addWidget(main)
    main.show()
    yield main
    services.close()


@pytest.fixture
def other(tmp_path: Path) -> Services:
    bundle = Services.over(open_sqlite(migrated(tmp_path / "form.db")))
    yield bundle
    bundle.close()


def visit(widget, text: str) -> None:
    """The clerk enters the field, types, and leaves it (the save of a visit)."""
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusIn))
    if hasattr(widget, "setPlainText"):
        widget.setPlainText(text)
        widget.focusOutEvent(QFocusEvent(QEvent.Type.FocusOut))
    else:
        widget.setText(text)
        widget.editingFinished.emit()


def test_one_undo_step_per_field_visit(form_window: MainWindow) -> None:
    panel = form_window.finance_panel
    stack = form_window.undo_stack
    name = panel.texts["project_name"]
    original = name.text()
    before = stack.count()
    QApplication.sendEvent(name, QFocusEvent(QEvent.Type.FocusIn))
    for text in ("新", "新项目", "新项目名称"):  # Enter pressed after each word: three saves
        name.setText(text)
        name.editingFinished.emit()
    assert stack.count() == before + 1
    visit(name, "又一次改名")  # a new visit: a step of its own
    assert stack.count() == before + 2
    finance = form_window.services.finance
    form_window.undo()
    assert finance.form(form_window.assessment_id).project_name == "新项目名称"
    form_window.undo()
    assert finance.form(form_window.assessment_id).project_name == original
    assert name.text() == original
    form_window.redo()
    assert name.text() == "新项目名称"


def test_an_undo_never_wipes_another_windows_later_edit(form_window: MainWindow, qtbot: QtBot,
                                                        other: Services,
                                                        answers: list[str]) -> None:
    panel = form_window.finance_panel
    assessment = form_window.assessment_id
    fund = other.finance.funds(assessment)[0]
    panel.funds.item(0, 2).setText("400")
    qtbot.waitUntil(lambda: panel.funds.item(0, 2).text() == "400")
    assert other.finance.funds(assessment)[0].spent == 400
    other.finance_fields.set_fund(fund.id, "spent", 300, expected=400)  # the other window
    form_window.undo()
    assert other.finance.funds(assessment)[0].spent == 300  # not back to 456
    assert any("全年执行数" in text and "其他窗口" in text for text in answers)
    qtbot.waitUntil(lambda: panel.funds.item(0, 2).text() == "300")
    # the same for a text: redo refused after the other window rewrote it
    goal = panel.texts["goal_actual"]
    visit(goal, "本窗口写的完成情况")
    form_window.undo()
    other.finance_fields.set_form_text(assessment, "goal_actual", "另一窗口写的",
                                          expected=other.finance.form(assessment)
                                          .goal_actual)
    form_window.redo()
    assert other.finance.form(assessment).goal_actual == "另一窗口写的"
    assert any("实际完成情况" in text for text in answers)


def test_a_change_made_elsewhere_is_shown_mine_and_theirs(form_window: MainWindow, other: Services,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    panel = form_window.finance_panel
    assessment = form_window.assessment_id
    finance = other.finance
    shown: list[tuple[str, str, str]] = []

    def clerk_merges(dialog: FieldConflictDialog) -> int:
        shown.append((dialog.windowTitle(), dialog.mine_view.toPlainText(),
                      dialog.theirs_view.toPlainText()))
        dialog.result_view.setPlainText(dialog.mine + "；" + dialog.theirs)
        dialog.take_edit.click()
        return dialog.result()

    monkeypatch.setattr(FieldConflictDialog, "exec", clerk_merges)
    other.finance_fields.set_form_text(assessment, "goal_actual", "另一窗口写的",
                                          expected=finance.form(assessment).goal_actual)
    visit(panel.texts["goal_actual"], "本窗口写的")  # this window still showed the old text
    assert shown == [("内容冲突：实际完成情况", "本窗口写的", "另一窗口写的")]
    assert finance.form(assessment).goal_actual == "本窗口写的；另一窗口写的"
    assert panel.texts["goal_actual"].toPlainText() == "本窗口写的；另一窗口写的"
    # an indicator cell: the clerk keeps the other window's value
    tree = panel.tree
    item_id, row = next(iter(tree._rows.items()))
    other.finance_fields.set_indicator(item_id, "indicator_actual", "对方填的60个",
                                          expected=other.items.get(item_id).indicator_actual)
    monkeypatch.setattr(FieldConflictDialog, "exec",
                        lambda dialog: shown.append(("kept", dialog.mine, dialog.theirs))
                        or dialog.keep_theirs.click() or dialog.result())
    row.setText(2, "本窗口填的55个")
    assert shown[-1] == ("kept", "本窗口填的55个", "对方填的60个")
    assert other.items.get(item_id).indicator_actual == "对方填的60个"
    assert tree.item_for(item_id).text(2) == "对方填的60个"
    # a fund amount: the clerk takes its own number
    fund = finance.funds(assessment)[0]
    other.finance_fields.set_fund(fund.id, "spent", 300, expected=fund.spent)
    monkeypatch.setattr(FieldConflictDialog, "exec",
                        lambda dialog: dialog.take_mine.click() or dialog.result())
    panel.funds.item(0, 2).setText("420")
    assert finance.funds(assessment)[0].spent == 420
