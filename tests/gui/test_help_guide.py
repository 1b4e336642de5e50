"""The built-in guide speaks the UI's language and names today's features."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from gui.window.help_menu import GuideDialog


def guide_text(qtbot: QtBot) -> str:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    from PySide6.QtWidgets import QTextBrowser
    return dialog.findChild(QTextBrowser).toPlainText()


def test_the_guide_in_chinese_and_in_english(qtbot: QtBot) -> None:
    previous = QLocale()
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        chinese = guide_text(qtbot)
        assert "工具 → 体检" in chinese and "文件 → 汇总…" in chinese and "打印预览" in chinese
        QLocale.setDefault(QLocale("en"))
        english = guide_text(qtbot)
        assert "Tools → Review" in english and "File → Collect…" in english
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in english)
    finally:
        QLocale.setDefault(previous)
