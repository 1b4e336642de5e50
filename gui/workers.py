"""Long work (export, import, packing) off the GUI thread, with a progress dialog and cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

# A job receives progress(done, total) -> bool; False means the user cancelled.
JobFunction = Callable[[Callable[[int, int], bool]], Any]


class _Job(QObject):
    progressed = Signal(int, int)
    done = Signal(object, object)  # result, error

    def __init__(self, function: JobFunction) -> None:
        super().__init__()
        self.function = function
        self.cancelled = False

    @Slot()
    def run(self) -> None:
        try:
            result = self.function(self._progress)
        except Exception as exc:
            self.done.emit(None, exc)
        else:
            self.done.emit(result, None)

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled


def run_job(parent: QWidget | None, label: str, function: JobFunction) -> tuple[Any, Exception | None]:
    """Run function on a worker thread while a modal progress dialog shows; (result, error)."""
    dialog = QProgressDialog(label, parent.tr("取消") if parent else "取消", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    job = _Job(function)
    thread = QThread()
    job.moveToThread(thread)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def finished(result: object, error: object) -> None:
        outcome.update(result=result, error=error)
        loop.quit()

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))

    job.progressed.connect(progressed)
    job.done.connect(finished)
    dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
    thread.started.connect(job.run)
    thread.start()
    if "result" not in outcome:
        loop.exec()
    thread.quit()
    thread.wait()
    dialog.reset()
    dialog.close()
    return outcome.get("result"), outcome.get("error")
