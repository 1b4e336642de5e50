"""Help menu (its entries declared in gui.window.menus): 使用说明 (a short built-in guide, no network),
快捷键 and 关于 (version, data folder)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import resources
from model.maintenance import user_data_dir
from model.runtime.program import version


def show_shortcuts(window: QMainWindow) -> None:
    """The shortcut sheet: every key of the window's actions, read off the actions themselves."""
    from gui.infra.accelerators import shortcut_rows

    rows = "".join(f"<tr><td>{entry}</td><td>&nbsp;&nbsp;{keys}</td></tr>"
                   for entry, keys in shortcut_rows(window))
    extra = window.tr("在树中：Delete 删除，Ctrl+A 选中本维度全部事项；查找框中：回车或↓ 转到第一个结果；"
                      "体检列表中：回车打开问题所在处；Alt+字母 打开菜单，菜单中按括号里的字母选择。")
    QMessageBox.information(window, window.tr("快捷键"),
                            f"<table>{rows}</table><p>{extra}</p>")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, parent.tr("关于"), parent.tr(
        "<b>绩效自评 — 日常履职考核自查编制工具</b><br>版本 %1<br>数据文件夹：%2<br>"
        "全部数据保存在本机，不联网。").replace("%1", version()).replace(
            "%2", str(user_data_dir())))


class GuideDialog(QDialog):
    """The clerk's guide, built in (works offline)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        text = QTextBrowser(self)
        text.setAccessibleName(self.tr("使用说明"))
        text.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 520)


def guide_html() -> str:
    """The guide in the UI's language (resources/guide/), Chinese unless English is chosen."""
    language = "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
    return resources.path(f"guide/guide_{language}.html").read_text(encoding="utf-8")
