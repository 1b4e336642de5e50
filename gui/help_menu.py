"""Help menu: 使用说明 (a short built-in guide, no network) and 关于 (version, data folder)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.menus import add_action
from model.location import user_data_dir

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


def app_version() -> str:
    """The version declared once, in pyproject.toml."""
    try:
        return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "?"


def build(window: QMainWindow, menu: QMenu) -> None:
    add_action(menu, window, window.tr("使用说明"), lambda: GuideDialog(window).exec(), "F1",
               name="guide")
    add_action(menu, window, window.tr("关于"), lambda: show_about(window), name="about")


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, parent.tr("关于"), parent.tr(
        "<b>绩效自评 — 日常履职考核自查编制工具</b><br>版本 %1<br>数据文件夹：%2<br>"
        "全部数据保存在本机，不联网。").replace("%1", app_version()).replace(
            "%2", str(user_data_dir())))


class GuideDialog(QDialog):
    """The clerk's guide, built in (works offline)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用说明"))
        text = QTextBrowser(self)
        text.setAccessibleName(self.tr("使用说明"))
        text.setHtml(self.tr(GUIDE))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.resize(620, 520)


GUIDE = """<h3>一、整体流程</h3>
<ol><li>左侧是考评维度和自查事项；点选一项，右侧填写年度任务目标、落实情况、状态和责任处室。</li>
<li>所填内容随输入自动保存，没有“保存”按钮；每一步都可以撤销（Ctrl+Z）和重做（Ctrl+Y）。</li>
<li>在事项下方添加证明材料：把文件拖进列表，或点“添加文件…”；涉密材料只写说明。</li>
<li>文件 → 导出工作总结（Word）/ 导出 Excel 表格，即得到公文格式的总结和自查表。</li></ol>
<h3>二、常用操作</h3>
<ul><li>新建事项：Ctrl+N（新事项的第一个栏目自动获得光标）；删除：Delete 键（会先确认，可撤销）。</li>
<li>批量处理：按住 Ctrl 或 Shift 点选多项，或在维度内按 Ctrl+A 全选；右键菜单或“编辑”菜单
可一次设置状态、责任处室，移到其他维度，或删除；每次批量操作都可一步撤销。</li>
<li>调整顺序：拖动，或 Alt+↑ / Alt+↓。查找：Ctrl+F，可按文字、状态、处室筛选。</li>
<li>导入：文件 → 导入 Excel 表格，先预览，确认后一次导入。</li></ul>
<h3>三、数据安全</h3>
<ul><li>每天首次打开时自动备份；工具 → 从备份恢复。</li>
<li>工具 → 检查数据库与证明材料，可发现丢失或被改动的文件。</li>
<li>两个窗口同时打开同一数据库是允许的；同一内容被两处修改时，程序会提示并显示最新内容。</li></ul>
"""
