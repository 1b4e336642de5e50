"""Run as a program (python -m tests.gui.dialog_tour DB XLSX): opens the main window on DB, triggers
every menu action — each dialog it opens is used a little and closed as a clerk would (the import
preview's 表头所在行 changed first) —, opens the window's other dialogs, clicks on, then quits.
Prints the actions it went through; exit code 0 only when nothing crashed, also at exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SKIPPED = {"quit", "open", "restore"}  # leave the window (a new one is opened) or the database
CLICKS = 20_000  # a long day's worth of small Qt calls: each one cost None a reference (6.12)


def main(db: Path, workbook: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

    app = QApplication.instance() or QApplication(sys.argv)
    from gui.infra import translations

    translations.install(app, translations.CHINESE)  # Qt's own buttons in Chinese, as a clerk sees them
    from gui.collect.conflict_dialog import ConflictDialog
    from gui.commands.conflicts import FieldConflict
    from gui.dialogs.import_excel import FinancePreview, ImportPreview
    from gui.dialogs.text_conflict import TextConflictDialog
    from gui.infra.settings import Settings
    from gui.window.main_window import MainWindow
    from gui.window.menus import previews
    from model.collect.records import CollectResult, FieldChange
    from model.maintenance import open_services

    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (str(workbook), ""))  # type: ignore[method-assign]
    QFileDialog.getOpenFileNames = staticmethod(lambda *a, **k: ([], ""))  # type: ignore[method-assign]
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))  # type: ignore[method-assign]
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")  # type: ignore[method-assign]
    seen: list[str] = []
    # LibreOffice renders a preview for seconds (tests/gui/test_review_and_preview.py opens them)
    skipped = SKIPPED | {shown.action for shown in previews()}

    def close_modal() -> None:
        """What a clerk does in each modal dialog before closing it."""
        modal = QApplication.activeModalWidget()
        if modal is None:
            return
        seen.append(type(modal).__name__)
        seen.extend(unmarked_buttons(modal))
        if isinstance(modal, FinancePreview):  # on to the table preview
            modal.plain.setChecked(True)
            modal.accept()
        elif isinstance(modal, ImportPreview):
            for row in (9, 3, 0):  # 表头所在行, as in the crash on exit
                modal.header_row.setValue(row)
            modal.reject()
        elif isinstance(modal, QMessageBox):
            modal.done(QMessageBox.StandardButton.No)
        elif isinstance(modal, QDialog):
            modal.done(QDialog.DialogCode.Rejected)
        else:
            modal.close()

    closer = QTimer()
    closer.setInterval(30)
    closer.timeout.connect(close_modal)
    closer.start()
    services = open_services(str(db))
    window = MainWindow(services, Settings(), opener=open_services)
    window.show()
    window.select_first_item()
    app.processEvents()
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    while menus:
        menu = menus.pop(0)
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif not action.isSeparator() and action.objectName() not in skipped and action.isEnabled():
                seen.append(action.objectName() or action.text())
                action.trigger()
                app.processEvents()
    conflict = FieldConflict("item", 1, "result", "落实情况", "第 1 项“…”", "原来", "我的", "他的")
    extra: list[QWidget] = [TextConflictDialog(window, conflict), ConflictDialog(
        window, CollectResult(conflicts=[FieldChange(1, 1, "result", "a", "b", "c", "x.xlsx")]), {})]
    for dialog in extra:
        dialog.show()
        app.processEvents()
        seen.extend(unmarked_buttons(dialog))
        dialog.close()
    widget = QWidget()
    for _ in range(CLICKS):
        widget.setEnabled(True)
    for top in app.topLevelWidgets():
        if top is not window and top.isVisible():
            top.close()
    window.close()
    app.processEvents()
    services.close()
    print("\n".join(seen))
    return 0


def unmarked_buttons(dialog: object) -> list[str]:
    """A line "accelerator: …" for each visible button or check box of dialog without an
    accelerator letter, or whose letter another one of the dialog has too."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QPushButton, QRadioButton, QWidget

    assert isinstance(dialog, QWidget)
    found, letters = [], {}
    name = type(dialog).__name__
    for button in dialog.findChildren(QAbstractButton):
        if not isinstance(button, QPushButton | QCheckBox | QRadioButton):
            continue
        if not button.isVisible() or not button.text():
            continue
        mark = re.search(r"&(\w)", button.text().replace("&&", ""))
        if mark is None:
            found.append(f"accelerator: {name} “{button.text()}” has none")
        elif mark.group(1).upper() in letters:
            found.append(f"accelerator: {name} “{button.text()}” shares "
                         f"{mark.group(1)} with “{letters[mark.group(1).upper()]}”")
        else:
            letters[mark.group(1).upper()] = button.text()
    return found


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
