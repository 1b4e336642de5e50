"""Where the main window goes: sized from the screen's available area, never off screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
SHARE = 0.92  # of the available area: the taskbar and the window frame stay visible
FRAME_ALLOWANCE = QMargins(8, 32, 8, 8)  # a title bar and borders around the client area


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


def restored(saved: QRect, available: QRect) -> QRect:
    """A saved client rectangle moved and shrunk so that its frame (title bar and borders, which
    the window manager adds around it) stays inside the available area: never under the taskbar."""
    return clamped(saved, available.marginsRemoved(FRAME_ALLOWANCE))


def place(window: QWidget, saved: QRect | None, maximized: bool = False) -> None:
    """Restore the saved client rectangle clamped onto a current screen, or size a first window.
    The client rectangle (not Qt's frame-based saveGeometry) is what is saved and restored:
    setGeometry places exactly it, so the window opens in the same place every time."""
    screen = screen_for(saved) if saved is not None and saved.isValid() else None
    if saved is not None and screen is not None:
        window.setGeometry(restored(saved, screen.availableGeometry()))
        if maximized:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        window.setGeometry(first_geometry(screen.availableGeometry()))
    else:
        window.resize(PREFERRED)


def keep_frame_on_screen(window: QWidget) -> None:
    """Once the window manager has framed the window: pull the frame inside the available area
    when the frame turned out larger than allowed for (a tall title bar)."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    frame, available = window.frameGeometry(), screen.availableGeometry()
    if available.contains(frame):
        return
    inside = clamped(frame, available)
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    window.resize(inside.size() - extra)
    window.move(inside.topLeft())
