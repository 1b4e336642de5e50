"""Every dialog's buttons get an accelerator letter as the dialog is shown, unique within it, and
Alt+letter presses the button (tests/gui/test_quit_after_dialogs.py checks every dialog)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QMessageBox, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from gui.infra import button_accelerators


def test_a_message_box_buttons_get_letters_from_their_meaning(qtbot: QtBot) -> None:
    button_accelerators.install()
    box = QMessageBox(QMessageBox.Icon.Information, "导出完成", "已导出：总结.docx")
    qtbot.addWidget(box)
    opened = box.addButton("打开", QMessageBox.ButtonRole.AcceptRole)
    folder = box.addButton("打开所在文件夹", QMessageBox.ButtonRole.ActionRole)
    close = box.addButton("关闭", QMessageBox.ButtonRole.RejectRole)
    box.show()
    qtbot.waitExposed(box)
    assert [opened.text(), folder.text(), close.text()] == ["打开(&O)", "打开所在文件夹(&F)", "关闭(&C)"]


def test_letters_are_unique_and_alt_letter_presses_the_button(qtbot: QtBot) -> None:
    button_accelerators.install()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    browse, add_file, add_note = (QPushButton(text, dialog)
                                  for text in ("浏览…", "添加文件…", "添加文字说明…"))
    attach = QCheckBox("附自查表作为附件", dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, parent=dialog)
    connect = buttons.button(QDialogButtonBox.StandardButton.Ok)
    connect.setText("连接")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    for widget in (browse, add_file, add_note, attach, buttons):
        layout.addWidget(widget)
    pressed: list[str] = []
    browse.clicked.connect(lambda: pressed.append("browse"))
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = [browse.text(), add_file.text(), add_note.text(), connect.text(),
             buttons.button(QDialogButtonBox.StandardButton.Cancel).text()]
    assert texts == ["浏览(&B)…", "添加文件(&A)…", "添加文字说明(&D)…", "连接(&O)", "取消(&C)"]
    assert attach.text() == "附自查表作为附件(&E)"  # after the push buttons: the next free letter
    dialog.activateWindow()
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: pressed == ["browse"])  # the button shows itself pressed a moment
    dialog.show()  # shown again: nothing marked twice
    assert browse.text() == "浏览(&B)…"
