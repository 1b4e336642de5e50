"""At 1366×768 with 体检 and 汇总进度 both open, the editor keeps its main fields in view."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.window.main_window import MainWindow


def _shown_height(widget: QWidget) -> int:
    """How many pixels of widget's height a clerk actually sees (scroll areas clip)."""
    return widget.visibleRegion().boundingRect().height() if widget.isVisible() else 0


def test_both_panels_open_leave_the_editor_its_fields(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1256, 669)  # the first start on 1366×768 less a 40 px taskbar
    window.review.show()
    window.collect_panel.show()
    QApplication.processEvents()
    assert window.tabifiedDockWidgets(window.review) == [window.collect_panel]
    window.right.setCurrentWidget(window.item_page)
    QApplication.processEvents()
    result = window.item_editor.texts["result"]
    assert _shown_height(result.edit) >= 3 * result.edit.fontMetrics().lineSpacing()
    table = window.evidence.table
    rows = table.verticalHeader().defaultSectionSize()
    assert _shown_height(table.viewport()) >= 3 * rows


def test_the_find_box_keeps_room_for_a_few_words_beside_the_filters(
        qtbot: QtBot, window: MainWindow) -> None:
    """体检 open on the first start's 1366×768 window: the narrow left pane takes its room from
    the status and 处室 filters (four characters each), not from the find box."""
    window.resize(1256, 669)
    window.review.show()
    QApplication.processEvents()
    bar = window.filter_bar
    assert bar.text.width() >= bar.text.fontMetrics().horizontalAdvance("查找任意文字") + 40
    for combo in (bar.status, bar.department):
        assert combo.width() >= combo.fontMetrics().horizontalAdvance("全部状态")
    assert bar.department.count() > 2  # the demo's 处室: the longest names do not widen the filter
    widest = max(bar.department.fontMetrics().horizontalAdvance(bar.department.itemText(n))
                 for n in range(bar.department.count()))
    assert bar.department.width() < widest + 40
    bar.department.showPopup()  # its list shows the whole names
    QApplication.processEvents()
    assert bar.department.view().width() >= widest
    bar.department.hidePopup()
