"""A narrative problem opened from 体检 at 1366×768 shows its text's cursor on screen: the summary
section is taller than the pane, and the sentence at its end was below the fold."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow
from model.services import Services


def test_the_opened_sentence_is_in_sight(window: MainWindow, demo: Services, demo_id: int,
                                         qtbot: QtBot) -> None:
    window.resize(1366, 728)
    text = "2021年，全委上下认真落实各项决策部署。" * 12 + "共41项任务全部完成。"
    demo.narrative.set_text(demo_id, "overview", text)
    next(a for a in window.findChildren(type(window.undo_action))
         if a.objectName() == "review").trigger()
    panel = window.review
    row = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
               if panel.list.topLevelItem(i).text(0) == "数字与表格不符")
    panel.list.setCurrentItem(row)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    edit = window.assessment_editor.texts["overview"].edit
    assert edit.textCursor().atEnd()
    area = next(w for w in _ancestors(edit) if isinstance(w, QScrollArea))

    def cursor_on_screen() -> bool:
        QApplication.processEvents()
        cursor = edit.cursorRect()
        top_left = edit.viewport().mapTo(area.viewport(), cursor.topLeft())
        shown = QRect(top_left, cursor.size())
        return area.viewport().rect().contains(shown) and edit.viewport().rect().contains(cursor)

    qtbot.waitUntil(cursor_on_screen, timeout=3000)


def _ancestors(widget: QWidget) -> Iterator[QWidget]:
    parent = widget.parentWidget()
    while parent is not None:
        yield parent
        parent = parent.parentWidget()


def test_the_item_found_again_is_shown_after_the_assessment_page(window: MainWindow,
                                                                 qtbot: QtBot) -> None:
    """Find an item, open the assessment page (体检's narrative problem, 自评信息与总结段落), then
    find the same item again: the editor shows the item, not the page it was on."""
    window.filter_bar.text.setFocus()
    qtbot.keyClicks(window.filter_bar.text, "2")  # digits: no input method needed
    qtbot.waitUntil(lambda: window.tree_model.rowCount() > 0)
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Return)
    assert window.item_editor.isVisible()
    window.info_button.click()
    assert window.assessment_editor.isVisible() and not window.item_editor.isVisible()
    window.filter_bar.text.setFocus()
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Return)
    assert window.item_editor.isVisible()
