"""A field of the finance form changed elsewhere while the clerk edited it: both versions side by
side (mine / theirs), and the clerk takes one or writes a merge; nothing typed is dropped unseen."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)


class FieldConflictDialog(QDialog):
    """chosen: the text to store (mine, theirs or the edit); theirs when the dialog is closed."""

    def __init__(self, parent: QWidget | None, label: str, mine: str, theirs: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("内容冲突：%1").replace("%1", label))
        self.resize(820, 380)
        self.mine, self.theirs = mine, theirs
        self.chosen = theirs
        grid = QGridLayout(self)
        intro = self.tr("“%1”在您修改期间已被其他窗口或程序改为右侧的内容。请选择保留哪一个，"
                        "或在下方改写后采用：").replace("%1", label)
        note = QLabel(intro, self)
        note.setWordWrap(True)
        grid.addWidget(note, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("我的（本窗口输入的）"), self), 1, 0)
        grid.addWidget(QLabel(self.tr("对方的（已保存的）"), self), 1, 1)
        self.mine_view = self._view(mine, read_only=True)
        self.theirs_view = self._view(theirs, read_only=True)
        grid.addWidget(self.mine_view, 2, 0)
        grid.addWidget(self.theirs_view, 2, 1)
        grid.addWidget(QLabel(self.tr("采用结果（可改写）"), self), 3, 0, 1, 2)
        self.result_view = self._view(mine, read_only=False)
        grid.addWidget(self.result_view, 4, 0, 1, 2)
        buttons = QDialogButtonBox(self)
        self.take_mine = self._button(buttons, self.tr("采用我的"), lambda: self._choose(mine))
        self.keep_theirs = self._button(buttons, self.tr("保留对方的"), lambda: self._choose(theirs))
        self.take_edit = self._button(buttons, self.tr("采用改写结果"),
                                      lambda: self._choose(self.result_view.toPlainText()))
        grid.addWidget(buttons, 5, 0, 1, 2)

    def _view(self, text: str, *, read_only: bool) -> QPlainTextEdit:
        view = QPlainTextEdit(text, self)
        view.setReadOnly(read_only)
        return view

    def _button(self, box: QDialogButtonBox, text: str, slot: object) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _choose(self, text: str) -> None:
        self.chosen = text
        self.accept()


def resolve_conflict(parent: QWidget | None, label: str, mine: str, theirs: str) -> str:
    """The clerk's choice between the text typed here and the one stored meanwhile."""
    dialog = FieldConflictDialog(parent, label, mine, theirs)
    dialog.exec()
    return dialog.chosen
