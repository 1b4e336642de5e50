"""The main path by keyboard alone: find an item, edit its 落实情况, set its status, run 体检."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.item_models.framework_tree import ID_ROLE, ITEM, KIND_ROLE
from gui.window.main_window import MainWindow
from model.services import Services


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def type_chinese(widget: QWidget, text: str) -> None:
    """Chinese arrives as an input method's commit, as from a real IME (not as key codes)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def tab_until(qtbot: QtBot, target: QWidget, limit: int = 40) -> None:
    for _ in range(limit):
        if focused() is target:
            return
        qtbot.keyClick(focused() or QApplication.activeWindow(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}; stuck at {focused()!r}")


def test_find_edit_and_review_without_the_mouse(qtbot: QtBot, window: MainWindow,
                                                demo: Services, demo_id: int) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.filter_bar.text
    target = demo.items.list(demo_id)[6]
    type_chinese(window.filter_bar.text, target.content[:6])
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Return)
    current = window.tree.currentIndex()
    assert focused() is window.tree
    assert (current.data(KIND_ROLE), current.data(ID_ROLE)) == (ITEM, target.id)
    result = window.item_editor.texts["result"].edit
    tab_until(qtbot, result)
    assert result.textCursor().atEnd()  # typing adds to the text, never prepends
    qtbot.keyClick(result, Qt.Key.Key_Space)
    type_chinese(result, "另补一句。")
    window.commit_editors()
    assert demo.items.get(target.id).result.endswith("另补一句。")
    qtbot.keyClick(window, Qt.Key.Key_R,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.review.isVisible()
    assert focused() is window.review.list  # arrows and Enter go to the list, not the text


def test_down_in_the_find_box_goes_to_the_first_match(qtbot: QtBot, window: MainWindow) -> None:
    window.filter_bar.text.setFocus()
    type_chinese(window.filter_bar.text, "执法")
    qtbot.keyClick(window.filter_bar.text, Qt.Key.Key_Down)
    current = window.tree.currentIndex()
    assert focused() is window.tree and current.data(KIND_ROLE) == ITEM
    assert "执法" in window.item_editor.texts["content"].edit.toPlainText() + \
        window.item_editor.texts["result"].edit.toPlainText()


def test_a_problem_hidden_by_the_find_is_still_opened(qtbot: QtBot, window: MainWindow,
                                                     demo: Services, demo_id: int) -> None:
    """体检 opens an item the find box had filtered out: the find is cleared, the item shown."""
    items = demo.items.list(demo_id)
    hidden = items[2]
    type_chinese(window.filter_bar.text, items[6].content[:6])
    assert window.tree_model.index_of(ITEM, hidden.id).isValid() is False
    window.select(ITEM, hidden.id)
    current = window.tree.currentIndex()
    assert (current.data(KIND_ROLE), current.data(ID_ROLE)) == (ITEM, hidden.id)
    assert window.filter_bar.text.text() == ""


def test_tab_from_the_tree_goes_straight_to_the_status(qtbot: QtBot, window: MainWindow) -> None:
    window.select_first_item()  # an item shown in the editor
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Tab)
    assert focused() is window.item_editor.status  # no invisible stop on the way


def test_alt_a_attaches_a_file_to_the_item_shown(qtbot: QtBot, window: MainWindow, demo: Services,
                                                  demo_id: int, tmp_path, monkeypatch) -> None:
    """添加文件(A)… without tabbing through the editor's fields; the evidence buttons' letters
    clash with no menu's."""
    from PySide6.QtWidgets import QFileDialog

    proof = tmp_path / "接种台账.txt"
    proof.write_text("台账", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args: ([str(proof)], ""))
    target = demo.items.list(demo_id)[6]
    window.select(ITEM, target.id)
    window.activateWindow()
    window.item_editor.texts["result"].edit.setFocus()
    qtbot.keyClick(focused() or window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.evidence.model.rowCount() == 1)
    assert [e.title for e in demo.evidence.list(target.id)] == ["接种台账"]
    panel = window.evidence
    letters = [b.text().split("(&")[1][0] for b in (panel.add_files_button, panel.add_note_button,
                                                    panel.open_button, panel.remove_button)]
    menus = [a.text().split("(&")[1][0] for a in window.menuBar().actions() if "(&" in a.text()]
    assert len(set(letters)) == 4 and not set(letters) & set(menus)
