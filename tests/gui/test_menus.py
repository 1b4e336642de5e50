"""Every menu entry declared in gui/window/menus.py is in the window, in its declared place, with an
accelerator letter unique in its menu; collect's entries and the print previews included."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.infra.accelerators import plain_text
from gui.window import menus
from gui.window.main_window import MainWindow
from model.report.layouts import layout_names


def _menu_of(window: MainWindow, holder: menus.Submenu | None) -> QMenu | None:
    return None if holder is None else window.findChild(QMenu, holder.name)


def _shown(window: MainWindow, entry: menus.Action | menus.Submenu) -> QAction:
    if isinstance(entry, menus.Submenu):
        menu = window.findChild(QMenu, entry.name)
        assert menu is not None, entry.name
        return menu.menuAction()
    found = [a for a in window.findChildren(QAction) if a.objectName() == entry.name]
    assert len(found) == 1, entry.name
    return found[0]


def test_every_declared_entry_is_in_its_menu_with_a_unique_accelerator(window: MainWindow) -> None:
    declared = [(holder, entry) for holder, entry in menus.walk() if entry != menus.SEPARATOR]
    assert len(declared) > 50
    letters: dict[str, list[str]] = {}
    for holder, entry in declared:
        assert not isinstance(entry, str)
        action = _shown(window, entry)
        menu = _menu_of(window, holder)
        place = window.menuBar().actions() if menu is None else menu.actions()
        assert action in place, entry.name
        text = action.text()
        assert plain_text(text).startswith(plain_text(menus.text_of(entry))), (entry.name, text)
        mark = re.search(r"&(\w)", text)
        assert mark, f"“{text}” ({entry.name}) has no accelerator"
        letters.setdefault(holder.name if holder else "", []).append(mark.group(1).upper())
    for menu_name, marks in letters.items():
        assert len(marks) == len(set(marks)), (menu_name, marks)


def test_the_menus_hold_the_declared_entries_in_the_declared_order(window: MainWindow) -> None:
    for top in menus.menus():
        menu = window.findChild(QMenu, top.name)
        assert menu is not None
        built = ["-" if a.isSeparator() else a.objectName() or a.menu().objectName()
                 for a in menu.actions()]
        assert built == [e if isinstance(e, str) else e.name for e in top.entries], top.name


def test_collects_entries_sit_where_declared(window: MainWindow) -> None:
    file_menu = window.findChild(QMenu, "file")
    names = [a.objectName() or (a.menu().objectName() if a.menu() else "-")
             for a in file_menu.actions()]
    at = names.index("previews")
    assert names[at + 1:at + 4] == ["handout", "collect", "collect_progress"]
    assert names[at + 4:] == ["-", "quit"]
    progress = window.findChild(QAction, "collect_progress")
    assert plain_text(progress.text()) == "汇总进度" and progress.isCheckable()
    progress.trigger()
    assert window.collect_panel.isVisible()
    progress.trigger()
    assert not window.collect_panel.isVisible()


def test_print_previews_come_from_the_summary_and_the_layouts(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from gui.dialogs import print_preview

    previews = window.findChild(QMenu, "previews")
    texts = [plain_text(a.text()) for a in previews.actions()]
    assert texts == ["工作总结", *(menus.preview(name).text for name in layout_names())]
    assert "自查表" in texts
    chosen: list[str] = []
    monkeypatch.setattr(print_preview, "preview",
                        lambda _parent, _services, _assessment, source: chosen.append(source))
    for action in previews.actions():
        action.trigger()
    assert chosen == ["summary", *layout_names()]
    assert previews.actions()[0].shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert {p.format for p in menus.previews()} == {"word", "excel"}
