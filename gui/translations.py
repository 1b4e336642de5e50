"""Installing the UI's translators: Chinese source strings, English from resources/i18n, and Qt's
own dialogs (qtbase_*.qm shipped with PySide6) in the chosen language."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from model.maintenance import user_data_dir


def compiled_catalogue(language: str) -> Path | None:
    """The .qm of a language: shipped beside the .ts, or compiled once into the data folder."""
    source = resources.path(f"i18n/app_{language}.ts")
    shipped = source.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    if not source.exists():
        return None
    cached = user_data_dir() / "i18n" / shipped.name
    if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
        return cached
    cached.parent.mkdir(parents=True, exist_ok=True)
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    try:
        subprocess.run([tool, str(source), "-qm", str(cached)], check=True, capture_output=True,
                       timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return cached


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


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for language; returns them (kept alive by the application)."""
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates = [(f"qtbase_{language}", qt_dir)]
    if language != "zh_CN":
        catalogue = compiled_catalogue(language)
        if catalogue is not None:
            candidates.append((catalogue.stem, str(catalogue.parent)))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    if language in QT_GAPS:
        gaps = GapTranslator(QT_GAPS[language], app)
        app.installTranslator(gaps)
        installed.append(gaps)
    QLocale.setDefault(QLocale(language))
    return installed
