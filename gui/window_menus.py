"""The main window's menus, toolbar, tree context menu and tree keys, built from gui.menus' data
and connected to the window's parts (file actions, structure and bulk edits, review, tools)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from exporters.registry import export_formats
from gui import accelerators, help_menu
from gui.assessment_delete import install as install_assessment_delete
from gui.collect.wiring import install as install_collect
from gui.format_text import format_text
from gui.menus import TOOLBAR, TREE_MENU, add_action, add_toolbar, build_menus
from gui.rights import limit_to_rights
from model.vocabulary import STATUS_NAMES

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def find_action(window: QMainWindow, name: str) -> QAction | None:
    """A menu action by its name ("" stands for a separator in a toolbar)."""
    return next((a for a in window.findChildren(QAction) if a.objectName() == name), None) \
        if name else None


def _declared(window: QMainWindow, name: str) -> QAction:
    """An action gui.menus always declares (built above)."""
    action = find_action(window, name)
    assert action is not None, name
    return action


def _check(w: MainWindow) -> None:
    from gui.dialogs.evidence_tools import check_and_clean  # loaded when first used

    check_and_clean(w, w.services, w.undo_stack)


def _new_finance_form(w: MainWindow) -> None:
    from gui.dialogs.new_finance_form import new_finance_form

    new_finance_form(w)


def _preferences(w: MainWindow) -> None:
    from gui.dialogs.preferences import PreferencesDialog

    PreferencesDialog(w, w.settings).exec()


def install(w: MainWindow) -> None:
    s, f = w.structure, w.files
    slots: dict[str, Callable[[], object]] = {
        "new_assessment": f.new_assessment, "finance_form": lambda: _new_finance_form(w),
        "open": f.open_database, "save_copy": f.save_copy, "import": f.import_excel,
        "import_summary": f.import_summary,
        "connect": f.connect_server,
        "preview_summary": lambda: f.print_preview("summary"),
        "preview_selfcheck": lambda: f.print_preview("selfcheck"),
        "preview_tasks": lambda: f.print_preview("tasks"), "quit": w.close,
        "undo": w.undo, "redo": w.redo, "new_dim": w.committed(s.new_dimension),
        "new_sub": w.committed(s.new_sub_dimension), "new_item": w.new_item,
        "delete": w.delete, "up": w.committed(s.move_up), "down": w.committed(s.move_down),
        "find": w.left.focus_filter, "review": w.review.show_review,
        "check": lambda: _check(w),
        "restore": f.restore_backup, "last_year": f.choose_last_year, "preferences": lambda: _preferences(w),
    }
    parts = {"exports": lambda menu: add_export_entries(w, menu),
             "bulk": lambda menu: add_bulk_entries(w, menu),
             "help": lambda menu: help_menu.build(w, menu)}
    menus = build_menus(w, slots, parts)
    w.recent_menu = menus["recent"]
    w.collect_panel = install_collect(w, menus["文件(&F)"])  # 分发 / 汇总 / 汇总进度
    install_assessment_delete(w, menus["编辑(&E)"])  # 删除自评… / 撤销删除自评
    w.undo_action, w.redo_action = _declared(w, "undo"), _declared(w, "redo")
    for action, signal in ((w.undo_action, w.undo_stack.canUndoChanged),
                           (w.redo_action, w.undo_stack.canRedoChanged)):
        signal.connect(action.setEnabled)
        action.setEnabled(False)
    f.fill_recent(w.recent_menu)
    add_toolbar(w, [find_action(w, name) for name in TOOLBAR])
    _tree_keys(w)
    accelerators.assign_all(w)  # last: every entry is in its menu now
    w.tree.customContextMenuRequested.connect(lambda point: tree_menu(w, point))
    limit_to_rights(w)  # a server's 处室 clerk: what it may not do greyed out, with the reason


def add_export_entries(w: MainWindow, menu: QMenu) -> None:
    """One entry per export format of the registry (exporters/formats/), named as the format."""
    for fmt in export_formats():
        add_action(menu, w, format_text(fmt.label), partial(w.files.export, fmt.name),
                   name=fmt.name)


def add_bulk_entries(w: MainWindow, menu: QMenu) -> None:
    """设置状态 / 责任处室, 移到, for every selected item (the Edit menu and the context menu)."""
    statuses = menu.addMenu(w.tr("设置状态"))
    statuses.setObjectName("status")
    for status in STATUS_NAMES:
        statuses.addAction(status).triggered.connect(
            lambda _c=False, s=status: w.committed(w.bulk.set_status)(s))
    add_action(menu, w, w.tr("设置责任处室…"), w.committed(w.bulk.set_department),
               name="bulk_department")
    add_action(menu, w, w.tr("移到考评维度…"), w.committed(w.bulk.move), name="bulk_move")


def _tree_keys(w: MainWindow) -> None:
    """Keys that act on the tree only (in a text box they keep their usual meaning)."""
    for key, slot in (("Delete", w.delete), ("Ctrl+A", w.bulk.select_dimension_items)):
        action = QAction(w.tree)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        w.tree.addAction(action)


def tree_menu(w: MainWindow, point: QPoint) -> QMenu:
    menu = QMenu(w)
    for name in TREE_MENU:
        if name == "-":
            menu.addSeparator()
        elif name == "@bulk":
            add_bulk_entries(w, menu)
        else:
            menu.addAction(_declared(w, name))
    accelerators.assign_all(menu)
    accelerators.assign(menu)
    menu.popup(w.tree.viewport().mapToGlobal(point))
    w.tree_menu = menu  # kept for tests and screenshots
    return menu
