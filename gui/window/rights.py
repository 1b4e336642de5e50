"""What a server login may not do, greyed out in the window with the reason (the server refuses
it anyway): a 处室 clerk adds, deletes and moves no items or dimensions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from model.sharing.permissions import cached_rights

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow

STRUCTURE_ACTIONS = ("new_assessment", "finance_form", "import", "new_dim", "new_sub", "new_item",
                     "delete", "up", "down")


def limit_to_rights(window: MainWindow) -> None:
    rights = cached_rights(window.services.db)
    if rights.edits_structure:
        return
    why = QCoreApplication.translate("Rights", "登录 %1 是“%2”的处室填报人：只能修改本处室事项的内容和证明材料，不能新建、删除或移动事项和维度。")  # noqa: E501
    why = why.replace("%1", rights.login).replace("%2", rights.department)
    for action in window.findChildren(QAction):
        if action.objectName() in STRUCTURE_ACTIONS:
            action.setEnabled(False)
            action.setToolTip(why)
            action.setStatusTip(why)
