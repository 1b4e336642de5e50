"""File → 打印预览: the summary or a table made into a PDF, its pages shown (pypdfium2) with page
navigation and zoom, and printed through the system's print dialog."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exporters.errors import ExportCancelled, Progress, cancel_asked
from exporters.pdf import convert
from exporters.registry import export_format, run_export
from gui.infra.errors import describe
from gui.infra.workers import run_job
from gui.window import menus
from model.services import Services

ZOOMS = (50, 75, 100, 125, 150, 200)
SCREEN_DPI = 96
PRINT_DPI = 300  # pages are rendered as images for the printer: enough for 四号 text


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as an image at dpi (white background)."""
    bitmap = document[index].render(scale=dpi / 72, rev_byteorder=True)
    formats = {"RGB": QImage.Format.Format_RGB888, "RGBA": QImage.Format.Format_RGBA8888,
               "RGBX": QImage.Format.Format_RGBX8888}
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   formats[bitmap.mode])
    return image.copy()  # own the pixels: the bitmap's buffer goes away


class PrintPreview(QDialog):
    def __init__(self, parent: QWidget | None, pdf: Path, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", title))
        self.document = pdfium.PdfDocument(str(pdf))
        self.pages = len(self.document)
        self.page = QSpinBox(self)
        self.page.setRange(1, max(self.pages, 1))
        self.page.valueChanged.connect(self.show_page)
        self.previous = QPushButton(self.tr("上一页"), self)
        self.previous.clicked.connect(lambda: self.page.setValue(self.page.value() - 1))
        self.next = QPushButton(self.tr("下一页"), self)
        self.next.clicked.connect(lambda: self.page.setValue(self.page.value() + 1))
        self.zoom = QComboBox(self)
        for percent in ZOOMS:
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.setCurrentIndex(ZOOMS.index(75))
        self.zoom.currentIndexChanged.connect(lambda: self.show_page(self.page.value()))
        print_button = QPushButton(self.tr("打印…"), self)
        print_button.clicked.connect(self.print_pages)
        self.close_button = QPushButton(self.tr("关闭"), self)  # Esc closes too; a button says so
        self.close_button.clicked.connect(self.reject)
        bar = QHBoxLayout()
        for widget in (self.previous, self.page, QLabel(self.tr("共 %1 页").replace(
                "%1", str(self.pages)), self), self.next, QLabel(self.tr("缩放"), self),
                self.zoom):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(print_button)
        bar.addWidget(self.close_button)
        self.view = QLabel(self)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.view)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)
        self.resize(900, 700)
        self.show_page(1)

    def show_page(self, number: int) -> None:
        if not self.pages:
            return
        dpi = SCREEN_DPI * self.zoom.currentData() / 100 * self.devicePixelRatioF()
        image = render_page(self.document, number - 1, dpi)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.view.setPixmap(pixmap)
        self.previous.setEnabled(number > 1)
        self.next.setEnabled(number < self.pages)

    def print_pages(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFromTo(1, self.pages)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.pages)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_document(self.document, printer)

    def done(self, result: int) -> None:
        self.document.close()
        super().done(result)


def print_document(document: pdfium.PdfDocument, printer: QPrinter) -> None:
    """Each chosen page, at the printer's resolution (at most PRINT_DPI), fitted to the paper."""
    first, last = printer.fromPage() or 1, printer.toPage() or len(document)
    painter = QPainter(printer)
    try:
        for index in range(first - 1, last):
            if index > first - 1:
                printer.newPage()
            image = render_page(document, index, min(printer.resolution(), PRINT_DPI))
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()


def make_pdf(services: Services, assessment_id: int, source: str, folder: Path,
             progress: Progress | None = None) -> Path:
    """The chosen document (a name of gui.window.menus.previews()) exported into folder — the export
    the File menu runs — and converted; progress may cancel either step (ExportCancelled)."""
    chosen = menus.preview(source)
    fmt = export_format(chosen.format)
    written = run_export(fmt, services.db, assessment_id, folder / f"{source}{fmt.suffix}",
                         chosen.options, progress)
    return convert(written.path, folder / f"{source}.pdf", cancel_asked(progress))


def preview(parent: QWidget, services: Services, assessment_id: int, source: str) -> None:
    """Make the PDF off the GUI thread, then show it; a missing converter is explained."""
    label = menus.text_of(menus.preview_entry(source))
    with tempfile.TemporaryDirectory(prefix="zicha-preview-") as folder:
        pdf, error = run_job(parent, parent.tr("正在生成打印预览…"),
                             lambda progress: make_pdf(services, assessment_id, source,
                                                       Path(folder), progress))
        if isinstance(error, ExportCancelled):  # the status bar says so
            return
        if error is not None:
            QMessageBox.warning(parent, parent.tr("无法打印预览"), describe(error))
            return
        PrintPreview(parent, pdf, label).exec()
