"""Starting the GUI: the QApplication, its translators, the first paint (the tree read in plain
SQL), then the services, the main window in its place."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.infra import translations
from gui.infra.geometry import first_geometry
from gui.infra.settings import Settings
from model.errors import ModelError
from model.runtime.program import portable_data_dir

if TYPE_CHECKING:
    from gui.window.first_paint import FirstPaint
    from gui.window.main_window import MainWindow

# what a first start shows on a clerk's usual PC: a 1366×768 screen less a 40 px taskbar
SCREENSHOT_SIZE = first_geometry(QRect(0, 0, 1366, 768 - 40)).size().toTuple()


def run(db: str | None, screenshot: Path | None = None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("jixiao-zicha")
    app.setOrganizationName("jixiao-zicha")
    keep_settings_beside_portable_data()
    settings = Settings()
    translations.install(app, settings.language())
    first = None if screenshot is not None else _first_paint(db, settings)
    # SQLAlchemy, the services and the window's modules load after the first paint
    from gui.infra import server_login
    from gui.window.main_window import MainWindow
    from model.maintenance import open_default_with_demo, open_services

    server_login.install()  # a server's password is asked in a dialog, never on the command line
    try:
        services = open_services(db) if db else open_default_with_demo()
    except ModelError as exc:
        if screenshot is not None:
            raise
        if first is not None:
            first.close()
        QMessageBox.critical(None, app.translate("app", "无法打开数据库"), exc.message)
        return 2
    window = MainWindow(services, settings, opener=open_services)
    from gui.window.first_paint import remember_export_entries

    remember_export_entries(settings)  # the next start's first paint shows them at once
    if screenshot is not None:
        return _screenshot(app, window, screenshot)
    if first is None:
        window.show()
    elif not first.hand_over(window):  # the clerk closed the window before it was ready
        window.close()
        services.close()
        return 0
    gc.freeze()  # the modules and the window, kept to the end: out of the collector's full passes
    code = app.exec()
    services.close()
    return code


def _first_paint(db: str | None, settings: Settings) -> FirstPaint | None:
    """The window with its tree from plain SQL reads of a database file, shown at once; None for
    a server, a new default database or a file not readable as it is."""
    from gui.window.first_paint import first_paint

    return first_paint(db, settings)


def keep_settings_beside_portable_data() -> None:
    """A portable copy writes nothing outside its folder: its settings go to an .ini file in its
    data folder (data/settings/), not to the registry or ~/.config."""
    folder = portable_data_dir()
    if folder is not None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                          str(folder / "settings"))


def _screenshot(app: QApplication, window: MainWindow, out: Path) -> int:
    window.follow_screen = False  # the size of a 1366×768 screen, whatever this screen is
    window.resize(*SCREENSHOT_SIZE)
    width = SCREENSHOT_SIZE[0]  # the panes as a first start on that screen divides them
    window.splitter.setSizes([width // 3, width - width // 3])
    window.show()
    window.select_first_item()
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(out), "PNG")
    window.close()
    return 0
