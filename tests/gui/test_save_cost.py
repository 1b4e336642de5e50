"""What one save of a field costs the database: counted with SQLAlchemy's events on the real
SQLite file the window edits (a keystroke's save runs while the clerk types)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from gui.item_models.framework_tree import DIMENSION, ITEM
from gui.panels.finance_conflict import FieldConflictDialog
from gui.window.main_window import MainWindow
from model.services import Services
from tests.gui.test_editing import type_into
from tests.gui.test_finance_undo import form_window, other, visit  # noqa: F401 — fixtures


@dataclass
class Cost:
    transactions: int = 0
    statements: list[str] = field(default_factory=list)


@contextmanager
def counted(services: Services) -> Iterator[Cost]:
    """Every transaction begun and every statement sent on the services' engine meanwhile."""
    cost, engine = Cost(), services.db.engine

    def began(_connection: object) -> None:
        cost.transactions += 1

    def sent(_connection, _cursor, statement: str, *_args: object) -> None:
        cost.statements.append(statement.split()[0].upper() + " " + statement[:60])

    event.listen(engine, "begin", began)
    event.listen(engine, "before_cursor_execute", sent)
    try:
        yield cost
    finally:
        event.remove(engine, "begin", began)
        event.remove(engine, "before_cursor_execute", sent)


def save_field(qtbot: QtBot, window: MainWindow, demo: Services, demo_id: int,
               field_name: str, text: str) -> Cost:
    item = demo.items.list(demo_id)[2]
    window.select(ITEM, item.id)
    QApplication.processEvents()
    edit = window.item_editor.texts[field_name].edit
    type_into(qtbot, edit, text)
    with counted(demo) as cost:
        window.commit_editors()
    assert getattr(demo.items.get(item.id), field_name).endswith(text)
    return cost


def test_one_field_save_takes_at_most_two_transactions(qtbot: QtBot, window: MainWindow,
                                                        demo: Services, demo_id: int) -> None:
    """Before: 4 transactions and 11 statements (the row read twice, the assessment again for
    the title, the status counts again). Now the check and the write are one transaction, and
    the window takes the row as stored from the Changes."""
    cost = save_field(qtbot, window, demo, demo_id, "result", "另已完成。")
    print(f"\none field save: {cost.transactions} transactions, "
          f"{len(cost.statements)} statements:\n" + "\n".join(cost.statements))
    assert cost.transactions == 1, cost.statements
    assert len(cost.statements) <= 4, cost.statements
    assert window.item_editor.texts["result"].edit.toPlainText().endswith("另已完成。")
    assert window.windowTitle().startswith(demo.assessments.get(demo_id).title)


def test_a_status_save_counts_again_in_a_second_transaction(qtbot: QtBot, window: MainWindow,
                                                            demo: Services, demo_id: int) -> None:
    item = next(i for i in demo.items.list(demo_id) if i.status != "未完成")
    window.select(ITEM, item.id)
    QApplication.processEvents()
    before = window.completion.text()
    with counted(demo) as cost:
        window.item_editor.status.setCurrentText("未完成")
    assert demo.items.get(item.id).status == "未完成"
    assert cost.transactions <= 2, cost.statements
    assert "未完成" in window.completion.text() and window.completion.text() != before


def test_a_finance_text_save_takes_at_most_two_transactions(
        form_window: MainWindow, other: Services,  # noqa: F811 — the fixtures imported
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: 6 transactions and 12 statements (the form read before the write, again after it,
    and indicators, score and funds each in a transaction of their own). Now the check is in
    the write's transaction and the form is read once after it."""
    panel, services = form_window.finance_panel, form_window.services
    with counted(services) as cost:
        visit(panel.texts["goal_actual"], "本窗口写的")
    print(f"\nfinance text save: {cost.transactions} transactions, "
          f"{len(cost.statements)} statements")
    assert cost.transactions <= 2, cost.statements
    assert services.finance.form(form_window.assessment_id).goal_actual == "本窗口写的"
    # changed elsewhere meanwhile, and the clerk keeps theirs: nothing written, no step
    assessment, steps = form_window.assessment_id, form_window.undo_stack.index()
    other.finance_fields.set_form_text(assessment, "goal_actual", "另一窗口写的",
                                       expected="本窗口写的")
    monkeypatch.setattr(FieldConflictDialog, "exec",
                        lambda dialog: dialog.keep_theirs.click() or dialog.result())
    visit(panel.texts["goal_actual"], "又写的")
    assert other.finance.form(assessment).goal_actual == "另一窗口写的"
    assert panel.texts["goal_actual"].toPlainText() == "另一窗口写的"
    assert form_window.undo_stack.index() == steps


def test_a_fund_amount_and_an_indicator_cell(form_window: MainWindow) -> None:  # noqa: F811
    """Before: a fund amount 8 transactions and 19 statements, an indicator cell 10 and 27. Now
    the amount is checked in its write (2); the cell still reads its item first, for the step's
    name and the conflict dialog (3)."""
    panel, services = form_window.finance_panel, form_window.services
    with counted(services) as cost:
        panel.funds.item(0, 2).setText("420")
        QApplication.processEvents()  # the table is read again once its signal has returned
    print(f"\nfund amount: {cost.transactions} transactions, {len(cost.statements)} statements")
    assert cost.transactions <= 2, cost.statements
    assert services.finance.funds(form_window.assessment_id)[0].spent == 420
    assert panel.funds.item(0, 2).text() == "420"
    item_id, row = next(iter(panel.tree._rows.items()))
    with counted(services) as cost:
        row.setText(2, "本窗口填的55个")
    print(f"indicator cell: {cost.transactions} transactions, {len(cost.statements)} statements")
    assert cost.transactions <= 3, cost.statements
    assert services.items.get(item_id).indicator_actual == "本窗口填的55个"


def test_the_other_editors_saves(qtbot: QtBot, window: MainWindow, demo: Services,
                                 demo_id: int) -> None:
    """A dimension's name and a narrative section: one transaction each; the assessment's
    title: its write and the list of assessments it renames."""
    dimension = demo.dimensions.list(demo_id)[0]
    window.select(DIMENSION, dimension.id)
    QApplication.processEvents()
    type_into(qtbot, window.dimension_editor.name, "（改）")
    with counted(demo) as cost:
        window.commit_editors()
    assert cost.transactions == 1, cost.statements
    assert demo.dimensions.get(dimension.id).name == dimension.name + "（改）"
    window.show_assessment_editor()
    editor = window.assessment_editor
    type_into(qtbot, next(iter(editor.texts.values())).edit, "另有补充。")
    with counted(demo) as cost:
        window.commit_editors()
    assert cost.transactions == 1, cost.statements
    type_into(qtbot, editor.title, "（修订）")
    with counted(demo) as cost:
        window.commit_editors()
    assert cost.transactions <= 2, cost.statements
    assert demo.assessments.get(demo_id).title.endswith("（修订）")
    assert window.windowTitle().startswith(demo.assessments.get(demo_id).title)
