"""Accelerator letters for every menu entry (Alt+F opens 文件, a letter then picks an entry), and
the shortcut sheet of Help → 快捷键, both read off the window's actions."""

from __future__ import annotations

import re
import string

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

_MARK = re.compile(r"\(&(\w)\)|&(\w)")
FALLBACK = string.ascii_uppercase + "123456789"


def plain_text(text: str) -> str:
    """A menu text as the clerk reads it: without its accelerator mark."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def assign(menu: QMenu) -> None:
    """Each entry of menu without an accelerator gets one, unique within the menu; its letter
    comes from the action's English name (new_item → N), else the next free letter."""
    used = {(m.group(1) or m.group(2)).upper() for a in menu.actions()
            for m in [_MARK.search(a.text())] if m}
    for action in menu.actions():
        text = action.text()
        if action.isSeparator() or not text or "&" in text:
            continue
        letter = next((c for c in _candidates(action) if c not in used), None)
        if letter is None:
            continue
        used.add(letter)
        if not action.iconText() or action.iconText() == text.rstrip("…"):
            action.setIconText(text.rstrip("…"))  # toolbar buttons without the "(N)"
        action.setText(_marked(text, letter))


def assign_all(widget: QWidget) -> None:
    for menu in widget.findChildren(QMenu):
        assign(menu)


def _candidates(action: QAction) -> list[str]:
    name = action.objectName() or (action.menu().objectName() if action.menu() else "")
    words = [w for w in re.split(r"[_\W\d]+", name) if w]
    latin = [c for c in action.text() if c.isascii() and c.isalpha()]
    ordered = [w[0] for w in words] + [c for w in words for c in w] + latin + list(FALLBACK)
    return [c.upper() for c in ordered]


def _marked(text: str, letter: str) -> str:
    """"新建自评…" → "新建自评(&N)…"; "New item" → "&New item" (the letter in the text)."""
    position = text.upper().find(letter)
    if text.rstrip("…").isascii() and position >= 0:  # "Add files…" → "&Add files…"
        return f"{text[:position]}&{text[position:]}"
    base, dots = (text[:-1], "…") if text.endswith("…") else (text, "")
    return f"{base}(&{letter}){dots}"


def shortcut_rows(widget: QWidget) -> list[tuple[str, str]]:
    """(entry, keys) for every action of the window that has a keyboard shortcut, sorted."""
    rows: dict[str, str] = {}
    for action in widget.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        if keys and action.text():  # undo/redo: the verb, not the step they would undo now
            name = action.iconText() if action.objectName() in ("undo", "redo") else action.text()
            rows.setdefault(plain_text(name).rstrip("…"), " / ".join(keys))
    return sorted(rows.items(), key=lambda row: row[1])
