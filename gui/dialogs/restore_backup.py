"""Tools → Restore from backup: the backups with their date and contents; the chosen one replaces
the database (its current state is backed up first)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.backups import BackupInfo, list_backups

REASONS = {"daily": "每日自动", "manual": "手动", "before-restore": "恢复前",
           "before-upgrade": "升级前"}


class RestoreDialog(QDialog):
    def __init__(self, parent: QWidget, database: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("从备份恢复"))
        self.backups: list[BackupInfo] = list_backups(database)
        self.table = QTableWidget(len(self.backups), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("时间"), self.tr("类型"), self.tr("自评"),
                                              self.tr("事项")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, info in enumerate(self.backups):
            reason = next((v for k, v in REASONS.items() if info.reason.startswith(k)), info.reason)
            for column, text in enumerate((info.created.strftime("%Y-%m-%d %H:%M:%S"), reason,
                                           str(info.assessments), str(info.items))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.backups:
            self.table.selectRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("恢复"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("恢复前会先备份当前状态，恢复后也可以再恢复回来。"), self))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 400)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None
