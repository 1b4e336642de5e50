"""Long work shows that it is busy: a dialog and a status-bar message, even without progress."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog
from pytestqt.qtbot import QtBot

from gui.infra.workers import run_job


def test_a_job_without_progress_still_shows_it_is_busy(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    seen: list[tuple[bool, str]] = []
    busy_shown = threading.Event()

    def look() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        seen.append((bool(dialogs), window.statusBar().currentMessage()))
        if seen[-1] == (True, "正在生成 PDF…"):
            busy_shown.set()

    def job(_progress: object) -> int:  # long work that reports nothing (a PDF by LibreOffice)
        busy_shown.wait(timeout=10)
        return 42

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(50)
    result, error = run_job(window, "正在生成 PDF…", job)
    timer.stop()
    assert (result, error) == (42, None)
    assert busy_shown.is_set()  # the dialog and the status bar said it was busy
    assert seen[0] == (False, "")  # not at once: a moment's work shows nothing
    assert window.statusBar().currentMessage() == ""  # cleared when done
