"""Chinese by default with Qt's own dialogs in Chinese; English shipped from the .ts."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import translations
from gui.main_window import MainWindow
from gui.settings import Settings
from model.services import Services


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_chinese_is_the_default_with_qt_dialogs_translated(qtbot: QtBot, demo: Services) -> None:
    app = QApplication.instance()
    installed = translations.install(app, Settings().language())
    try:
        assert Settings().language() == "zh_CN"
        assert len(installed) == 2  # qtbase_zh_CN (Qt's own dialogs) and the strings it lacks
        assert app.translate("QPlatformTheme", "Cancel") == "取消"
        window = MainWindow(demo, Settings())
        qtbot.addWidget(window)
        assert menu_titles(window) == ["文件(&F)", "编辑(&E)", "工具(&T)", "帮助(&H)"]
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_english_ui(qtbot: QtBot, demo: Services) -> None:
    app = QApplication.instance()
    installed = translations.install(app, "en")
    try:
        assert len(installed) == 2
        window = MainWindow(demo, Settings())
        qtbot.addWidget(window)
        assert menu_titles(window) == ["&File", "&Edit", "&Tools", "&Help"]
        assert window.info_button.text() == "Assessment and summary"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_qt_file_dialog_speaks_chinese(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    app = QApplication.instance()
    installed = translations.install(app, "zh_CN")
    try:
        dialog = QFileDialog(None, "打开")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："  # Qt's catalogue lacks these two
        assert labels["fileTypeLabel"] == "文件类型(&T)："
        assert labels["fileNameLabel"] == "文件名称(&N)："
    finally:
        for translator in installed:
            app.removeTranslator(translator)
