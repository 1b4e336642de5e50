"""Every menu entry has an accelerator letter, unique in its menu; the shortcut sheet lists keys."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QMenu, QMessageBox

from gui.infra.accelerators import plain_text, shortcut_rows
from gui.window.help_menu import show_shortcuts
from gui.window.main_window import MainWindow


def test_every_menu_entry_has_a_unique_accelerator(window: MainWindow) -> None:
    menus = window.findChildren(QMenu)
    assert len(menus) >= 6
    for menu in menus:
        if menu is window.recent_menu:
            continue  # file names, rebuilt as files are opened
        letters = []
        for action in menu.actions():
            if action.isSeparator() or not action.text():
                continue
            mark = re.search(r"&(\w)", action.text())
            assert mark, f"{plain_text(menu.title())}: “{action.text()}” has no accelerator"
            letters.append(mark.group(1).upper())
        assert len(letters) == len(set(letters)), (menu.title(), letters)
    new_item = next(a for a in window.findChildren(type(window.undo_action))
                    if a.objectName() == "new_item")
    assert re.fullmatch(r"新建自查事项\(&[A-Z]\)", new_item.text())


def test_the_shortcut_sheet_lists_the_keys(window: MainWindow,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    rows = dict(shortcut_rows(window))
    assert rows["查找"] == "Ctrl+F" and rows["体检"] == "Ctrl+Shift+R"
    show_shortcuts(window)
    assert "Ctrl+Shift+R" in shown[0] and "回车" in shown[0]
