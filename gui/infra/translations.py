"""Installing the UI's translators: Chinese source strings, English from resources/i18n, and Qt's
own dialogs (qtbase_*.qm shipped with PySide6) in the chosen language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from model.runtime.app_log import log_line

CHINESE = "zh_CN"  # the source strings' language: what the UI falls back to


def catalogue(language: str) -> Path:
    """The compiled catalogue of a language, shipped in resources/i18n/ (built from the .ts by
    resources/i18n/release.py: by ./dev.sh and the bundle build, never by the running app)."""
    return resources.path(f"i18n/app_{language}.qm")


# Qt's own Chinese catalogue lags behind its sources: strings Qt renamed are missing there and
# would show in English in the middle of a Chinese dialog.
QT_GAPS = {
    "zh_CN": {
        ("QFileDialog", "&Look in:"): "查找范围(&L)：",
        ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
        ("QFileDialog", "Look in:"): "查找范围：",
        ("QFileDialog", "Files of type:"): "文件类型：",
        ("QAbstractFileIconProvider", "Folder"): "文件夹",
        ("QAbstractFileIconProvider", "File"): "文件",
        ("QAbstractFileIconProvider", "Drive"): "驱动器",
    },
}


class GapTranslator(QTranslator):
    """Answers only the few Qt strings its table holds; everything else goes to the others."""

    def __init__(self, table: dict[tuple[str, str], str], parent: QCoreApplication) -> None:
        super().__init__(parent)
        self.table = table

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:
        return self.table.get((context, source))  # None: not ours, ask the next translator

    def isEmpty(self) -> bool:
        return not self.table


def install(app: QCoreApplication, language: str,
            catalogue_file: Path | None = None) -> list[QTranslator]:
    """Install the translators for language; returns them (kept alive by the application).
    The app's catalogue is loaded as shipped, whatever its file time; a missing or damaged one
    leaves the UI in Chinese, with one line in the log."""
    ours = None
    if language != CHINESE:
        path = catalogue_file or catalogue(language)
        ours = QTranslator(app)
        if not ours.load(str(path)):
            log_line(f"界面翻译文件缺失或已损坏，界面改用中文：{path}")
            ours, language = None, CHINESE
    installed = []
    qt_dialogs = QTranslator(app)
    if qt_dialogs.load(f"qtbase_{language}",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt_dialogs)
    if ours is not None:
        installed.append(ours)
    if language in QT_GAPS:
        installed.append(GapTranslator(QT_GAPS[language], app))
    for translator in installed:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    return installed
