"""Where the main window goes: sized from the screen's available area, never off screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
SHARE = 0.92  # of the available area: the taskbar and the window frame stay visible


def first_geometry(available: QRect) -> QRect:
    """A first window that fits the screen's available area (taskbar excluded), centred."""
    width = min(PREFERRED.width(), int(available.width() * SHARE))
    height = min(PREFERRED.height(), int(available.height() * SHARE))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def clamped(rect: QRect, available: QRect) -> QRect:
    """rect moved and shrunk so that it lies inside available."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    left = min(max(rect.left(), available.left()), available.right() - width + 1)
    top = min(max(rect.top(), available.top()), available.bottom() - height + 1)
    return QRect(left, top, width, height)


def screen_for(rect: QRect) -> QScreen | None:
    """The screen showing most of rect, or None when rect is on no current screen."""
    best, area = None, 0
    for screen in QGuiApplication.screens():
        overlap = screen.availableGeometry().intersected(rect)
        if overlap.width() * overlap.height() > area:
            best, area = screen, overlap.width() * overlap.height()
    return best


def place(window: QWidget, saved: bytes | None) -> None:
    """Restore the saved geometry clamped onto a current screen, or size a first window."""
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized():
            return  # Qt puts a maximised window on its screen
        screen = screen_for(window.frameGeometry())
        if screen is not None:
            frame = window.frameGeometry()
            inside = clamped(frame, screen.availableGeometry())
            extra = QSize(frame.width() - window.width(), frame.height() - window.height())
            window.resize(inside.size() - extra)
            window.move(inside.topLeft())
            return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(first_geometry(screen.availableGeometry()))
    else:
        window.resize(PREFERRED)
