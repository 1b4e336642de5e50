"""The busy dialog stays up for the whole job: a PDF export counts its Word part to the end,
then LibreOffice converts uncounted — the dialog showed for the first part and vanished for the
second (the first PDF export of a session under X11 looked like nothing was happening)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressDialog
from pytestqt.qtbot import QtBot

from gui.infra.workers import run_job
from gui.window.main_window import MainWindow


def test_the_dialog_stays_while_the_uncounted_part_runs(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    counted_done, seen_after = threading.Event(), threading.Event()
    seen: list[tuple[bool, int, int]] = []

    def look() -> None:
        dialog = window.findChild(QProgressDialog)
        seen.append((dialog is not None and dialog.isVisible(), dialog.minimum() if dialog else -1,
                     dialog.maximum() if dialog else -1))
        if counted_done.is_set() and len(seen) > 3:
            seen_after.set()

    def job(progress: Callable[[int, int], bool]) -> str:
        for step in range(1, 11):  # the Word part: counted, over the busy dialog's delay
            threading.Event().wait(0.06)
            progress(step, 10)
        seen.clear()
        counted_done.set()
        while not seen_after.wait(0.05):  # LibreOffice: nothing to count, only "still busy?"
            progress(0, 0)
        return "pdf"

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(40)
    result, error = run_job(window, "正在导出工作总结 PDF…", job)
    timer.stop()
    assert (result, error) == ("pdf", None)
    assert seen and all(shown for shown, _low, _high in seen), seen
    assert seen[-1][1:] == (0, 0)  # a busy bar, not a full one


def test_a_status_bar_message_has_room_beside_the_completion(window: MainWindow) -> None:
    """The busy message ("正在导出…", "已取消：…") shows left of 已完成 40 / 40: the completion
    label had taken the whole bar, so no message was ever seen."""
    message = "正在导出工作总结 PDF…"
    window.resize(1366, 728)
    window.statusBar().showMessage(message)
    QApplication.processEvents()
    room = window.completion.geometry().left()
    assert room > window.statusBar().fontMetrics().horizontalAdvance(message) + 10
    assert window.completion.isVisible() and window.completion.text() == "已完成 40 / 40"
