"""The evidence (证明材料) of the selected item: add files (dialog or drag), notes, classified
entries; open, remove; edit title, 文号 and date in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.commands.base import EditContext
from gui.commands.evidence import AddEvidenceCommand, RemoveEvidenceCommand
from gui.commands.fields import EditFieldCommand
from gui.infra import button_accelerators
from gui.infra.undo_target import UndoTarget
from gui.infra.widgets import DateField, GrowingTextEdit, name_form_fields
from gui.item_models.evidence_table import COLUMNS, EvidenceTableModel
from gui.panels.item_editor import shorten
from model.edits.changes import Changes
from model.errors import ModelError
from model.framework.evidence import expand_folders
from model.maintenance import is_executable, viewer_copy
from model.sharing.permissions import cached_rights
from model.text.dates import parse_date


class EvidencePanel(QWidget):
    folder_used = Signal(str)

    def __init__(self, context: EditContext, stack: UndoTarget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.stack = context, stack
        self.item_id: int | None = None
        self.model = EvidenceTableModel(self)
        self.model.edit_requested.connect(self._edit)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):  # 文号, 日期, 大小, 类型 as narrow as they can be
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda index: self.open_selected() if index.column() > 2
                                         else None)
        self.add_files_button = QPushButton(self.tr("添加文件…"), self)
        self.add_note_button = QPushButton(self.tr("添加文字说明/涉密材料…"), self)
        self.open_button = QPushButton(self.tr("打开"), self)
        self.remove_button = QPushButton(self.tr("移除"), self)
        # Alt+A 添加文件(A)…, Alt+D, Alt+O, Alt+R: reachable without tabbing through the editor
        button_accelerators.assign(self)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_note_button.clicked.connect(self.add_note)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_note_button, self.open_button,
                       self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel(self.tr("证明材料（可把文件拖到这里）"), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.last_folder = ""
        self._pending: list[tuple[int, str, object]] = []  # cell edits waiting for the editor to close
        context.notifier.changed.connect(self._on_changed)

    def show_item(self, item_id: int | None) -> None:
        self.item_id = item_id
        self.setEnabled(item_id is not None)
        self.reload()
        self._apply_rights()

    def _apply_rights(self) -> None:
        """On a server, the evidence of another 处室's item is read-only for a clerk (and why)."""
        rights = cached_rights(self.context.services.db)
        why = ""
        if self.item_id is not None and not rights.edits_everything:
            why = rights.why_not(self.context.services.items.get(self.item_id).department)
        for button in (self.add_files_button, self.add_note_button, self.remove_button):
            button.setEnabled(not why)
            button.setToolTip(why)
        self.setAcceptDrops(not why)

    def reload(self) -> None:
        rows = self.context.services.evidence.list(self.item_id) if self.item_id else []
        self.model.set_rows(rows)

    # --- adding -----------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("选择证明材料文件"), self.last_folder)
        if names:
            self.add_files([Path(n) for n in names])

    def add_files(self, paths: list[Path]) -> None:
        """Attach files (a folder adds the files in it) as one undo step."""
        if self.item_id is None:
            return
        files = expand_folders(paths)
        if not files:
            return
        self.stack.beginMacro(self.tr("添加 %1 个证明材料").replace("%1", str(len(files))))
        try:
            for path in files:
                command = AddEvidenceCommand(self.context, self.item_id, self.tr("添加证明材料"),
                                             file=path)
                command.subject = self._subject(path.name)
                self.stack.push(command)
        finally:
            self.stack.endMacro()
        self.last_folder = str(files[-1].parent)
        self.folder_used.emit(self.last_folder)

    def add_note(self) -> None:
        if self.item_id is None:
            return
        dialog = NoteDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        command = AddEvidenceCommand(self.context, self.item_id, self.tr("添加文字说明"), file=None,
                                     **values)
        command.subject = self._subject(str(values.get("title") or values.get("note") or ""))
        self.stack.push(command)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.item_id is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    # --- others ----------------------------------------------------------------------------
    def selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def open_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        record = self.model.record(row)
        if not record.has_file:
            QMessageBox.information(self, self.tr("证明材料"), record.note or record.title)
            return
        try:
            stored = self.context.services.evidence.file_path(record.id)
        except ModelError as exc:
            QMessageBox.warning(self, self.tr("无法打开"), exc.message)
            return
        open_in_viewer(self, stored, record.file_name)

    def remove_selected(self) -> None:
        row = self.selected()
        if row is None or self.item_id is None:
            return
        record = self.model.record(row)
        command = RemoveEvidenceCommand(self.context, self.item_id, record.id,
                                        self.tr("移除证明材料"))
        command.subject = self._subject(record.title or record.file_name or "")
        self.stack.push(command)

    def _edit(self, evidence_id: int, field: str, value: object) -> None:
        # after the view has closed its cell editor: the save reloads the rows, and a reload
        # under an open editor makes the view commit an editor that no longer belongs to it
        self._pending.append((evidence_id, field, value))
        QTimer.singleShot(0, self.commit)

    def commit(self) -> None:
        """Cell edits not yet saved are saved now (the window calls this before other work)."""
        pending, self._pending = self._pending, []
        for evidence_id, field, value in pending:
            self._save_edit(evidence_id, field, value)

    def _save_edit(self, evidence_id: int, field: str, value: object) -> None:
        record = self.model.record_by_id(evidence_id)
        self.stack.push(EditFieldCommand(
            self.context, "evidence", evidence_id, field, getattr(record, field), value, visit=0,
            label=self.model.headerData(COLUMNS.index(field), Qt.Orientation.Horizontal),
            subject=self._subject(record.title or record.file_name or "")))

    def _subject(self, name: str) -> str:
        """An evidence row as the clerk sees it in the list, for messages."""
        return self.tr("证明材料“%1”").replace("%1", shorten(name, 30))

    def _on_changed(self, changes: Changes, _origin: str) -> None:
        if self.item_id in changes.evidence:
            self.reload()


class NoteDialog(QDialog):
    """A written-only evidence entry; 涉密 material is recorded this way (no file is kept)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加文字说明或涉密材料"))
        form = QFormLayout(self)
        self.title = QLineEdit(self)
        self.doc_no = QLineEdit(self)
        self.date = DateField(self)
        self.note = GrowingTextEdit(self, min_lines=3)
        self.classified = QCheckBox(self.tr("涉密（只保留说明，不附电子文件）"), self)
        form.addRow(self.tr("标题"), self.title)
        form.addRow(self.tr("文号"), self.doc_no)
        form.addRow(self.tr("日期"), self.date)
        form.addRow(self.tr("说明"), self.note)
        form.addRow("", self.classified)
        name_form_fields(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """A date that cannot be read keeps the dialog open with everything typed."""
        try:
            parse_date(self.date.text.text())
        except ModelError as exc:
            QMessageBox.warning(self, self.tr("日期无效"), exc.message)
            self.date.text.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, object]:
        return {"title": self.title.text(), "note": self.note.toPlainText(),
                "doc_no": self.doc_no.text(), "issued_on": parse_date(self.date.text.text()),
                "classified": self.classified.isChecked()}


def open_in_viewer(parent: QWidget, stored: Path, file_name: str | None) -> Path | None:
    """The store keeps files by hash: a named read-only copy in a private folder is opened, so
    the viewer shows the name; a program or script is only shown in its folder, never run."""
    try:
        copy = viewer_copy(stored, file_name)
    except OSError as exc:
        QMessageBox.warning(parent, parent.tr("无法打开"), str(exc))
        return None
    if is_executable(copy.name):
        QMessageBox.information(parent, parent.tr("不直接打开程序"), parent.tr(
            "“%1”是程序或脚本，为安全起见不直接打开，只显示其所在的文件夹。").replace("%1", copy.name))
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy.parent)))
    elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy))):
        _offer_folder(parent, copy)
    return copy


def _offer_folder(parent: QWidget, copy: Path) -> None:
    """No program on this computer opens the file: say so, and offer its folder instead."""
    answer = QMessageBox.question(parent, parent.tr("没有可打开此文件的程序"), parent.tr(
        "这台电脑上没有能打开“%1”的程序。是否打开它所在的文件夹？").replace("%1", copy.name))
    if answer == QMessageBox.StandardButton.Yes and not QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(copy.parent))):
        QMessageBox.information(parent, parent.tr("文件位置"), parent.tr(
            "文件的副本在：%1").replace("%1", str(copy)))
