"""The window fits the screen: first start sized from the available area, saved places clamped."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from gui.infra.geometry import FRAME_ALLOWANCE, clamped, first_geometry, place, restored
from gui.infra.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

FIRST_START = """
import json, sys
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
from model.opening import create_demo_database
from gui.window.main_window import MainWindow
from gui.infra.settings import Settings
app = QApplication([])
services = create_demo_database({db!r})
window = MainWindow(services, Settings())
window.show()
app.processEvents()
frame, screen = window.frameGeometry(), window.screen().availableGeometry()
tree = window.tree.mapTo(window, window.tree.rect().bottomLeft())
status = window.statusBar().mapTo(window, window.statusBar().rect().bottomLeft())
print(json.dumps({{"frame": frame.getRect(), "screen": screen.getRect(),
                  "window": window.rect().getRect(), "tree_bottom": tree.y(),
                  "status_bottom": status.y()}}))
window.close()
services.close()
"""


def first_start_on(tmp_path: Path, width: int, height: int, dpr: float) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "office", "x": 0, "y": 0, "width": width, "height": height,
        # scaling as Windows does it: a higher logical DPI, which Qt turns into a pixel ratio
        "logicalDpi": round(96 * dpr), "logicalBaseDpi": 96, "dpr": 1}]}))
    code = FIRST_START.format(root=str(ROOT), db=str(tmp_path / "demo.db"))
    env = {"QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PATH": "/usr/bin:/bin",
           "ZICHA_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("pixels", "scale", "logical"), [
    ((1366, 768), 1.0, (1366, 768)),  # the most common office PC
    ((1920, 1080), 1.5, (1280, 720)),  # a laptop at 150 % scaling
])
def test_first_start_fits_the_screen(tmp_path: Path, pixels: tuple[int, int], scale: float,
                                     logical: tuple[int, int]) -> None:
    shown = first_start_on(tmp_path, *pixels, scale)
    assert shown["screen"] == [0, 0, *logical]
    x, y, width, height = shown["frame"]
    assert x >= 0 and y >= 0 and x + width <= logical[0] and y + height <= logical[1]
    assert shown["status_bottom"] <= shown["window"][3]  # the status bar is on screen
    assert shown["tree_bottom"] <= shown["window"][3]


def test_first_window_leaves_room_on_small_and_scaled_screens() -> None:
    for available in (QRect(0, 0, 1366, 728), QRect(0, 0, 1280, 680), QRect(1920, 0, 1024, 728)):
        rect = first_geometry(available)
        assert available.contains(rect)
        assert rect.height() <= available.height() * 0.93  # room for the title bar
    assert first_geometry(QRect(0, 0, 2560, 1400)).size().toTuple() == (1280, 800)


def test_a_saved_place_off_every_screen_is_brought_back(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setGeometry(QRect(2400, 1500, 1600, 1000))  # on a monitor that is gone now
    again = QMainWindow()
    qtbot.addWidget(again)
    place(again, window.geometry())
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.contains(again.geometry())


def test_clamped_moves_and_shrinks() -> None:
    available = QRect(0, 0, 1366, 728)
    assert clamped(QRect(1000, 500, 800, 600), available) == QRect(566, 128, 800, 600)
    assert clamped(QRect(-50, -20, 2000, 900), available) == available


def test_the_window_opens_in_the_same_place_every_time(qtbot: QtBot, tmp_path: Path) -> None:
    """Five starts in a row: the saved client rectangle comes back exactly (no drift)."""
    from PySide6.QtCore import QSettings
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    available = QGuiApplication.primaryScreen().availableGeometry()
    first = QRect(available.left() + 41, available.top() + 57,
                  available.width() - 120, available.height() - 140)
    settings.set_window_rect("main", first, False)
    for _start in range(5):
        window = QMainWindow()
        qtbot.addWidget(window)
        place(window, *settings.window_rect("main"))
        window.show()
        settings.set_window_rect("main", window.normalGeometry(), window.isMaximized())
        window.close()
    rect, maximized = settings.window_rect("main")
    assert (rect.getRect() if rect else None, maximized) == (first.getRect(), False)


def test_a_saved_place_under_the_taskbar_is_lifted() -> None:
    available = QRect(0, 0, 1366, 728)  # 768 less a 40 px taskbar
    rect = restored(QRect(200, 300, 1200, 700), available)
    assert rect.bottom() + FRAME_ALLOWANCE.bottom() <= available.bottom()
    assert rect.top() - FRAME_ALLOWANCE.top() >= available.top()
