"""Small round status icons drawn once (no image files needed), cached per status."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

COLOURS = {"未开始": "#9e9e9e", "推进中": "#f0a000", "已完成": "#2e7d32",
           "超额完成": "#1565c0", "未完成": "#c62828", "不适用": "#cfcfcf"}


@cache
def status_icon(status: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(COLOURS.get(status, "#000000")))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(2, 2, 10, 10)
    painter.end()
    return QIcon(pixmap)
