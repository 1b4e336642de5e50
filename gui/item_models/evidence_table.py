"""The evidence of one item as a table: title, 文号, date, size, kind; edits become commands."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from model.records import EvidenceRecord

COLUMNS = ("title", "doc_no", "issued_on", "size", "kind")
EDITABLE = {"title", "doc_no", "issued_on"}
AnyIndex = QModelIndex | QPersistentModelIndex


def human_size(size: int | None) -> str:
    if size is None:
        return ""
    scaled = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if scaled < 1024 or unit == "GB":
            return f"{scaled:.0f} {unit}" if unit == "B" else f"{scaled:.1f} {unit}"
        scaled /= 1024
    return ""


class EvidenceTableModel(QAbstractTableModel):
    # evidence id, field, new value: the panel turns it into an undoable command
    edit_requested = Signal(int, str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRecord] = []
        self._headers = (self.tr("标题"), self.tr("文号"), self.tr("日期"), self.tr("大小"),
                         self.tr("类型"))

    def set_rows(self, rows: list[EvidenceRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> EvidenceRecord:
        return self._rows[row]

    def record_by_id(self, evidence_id: int) -> EvidenceRecord:
        return next(r for r in self._rows if r.id == evidence_id)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.note or record.file_name or record.title
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()] in EDITABLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = COLUMNS[index.column()]
        if role != Qt.ItemDataRole.EditRole or column not in EDITABLE:
            return False
        record = self._rows[index.row()]
        if str(value) != getattr(record, column):
            self.edit_requested.emit(record.id, column, str(value))
        return False  # the change arrives back through the notifier

    def _text(self, record: EvidenceRecord, column: str) -> str:
        if column == "size":
            return human_size(record.file_size)
        if column == "kind":
            if record.classified:
                return self.tr("涉密（仅说明）")
            if not record.has_file:
                return self.tr("文字说明")
            suffix = PurePath(record.file_name or "").suffix.lstrip(".").upper()
            return self.tr("%1 文件").replace("%1", suffix) if suffix else self.tr("文件")
        return str(getattr(record, column) or "")
