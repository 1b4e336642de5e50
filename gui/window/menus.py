"""The window's menus, toolbar and tree menu with their shortcuts, declared in one place: every
entry, also the ones generated from the export formats (exporters/formats/), the table layouts
(the print previews) and the statuses. gui.window.window_menus connects them to the window's parts."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP as _QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

# the text itself, marked for lupdate (PySide6's stub types the result as object)
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], _QT_TRANSLATE_NOOP)

Shortcut = QKeySequence.StandardKey | str
WINDOW = "MainWindow"  # the translation context of the entries' texts, where they always were


@dataclass(frozen=True)
class Action:
    """A menu entry: its name finds its slot and its QAction (objectName)."""

    name: str
    text: str  # Chinese, translated in context ("": data shown as it is, e.g. a status)
    keys: tuple[Shortcut, ...] = ()  # the first is the one shown; all of them work
    context: str = WINDOW
    value: str = ""  # what a generated entry stands for: an export format, a preview, a status


@dataclass(frozen=True)
class Submenu:
    name: str
    text: str
    entries: tuple[Entry, ...] = ()
    context: str = WINDOW


SEPARATOR = "-"
Entry = Action | Submenu | str  # str: SEPARATOR


@dataclass(frozen=True)
class Preview:
    """A document File → 打印预览 shows: an export format's output with these options."""

    name: str  # "summary", or a table layout's name
    text: str
    context: str  # "": a layout's own name (data), shown as it is
    format: str  # the export format of the registry
    options: Mapping[str, Any] = field(default_factory=dict)

    @property
    def action(self) -> str:
        return f"preview_{self.name}"


@cache
def previews() -> tuple[Preview, ...]:
    """The summary with its table attached, and every table layout (resources/layouts/, read
    once: they ship with the program)."""
    from model.report.layouts import layout_names, load_layout

    return (Preview("summary", QT_TRANSLATE_NOOP("MainWindow", "工作总结"), WINDOW, "word",
                    {"attach_table": True}),
            *(Preview(name, load_layout(name).sheet_title, "", "excel", {"layout": name})
              for name in layout_names()))


def preview(name: str) -> Preview:
    return next(p for p in previews() if p.name == name)


def preview_entry(name: str) -> Action:
    """The File → 打印预览 entry of the preview named name."""
    return next(a for a in _previews() if a.value == name)


def _exports() -> tuple[Action, ...]:
    from exporters.registry import export_formats

    return export_actions([(f.name, f.label) for f in export_formats()])


def export_actions(entries: list[tuple[str, str]]) -> tuple[Action, ...]:
    """File → 导出 entries of the export formats (name, label)."""
    from model.format_options import TRANSLATION_CONTEXT

    return tuple(Action(name, label, context=TRANSLATION_CONTEXT, value=name)
                 for name, label in entries)


def _previews() -> tuple[Action, ...]:
    first = (QKeySequence.StandardKey.Print,)  # Ctrl+P: the summary
    return tuple(Action(p.action, p.text, first if n == 0 else (), p.context, p.name)
                 for n, p in enumerate(previews()))


def _statuses() -> tuple[Action, ...]:
    from model.vocabulary import STATUS_NAMES

    return tuple(Action(f"set_status_{n}", status, context="", value=status)
                 for n, status in enumerate(STATUS_NAMES, 1))


def bulk_entries() -> tuple[Entry, ...]:
    """设置状态 / 责任处室, 移到, for every selected item (the Edit menu and the tree's menu)."""
    return (Submenu("status", QT_TRANSLATE_NOOP("MainWindow", "设置状态"), _statuses()),
            Action("bulk_department", QT_TRANSLATE_NOOP("MainWindow", "设置责任处室…")),
            Action("bulk_move", QT_TRANSLATE_NOOP("MainWindow", "移到考评维度…")))


def menus(exports: tuple[Action, ...] | None = None) -> tuple[Submenu, ...]:
    """The menu bar; the generated entries read as each window is built (a format plugged in
    shows at once). exports: the export entries as remembered (the first paint shows them before
    the format registry loads)."""
    return (
        Submenu("file", QT_TRANSLATE_NOOP("MainWindow", "文件(&F)"), (
            Action("new_assessment", QT_TRANSLATE_NOOP("MainWindow", "新建自评…"), ("Ctrl+Shift+N",)),
            Action("finance_form", QT_TRANSLATE_NOOP("MainWindow", "新建绩效自评表（项目支出/部门整体）…")),
            Action("open", QT_TRANSLATE_NOOP("MainWindow", "打开数据库…"), (QKeySequence.StandardKey.Open,)),
            Action("connect", QT_TRANSLATE_NOOP("MainWindow", "连接服务器…")),
            Submenu("recent", QT_TRANSLATE_NOOP("MainWindow", "最近打开")),  # filled with the recent files
            Action("save_copy", QT_TRANSLATE_NOOP("MainWindow", "另存副本为…")),
            SEPARATOR,
            Action("import", QT_TRANSLATE_NOOP("MainWindow", "导入 Excel 表格…")),
            Action("import_summary", QT_TRANSLATE_NOOP("MainWindow", "导入上年工作总结…")),
            *(_exports() if exports is None else exports),
            Submenu("previews", QT_TRANSLATE_NOOP("MainWindow", "打印预览"), _previews()),
            Action("handout", QT_TRANSLATE_NOOP("MainWindow", "分发给各处室…")),
            Action("collect", QT_TRANSLATE_NOOP("MainWindow", "汇总…")),
            Action("collect_progress", QT_TRANSLATE_NOOP("MainWindow", "汇总进度")),  # the panel's show/hide
            SEPARATOR,
            Action("quit", QT_TRANSLATE_NOOP("MainWindow", "退出"), (QKeySequence.StandardKey.Quit,)),
        )),
        Submenu("edit", QT_TRANSLATE_NOOP("MainWindow", "编辑(&E)"), (
            Action("undo", QT_TRANSLATE_NOOP("MainWindow", "撤销"), (QKeySequence.StandardKey.Undo,)),
            Action("redo", QT_TRANSLATE_NOOP("MainWindow", "重做"), ("Ctrl+Shift+Z", "Ctrl+Y")),
            Action("undo_history", QT_TRANSLATE_NOOP("MainWindow", "撤销历史…")),
            SEPARATOR,
            Action("new_dim", QT_TRANSLATE_NOOP("MainWindow", "新建考评维度"), ("Ctrl+Shift+D",)),
            Action("new_sub", QT_TRANSLATE_NOOP("MainWindow", "新建下级维度")),
            Action("new_item", QT_TRANSLATE_NOOP("MainWindow", "新建自查事项"), ("Ctrl+N",)),
            Action("delete", QT_TRANSLATE_NOOP("MainWindow", "删除…"), ("Ctrl+Delete",)),
            Action("up", QT_TRANSLATE_NOOP("MainWindow", "上移"), ("Alt+Up",)),
            Action("down", QT_TRANSLATE_NOOP("MainWindow", "下移"), ("Alt+Down",)),
            SEPARATOR,
            *bulk_entries(),
            SEPARATOR,
            Action("find", QT_TRANSLATE_NOOP("MainWindow", "查找"), (QKeySequence.StandardKey.Find,)),
            SEPARATOR,
            # undone with 撤销, as any edit
            Action("delete_assessment", QT_TRANSLATE_NOOP("MainWindow", "删除自评…")),
        )),
        Submenu("tools", QT_TRANSLATE_NOOP("MainWindow", "工具(&T)"), (
            Action("review", QT_TRANSLATE_NOOP("MainWindow", "体检"), ("Ctrl+Shift+R",)),
            Action("last_year", QT_TRANSLATE_NOOP("MainWindow", "选择上年的自评…")),
            Action("check", QT_TRANSLATE_NOOP("MainWindow", "检查数据库与证明材料…")),
            Action("restore", QT_TRANSLATE_NOOP("MainWindow", "从备份恢复…")),
            Action("preferences", QT_TRANSLATE_NOOP("MainWindow", "首选项…")),
        )),
        Submenu("help", QT_TRANSLATE_NOOP("MainWindow", "帮助(&H)"), (
            Action("guide", QT_TRANSLATE_NOOP("MainWindow", "使用说明"), ("F1",)),
            Action("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "快捷键")),
            Action("about", QT_TRANSLATE_NOOP("MainWindow", "关于")),
        )),
    )


TOOLBAR = ("new_item", "delete", "", "undo", "redo", "", "import", "word", "excel", "", "check")
TREE_MENU = ("new_item", "new_dim", "new_sub", SEPARATOR, "status", "bulk_department", "bulk_move",
             SEPARATOR, "delete")


def walk(entries: tuple[Entry, ...] | None = None,
         holder: Submenu | None = None) -> Iterator[tuple[Submenu | None, Entry]]:
    """Every declared entry with the submenu holding it (None: the menu bar), depth first."""
    for entry in menus() if entries is None else entries:
        yield holder, entry
        if isinstance(entry, Submenu):
            yield from walk(entry.entries, entry)


def text_of(entry: Action | Submenu) -> str:
    """The entry's text in the UI's language."""
    return QCoreApplication.translate(entry.context, entry.text) if entry.context else entry.text


@dataclass
class BuiltMenus:
    """The menu bar as built: each QMenu and QAction by its declared name."""

    menus: dict[str, QMenu]
    actions: dict[str, QAction]

    def action(self, name: str) -> QAction:
        return self.actions[name]

    def menu(self, name: str) -> QMenu:
        return self.menus[name]


def build_menus(window: QMainWindow, slots: Mapping[str, Callable[[], object]],
                provided: Mapping[str, QAction] | None = None,
                exports: tuple[Action, ...] | None = None) -> BuiltMenus:
    """The menu bar from menus(): an entry's slot is slots[name]; an entry in provided is that
    action (a dock's show/hide), given the declared name, text and place."""
    built = BuiltMenus({}, {})
    for top in menus(exports):
        menu = window.menuBar().addMenu(text_of(top))
        menu.setObjectName(top.name)
        built.menus[top.name] = menu
        _fill(menu, window, top.entries, slots, provided or {}, built)
    return built


def _fill(menu: QMenu, window: QMainWindow, entries: tuple[Entry, ...],
          slots: Mapping[str, Callable[[], object]], provided: Mapping[str, QAction],
          built: BuiltMenus) -> None:
    for entry in entries:
        if isinstance(entry, str):
            menu.addSeparator()
        elif isinstance(entry, Submenu):
            sub = menu.addMenu(text_of(entry))
            sub.setObjectName(entry.name)
            built.menus[entry.name] = sub
            _fill(sub, window, entry.entries, slots, provided, built)
        else:
            action = provided.get(entry.name)
            if action is None:
                action = add_action(menu, window, text_of(entry), slots[entry.name], name=entry.name)
            else:
                action.setText(text_of(entry))
                action.setObjectName(entry.name)
                menu.addAction(action)
            if entry.keys:
                action.setShortcuts([QKeySequence(k) for k in entry.keys])
            built.actions[entry.name] = action


def add_action(menu: QMenu, window: QMainWindow, text: str, slot: Callable[[], object],
               shortcut: Shortcut | None = None, *, name: str = "") -> QAction:
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
