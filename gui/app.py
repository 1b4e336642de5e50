"""Starting the GUI: the QApplication, its translators, the services, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

import resources
from cli.databases import open_default_with_demo, open_services
from gui.main_window import MainWindow
from gui.settings import Settings
from model.errors import ModelError

SCREENSHOT_SIZE = (1280, 800)


def install_translators(app: QApplication, language: str) -> None:
    """Chinese is the source language; English comes from resources/i18n. Qt's own dialogs too."""
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [(f"qtbase_{language}", qt_dir), (f"qt_{language}", qt_dir)]
    if language != "zh_CN":
        wanted.append((f"app_{language}", str(resources.path("i18n"))))
    for name, folder in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))


def run(db: str | None, screenshot: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("jixiao-zicha")
    app.setOrganizationName("jixiao-zicha")
    settings = Settings()
    install_translators(app, settings.language())
    try:
        services = open_services(db) if db else open_default_with_demo()
    except ModelError as exc:
        if screenshot is not None:
            raise
        QMessageBox.critical(None, app.translate("app", "无法打开数据库"), exc.message)
        return 2
    window = MainWindow(services, settings, opener=open_services)
    if screenshot is not None:
        return _screenshot(app, window, screenshot)
    window.show()
    code = app.exec()
    services.close()
    return code


def _screenshot(app: QApplication, window: MainWindow, out: Path) -> int:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    window.select_first_item()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out), "PNG")
    window.close()
    return 0
