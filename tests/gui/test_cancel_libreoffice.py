"""The busy dialog's 取消 while LibreOffice makes a PDF or a print preview, or converts last
year's summary: LibreOffice ends at once, the old file stays, no error box, and the status bar
says 已取消."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton

from exporters.registry import export_format
from gui.dialogs import print_preview
from gui.dialogs.exports import export_to
from gui.dialogs.import_summary import SummaryPreview, import_summary_file
from gui.window.main_window import MainWindow
from model.services import Services
from tests.exporters.rendering import require_tools
from tests.exporters.test_pdf_cancel import libreoffice_processes


def cancel_once_libreoffice_runs(window: MainWindow, marker: str) -> list[str]:
    """Clicks the busy dialog's 取消 as soon as LibreOffice converts a file named with marker;
    returns what the clerk saw then (the dialog's text)."""
    clicked: list[str] = []

    def look() -> None:
        busy = [d for d in window.findChildren(QProgressDialog) if d.isVisible()]
        if clicked or not busy or not any("soffice.bin" in c for c in libreoffice_processes(marker)):
            return
        clicked.append(busy[0].labelText())
        busy[0].findChild(QPushButton).click()

    timer = QTimer(window)
    timer.timeout.connect(look)
    timer.start(50)
    return clicked


@pytest.fixture
def own_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Temporary folders of this test only: LibreOffice's command line names them, so the test
    finds its own LibreOffice, not one of another test run on the machine."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    # should the work end before the cancel, the test fails rather than wait on a modal box
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(f"shown: {box.text()}"))
    monkeypatch.setattr(SummaryPreview, "exec", lambda _d: pytest.fail("preview shown"))
    return str(folder)


def test_cancelling_a_pdf_export_ends_libreoffice(window: MainWindow, demo: Services, demo_id: int,
                                                  answers: list[str], tmp_path: Path,
                                                  own_temp: str) -> None:
    require_tools()
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "取消的总结.pdf"
    target.write_bytes(b"last week's PDF")
    clicked = cancel_once_libreoffice_runs(window, own_temp)
    saved = export_to(window, demo, demo_id, export_format("pdf"), target, {"attach_table": False})
    assert clicked == ["正在导出工作总结 PDF…"]
    assert saved is None and answers == []  # no error box, no 导出完成
    assert window.statusBar().currentMessage() == "已取消：导出工作总结 PDF"
    assert target.read_bytes() == b"last week's PDF"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file
    assert libreoffice_processes(own_temp) == []


def test_cancelling_a_print_preview_ends_libreoffice(window: MainWindow, answers: list[str],
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     own_temp: str) -> None:
    require_tools()
    monkeypatch.setattr(print_preview.PrintPreview, "exec", lambda _d: pytest.fail("shown"))
    clicked = cancel_once_libreoffice_runs(window, own_temp)
    window.files.print_preview("summary")
    assert clicked == ["正在生成打印预览…"] and answers == []
    assert window.statusBar().currentMessage() == "已取消：生成打印预览"
    assert libreoffice_processes(own_temp) == []


def test_cancelling_the_conversion_of_last_years_summary(window: MainWindow, answers: list[str],
                                                         tmp_path: Path, own_temp: str) -> None:
    """File → 导入上年工作总结 with an .rtf: LibreOffice converts it first; 取消 ends that too."""
    require_tools()
    source = tmp_path / "2020年工作总结.rtf"
    source.write_text("{\\rtf1\\ansi{\\fonttbl\\f0 Arial;}\\f0 一、总体情况\\par 全年完成任务。\\par}",
                      encoding="utf-8")
    clicked = cancel_once_libreoffice_runs(window, own_temp)
    assert import_summary_file(window, window.services, window.assessment_id, source) is None
    assert clicked == ["正在读取工作总结…"] and answers == []  # no error box, no preview
    assert window.statusBar().currentMessage() == "已取消：读取工作总结"
    assert libreoffice_processes(own_temp) == []
