"""修改记录 of one item: who changed which field when, the old and the new value."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.infra.errors import describe
from model.errors import ModelError
from model.services import Services
from model.sharing.audit import Change
from model.vocabulary import ITEM_FIELDS

FIELD_NAMES = {**{spec.code: spec.label for spec in ITEM_FIELDS},
               "position": "顺序", "dimension_id": "所属维度", "*": "新建或删除"}


def field_label(field: str) -> str:
    if field.startswith("evidence:"):
        _, rest = field.split(":", 1)
        number, _, name = rest.partition(".")
        return f"证明材料 {number}：{FIELD_NAMES.get(name, name)}"
    return FIELD_NAMES.get(field, field)


class ItemHistoryDialog(QDialog):
    def __init__(self, parent: QWidget, subject: str, changes: list[Change]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改记录"))
        self.table = QTableWidget(len(changes), 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间（UTC）"), self.tr("修改人"), self.tr("字段"),
                                              self.tr("原值"), self.tr("新值")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, change in enumerate(reversed(changes)):  # the newest first
            for column, text in enumerate((change.when, change.who, field_label(change.field),
                                           change.old or "", change.new or "")):
                cell = QTableWidgetItem(text if len(text) <= 200 else text[:200] + "…")
                cell.setToolTip(text[:2000])
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(subject if changes else self.tr("%1：还没有修改记录。").replace(
            "%1", subject), self))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)


def show_item_history(parent: QWidget, services: Services, item_id: int, subject: str) -> None:
    try:
        changes = services.audit.item_history(item_id)
    except (ModelError, OSError) as exc:
        QMessageBox.warning(parent, parent.tr("无法读取修改记录"), describe(exc))
        return
    ItemHistoryDialog(parent, subject, changes).exec()
