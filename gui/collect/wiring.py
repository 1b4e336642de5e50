"""Puts hand-out and collect into a main window: two File-menu actions and the 汇总进度 panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from gui.collect.progress_panel import ProgressPanel
from gui.menus import add_action

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def install(window: MainWindow, file_menu: QMenu) -> ProgressPanel:
    """The panel, docked and hidden, and the entries, in the File menu."""
    panel = ProgressPanel(window, window.services)
    # one dock with tabs beside 体检: two docks stacked would crush the editor at 1366×768
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
    review = getattr(window, "review", None)
    if review is not None:
        window.tabifyDockWidget(review, panel)
    panel.hide()

    def hand_out() -> None:
        from gui.collect.handout_dialog import hand_out_from_gui  # openpyxl loads when used

        if window.assessment_id is not None:
            window.commit_editors()  # what was just typed goes out too
            if hand_out_from_gui(window, window.services, window.assessment_id,
                                 window.settings.last_folder()):
                panel.refresh(window.assessment_id)
                panel.show()

    def collect_back() -> None:
        from gui.collect.collect_flow import collect_from_gui

        if window.assessment_id is not None:
            window.commit_editors()
            if collect_from_gui(window, window.context, window.undo_stack,
                                window.settings.last_folder(), window.assessment_id):
                panel.refresh(window.assessment_id)
                panel.show()

    before = file_menu.actions()[-2]  # above the separator before 退出
    menu = QMenu(file_menu)
    add_action(menu, window, window.tr("分发给各处室…"), hand_out, name="handout")
    add_action(menu, window, window.tr("汇总…"), collect_back, name="collect")
    progress = panel.toggleViewAction()
    progress.setText(window.tr("汇总进度"))
    menu.addAction(progress)
    for action in menu.actions():
        file_menu.insertAction(before, action)
    def shown(visible: bool) -> None:
        if visible:
            panel.refresh(window.assessment_id)

    def front(checked: bool) -> None:
        if checked:
            panel.raise_()  # its tab in front

    panel.visibilityChanged.connect(shown)
    progress.triggered.connect(front)
    return panel
