"""Hand-out and collect in a main window: the 汇总进度 panel (docked, hidden, tabbed with 体检)
and what File → 分发给各处室… / 汇总… / 汇总进度 do (the entries are declared in gui.window.menus)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from gui.collect.progress_panel import ProgressPanel
from gui.window.window_context import WindowContext


class CollectActions(QObject):
    def __init__(self, ctx: WindowContext, beside: QDockWidget | None = None) -> None:
        super().__init__(ctx.widget)
        self.ctx = ctx
        window = ctx.widget
        self.panel = panel = ProgressPanel(window, ctx.services)
        # one dock with tabs beside 体检: two docks stacked would crush the editor at 1366×768
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        if beside is not None:
            window.tabifyDockWidget(beside, panel)
        panel.hide()
        panel.visibilityChanged.connect(self._shown)
        self.progress_action: QAction = panel.toggleViewAction()  # File → 汇总进度
        self.progress_action.triggered.connect(self._front)

    def hand_out(self) -> None:
        from gui.collect.handout_dialog import hand_out_from_gui  # openpyxl loads when used

        ctx = self.ctx
        assessment_id = ctx.assessment_id
        if assessment_id is not None:
            ctx.commit_editors()  # what was just typed goes out too
            if hand_out_from_gui(ctx.widget, ctx.services, assessment_id,
                                 ctx.settings.last_folder()):
                self._show(assessment_id)

    def collect_back(self) -> None:
        from gui.collect.collect_flow import collect_from_gui

        ctx = self.ctx
        assessment_id = ctx.assessment_id
        if assessment_id is not None:
            ctx.commit_editors()
            if collect_from_gui(ctx.widget, ctx.edit, ctx.undo, ctx.settings.last_folder(),
                                assessment_id):
                self._show(assessment_id)

    def _show(self, assessment_id: int) -> None:
        self.panel.refresh(assessment_id)
        self.panel.show()

    def _shown(self, visible: bool) -> None:
        if visible:
            self.panel.refresh(self.ctx.assessment_id)

    def _front(self, checked: bool) -> None:
        if checked:
            self.panel.raise_()  # its tab in front
