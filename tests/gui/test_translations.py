"""Chinese by default with Qt's own dialogs in Chinese; English shipped from the .ts."""

from __future__ import annotations

import ast
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.infra import translations
from gui.infra.settings import Settings
from gui.window.main_window import MainWindow
from model.services import Services
from resources.i18n.release import release


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues() -> None:
    release()  # what ./dev.sh and the bundle build do before the app runs: .ts → .qm


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
        assert window.completion.text() == "Done 40 / 40"  # the status line too (not 已完成)
        # an English text ending in … underlines its own letter, as "&Open" does, not "(&A)…"
        assert window.evidence.add_files_button.text() == "&Add files…"
        entries = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
        assert "&New assessment…" in entries
        # stored choices show in English and are stored as they were
        period = window.right.assessment_editor.period
        assert [period.itemText(i) for i in range(period.count())][:2] == ["Year", "First quarter"]
        assessment_id = demo.assessments.list()[0].id
        window.right.show_assessment(assessment_id)
        period.setCurrentIndex(1)
        window.commit_editors()
        assert demo.assessments.get(assessment_id).period == "第一季度"
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


def english_menus(qtbot: QtBot, demo: Services, catalogue: Path) -> tuple[list[str], list]:
    app = QApplication.instance()
    installed = translations.install(app, "en", catalogue_file=catalogue)
    try:
        window = MainWindow(demo, Settings())
        qtbot.addWidget(window)
        return menu_titles(window), installed
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def log_lines(data_dir: Path) -> list[str]:
    log = data_dir / "error.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_the_shipped_catalogue_loads_whatever_its_file_time(qtbot: QtBot, demo: Services,
                                                            tmp_path: Path,
                                                            isolated_data_dir: Path) -> None:
    """In a bundle the .qm may look older than the .ts beside it: it is loaded as shipped."""
    shipped = tmp_path / "app_en.qm"
    shutil.copy(translations.catalogue("en"), shipped)
    (tmp_path / "app_en.ts").write_text("<TS/>", encoding="utf-8")
    os.utime(shipped, (1_000_000_000, 1_000_000_000))  # 2001: far older than the .ts
    menus, _ = english_menus(qtbot, demo, shipped)
    assert menus == ["&File", "&Edit", "&Tools", "&Help"]
    assert log_lines(isolated_data_dir) == []
    assert not (isolated_data_dir / "i18n").exists()  # nothing compiled into the data folder


@pytest.mark.parametrize("damage", ["missing", "empty", "garbage", "truncated"])
def test_a_missing_or_damaged_catalogue_falls_back_to_chinese(qtbot: QtBot, demo: Services,
                                                              tmp_path: Path,
                                                              isolated_data_dir: Path,
                                                              damage: str) -> None:
    catalogue = tmp_path / "app_en.qm"
    good = translations.catalogue("en").read_bytes()
    contents = {"empty": b"", "garbage": b"not a Qt catalogue" * 100, "truncated": good[:40]}
    if damage != "missing":
        catalogue.write_bytes(contents[damage])
    menus, installed = english_menus(qtbot, demo, catalogue)
    assert menus == ["文件(&F)", "编辑(&E)", "工具(&T)", "帮助(&H)"]
    assert len(installed) == 2  # Qt's own dialogs in Chinese too, and the strings Qt lacks
    [line] = log_lines(isolated_data_dir)
    assert "界面改用中文" in line and str(catalogue) in line
    assert not (isolated_data_dir / "i18n").exists()


def test_translations_never_compile_at_run_time() -> None:
    tree = ast.parse(Path(translations.__file__).read_text(encoding="utf-8"))
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"subprocess", "shutil", "resources.i18n.release"}
