"""The main window's menus, toolbar, tree context menu and tree keys, built from gui.window.menus' data
and connected to the window's parts (file actions, structure and bulk edits, collect, review,
tools, help)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from exporters.registry import export_formats
from gui.infra import accelerators
from gui.window import help_menu
from gui.window.assessment_delete import confirm_and_delete
from gui.window.menus import (
    SEPARATOR,
    TOOLBAR,
    TREE_MENU,
    Action,
    BuiltMenus,
    add_toolbar,
    build_menus,
    bulk_entries,
    previews,
    walk,
)
from gui.window.rights import limit_to_rights
from gui.window.undo_history import show_history

if TYPE_CHECKING:
    from gui.window.main_window import MainWindow


def find_action(window: QMainWindow, name: str) -> QAction | None:
    """A menu action by its name ("" stands for a separator in a toolbar)."""
    return next((a for a in window.findChildren(QAction) if a.objectName() == name), None) \
        if name else None


def _check(w: MainWindow) -> None:
    from gui.dialogs.evidence_tools import check_and_clean  # loaded when first used

    check_and_clean(w, w.services, w.undo_stack)


def _new_finance_form(w: MainWindow) -> None:
    from gui.dialogs.new_finance_form import new_finance_form

    new_finance_form(w.window_context)


def _preferences(w: MainWindow) -> None:
    from gui.dialogs.preferences import PreferencesDialog

    PreferencesDialog(w, w.settings).exec()


def slots(w: MainWindow) -> dict[str, Callable[[], object]]:
    """What each declared entry does, by its name."""
    s, f, b, c = w.structure, w.files, w.bulk, w.collect
    found: dict[str, Callable[[], object]] = {
        "new_assessment": f.new_assessment, "finance_form": lambda: _new_finance_form(w),
        "open": f.open_database, "connect": f.connect_server, "save_copy": f.save_copy,
        "import": f.import_excel, "import_summary": f.import_summary,
        "handout": c.hand_out, "collect": c.collect_back, "quit": w.close,
        "undo": w.undo, "redo": w.redo, "undo_history": lambda: show_history(w),
        "new_dim": w.committed(s.new_dimension), "new_sub": w.committed(s.new_sub_dimension),
        "new_item": w.new_item, "delete": w.delete, "up": w.committed(s.move_up),
        "down": w.committed(s.move_down),
        "bulk_department": w.committed(b.set_department), "bulk_move": w.committed(b.move),
        "find": w.left.focus_filter,
        "delete_assessment": lambda: confirm_and_delete(w.window_context),
        "review": w.review.show_review, "last_year": f.choose_last_year,
        "check": lambda: _check(w), "restore": f.restore_backup,
        "preferences": lambda: _preferences(w),
        "guide": lambda: help_menu.GuideDialog(w).exec(),
        "shortcuts": lambda: help_menu.show_shortcuts(w), "about": lambda: help_menu.show_about(w),
    }
    for fmt in export_formats():
        found[fmt.name] = partial(f.export, fmt.name)
    for shown in previews():
        found[shown.action] = partial(f.print_preview, shown.name)
    for _menu, entry in walk(bulk_entries()):
        if isinstance(entry, Action) and entry.value:  # a status
            found[entry.name] = partial(w.committed(b.set_status), entry.value)
    return found


def install(w: MainWindow) -> BuiltMenus:
    """The menu bar, the toolbar and the tree's menu and keys; the menus as built."""
    built = build_menus(w, slots(w), provided={"collect_progress": w.collect.progress_action})
    for action, signal in ((built.action("undo"), w.undo_stack.canUndoChanged),
                           (built.action("redo"), w.undo_stack.canRedoChanged)):
        signal.connect(action.setEnabled)
        action.setEnabled(False)
    w.files.fill_recent(built.menu("recent"))
    add_toolbar(w, [built.actions[name] if name else None for name in TOOLBAR])
    _tree_keys(w)
    accelerators.assign_all(w)  # last: every entry is in its menu now
    limit_to_rights(w)  # a server's 处室 clerk: what it may not do greyed out, with the reason
    return built


def _tree_keys(w: MainWindow) -> None:
    """Keys that act on the tree only (in a text box they keep their usual meaning)."""
    for key, slot in (("Delete", w.delete), ("Ctrl+A", w.bulk.select_dimension_items)):
        action = QAction(w.tree)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        w.tree.addAction(action)


def tree_menu(w: MainWindow, point: QPoint) -> QMenu:
    """The tree's context menu: the declared entries of TREE_MENU (the same actions as the
    menu bar's), shown at point."""
    menu = QMenu(w)
    for name in TREE_MENU:
        if name == SEPARATOR:
            menu.addSeparator()
        elif name in w.menus.menus:
            menu.addMenu(w.menus.menu(name))
        else:
            menu.addAction(w.menus.action(name))
    accelerators.assign(menu)
    menu.popup(w.tree.viewport().mapToGlobal(point))
    return menu
