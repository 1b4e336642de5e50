"""Accelerator letters for every dialog's buttons and check boxes (确定(&O), 浏览(&B)…), unique
within the dialog: one application-wide filter marks the buttons of each dialog (message boxes,
the busy dialog, file dialogs too) as it is shown, so no dialog has to do it itself."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from gui.infra.accelerators import FALLBACK, _marked

_MARK = re.compile(r"&(\w)")
# The English word a button's Chinese text stands for: its letters are the candidates, first
# letter first (the letters English Windows uses for the same buttons).
WORDS = {
    "确定": "OK", "取消": "Cancel", "关闭": "Close", "是": "Yes", "否": "No", "保存": "Save",
    "丢弃": "Discard", "帮助": "Help", "应用": "Apply", "恢复默认值": "Defaults", "重试": "Retry",
    "忽略": "Ignore", "中止": "Abort", "全部": "All", "打开所在文件夹": "Folder", "打开": "Open",
    "浏览": "Browse", "导入": "Import", "导出": "Export", "仍然导出": "Export", "汇总": "Merge",
    "分发": "Handout", "连接": "Connect", "恢复": "Restore", "打印": "Print", "上一页": "Back",
    "下一页": "Next", "移除": "Remove", "删除": "Delete", "添加": "Add", "刷新": "Refresh",
    "重新检查": "Recheck", "查看问题": "View", "修改记录": "History", "选择": "Select",
    "保留": "Keep", "新建": "New", "显示": "Show", "复制": "Copy", "详细": "Details",
}
# Qt's own texts of 确定, 取消…: these buttons choose first, so they keep their usual letters.
STANDARD = {"确定", "取消", "关闭", "是", "否", "保存", "应用", "帮助", "OK", "Cancel", "Close", "Yes",
            "No", "Save", "Apply", "Help"}
FILTER_NAME = "button_accelerators"


class _OnShow(QObject):
    """Marks a dialog's buttons when it is shown (every show: buttons may have been added)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # every event of the application passes here: the cheap test first (asking an event its
        # type builds a Python enum, a few microseconds on each of thousands of events a second)
        if isinstance(watched, QDialog) and event.type() == QEvent.Type.Show:
            assign(watched)
        return False


def install(app: QCoreApplication | None = None) -> None:
    """Once per application: every dialog shown from now on gets its buttons marked."""
    app = app or QApplication.instance()
    if app is None or app.findChild(_OnShow, FILTER_NAME) is not None:
        return
    watcher = _OnShow(app)
    watcher.setObjectName(FILTER_NAME)
    app.installEventFilter(watcher)


def assign(dialog: QWidget) -> None:
    """Each button of dialog without an accelerator gets one, unique within the dialog: push
    buttons first (确定/取消 before the others), then check boxes and radio buttons; letters
    already marked (labels, Qt's own 是(&Y)) are kept."""
    used = {mark.upper() for widget in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel)
            for mark in _MARK.findall(widget.text().replace("&&", ""))[:1]}
    buttons = [b for b in dialog.findChildren(QAbstractButton)
               if isinstance(b, QPushButton | QCheckBox | QRadioButton)
               and b.text() and "&" not in b.text()]
    buttons.sort(key=lambda b: (not isinstance(b, QPushButton), b.text() not in STANDARD))
    for button in buttons:
        letter = next((c for c in candidates(button.text()) if c not in used), None)
        if letter is not None:
            used.add(letter)
            button.setText(_marked(button.text(), letter))


def candidates(text: str) -> list[str]:
    """The letters to try for a button's text, best first."""
    base = text.rstrip("…").strip()
    word = WORDS.get(base) or next((english for chinese, english in
                                    sorted(WORDS.items(), key=lambda pair: -len(pair[0]))
                                    if base.startswith(chinese)), "")
    latin = [c for c in text if c.isascii() and c.isalpha()]
    return [c.upper() for c in [*word, *latin, *FALLBACK]]
