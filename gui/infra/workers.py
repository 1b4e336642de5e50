"""Long work (export, import, packing) off the GUI thread, with a progress dialog and cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QStatusBar, QWidget

from exporters.errors import ExportCancelled
from importers.errors import ImportCancelled

BUSY_AFTER_MS = 400  # work longer than this shows the busy dialog and a status-bar message
CANCELLED_SHOWN_MS = 8000  # how long the status bar says a job was cancelled
# A job receives progress(done, total) -> bool; False means the user cancelled. total 0: busy,
# no count to show (LibreOffice converting).
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


class _Receiver(QObject):
    """Lives on the GUI thread: the worker's signals reach it queued, so the progress dialog is
    only ever touched from the GUI thread (a plain function would run on the worker)."""

    def __init__(self, dialog: QProgressDialog, loop: QEventLoop) -> None:
        super().__init__()
        self.dialog, self.loop = dialog, loop
        self.outcome: dict[str, Any] = {}

    @Slot(int, int)
    def progressed(self, done: int, total: int) -> None:
        if total <= 0:
            self.dialog.setRange(0, 0)  # the busy bar
            return
        self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    @Slot(object, object)
    def finished(self, result: object, error: object) -> None:
        self.outcome.update(result=result, error=error)
        self.loop.quit()


def _status_bar(parent: QWidget | None) -> QStatusBar | None:
    """The main window's status bar, also when the job was started from one of its dialogs."""
    widget = parent
    while widget is not None and not isinstance(widget, QMainWindow):
        widget = widget.parentWidget()
    return widget.statusBar() if isinstance(widget, QMainWindow) else None


def _show_busy(parent: QWidget | None, dialog: QProgressDialog, label: str) -> None:
    if not dialog.wasCanceled():
        dialog.show()
    bar = _status_bar(parent)
    if bar is not None:
        bar.showMessage(label)


def _clear_busy(parent: QWidget | None, label: str, cancelled: bool) -> None:
    bar = _status_bar(parent)
    if bar is None:
        return
    if cancelled:  # the clerk sees that the cancel took effect
        done = label.removeprefix("正在").rstrip("…")
        bar.showMessage(bar.tr("已取消：%1").replace("%1", done), CANCELLED_SHOWN_MS)
    elif bar.currentMessage() in (label, bar.tr("正在取消…")):
        bar.clearMessage()


def _cancelling(parent: QWidget | None, job: _Job) -> None:
    job.cancelled = True
    bar = _status_bar(parent)
    if bar is not None:  # ending LibreOffice may take a moment
        bar.showMessage(bar.tr("正在取消…"))


def run_job(parent: QWidget | None, label: str, function: JobFunction) -> tuple[Any, Exception | None]:
    """Run function on a worker thread while a modal progress dialog shows; (result, error)."""
    dialog = QProgressDialog(label, parent.tr("取消") if parent else "取消", 0, 0, parent)
    dialog.setWindowTitle(parent.tr("请稍候") if parent else "请稍候")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(BUSY_AFTER_MS)
    # a job's counted part may end before its uncounted one (a PDF: the Word document, then
    # LibreOffice): reaching the count must not hide the dialog while the job still runs
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    job = _Job(function)
    thread = QThread()
    job.moveToThread(thread)
    loop = QEventLoop()
    receiver = _Receiver(dialog, loop)
    job.progressed.connect(receiver.progressed, Qt.ConnectionType.QueuedConnection)
    job.done.connect(receiver.finished, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(lambda: _cancelling(parent, job))
    thread.started.connect(job.run)
    # a job that reports no progress (a PDF made by LibreOffice) would never show the dialog:
    # Qt shows it only from setValue; so show it, and say so in the status bar, after a moment
    shown = QTimer(dialog)
    shown.setSingleShot(True)
    shown.timeout.connect(lambda: _show_busy(parent, dialog, label))
    shown.start(BUSY_AFTER_MS)
    thread.start()
    loop.exec()  # the result arrives queued, so it is always after exec() has started
    shown.stop()
    thread.quit()
    thread.wait()
    dialog.reset()
    dialog.close()
    error = receiver.outcome.get("error")
    _clear_busy(parent, label, isinstance(error, ExportCancelled | ImportCancelled))
    return receiver.outcome.get("result"), error
