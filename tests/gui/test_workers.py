"""Long work shows that it is busy: a dialog and a status-bar message, even without progress."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog
from pytestqt.qtbot import QtBot

from gui.workers import run_job


def test_a_job_without_progress_still_shows_it_is_busy(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[bool, str]] = []

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        seen.append((bool(dialogs), window.statusBar().currentMessage()))

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(100)
    result, error = run_job(window, "正在生成 PDF…", lambda _progress: time.sleep(1.2) or 42)
    timer.stop()
    assert (result, error) == (42, None)
    assert (True, "正在生成 PDF…") in seen  # shown within the second
    assert seen[0] == (False, "")  # not for a moment's work
    assert window.statusBar().currentMessage() == ""  # cleared when done
