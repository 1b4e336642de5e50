"""The first paint is on the screen while the services load, on a real X display (Xvfb): there a
window is exposed only when the display server has answered its showing, so a paint asked at once
was lost and the clerk looked at a black window for the seconds a large database takes to open.
The offscreen tests cannot see this: their windows are exposed as they are shown."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.db_templates import copy_template

ROOT = Path(__file__).resolve().parents[2]
SHOW_THEN_BUSY = """
import sys, time
sys.path.insert(0, {root!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.infra.settings import Settings
from gui.window.first_paint import first_paint
window = first_paint({db!r}, Settings())
assert window is not None
print("shown", flush=True)
time.sleep(30)  # what loading the services does to the GUI thread: nothing is painted meanwhile
"""
GRAB = """
from PySide6.QtWidgets import QApplication
app = QApplication([])
app.primaryScreen().grabWindow(0).save({out!r}, "PNG")
"""


@pytest.fixture
def display(tmp_path: Path):
    """A fresh Xvfb at 1366×768 with a window manager (which maps a window itself, later, as
    a clerk's desktop does); its DISPLAY."""
    missing = [tool for tool in ("Xvfb", "openbox") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {missing} (see dev.sh)")
        pytest.skip(f"not installed: {missing}")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24",
                               "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    manager = subprocess.Popen(["openbox"], env={**os.environ, "DISPLAY": f":{number}",
                                               "HOME": str(tmp_path)},
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield f":{number}"
    finally:
        for process in (manager, server):
            process.terminate()
            process.wait(timeout=10)


def test_the_first_paint_is_on_the_screen_while_the_services_load(display: str,
                                                                  tmp_path: Path) -> None:
    db = copy_template("demo", tmp_path / "demo.db")
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "ZICHA_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    app = subprocess.Popen([sys.executable, "-c", SHOW_THEN_BUSY.format(root=str(ROOT), db=str(db))],
                           env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert app.stdout is not None and app.stdout.readline() == "shown\n"
        shot = tmp_path / "screen.png"
        subprocess.run([sys.executable, "-c", GRAB.format(out=str(shot))], env=env, check=True,
                       timeout=60)
    finally:
        app.kill()
        app.wait()
        assert app.stdout is not None
        app.stdout.close()
    image = QImage(str(shot))
    assert not image.isNull()
    step = 8
    samples = [image.pixelColor(x, y) for x in range(0, image.width(), step)
               for y in range(0, image.height(), step)]
    lit = sum(1 for c in samples if c.lightness() > 100) / len(samples)
    assert lit > 0.3, f"{lit:.0%} of the screen painted: the window is shown black"
