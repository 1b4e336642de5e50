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
