"""The window's menus and their shortcuts, declared in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

# the text itself, marked for lupdate (PySide6's stub types the result as object)
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

Shortcut = QKeySequence.StandardKey | str | None


def add_action(menu: QMenu, window: QMainWindow, text: str, slot: Callable[[], object],
               shortcut: Shortcut = None, *, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    if name:
        action.setObjectName(name)
    menu.addAction(action)
    return action


def add_toolbar(window: QMainWindow, actions: list[QAction | None]) -> QToolBar:
    """The daily actions as a toolbar (None: a separator); text beside icons, in Chinese."""
    bar = QToolBar(window.tr("常用"), window)
    bar.setObjectName("main_toolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for action in actions:
        if action is None:
            bar.addSeparator()
        else:
            bar.addAction(action)
    window.addToolBar(bar)
    return bar


# --- the main window's menus and toolbar, as data --------------------------------------------------
# An entry is (name, text, shortcut or [shortcuts]) — the name finds its slot and its QAction
# (objectName) —, (name, text, (entries…)) for a submenu, "-" for a separator, or "@name" for
# entries a part of the window adds itself (the export formats of exporters/formats/, the bulk
# actions, the Help menu). Texts are translated in the MainWindow context, where they always were.
Entry = tuple[str, str, Any] | str
MENUS: tuple[tuple[str, tuple[Entry, ...]], ...] = (
    (QT_TRANSLATE_NOOP("MainWindow", "文件(&F)"), (
        ("new_assessment", QT_TRANSLATE_NOOP("MainWindow", "新建自评…"), "Ctrl+Shift+N"),
        ("finance_form", QT_TRANSLATE_NOOP("MainWindow", "新建绩效自评表（项目支出/部门整体）…"), None),
        ("open", QT_TRANSLATE_NOOP("MainWindow", "打开数据库…"), QKeySequence.StandardKey.Open),
        ("connect", QT_TRANSLATE_NOOP("MainWindow", "连接服务器…"), None),
        ("recent", QT_TRANSLATE_NOOP("MainWindow", "最近打开"), ()),
        ("save_copy", QT_TRANSLATE_NOOP("MainWindow", "另存副本为…"), None),
        "-",
        ("import", QT_TRANSLATE_NOOP("MainWindow", "导入 Excel 表格…"), None),
        ("import_summary", QT_TRANSLATE_NOOP("MainWindow", "导入上年工作总结…"), None),
        "@exports",
        ("previews", QT_TRANSLATE_NOOP("MainWindow", "打印预览"), (
            ("preview_summary", QT_TRANSLATE_NOOP("MainWindow", "工作总结"), QKeySequence.StandardKey.Print),
            ("preview_selfcheck", QT_TRANSLATE_NOOP("MainWindow", "自查表"), None),
            ("preview_tasks", QT_TRANSLATE_NOOP("MainWindow", "任务完成情况表"), None),
        )),
        "-",
        ("quit", QT_TRANSLATE_NOOP("MainWindow", "退出"), QKeySequence.StandardKey.Quit),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)"), (
        ("undo", QT_TRANSLATE_NOOP("MainWindow", "撤销"), QKeySequence.StandardKey.Undo),
        ("redo", QT_TRANSLATE_NOOP("MainWindow", "重做"), ["Ctrl+Shift+Z", "Ctrl+Y"]),
        "-",
        ("new_dim", QT_TRANSLATE_NOOP("MainWindow", "新建考评维度"), "Ctrl+Shift+D"),
        ("new_sub", QT_TRANSLATE_NOOP("MainWindow", "新建下级维度"), None),
        ("new_item", QT_TRANSLATE_NOOP("MainWindow", "新建自查事项"), "Ctrl+N"),
        ("delete", QT_TRANSLATE_NOOP("MainWindow", "删除…"), "Ctrl+Delete"),
        ("up", QT_TRANSLATE_NOOP("MainWindow", "上移"), "Alt+Up"),
        ("down", QT_TRANSLATE_NOOP("MainWindow", "下移"), "Alt+Down"),
        "-",
        "@bulk",
        "-",
        ("find", QT_TRANSLATE_NOOP("MainWindow", "查找"), QKeySequence.StandardKey.Find),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "工具(&T)"), (
        ("review", QT_TRANSLATE_NOOP("MainWindow", "体检"), "Ctrl+Shift+R"),
        ("last_year", QT_TRANSLATE_NOOP("MainWindow", "选择上年的自评…"), None),
        ("check", QT_TRANSLATE_NOOP("MainWindow", "检查数据库与证明材料…"), None),
        ("restore", QT_TRANSLATE_NOOP("MainWindow", "从备份恢复…"), None),
        ("preferences", QT_TRANSLATE_NOOP("MainWindow", "首选项…"), None),
    )),
    (QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)"), ("@help",)),
)
TOOLBAR = ("new_item", "delete", "", "undo", "redo", "", "import", "word", "excel", "", "check")
TREE_MENU = ("new_item", "new_dim", "new_sub", "-", "@bulk", "-", "delete")


def build_menus(window: QMainWindow, slots: dict[str, Callable[[], object]],
                parts: dict[str, Callable[[QMenu], None]]) -> dict[str, QMenu]:
    """The menu bar from MENUS; returns every menu and submenu by name (top menus by text)."""
    menus: dict[str, QMenu] = {}
    for title, entries in MENUS:
        menu = window.menuBar().addMenu(window.tr(title))
        menus[title] = menu
        _fill(menu, window, entries, slots, parts, menus)
    return menus


def _fill(menu: QMenu, window: QMainWindow, entries: tuple[Entry, ...],
          slots: dict[str, Callable[[], object]], parts: dict[str, Callable[[QMenu], None]],
          menus: dict[str, QMenu]) -> None:
    for entry in entries:
        if entry == "-":
            menu.addSeparator()
        elif isinstance(entry, str):
            parts[entry[1:]](menu)
        elif isinstance(entry[2], tuple):  # a submenu
            sub = menu.addMenu(window.tr(entry[1]))
            menus[entry[0]] = sub
            _fill(sub, window, entry[2], slots, parts, menus)
        else:
            name, text, shortcut = entry
            keys = shortcut if isinstance(shortcut, list) else [shortcut]  # several keys
            action = add_action(menu, window, window.tr(text), slots[name], keys[0], name=name)
            if len(keys) > 1:
                action.setShortcuts([QKeySequence(k) for k in keys])
