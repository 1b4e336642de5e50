"""The 体检 panel and the print preview in the real window (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.dialogs import print_preview
from gui.dialogs.print_preview import PrintPreview, make_pdf, print_document
from gui.panels.review_panel import offer_review
from gui.window.main_window import MainWindow
from model.services import Services
from tests.exporters.rendering import require_tools


def test_review_panel_lists_problems_and_selects_the_item(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot) -> None:
    item = demo.items.list(demo_id)[4]
    demo.items.update(item.id, result="")
    demo.narrative.set_text(demo_id, "problems", "共41项任务。")
    action = next(a for a in window.findChildren(type(window.undo_action))
                  if a.objectName() == "review")
    action.trigger()
    panel = window.review
    assert panel.isVisible()
    rows = [panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())]
    texts = [(r.text(0), r.text(1)) for r in rows]
    assert ("无落实情况", "5") in texts and ("数字与表格不符", "") in texts
    # by keyboard: the focus is in the list; Down to the row, Enter opens the item
    assert panel.list.hasFocus() or QApplication.focusWidget() is panel.list
    row = next(r for r in rows if r.text(1) == "5")
    while panel.list.currentItem() is not row:
        qtbot.keyClick(panel.list, Qt.Key.Key_Down)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    current = window.tree.currentIndex()
    assert window.tree_model.data(current, Qt.ItemDataRole.DisplayRole).startswith("5")
    # fixed in the editor: the problem leaves the list after the pause
    window.item_editor.texts["result"].edit.setPlainText("已完成。")
    window.item_editor.binder.commit()
    qtbot.waitUntil(lambda: all(panel.list.topLevelItem(i).text(1) != "5"
                                for i in range(panel.list.topLevelItemCount())), timeout=5000)
    # a narrative problem opens its text, cursor at the end
    narrative = next(panel.list.topLevelItem(i) for i in range(panel.list.topLevelItemCount())
                     if panel.list.topLevelItem(i).text(0) == "数字与表格不符")
    panel.list.setCurrentItem(narrative)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    edit = window.assessment_editor.texts["problems"].edit
    assert edit.hasFocus() or QApplication.focusWidget() is edit
    assert edit.textCursor().atEnd()


def test_review_is_offered_before_an_export(window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def look_first(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "查看问题").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look_first)
    assert offer_review(window, window.review)  # the demo has no problem: nothing asked
    assert asked == []
    window.services.narrative.set_text(window.assessment_id, "overview", "共41项任务。")
    assert not offer_review(window, window.review)
    assert "体检发现 1 个问题" in asked[0] and window.review.isVisible()

    def export_anyway(box: QMessageBox) -> int:
        next(b for b in box.buttons() if b.text() == "仍然导出").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", export_anyway)
    assert offer_review(window, window.review)


def test_preview_shows_page_one_of_the_demo_and_prints(
        window: MainWindow, demo: Services, demo_id: int, qtbot: QtBot, tmp_path: Path) -> None:
    require_tools()
    pdf = make_pdf(demo, demo_id, "summary", tmp_path)
    dialog = PrintPreview(window, pdf, "工作总结")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pages > 10 and not dialog.previous.isEnabled()
    image = dialog.view.pixmap().toImage()
    assert dialog.grab().save(str(tmp_path / "preview_page1.png"))  # to look at when it fails
    assert image.width() > 400 and image.height() > image.width()  # a portrait A4 page
    # the title line of page 1 is printed near the top, centred: dark pixels there, none at the
    # page's very corners
    assert _dark_share(image, 0.2, 0.8, 0.10, 0.16) > 0.02
    assert _dark_share(image, 0.0, 0.08, 0.0, 0.05) == 0
    dialog.next.click()
    assert dialog.page.value() == 2 and dialog.previous.isEnabled()
    width = dialog.view.pixmap().width()
    dialog.zoom.setCurrentIndex(dialog.zoom.findData(150))
    assert dialog.view.pixmap().width() == pytest.approx(width * 2, rel=0.02)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setFromTo(1, 2)
    print_document(dialog.document, printer)
    assert len(pdfium.PdfDocument(str(tmp_path / "printed.pdf"))) == 2
    assert dialog.close_button.isVisible()
    dialog.close_button.click()  # the clerk closes it with the button, not only Esc or the title bar
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_excel_tables_get_the_same_preview(window: MainWindow, demo_id: int,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    require_tools()
    shown: list[tuple[str, int]] = []
    monkeypatch.setattr(PrintPreview, "exec",
                        lambda dialog: shown.append((dialog.windowTitle(), dialog.pages)) or 0)
    window.files.print_preview("tasks")
    [(title, pages)] = shown
    assert title == "打印预览 — 任务完成情况" and pages >= 3


def test_preview_without_a_converter_says_what_to_install(
        window: MainWindow, answers: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr("exporters.pdf.SOFFICE_PLACES", ())
    monkeypatch.setattr(print_preview.PrintPreview, "exec", lambda _d: pytest.fail("shown"))
    window.files.print_preview("summary")
    assert answers and "LibreOffice" in answers[-1]


def _dark_share(image: QImage, x0: float, x1: float, y0: float, y1: float) -> float:
    """Share of dark pixels in a box given as fractions of the image."""
    dark = total = 0
    for y in range(int(image.height() * y0), int(image.height() * y1), 2):
        for x in range(int(image.width() * x0), int(image.width() * x1), 2):
            total += 1
            dark += QColor(image.pixel(x, y)).lightness() < 128
    return dark / max(total, 1)
