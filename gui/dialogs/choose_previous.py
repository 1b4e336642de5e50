"""Tools → 选择上年的自评…: which assessment is last year's for the open one (stored)."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from gui.infra.errors import describe
from model.errors import ModelError
from model.services import Services


def choose_last_year(parent: QWidget, services: Services, current: int | None) -> bool:
    """Ask, then store the choice; True when it changed."""
    if current is None:
        return False
    others = [a for a in services.assessments.list() if a.id != current]
    automatic = parent.tr("（自动：复制来源或同单位上一年度）")
    labels = [automatic] + [f"{a.year}年 {a.title}（编号 {a.id}）" for a in others]
    now = services.year_compare.previous(current)
    index = next((n + 1 for n, a in enumerate(others) if a.id == now), 0)
    label, ok = QInputDialog.getItem(parent, parent.tr("选择上年的自评"),
                                     parent.tr("与哪一个自评对比（上年）："), labels, index, False)
    if not ok:
        return False
    chosen = None if label == automatic else others[labels.index(label) - 1].id
    try:
        services.year_compare.choose_previous(current, chosen)
    except ModelError as error:
        QMessageBox.critical(parent, parent.tr("无法选择"), describe(error))
        return False
    return True
