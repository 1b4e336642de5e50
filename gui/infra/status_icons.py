"""Small round status icons drawn once (no image files needed), cached per status."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from model.vocabulary import status_colour

SIZE = 14  # logical pixels
RATIOS = (1.0, 1.25, 1.5, 2.0, 3.0)  # common display scalings: each gets its own sharp drawing


@cache
def status_icon(status: str) -> QIcon:
    """A round dot drawn at every common device pixel ratio (a 14 px bitmap scaled to 150 % is
    jagged)."""
    icon = QIcon()
    for ratio in RATIOS:
        icon.addPixmap(_dot(status_colour(status), ratio))
    return icon


def _dot(colour: str, ratio: float) -> QPixmap:
    pixmap = QPixmap(round(SIZE * ratio), round(SIZE * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(2, 2, SIZE - 4, SIZE - 4))  # logical coordinates
    painter.end()
    return pixmap
